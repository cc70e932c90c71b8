"""Metrics on hand-built answers: each metric counts what it says and nothing else."""

from __future__ import annotations

from typing import Any

import pytest

from evals.datasets import DialogueTurn, Evidence, Record, label
from evals.metrics import (
    Outcome,
    Target,
    clarification_rate,
    clause_precision,
    clause_recall,
    confusion,
    dangerous_errors,
    dialogue_success,
    evidence_hit,
    fact_agreement,
    latency,
    normalise,
    outcome_of,
    refusal_accuracy,
    summarize,
    targets_of,
    verdict_accuracy,
)
from evals.oracle import Facts, Tri, Use, Verdict
from evals.runner import check_gate
from rag.models import Answer, Citation, ClarifyingQuestion, FactReading

US = "coc-2024.us-police-facial-recognition"
MOBILE = "coc-2024.le-realtime-mobile-in-the-wild"
SURV = "coc-2024.surveillance-without-consent"
CAVEAT = "coc-prior.identify-verify-characteristics"

NYPD = Facts(law_enforcement=Tri.yes, united_states=Tri.yes, use=Use.facial_recognition)
UK_TRANSLATE = Facts(law_enforcement=Tri.yes, united_states=Tri.no, use=Use.non_biometric)
EU_DASHCAM = Facts(united_states=Tri.no, use=Use.facial_recognition, mobile_camera=Tri.yes)


def record(rid: str, facts: Facts | None = None, suite: str = "curated", **extra: Any) -> Record:
    if facts is not None:
        return Record(id=rid, suite=suite, question=f"question {rid}", **label(facts), **extra)
    return Record(id=rid, suite=suite, question=f"question {rid}", **extra)


def cite(n: int, quote: str = "some text", clause_id: str | None = None) -> Citation:
    return Citation(
        number=n, chunk_id=f"c{n}", source="articles/x.md", title="t", kind="news", quote=quote,
        clause_id=clause_id,
    )  # fmt: skip


def answer(verdict: Verdict, *, cites: list[Citation] | None = None, ask: list[str] | None = None,
           total: float | None = 5.0, facts: dict[str, str] | None = None) -> Answer:  # fmt: skip
    return Answer(
        question="q",
        verdict=verdict,
        answer="text",
        citations=cites or [],
        clarifying_questions=[ClarifyingQuestion(fact=f, question=f"{f}?") for f in ask or []],
        facts=[FactReading(name=k, value=v) for k, v in (facts or {}).items()],
        timings={"total": total} if total is not None else {},
    )


def scored(rec: Record, ans: Answer | None, wall: float = 1.0) -> Outcome:
    (target,) = targets_of(rec)
    return outcome_of(target, ans, wall, error=None if ans else "boom")


def test_verdict_accuracy_confusion_and_dangerous_errors() -> None:
    outcomes = [
        scored(record("a", NYPD), answer(Verdict.prohibited)),
        scored(record("b", NYPD), answer(Verdict.not_prohibited)),  # dangerous
        scored(record("c", NYPD), answer(Verdict.depends)),  # wrong, not dangerous
        scored(record("d", UK_TRANSLATE), answer(Verdict.prohibited)),  # wrong, over-cautious
        scored(record("e", UK_TRANSLATE), None),  # the engine raised
    ]
    assert verdict_accuracy(outcomes) == pytest.approx(1 / 5)
    assert [o.target.id for o in dangerous_errors(outcomes)] == ["b"]
    assert confusion(outcomes) == {
        "prohibited": {"prohibited": 1, "not_prohibited": 1, "depends": 1},
        "not_prohibited": {"prohibited": 1, "error": 1},
    }
    assert verdict_accuracy([]) is None


