"""rag/bm25.py scores exactly as bm25s (the library the retrieval weights were tuned
with) over the corpus's paragraphs and every eval question."""

from __future__ import annotations

import bm25s
import pytest

from rag.bm25 import BM25
from rag.lexical import content_terms
from tests.tokenizer_texts import corpus_texts, question_texts


@pytest.fixture(scope="module")
def documents() -> list[list[str]]:
    docs = [content_terms(text) or ["_"] for text in dict.fromkeys(corpus_texts())]
    assert len(docs) > 50
    return docs


def _reference(documents: list[list[str]]) -> bm25s.BM25:
    index = bm25s.BM25()
    index.index(bm25s.tokenize([" ".join(t) for t in documents], stopwords=None,
                               show_progress=False), show_progress=False)
    return index


def test_scores_as_bm25s(documents: list[list[str]]) -> None:
    ours, theirs = BM25(documents), _reference(documents)
    queries = [content_terms(q) for q in dict.fromkeys(question_texts())]
    queries = [q for q in queries if q]
    assert len(queries) > 2000
    for terms in queries:
        expected = [float(s) for s in theirs.get_scores(terms)]
        got = ours.scores(terms)
        # bm25s keeps float32; ours is float64.
        assert got == pytest.approx(expected, rel=1e-5, abs=1e-5), terms


def test_a_repeated_term_counts_twice_and_an_unknown_one_not_at_all() -> None:
    index = BM25([["face", "recognit"], ["polic", "polic", "camera"], ["weather"]])
    once, twice = index.scores(["polic"]), index.scores(["polic", "polic"])
    assert once[1] > 0 and once[0] == once[2] == 0
    assert twice[1] == pytest.approx(2 * once[1])
    assert index.scores(["zebra"]) == [0.0, 0.0, 0.0]


def test_an_empty_index_scores_nothing() -> None:
    assert BM25([]).scores(["polic"]) == []
