"""Merging the facts of successive turns: a later settled fact wins; unknown never erases."""

from __future__ import annotations

from evals.oracle import FACT_NAMES, Facts
from rag.facts.reading import FactsReading
from rag.models import Span

__all__ = ["merge_readings"]


def merge_readings(earlier: FactsReading, later: FactsReading) -> FactsReading:
    """`later`'s settled facts over `earlier`'s; each span and turn number follows its fact
    (a span's offsets are into the text of the turn that set it). A contradiction stands
    until a later turn settles that fact or contradicts it anew."""
    values: dict[str, object] = {}
    spans: dict[str, Span] = {}
    turns: dict[str, int] = {}
    conflicts: dict[str, dict[str, Span]] = {}
    for name in FACT_NAMES:
        if name in later.conflicts:
            conflicts[name] = later.conflicts[name]
            values[name] = getattr(later.facts, name)
            continue
        source = later if later.settled(name) else earlier
        values[name] = getattr(source.facts, name)
        if source.settled(name):
            if name in source.spans:
                spans[name] = source.spans[name]
            if name in source.turns:
                turns[name] = source.turns[name]
        elif name in earlier.conflicts:
            conflicts[name] = earlier.conflicts[name]
    return FactsReading(
        facts=Facts.model_validate(values), spans=spans, conflicts=conflicts, turns=turns
    )