def test_clause_recall_needs_every_deciding_clause() -> None:
    both = Facts(
        law_enforcement=Tri.yes, united_states=Tri.yes, use=Use.facial_recognition,
        real_time=Tri.yes, mobile_camera=Tri.yes, uncontrolled=Tri.yes,
    )  # fmt: skip
    rec = record("a", both)
    assert rec.gold_clauses == [US, MOBILE]
    one = scored(rec, answer(Verdict.prohibited, cites=[cite(1, clause_id=US)]))
    two = scored(
        rec, answer(Verdict.prohibited, cites=[cite(1, clause_id=MOBILE), cite(2, clause_id=US)])
    )
    assert clause_recall([one]) == 0.0
    assert clause_recall([two]) == 1.0
    # Questions without deciding clauses are not counted for recall.
    assert (
        clause_recall([scored(record("n", UK_TRANSLATE), answer(Verdict.not_prohibited))]) is None
    )


def test_clause_precision_allows_caveats_and_depends_branches() -> None:
    nypd = record("a", NYPD)
    ok = scored(
        nypd, answer(Verdict.prohibited, cites=[cite(1, clause_id=US), cite(2, clause_id=CAVEAT)])
    )
    extra = scored(
        nypd, answer(Verdict.prohibited, cites=[cite(1, clause_id=US), cite(2, clause_id=SURV)])
    )
    assert clause_precision([ok]) == 1.0
    assert clause_precision([extra]) == 0.0
    # A depends answer may name the clause a branch turns on, but not one no branch reaches.
    dashcam = record("d", EU_DASHCAM)
    branch = scored(dashcam, answer(Verdict.depends, cites=[cite(1, clause_id=MOBILE)]))
    unreachable = scored(dashcam, answer(Verdict.depends, cites=[cite(1, clause_id=US)]))
    assert clause_precision([branch, unreachable]) == 0.5


def test_evidence_hit_at_k_normalises_quotes_and_respects_rank() -> None:
    gold = "Axon’s new product leverages OpenAI’s GPT-4 generative text model"
    rec = record(
        "i", None, suite="informational", gold_verdict=Verdict.informational,
        gold_evidence=[Evidence(source="articles/000.md", quote=gold)],
    )  # fmt: skip
    found = "The context:  AXON'S new product leverages\nOpenAI's GPT-4 generative text model to summarize."
    late = scored(rec, answer(Verdict.informational, cites=[cite(1), cite(2), cite(3, found)]))
    first = scored(rec, answer(Verdict.informational, cites=[cite(1, found)]))
    fragment = scored(
        rec, answer(Verdict.informational, cites=[cite(1, "new product leverages OpenAI’s GPT-4")])
    )
    missing = scored(rec, answer(Verdict.informational, cites=[cite(1, "Axon")]))
    assert evidence_hit([late], 1) == 0.0
    assert evidence_hit([late], 3) == 1.0
    assert evidence_hit([first, fragment, missing], 1) == pytest.approx(2 / 3)
    assert normalise(" A\u00a0“b”  c ") == 'a "b" c'


def test_refusal_needs_out_of_scope_and_no_citation() -> None:
    rec = record("o", None, suite="out_of_scope", gold_verdict=Verdict.out_of_scope)
    outcomes = [
        scored(rec, answer(Verdict.out_of_scope)),
        scored(rec, answer(Verdict.out_of_scope, cites=[cite(1)])),
        scored(rec, answer(Verdict.informational)),
    ]
    assert refusal_accuracy(outcomes) == pytest.approx(1 / 3)


def test_clarification_must_ask_an_open_fact_that_matters() -> None:
    rec = record("d", EU_DASHCAM)
    asks_real_time = scored(rec, answer(Verdict.depends, ask=["real_time"]))
    asks_settled = scored(rec, answer(Verdict.depends, ask=["united_states"]))
    asks_nothing = scored(rec, answer(Verdict.depends))
    assert clarification_rate([asks_real_time, asks_settled, asks_nothing]) == pytest.approx(1 / 3)


