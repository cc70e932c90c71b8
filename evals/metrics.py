"""Scores: each answer against its gold record, then pure aggregate functions.

A `Target` is one question put to the engine (a dialogue contributes one per turn), an
`Outcome` is what came back; every metric is a function of a list of outcomes and returns
None when no outcome is eligible for it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from pydantic import BaseModel, Field

from evals.datasets import Evidence, Record, label
from evals.oracle import FACT_NAMES, Facts, Verdict, decide
from rag.models import Answer

__all__ = [
    "GATED",
    "Outcome",
    "Target",
    "clarification_rate",
    "clause_precision",
    "clause_recall",
    "confusion",
    "dangerous_errors",
    "dialogue_success",
    "evidence_hit",
    "fact_agreement",
    "latency",
    "lenient_errors",
    "normalise",
    "outcome_of",
    "reader_facts",
    "refusal_accuracy",
    "suite_metrics",
    "summarize",
    "targets_of",
    "verdict_accuracy",
]

VERDICT_QUESTIONS = (Verdict.prohibited, Verdict.depends, Verdict.not_prohibited)
ERROR = "error"  # the predicted label of a question the engine raised on
# The metrics the gate compares with the baseline, per suite (when the suite has them).
GATED = ("verdict_accuracy", "evidence_hit@3", "refusal_accuracy")


class Target(BaseModel):
    """The gold side of one question."""

    id: str
    suite: str
    question: str
    gold_facts: Facts | None = None
    gold_verdict: Verdict
    gold_clauses: list[str] = Field(default_factory=list)
    gold_caveats: list[str] = Field(default_factory=list)
    allowed_clauses: list[str] = Field(default_factory=list)  # deciding, caveats, branches
    open_facts: list[str] = Field(default_factory=list)
    gold_evidence: list[Evidence] = Field(default_factory=list)
    canonical: int | None = None
    dialogue: str | None = None  # the dialogue's record id, for its turns


def _target(record: Record, **fields: Any) -> Target:
    facts = fields.get("gold_facts", record.gold_facts)
    allowed: list[str] = []
    open_facts: list[str] = []
    if facts is not None:
        decision = decide(facts)
        allowed = [*decision.clauses, *decision.caveats]
        # A `depends` answer names the clause each branch would turn on.
        allowed += [c for b in decision.branches for c in b.clauses if c not in allowed]
        open_facts = decision.open_facts
    base: dict[str, Any] = {
        "id": record.id,
        "suite": record.suite,
        "question": record.question,
        "gold_facts": record.gold_facts,
        "gold_verdict": record.gold_verdict,
        "gold_clauses": record.gold_clauses,
        "gold_caveats": record.gold_caveats,
        "gold_evidence": record.gold_evidence,
        "canonical": record.canonical,
    }
    return Target(**{**base, **fields, "allowed_clauses": allowed, "open_facts": open_facts})


def targets_of(record: Record) -> list[Target]:
    """One target per question: a dialogue gives one per turn, with the turn's labels."""
    if not record.turns:
        return [_target(record)]
    return [
        _target(
            record,
            id=f"{record.id}#{n}",
            question=turn.user,
            dialogue=record.id,
            **label(turn.gold_facts),
        )
        for n, turn in enumerate(record.turns, 1)
    ]


class Outcome(BaseModel):
    """What the engine answered to one target."""

    target: Target
    verdict: Verdict | None  # None: the engine raised
    cited_clauses: list[str] = Field(default_factory=list)  # citations' clause ids, in rank order
    quotes: list[str] = Field(default_factory=list)  # citations' quotes, in rank order
    asked: list[str] = Field(default_factory=list)  # facts the clarifying questions ask about
    facts: dict[str, str] = Field(default_factory=dict)
    answer_text: str = ""
    latency_ms: float = 0.0
    error: str | None = None
    backend: str | None = None  # who answered: an llm run may fall back to offline
    readings: dict[str, dict[str, str]] = Field(default_factory=dict)  # reader -> fact -> value

    @property
    def correct(self) -> bool:
        return self.verdict is self.target.gold_verdict

    @property
    def predicted(self) -> str:
        return self.verdict.value if self.verdict else ERROR


def outcome_of(
    target: Target, answer: Answer | None, wall_ms: float, error: str | None = None
) -> Outcome:
    """Score one answer; latency is the engine's own total when it reports one."""
    if answer is None:
        return Outcome(target=target, verdict=None, latency_ms=wall_ms, error=error)
    return Outcome(
        target=target,
        verdict=answer.verdict,
        cited_clauses=[c.clause_id for c in answer.citations if c.clause_id],
        quotes=[c.quote for c in answer.citations],
        asked=[q.fact for q in answer.clarifying_questions],
        facts={f.name: f.value for f in answer.facts},
        answer_text=answer.answer,
        latency_ms=answer.timings.get("total", wall_ms),
        backend=answer.backend,
        readings=answer.readings,
    )


