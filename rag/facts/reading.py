"""What the reader returns: the facts a text states, and the words that state each."""

from __future__ import annotations

from dataclasses import dataclass, field

from rag.models import Disagreement, FactReading, Span
from rag.policy import FACT_NAMES, Facts, Tri, Use

__all__ = ["FactsReading"]


@dataclass(frozen=True)
class FactsReading:
    facts: Facts = field(default_factory=Facts)
    spans: dict[str, Span] = field(default_factory=dict)  # one per settled fact
    # Facts the text states both ways ("live", and "only on stored footage"): value ->
    # the words that state it. Such a fact stays unknown and is asked about.
    conflicts: dict[str, dict[str, Span]] = field(default_factory=dict)
    # Facts the text says are still open ("opt-in is under discussion"): no reader may
    # settle them from these words.
    undecided: frozenset[str] = frozenset()
    # Which user turn of a dialogue set each settled fact (1 = the first).
    turns: dict[str, int] = field(default_factory=dict)
    # Facts the readers read differently (see rag.facts.combine).
    disagreements: tuple[Disagreement, ...] = ()
    # The learned reader's view of the question type: (topic, probability).
    topic: tuple[str, float] | None = None
    # Facts set by a default from what the text lacks ("reports from the audio": no mobile
    # camera), not by words naming them. In a dialogue they never replace an earlier turn's.
    presumed: frozenset[str] = frozenset()
    # The text identifies people without saying by what ("tell me if any of them are
    # famous"), and whether it speaks of images at all: a follow-up's identification takes
    # its means from a scenario about footage.
    identifies_unsaid: bool = False
    shows_images: bool = False

    def value(self, name: str) -> str:
        return str(getattr(self.facts, name).value)

    def settled(self, name: str) -> bool:
        return getattr(self.facts, name) not in (Tri.unknown, Use.unknown)

    def readings(self) -> list[FactReading]:
        """All seven facts in FACT_NAMES order; the span is None for an unknown fact."""
        return [
            FactReading(
                name=name,
                value=self.value(name),
                span=self.spans.get(name) if self.settled(name) else None,
                turn=self.turns.get(name) if self.settled(name) else None,
            )
            for name in FACT_NAMES
        ]
