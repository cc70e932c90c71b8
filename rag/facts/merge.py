"""Merging the facts of successive turns: a later settled fact wins; unknown never erases."""

from __future__ import annotations

from rag.facts.reading import FactsReading
from rag.models import Span
from rag.policy import FACT_NAMES, Facts

__all__ = ["merge_readings"]


def merge_readings(earlier: FactsReading, later: FactsReading) -> FactsReading:
    """`later`'s settled facts over `earlier`'s; each span and turn number follows its fact
    (a span's offsets are into the text of the turn that set it). A contradiction or a
    disagreement stands until a later turn settles that fact; a later turn that calls a
    fact undecided opens it again."""
    values: dict[str, object] = {}
    spans: dict[str, Span] = {}
    turns: dict[str, int] = {}
    conflicts: dict[str, dict[str, Span]] = {}
    for name in FACT_NAMES:
        if name in later.undecided and not later.settled(name):
            values[name] = "unknown"  # "live or not, we haven't decided": open again
            continue
        if name in later.conflicts:
            conflicts[name] = later.conflicts[name]
            values[name] = getattr(later.facts, name)
            continue
        # A follow-up's presumption ("the reports from the audio": no camera) does not undo
        # what an earlier turn said outright ("bodycam vids").
        presumption = name in later.presumed and earlier.settled(name)
        source = later if later.settled(name) and not presumption else earlier
        values[name] = getattr(source.facts, name)
        # "what if it also told me if any of them are famous", after footage was named:
        # identifying people in that footage is facial recognition.
        if (name == "use" and later.identifies_unsaid and not later.settled("use")
                and earlier.shows_images and earlier.value("use") in ("unknown", "non_biometric")):
            values[name] = "facial_recognition"
            turns.pop(name, None)
            spans.pop(name, None)
            continue
        if source.settled(name):
            if name in source.spans:
                spans[name] = source.spans[name]
            if name in source.turns:
                turns[name] = source.turns[name]
        elif name in earlier.conflicts:
            conflicts[name] = earlier.conflicts[name]
    # A disagreement stands until a later turn settles its fact.
    disagreements = [*later.disagreements]
    disagreements += [
        d for d in earlier.disagreements
        if not later.settled(d.fact) and all(d.fact != x.fact for x in later.disagreements)
    ]
    return FactsReading(
        facts=Facts.model_validate(values),
        spans=spans,
        conflicts=conflicts,
        undecided=later.undecided | frozenset(
            n for n in earlier.undecided if not later.settled(n)
        ),
        turns=turns,
        disagreements=tuple(disagreements),
        identifies_unsaid=later.identifies_unsaid,
        shows_images=earlier.shows_images or later.shows_images,
        presumed=frozenset(
            n for n in FACT_NAMES
            if (n in later.presumed and not earlier.settled(n))
            or (n in earlier.presumed and not later.settled(n))
        ),
        topic=later.topic or earlier.topic,
    )
