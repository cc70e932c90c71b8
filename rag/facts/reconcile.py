"""Two or more readings of one question, reconciled fact by fact.

Readers that agree settle a fact; a fact only one reader settles takes that reader's value;
readers that settle it differently disagree. A disagreement the verdict turns on leaves the
fact open (so the answer asks about it) rather than letting either reader settle it; one
that changes nothing keeps the first reader's value. Every disagreement is reported.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from rag.facts.reading import FactsReading
from rag.models import Disagreement, Span
from rag.policy import FACT_NAMES, Facts, Verdict

__all__ = ["Reconciled", "reconcile"]


@dataclass(frozen=True)
class Reconciled:
    reading: FactsReading
    disagreements: list[Disagreement] = field(default_factory=list)


def _with(facts: Facts, name: str, value: str) -> Facts:
    return Facts.model_validate({**facts.model_dump(), name: value})


def reconcile(
    readings: Mapping[str, FactsReading], verdict_of: Callable[[Facts], Verdict]
) -> Reconciled:
    """Merge `readings` (reader name -> reading, the first one preferred for spans and for
    disagreements that decide nothing). `verdict_of` tells whether a disagreement decides."""
    first = next(iter(readings.values()), FactsReading())
    values: dict[str, str] = {}
    spans: dict[str, Span] = {}
    split: dict[str, dict[str, str]] = {}
    for name in FACT_NAMES:
        if name in first.conflicts or name in first.undecided:
            continue  # the question states both values, or calls it undecided: it stays open
        settled = {who: r.value(name) for who, r in readings.items() if r.settled(name)}
        if not settled:
            continue
        if len(set(settled.values())) > 1:
            split[name] = settled
        who, value = next(iter(settled.items()))
        values[name] = value
        span = readings[who].spans.get(name)
        if span is not None:
            spans[name] = span
    facts = Facts.model_validate(values)
    disagreements = []
    for name, settled in split.items():
        verdicts = {verdict_of(_with(facts, name, v)) for v in settled.values()}
        decides = len(verdicts) > 1
        disagreements.append(Disagreement(fact=name, readings=settled, decides=decides))
        if decides:
            facts = _with(facts, name, "unknown")
            spans.pop(name, None)
    # What the first reader knows beyond its values (contradictions, undecided plans, its
    # own parts' disagreements, the turn of each fact, the question type) carries over.
    reading = FactsReading(
        facts=facts,
        spans=spans,
        conflicts=dict(first.conflicts),
        undecided=first.undecided,
        turns={n: t for n, t in first.turns.items() if n in spans},
        disagreements=first.disagreements,
        topic=first.topic,
    )
    return Reconciled(reading, disagreements)