# --- Aggregates ---------------------------------------------------------------------------


def _rate(outcomes: Iterable[Outcome], ok: Callable[[Outcome], bool]) -> float | None:
    flags = [ok(o) for o in outcomes]
    return sum(flags) / len(flags) if flags else None


def verdict_accuracy(outcomes: Sequence[Outcome]) -> float | None:
    return _rate(outcomes, lambda o: o.correct)


def accuracy_by_verdict(outcomes: Sequence[Outcome]) -> dict[str, float]:
    by: dict[str, list[Outcome]] = {}
    for o in outcomes:
        by.setdefault(o.target.gold_verdict.value, []).append(o)
    return {v: verdict_accuracy(os) or 0.0 for v, os in sorted(by.items())}


def confusion(outcomes: Sequence[Outcome]) -> dict[str, dict[str, int]]:
    """gold verdict -> answered verdict (or `error`) -> count."""
    table: dict[str, dict[str, int]] = {}
    for o in outcomes:
        row = table.setdefault(o.target.gold_verdict.value, {})
        row[o.predicted] = row.get(o.predicted, 0) + 1
    return table


def dangerous_errors(outcomes: Sequence[Outcome]) -> list[Outcome]:
    """Gold `prohibited` answered `not_prohibited`: counted on their own, must be none."""
    return [
        o
        for o in outcomes
        if o.target.gold_verdict is Verdict.prohibited and o.verdict is Verdict.not_prohibited
    ]


def lenient_errors(outcomes: Sequence[Outcome]) -> list[Outcome]:
    """Gold `prohibited` or `depends` answered `not_prohibited`: a use called fine that is
    not, or not yet known to be (the dangerous errors are the first kind)."""
    return [
        o
        for o in outcomes
        if o.target.gold_verdict in (Verdict.prohibited, Verdict.depends)
        and o.verdict is Verdict.not_prohibited
    ]


def single_accuracy(outcomes: Sequence[Outcome]) -> float | None:
    """Verdict accuracy over questions asked on their own (not dialogue turns)."""
    return verdict_accuracy([o for o in outcomes if not o.target.dialogue])


def turn_accuracy(outcomes: Sequence[Outcome]) -> float | None:
    """Verdict accuracy over the turns of dialogues."""
    return verdict_accuracy([o for o in outcomes if o.target.dialogue])


def clause_recall(outcomes: Sequence[Outcome]) -> float | None:
    """Of questions with deciding clauses, the share whose answer cites every one of them."""
    eligible = [o for o in outcomes if o.target.gold_clauses]
    return _rate(eligible, lambda o: set(o.target.gold_clauses) <= set(o.cited_clauses))


def clause_precision(outcomes: Sequence[Outcome]) -> float | None:
    """Of verdict questions, the share whose answer cites no clause outside deciding +
    caveats (+ for `depends`, the clauses its branches turn on)."""
    eligible = [o for o in outcomes if o.target.gold_verdict in VERDICT_QUESTIONS]
    return _rate(eligible, lambda o: set(o.cited_clauses) <= set(o.target.allowed_clauses))


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def normalise(text: str) -> str:
    """Case, curly quotes, dashes and runs of whitespace do not matter for a quote match."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip().casefold()


def _quote_found(gold: str, quotes: Sequence[str]) -> bool:
    g = normalise(gold)
    for quote in quotes:
        q = normalise(quote)
        # A citation may quote the whole passage or one sentence of the gold quote.
        if g in q or (len(q) >= 30 and q in g):
            return True
    return False


def evidence_hit(outcomes: Sequence[Outcome], k: int) -> float | None:
    """Of questions with gold evidence, the share with a gold quote in the top-k citations."""
    eligible = [o for o in outcomes if o.target.gold_evidence]
    return _rate(
        eligible,
        lambda o: any(_quote_found(e.quote, o.quotes[:k]) for e in o.target.gold_evidence),
    )


def refusal_accuracy(outcomes: Sequence[Outcome]) -> float | None:
    """Of out-of-scope questions, the share answered `out_of_scope` with no citation."""
    eligible = [o for o in outcomes if o.target.gold_verdict is Verdict.out_of_scope]
    return _rate(eligible, lambda o: o.verdict is Verdict.out_of_scope and not o.quotes)


def clarification_rate(outcomes: Sequence[Outcome]) -> float | None:
    """Of gold `depends` questions, the share whose answer asks about an open fact that
    matters."""
    eligible = [o for o in outcomes if o.target.gold_verdict is Verdict.depends]
    return _rate(eligible, lambda o: bool(set(o.asked) & set(o.target.open_facts)))


def dialogue_success(outcomes: Sequence[Outcome]) -> float | None:
    """Of dialogues, the share with every turn's verdict right."""
    turns: dict[str, list[bool]] = {}
    for o in outcomes:
        if o.target.dialogue:
            turns.setdefault(o.target.dialogue, []).append(o.correct)
    return sum(all(v) for v in turns.values()) / len(turns) if turns else None


