"""Undecided plans and open choices settle nothing; two values stated outright are a
contradiction to ask about, not a merged reading (POLICY_MODEL.md §2.1)."""

from __future__ import annotations

import pytest

from rag.facts import read_facts


def _settled(text: str) -> dict[str, str]:
    facts = read_facts(text).facts.model_dump(mode="json")
    return {k: v for k, v in facts.items() if v != "unknown"}


@pytest.mark.parametrize(
    ("text", "open_fact", "kept"),
    [
        ("Live or batch is not chosen yet; the police want face matching on body cams.",
         "real_time", {"law_enforcement": "yes", "use": "facial_recognition"}),
        ("Opt-in is under discussion for the employee face recognition at the door.",
         "consent", {"use": "facial_recognition"}),
        ("The agency has not yet determined whether the face matching would run on live "
         "feeds or solely on recordings.", "real_time", {"use": "facial_recognition"}),
        ("We don't know yet whether the sheriff's office or the parks department will run "
         "it: face matching on archived footage.", "law_enforcement",
         {"use": "facial_recognition", "real_time": "no"}),
        ("Face matching for the Garda, either on stored clips or on the stream, TBD.",
         "real_time", {"law_enforcement": "yes", "use": "facial_recognition"}),
        ("whether the bodycams will do it live is still an open question for the NYPD",
         "real_time", {"law_enforcement": "yes"}),
        # A detail the ask leaves out is not given either way.
        ("The tender has nothing in it about opt-in either way: face checks for staff at the "
         "turnstiles, live.", "consent", {"use": "facial_recognition", "real_time": "yes"}),
        ("Face matching for the hotel's guests at check-in, live. No mention of consent "
         "anywhere in the spec.", "consent", {"use": "facial_recognition", "real_time": "yes"}),
        # A bare TBD after an alternative leaves the alternative open.
        ("Face matching on the mall's fixed cameras for known shoplifters: instant alerts or "
         "a weekly report, still TBD.", "real_time", {"use": "facial_recognition"}),
    ],
)
def test_undecided_words_leave_the_fact_open(text: str, open_fact: str, kept: dict[str, str]) -> None:
    settled = _settled(text)
    assert open_fact not in settled
    assert kept.items() <= settled.items()


def test_the_same_words_settled_do_settle() -> None:
    assert _settled("The police want live face matching on body cams.")["real_time"] == "yes"
    assert _settled("Employees opt in to the face recognition at the door.")["consent"] == "yes"


def test_two_values_stated_outright_are_a_contradiction() -> None:
    reading = read_facts("It runs live on the patrol feed, and only on stored footage afterwards.")
    assert reading.value("real_time") == "unknown"
    assert set(reading.conflicts["real_time"]) == {"yes", "no"}
    words = {v: s.text for v, s in reading.conflicts["real_time"].items()}
    assert "live" in words["yes"]


def test_a_choice_offered_is_not_a_contradiction() -> None:
    reading = read_facts("Can French police match faces live on body cameras, or only on recorded footage?")
    assert reading.value("real_time") == "unknown"
    assert reading.conflicts == {}


def test_people_told_nothing_are_kept_in_the_dark_not_left_undecided() -> None:
    reading = read_facts("We told the shoppers nothing about the opt-in either way; the cameras match faces live.")
    assert "consent" not in reading.undecided
