"""The blind held-out suite: size, mix, oracle labels, evidence in the corpus, registration."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest

from evals.datasets import SUITES, VERDICT_SUITES, Record, load_suite
from evals.oracle import FACT_NAMES, Verdict
from rag.settings import default_corpus_dir

ASKS = (Verdict.prohibited, Verdict.depends, Verdict.not_prohibited)


@pytest.fixture(scope="module")
def heldout() -> list[Record]:
    return load_suite("heldout")


def test_registered_as_a_suite() -> None:
    assert "heldout" in SUITES
    assert "heldout" in VERDICT_SUITES


def test_size_ids_and_mix(heldout: list[Record]) -> None:
    assert len(heldout) >= 80
    ids = [r.id for r in heldout]
    assert len(ids) == len(set(ids))
    assert all(r.suite == "heldout" for r in heldout)
    assert len({r.question for r in heldout}) == len(heldout)
    verdicts = Counter(r.gold_verdict for r in heldout if not r.turns)
    for verdict in ASKS:
        assert verdicts[verdict] >= 15, verdict
    assert verdicts[Verdict.informational] >= 8
    assert verdicts[Verdict.out_of_scope] >= 8
    assert sum(1 for r in heldout if r.turns) >= 5


def test_dialogues_settle_what_was_open(heldout: list[Record]) -> None:
    for record in (r for r in heldout if r.turns):
        assert record.turns[0].gold_verdict is Verdict.depends, record.id
        assert record.turns[-1].gold_verdict is not Verdict.depends, record.id
        assert record.gold_facts == record.turns[-1].gold_facts, record.id
        for before, after in pairwise(record.turns):
            changed = [
                n
                for n in FACT_NAMES
                if getattr(before.gold_facts, n) != getattr(after.gold_facts, n)
            ]
            assert changed, record.id
            assert all(getattr(before.gold_facts, n) == "unknown" for n in changed), record.id


def _article_body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n.*?\n---\n", text, flags=re.S)
    return text[match.end() :] if match else text


def test_informational_evidence_is_exact_article_text(heldout: list[Record]) -> None:
    corpus = default_corpus_dir()
    informational = [r for r in heldout if r.gold_verdict is Verdict.informational]
    assert informational
    for record in informational:
        assert record.gold_evidence, record.id
        for evidence in record.gold_evidence:
            assert evidence.source.startswith("articles/"), record.id
            path = corpus / evidence.source
            assert path.is_file(), evidence.source
            assert evidence.quote in _article_body(path), (record.id, evidence.quote)