def _percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def latency(outcomes: Sequence[Outcome]) -> dict[str, float]:
    values = [o.latency_ms for o in outcomes]
    if not values:
        return {}
    return {
        "p50": _percentile(values, 50),
        "p95": _percentile(values, 95),
        "p99": _percentile(values, 99),
        "max": max(values),
        "mean": sum(values) / len(values),
    }


def fact_agreement(outcomes: Sequence[Outcome]) -> dict[str, float]:
    """Per fact, how often the answer's reading equals the gold fact (diagnostic only)."""
    eligible = [o for o in outcomes if o.target.gold_facts is not None and o.error is None]
    if not eligible:
        return {}
    result = {}
    for name in FACT_NAMES:
        agree = sum(
            o.facts.get(name, "unknown") == getattr(o.target.gold_facts, name) for o in eligible
        )
        result[name] = agree / len(eligible)
    return result


def reader_facts(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Where an answer carries several readers' readings (the llm backend: the model's and
    the offline reader's): per fact, how often the readers agree with each other, and how
    often each agrees with the gold facts. Over verdict questions with gold facts; empty
    when no answer carries two readings."""
    eligible = [
        o for o in outcomes if o.target.gold_facts is not None and len(o.readings) >= 2
    ]
    if not eligible:
        return {}
    readers = sorted({who for o in eligible for who in o.readings})

    def value(o: Outcome, who: str, name: str) -> str:
        return o.readings.get(who, {}).get(name, "unknown")

    agreement = {}
    accuracy: dict[str, dict[str, float]] = {who: {} for who in readers}
    for name in FACT_NAMES:
        agreement[name] = sum(
            len({value(o, who, name) for who in readers}) == 1 for o in eligible
        ) / len(eligible)
        for who in readers:
            accuracy[who][name] = sum(
                value(o, who, name) == getattr(o.target.gold_facts, name) for o in eligible
            ) / len(eligible)
    return {"n": len(eligible), "readers": readers, "agreement": agreement, "accuracy": accuracy}


def suite_metrics(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Every metric that applies to these outcomes (None values left out)."""
    metrics: dict[str, Any] = {
        "n": len(outcomes),
        "verdict_accuracy": verdict_accuracy(outcomes),
        "dangerous_errors": len(dangerous_errors(outcomes)),
        "lenient_errors": len(lenient_errors(outcomes)),
        "single_accuracy": single_accuracy(outcomes),
        "singles": sum(not o.target.dialogue for o in outcomes),
        "turn_accuracy": turn_accuracy(outcomes),
        "turns": sum(bool(o.target.dialogue) for o in outcomes),
        "errors": sum(o.error is not None for o in outcomes),
        "clause_recall": clause_recall(outcomes),
        "clause_precision": clause_precision(outcomes),
        "evidence_hit@1": evidence_hit(outcomes, 1),
        "evidence_hit@3": evidence_hit(outcomes, 3),
        "evidence_hit@5": evidence_hit(outcomes, 5),
        "refusal_accuracy": refusal_accuracy(outcomes),
        "clarification_rate": clarification_rate(outcomes),
        "dialogue_success": dialogue_success(outcomes),
        "latency_ms": latency(outcomes),
    }
    return {k: v for k, v in metrics.items() if v is not None}


def summarize(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Overall and per-suite metrics, per-verdict accuracy, the confusion matrix, the
    dangerous errors and the canonical cases answered wrong."""
    suites: dict[str, list[Outcome]] = {}
    for o in outcomes:
        suites.setdefault(o.target.suite, []).append(o)
    return {
        "overall": suite_metrics(outcomes),
        "suites": {name: suite_metrics(os) for name, os in suites.items()},
        "by_verdict": accuracy_by_verdict(outcomes),
        "confusion": confusion(outcomes),
        "fact_agreement": fact_agreement(outcomes),
        "reader_facts": reader_facts(outcomes),
        "dangerous": [o.target.id for o in dangerous_errors(outcomes)],
        "lenient": [o.target.id for o in lenient_errors(outcomes)],
        "canonical_wrong": [o.target.id for o in outcomes if o.target.canonical and not o.correct],
        "verdicts_answered": dict(Counter(o.predicted for o in outcomes)),
        "answered_by": dict(Counter(o.backend or "error" for o in outcomes)),
    }
