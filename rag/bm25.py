"""BM25 over the chunk texts, in plain Python: the corpus is a few hundred chunks.

It scores exactly as bm25s's default (Lucene's BM25, k1 = 1.5, b = 0.75, bm25s's
`\\w\\w+` tokens), which the retrieval weights were measured with, without importing
bm25s and scipy: those two took a third of a cold `policyqa ask`.
"""

from __future__ import annotations

import math
import re
from collections import Counter

__all__ = ["BM25"]

K1 = 1.5
B = 0.75
# bm25s's tokenizer: words of two or more word characters.
_TOKEN = re.compile(r"(?u)\b\w\w+\b")


class BM25:
    """An inverted index of each term's BM25 weight in each document."""

    def __init__(self, documents: list[list[str]]) -> None:
        tokenized = [_TOKEN.findall(" ".join(terms).lower()) for terms in documents]
        self.size = len(tokenized)
        lengths = [len(tokens) for tokens in tokenized]
        average = (sum(lengths) / self.size) if self.size else 1.0
        counts = [Counter(tokens) for tokens in tokenized]
        df: Counter[str] = Counter()
        for tf in counts:
            df.update(tf.keys())
        self.postings: dict[str, list[tuple[int, float]]] = {}
        for term, d in df.items():
            idf = math.log(1 + (self.size - d + 0.5) / (d + 0.5))
            self.postings[term] = [
                (i, idf * tf[term] / (K1 * ((1 - B) + B * lengths[i] / average) + tf[term]))
                for i, tf in enumerate(counts)
                if term in tf
            ]

    def scores(self, query_terms: list[str]) -> list[float]:
        """Each document's score; a term repeated in the query counts each time, as in bm25s."""
        scores = [0.0] * self.size
        for term in query_terms:
            for i, weight in self.postings.get(term, ()):
                scores[i] += weight
        return scores
