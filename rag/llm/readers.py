"""Two readers of one question: the model's reading and the offline reader's, reconciled fact
by fact with `rag.facts.reconcile` (a disagreement the verdict turns on is left open, so the
answer asks about it), then held to the stricter-verdict floor of `rag.llm.check`.

Reader names, as they appear in `Disagreement.readings` and `Answer.readings`: "offline" (the
deterministic reader, listed first: it keeps a disagreement that decides nothing) and "model".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rag.facts.reading import FactsReading
from rag.facts.reconcile import reconcile
from rag.models import Disagreement, Span

if TYPE_CHECKING:
    from rag.llm.schema import ModelReply

__all__ = ["MODEL", "OFFLINE", "Readers", "compare", "model_reading", "values_of"]

OFFLINE = "offline"
MODEL = "model"


@dataclass(frozen=True)
class Readers:
    reading: FactsReading  # the reconciled reading (before the floor)
    disagreements: list[Disagreement] = field(default_factory=list)
    readings: dict[str, dict[str, str]] = field(default_factory=dict)  # reader -> fact -> value


def values_of(reading: FactsReading) -> dict[str, str]:
    return {r.name: r.value for r in reading.readings()}


def _locate(words: str, texts: Sequence[str]) -> Span | None:
    """Where the model's quote stands in the question (or, for a follow-up, in the latest
    earlier turn that has it); None when it is in none of them: words the model made up are
    not shown as a quote."""
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words.split()), re.IGNORECASE)
    for text in texts:
        match = pattern.search(text)
        if match:
            return Span(text=match.group(0), start=match.start(), end=match.end())
    return None


def model_reading(reply: ModelReply, question: str, earlier: Sequence[str] = ()) -> FactsReading:
    """The model's facts, with a span for each settled fact whose words can be found."""
    texts = [question, *reversed(earlier)]
    reading = FactsReading(facts=reply.facts)
    spans: dict[str, Span] = {}
    for name, words in reply.words.items():
        if reading.settled(name):
            span = _locate(words, texts)
            if span is not None:
                spans[name] = span
    return FactsReading(facts=reply.facts, spans=spans)


def compare(
    model: FactsReading, offline: FactsReading | None, verdict_of: Callable[[Any], Any]
) -> Readers:
    """The readings reconciled (`verdict_of`: the rules' verdict on facts); with no offline
    reading (it does not read the question as asking for a verdict) the model's stands alone."""
    if offline is None:
        return Readers(reading=model, readings={MODEL: values_of(model)})
    merged = reconcile({OFFLINE: offline, MODEL: model}, verdict_of)
    return Readers(
        reading=merged.reading,
        disagreements=merged.disagreements,
        readings={OFFLINE: values_of(offline), MODEL: values_of(model)},
    )
