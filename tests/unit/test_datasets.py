"""The evaluation datasets: sizes, shape, and gold labels that cannot drift from the oracle."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest

from evals import generate
from evals.datasets import (
    BLIND_SUITES,
    SUITES,
    VERDICT_SUITES,
    Record,
    load_blind_header,
    load_suite,
)
from evals.oracle import FACT_NAMES, Facts, Verdict, decide
from rag.settings import default_corpus_dir

MIN_SIZES = {
    "canonical": 12,
    "grid": 2000,
    "curated": 80,
    "informational": 25,
    "out_of_scope": 25,
    "adversarial": 25,
    "dialogues": 10,
    "heldout": 80,
}
ASKS = {Verdict.prohibited, Verdict.depends, Verdict.not_prohibited}


@pytest.fixture(scope="module")
def suites() -> dict[str, list[Record]]:
    return {name: load_suite(name) for name in SUITES}


def test_sizes_and_ids(suites: dict[str, list[Record]]) -> None:
    ids: list[str] = []
    for name, records in suites.items():
        if name in BLIND_SUITES:
            continue  # test_blind_sets
        assert len(records) >= MIN_SIZES[name], name
        assert all(r.suite == name for r in records)
        ids += [r.id for r in records]
    assert len(ids) == len(set(ids)), "record ids are unique across suites"


def test_unknown_suite_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown suite"):
        load_suite("nope")


@pytest.mark.parametrize("suite", VERDICT_SUITES)
def test_gold_labels_are_the_oracles(suites: dict[str, list[Record]], suite: str) -> None:
    for record in suites[suite]:
        if record.gold_facts is None:
            assert record.gold_verdict in (Verdict.informational, Verdict.out_of_scope)
            assert not record.gold_clauses and not record.gold_caveats, record.id
            continue
        decision = decide(record.gold_facts)
        assert record.gold_verdict is decision.verdict, record.id
        assert record.gold_clauses == decision.clauses, record.id
        assert record.gold_caveats == decision.caveats, record.id
        for turn in record.turns:
            assert turn.gold_verdict is decide(turn.gold_facts).verdict, record.id


def test_grid_is_deterministic_balanced_and_varied(suites: dict[str, list[Record]]) -> None:
    regenerated = generate.generate_grid()
    on_disk = suites["grid"]
    assert [(r.question, r.gold_facts) for r in regenerated] == [
        (r.question, r.gold_facts) for r in on_disk
    ], "grid.jsonl is stale: run python -m evals.generate"
    verdicts = Counter(r.gold_verdict for r in on_disk)
    assert set(verdicts) == ASKS
    assert max(verdicts.values()) - min(verdicts.values()) <= 1
    assert len({r.notes for r in on_disk}) >= 20, "at least 20 phrasing templates in use"
    assert len(generate.TEMPLATES) >= 20
    assert len({r.question for r in on_disk}) == len(on_disk)
    # Every fact is left unstated somewhere, and stated both ways somewhere else.
    for name in FACT_NAMES:
        values = {getattr(r.gold_facts, name) for r in on_disk if r.gold_facts}
        assert "unknown" in values and len(values) >= 3, name


def test_grid_uses_the_lexicons(suites: dict[str, list[Record]]) -> None:
    text = "\n".join(r.question for r in suites["grid"])
    lexicons = {
        "US agencies": generate.US_AGENCIES,
        "US states": generate.US_STATES,
        "US cities": generate.US_CITIES,
        "non-US agencies": generate.WORLD_AGENCIES,
        "non-US cities": generate.WORLD_CITIES,
        "countries": tuple(adj for _c, adj in generate.COUNTRIES),
        "mobile cameras": generate.MEDIA["yes"],
        "fixed cameras": generate.MEDIA["no"],
        "live": generate.WHEN["yes"],
        "afterwards": generate.WHEN["no"],
        "patrols and crowds": generate.WHERE_POLICE["yes"] + generate.WHERE["yes"],
        "stations and back offices": generate.WHERE_POLICE["no"],
        "consent": generate.CONSENT["yes"],
        "no consent": generate.CONSENT["no"],
    }
    for lexicon, phrases in lexicons.items():
        used = [p for p in phrases if p in text]
        assert len(used) >= min(len(phrases), 3), lexicon


def test_curated_voices(suites: dict[str, list[Record]]) -> None:
    voices = Counter(r.voice for r in suites["curated"])
    assert None not in voices
    assert len(voices) >= 5 and min(voices.values()) >= 5, voices
    assert {r.gold_verdict for r in suites["curated"]} == ASKS


def _article_body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n.*?\n---\n", text, flags=re.S)
    return text[match.end() :] if match else text


def test_informational_evidence_is_in_the_corpus(suites: dict[str, list[Record]]) -> None:
    corpus = default_corpus_dir()
    records = suites["informational"] + [r for r in suites["canonical"] if r.gold_evidence]
    for record in records:
        assert record.gold_verdict is Verdict.informational
        assert record.gold_evidence, record.id
        for evidence in record.gold_evidence:
            path = corpus / evidence.source
            assert path.is_file(), evidence.source
            assert evidence.quote in _article_body(path), (record.id, evidence.quote)


def test_out_of_scope_and_adversarial(suites: dict[str, list[Record]]) -> None:
    assert all(r.gold_verdict is Verdict.out_of_scope for r in suites["out_of_scope"])
    assert all(r.gold_facts is None for r in suites["out_of_scope"])
    verdicts = {r.gold_verdict for r in suites["adversarial"]}
    assert {Verdict.prohibited, Verdict.not_prohibited, Verdict.out_of_scope} <= verdicts


def test_dialogues_settle_what_was_open(suites: dict[str, list[Record]]) -> None:
    for record in suites["dialogues"]:
        turns = record.turns
        assert len(turns) >= 2, record.id
        assert turns[0].gold_verdict is Verdict.depends, record.id
        assert turns[-1].gold_verdict is not Verdict.depends, record.id
        assert record.gold_facts == turns[-1].gold_facts
        for before, after in pairwise(turns):
            _only_settles(before.gold_facts, after.gold_facts, record.id)


def _only_settles(before: Facts, after: Facts, rid: str) -> None:
    """A follow-up keeps what was said and settles at least one open fact."""
    changed = [n for n in FACT_NAMES if getattr(before, n) != getattr(after, n)]
    assert changed, rid
    for name in changed:
        assert getattr(before, name) == "unknown", (rid, name)


def test_blind_sets(suites: dict[str, list[Record]]) -> None:
    """Each blind set: at least 100 single questions and 20 dialogues, in named voices,
    with a header saying who wrote and labelled it; the first score, once taken, stays."""
    assert BLIND_SUITES, "at least one blind set"
    for name in BLIND_SUITES:
        records = suites[name]
        header = load_blind_header(name)
        assert header.set == name
        singles = [r for r in records if not r.turns]
        dialogues = [r for r in records if r.turns]
        assert len(singles) >= 100 and len(dialogues) >= 20, name
        voices = {v["name"] for v in header.voices}
        assert len(voices) >= 5, name
        assert {r.voice for r in records} <= voices, name
        if header.first_score is not None:
            assert header.first_score.singles == len(singles), name
            assert header.first_score.turns == sum(len(r.turns) for r in dialogues), name


def test_people_tracked_by_police_did_not_consent(suites: dict[str, list[Record]]) -> None:
    # A reviewer's reading of POLICY_MODEL.md §2.1 ("people identified against their interest
    # ... people monitored covertly"): people the police follow over time did not agree,
    # unless the question says they did. The blind sets' labellers read it so.
    for suite in ("grid", "curated", "heldout", "adversarial"):
        for r in suites[suite]:
            g = r.gold_facts
            if g and g.law_enforcement.value == "yes" and g.use.value == "surveillance_tracking":
                assert g.consent.value != "unknown", (suite, r.id, r.question)
