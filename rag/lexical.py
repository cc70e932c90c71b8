"""Word normalisation shared by BM25 and extractive sentence scoring."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["STOPWORDS_EN", "content_terms", "stem"]

# Lucene's English stop set (as bm25s ships it).
STOPWORDS_EN = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is",
    "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there",
    "these", "they", "this", "to", "was", "will", "with",
})

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    extra = {"can", "could", "would", "may", "might", "also", "does", "did", "use", "using",
             "what", "which", "about", "who", "whom", "when", "where", "why", "how", "tell", "say", "said"}
    return STOPWORDS_EN | extra


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer  # PyStemmer: Snowball English, C speed

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball stem: announce/announced/announcement, bias/biases share one."""
    return str(_stemmer().stemWord(word))


def content_terms(text: str) -> list[str]:
    """Lower-cased, stemmed words without stopwords."""
    stop = _stopwords()
    words = _WORD.findall(text.lower().replace("’", "'"))
    return [stem(w) for w in words if w not in stop and len(w) > 1]
