"""Merging the facts of successive turns: a later settled fact wins; unknown never erases."""

from __future__ import annotations

from evals.oracle import FACT_NAMES, Facts
from rag.facts.reading import FactsReading
from rag.models import Span

__all__ = ["merge_readings"]


def merge_readings(earlier: FactsReading, later: FactsReading) -> FactsReading:
    """`later`'s settled facts over `earlier`'s; each span follows its fact (its offsets
    are into the text of the turn that set it)."""
    values: dict[str, object] = {}
    spans: dict[str, Span] = {}
    for name in FACT_NAMES:
        source = later if later.settled(name) else earlier
        values[name] = getattr(source.facts, name)
        if source.settled(name) and name in source.spans:
            spans[name] = source.spans[name]
    return FactsReading(facts=Facts.model_validate(values), spans=spans)
