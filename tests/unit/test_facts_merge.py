"""The FactsReading contract: readings() in FACT_NAMES order, and merging turns."""

from __future__ import annotations

from evals.oracle import FACT_NAMES, Tri, Use, Verdict, decide
from rag.facts import FactsReading, merge_readings, read_facts
from rag.models import FactReading


def test_readings_lists_all_seven_facts_in_order() -> None:
    text = "Can the NYPD identify a robbery suspect from CCTV stills after the fact?"
    readings = read_facts(text).readings()
    assert [r.name for r in readings] == list(FACT_NAMES)
    assert all(isinstance(r, FactReading) for r in readings)
    by_name = {r.name: r for r in readings}
    assert by_name["uncontrolled"].value == "unknown" and by_name["uncontrolled"].span is None
    assert by_name["mobile_camera"].value == "no"  # fixed CCTV
    span = by_name["law_enforcement"].span
    assert span is not None and text[span.start : span.end] == span.text == "NYPD"


def test_empty_reading_is_all_unknown() -> None:
    reading = FactsReading()
    assert all(r.value == "unknown" and r.span is None for r in reading.readings())


def test_follow_up_settles_open_facts_and_updates_the_verdict() -> None:
    first = read_facts("Can a European agency use dashcam face matching?")
    assert decide(first.facts).verdict is Verdict.depends
    follow = read_facts("It's the police, it's live, on patrol.")
    merged = merge_readings(first, follow)
    assert merged.facts.law_enforcement is Tri.yes
    assert merged.facts.real_time is Tri.yes
    assert merged.facts.uncontrolled is Tri.yes
    assert merged.facts.use is Use.facial_recognition  # kept from the first turn
    assert decide(merged.facts).verdict is Verdict.prohibited
    # Spans follow their facts: each points into the text of the turn that set it.
    assert merged.spans["mobile_camera"] == first.spans["mobile_camera"]
    assert merged.spans["real_time"] == follow.spans["real_time"]


def test_later_settled_fact_wins_and_unknown_never_erases() -> None:
    earlier = read_facts("Police want live face matching on body cams.")
    later = read_facts("Actually no, it runs afterwards on recorded footage.")
    merged = merge_readings(earlier, later)
    assert merged.facts.real_time is Tri.no
    assert merged.spans["real_time"].text == later.spans["real_time"].text
    assert merged.facts.law_enforcement is Tri.yes
    assert merged.facts.mobile_camera is Tri.yes
    assert merge_readings(merged, FactsReading()) == merged
