"""Dialogues (POLICY_MODEL.md §2.1): a follow-up continues the scenario, a later statement
replaces an earlier value, a later "not decided" opens a fact again, a contradiction is
asked about, and every fact says which message set it."""

from __future__ import annotations

from rag.models import Turn
from rag.offline import read_conversation, reading_doubts


def _dialogue(*messages: str) -> tuple[str, object]:
    history = []
    for m in messages[:-1]:
        history += [Turn(role="user", content=m), Turn(role="assistant", content="It depends.")]
    return read_conversation(messages[-1], history)


def test_a_short_follow_up_continues_the_scenario() -> None:
    topic, reading = _dialogue("Can a European agency use dashcam face matching?", "live?")
    assert topic == "verdict"
    assert reading.value("real_time") == "yes"
    assert reading.value("mobile_camera") == "yes"  # from the first message
    assert reading.turns["real_time"] == 2 and reading.turns["mobile_camera"] == 1


def test_a_place_named_in_a_follow_up_is_not_out_of_scope() -> None:
    topic, reading = _dialogue("We're a police department and want face recognition.", "We're in Nashville, Tennessee.")
    assert topic == "verdict"
    assert reading.value("united_states") == "yes" and reading.value("law_enforcement") == "yes"


def test_a_later_statement_replaces_an_earlier_value() -> None:
    _, reading = _dialogue(
        "French police want live face matching on body cameras on patrol.",
        "Suppose it ran only on stored footage afterwards.",
    )
    assert reading.value("real_time") == "no"
    assert reading.turns["real_time"] == 2


def test_consent_withdrawn_later_replaces_consent_given() -> None:
    _, reading = _dialogue(
        "Our gym verifies members by face at the door; members opted in.",
        "Actually the members refused and we still verify them.",
    )
    assert reading.value("consent") == "no"


def test_a_later_turn_can_open_a_fact_again() -> None:
    _, reading = _dialogue(
        "The Garda want live face matching on body cams.",
        "Live or not, that is not decided yet.",
    )
    assert reading.value("real_time") == "unknown"


def test_a_contradiction_is_kept_and_asked_about() -> None:
    _, reading = _dialogue("It runs live on the patrol feed of the Garda body cams, and only on stored footage afterwards.")
    [doubt] = [d for d in reading_doubts(reading) if d.kind == "contradiction"]
    assert doubt.fact == "real_time" and set(doubt.readings.values()) == {"yes", "no"}
    assert reading.value("real_time") == "unknown"


def test_an_unrelated_message_in_a_dialogue_is_answered_as_what_it_is() -> None:
    topic, _ = _dialogue("Can the NYPD use face recognition on CCTV stills?", "What is the best iPad deal this week?")
    assert topic == "out_of_scope"


def test_a_private_operator_shown_across_turns_is_not_law_enforcement() -> None:
    # Neither turn alone says both who is identified and whose people they are.
    _, reading = _dialogue(
        "We'd like to recognise returning members by face at the climbing gym front desk.",
        "members sign up for it when they renew",
    )
    assert reading.value("law_enforcement") == "no"
    assert "law_enforcement" in reading.presumed


def test_a_dialogue_naming_the_police_or_a_client_keeps_the_operator_open() -> None:
    _, reading = _dialogue(
        "We'd like to recognise returning members by face at the front desk.",
        "the city police would run the desk, members opt in",
    )
    assert reading.value("law_enforcement") == "yes"
    _, reading = _dialogue(
        "A client wants live face matching at their front desk. I can't say who the client is.",
        "members opt in first",
    )
    assert reading.value("law_enforcement") == "unknown"


def test_people_checked_against_their_own_document_are_not_the_earlier_suspects() -> None:
    _, reading = _dialogue(
        "Border police want live face matching of suspects from the watchlist at the ferry port.",
        "and if instead the kiosk just checked each driver against their own licence photo?",
    )
    assert reading.value("consent") == "unknown"
    # Their own word on consent still counts.
    _, reading = _dialogue(
        "Border police want live face matching of suspects from the watchlist at the ferry port.",
        "and if each driver were checked against their own licence photo, but they never agreed to it?",
    )
    assert reading.value("consent") == "no"


def test_working_out_who_people_are_in_footage_named_before_is_face_recognition() -> None:
    _, reading = _dialogue(
        "The arena screen shows the crowd live and the AI counts how many people are dancing.",
        "what if it also worked out who they are from the season-ticket photos?",
    )
    assert reading.value("use") == "facial_recognition"
