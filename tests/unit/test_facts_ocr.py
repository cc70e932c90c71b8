"""Text pasted from scans and screenshots (blind13's OCR voice): the slips OCR makes are
mended before reading, and text without them is left as typed."""

from __future__ import annotations

import pytest

from rag.facts import read_facts
from rag.facts.reader import normalized


@pytest.mark.parametrize(
    ("scanned", "reads"),
    [
        ("The Houst0n Po1ice Departrnent", "the houston police department"),
        ("wi11 use 1ive strearn frorn bodycarns", "will use live stream from bodycams"),
        ("persist ent track ing of individ uals", "persistent tracking of individuals"),
        ("the p1aza's carneras", "the plaza's cameras"),
    ],
)
def test_ocr_slips_are_read_as_the_words_they_stand_for(scanned: str, reads: str) -> None:
    assert normalized(scanned).norm == reads


@pytest.mark.parametrize(
    "typed",
    [
        "win10 laptops, b2b sales, covid19 wards and web1 pages",
        "can police run facial rec on old footage",  # "rec on" is shorthand, not a broken "recon"
        "a live feed from the modern station",
    ],
)
def test_text_without_ocr_slips_is_left_as_typed(typed: str) -> None:
    assert normalized(typed).norm == typed


def test_a_scanned_case_is_read_like_a_typed_one() -> None:
    facts = read_facts(
        "Tender (scan): Lond0n Po1ice want facia1 recognition on the 1ive strearn from "
        "officers' bodycarns on street patro1s"
    ).facts.model_dump(mode="json")
    assert facts["law_enforcement"] == "yes"
    assert facts["united_states"] == "no"
    assert facts["use"] == "facial_recognition"
    assert facts["real_time"] == "yes"
    assert facts["mobile_camera"] == "yes"


def test_the_word_ocr_naming_where_text_came_from_is_no_use() -> None:
    facts = read_facts("OCR of the memo: officers check drivers by fingerprint at the roadside")
    assert facts.facts.use.value == "other_biometric_identification"