def test_latency_uses_engine_total_else_wall_clock() -> None:
    rec = record("a", NYPD)
    outcomes = [scored(rec, answer(Verdict.prohibited, total=float(ms))) for ms in range(1, 101)]
    outcomes.append(scored(rec, answer(Verdict.prohibited, total=None), wall=1000.0))
    stats = latency(outcomes)
    assert stats["p50"] == 51.0
    assert stats["p95"] == 96.0
    assert stats["p99"] == 100.0
    assert stats["max"] == 1000.0


def test_fact_agreement_counts_unread_facts_as_unknown() -> None:
    rec = record("a", NYPD)
    read_all = scored(rec, answer(Verdict.prohibited, facts={"law_enforcement": "yes", "united_states": "yes", "use": "facial_recognition"}))  # fmt: skip
    read_none = scored(rec, answer(Verdict.prohibited))
    agreement = fact_agreement([read_all, read_none])
    assert agreement["law_enforcement"] == 0.5
    assert agreement["consent"] == 1.0


def test_dialogue_turns_are_scored_one_by_one() -> None:
    facts1 = EU_DASHCAM
    facts2 = EU_DASHCAM.model_copy(update={"real_time": Tri.no})
    dialogue = Record(
        id="dlg", suite="dialogues", question="first",
        turns=[
            DialogueTurn(user="first", gold_facts=facts1, gold_verdict=Verdict.depends),
            DialogueTurn(user="it was recorded", gold_facts=facts2, gold_verdict=Verdict.not_prohibited),
        ],
        **label(facts2),
    )  # fmt: skip
    t1, t2 = targets_of(dialogue)
    assert (t1.id, t1.gold_verdict, t2.id, t2.gold_verdict) == (
        "dlg#1", Verdict.depends, "dlg#2", Verdict.not_prohibited,
    )  # fmt: skip
    assert t2.gold_caveats == [CAVEAT, "coc-prior.identify-verify-media"]
    good = [
        outcome_of(t1, answer(Verdict.depends), 1),
        outcome_of(t2, answer(Verdict.not_prohibited), 1),
    ]
    stuck = [outcome_of(t1, answer(Verdict.depends), 1), outcome_of(t2, answer(Verdict.depends), 1)]
    assert dialogue_success(good) == 1.0
    assert dialogue_success(stuck) == 0.0
    assert verdict_accuracy(stuck) == 0.5


def test_gate_fails_on_dangerous_canonical_and_drops() -> None:
    canon = record("canonical-03", NYPD, suite="canonical", canonical=3)
    right = summarize([scored(canon, answer(Verdict.prohibited))])
    assert check_gate(right, {"canonical": {"verdict_accuracy": 1.0}}) == ([], [])

    dangerous = summarize([scored(canon, answer(Verdict.not_prohibited))])
    reasons, _ = check_gate(dangerous, None)
    assert any("dangerous" in r for r in reasons) and any("canonical" in r for r in reasons)

    grid = [
        scored(record(f"g{i}", NYPD, suite="grid"), answer(Verdict.prohibited)) for i in range(98)
    ]
    grid += [scored(record(f"w{i}", NYPD, suite="grid"), answer(Verdict.depends)) for i in range(2)]
    summary = summarize(grid)  # grid accuracy 0.98
    assert check_gate(summary, {"grid": {"verdict_accuracy": 0.99}})[0] == []  # within a point
    reasons, _ = check_gate(summary, {"grid": {"verdict_accuracy": 0.995}})
    assert reasons == ["grid verdict_accuracy dropped from 99.5% to 98.0%"]
    # A sample run (--limit) is not compared; a missing baseline is said, not failed.
    assert check_gate(summary, {"grid": {"verdict_accuracy": 1.0}}, compare=False)[0] == []
    assert "no baseline" in check_gate(summary, None)[1][0]


def test_target_keeps_oracle_open_facts() -> None:
    target: Target = targets_of(record("d", EU_DASHCAM))[0]
    assert "real_time" in target.open_facts
    assert "united_states" not in target.open_facts
