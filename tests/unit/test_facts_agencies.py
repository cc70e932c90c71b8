"""Bodies by name, from the gazetteer data: they place the actor and say whether it is
law enforcement; aliases that are ordinary words count only as written."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from rag.facts import read_lexical
from rag.facts.agencies import find_bodies
from rag.facts.gazetteer import US_CODES
from rag.facts.reader import normalized


@pytest.mark.parametrize(
    ("text", "le", "us"),
    [
        ("Can the Guardia di Finanza match faces on customs footage?", "yes", "no"),
        ("Koninklijke Marechaussee officers at Schiphol", "yes", "no"),
        ("The Texas Department of Public Safety wants face matching.", "yes", "yes"),
        ("BART Police want to identify fare evaders.", "yes", "yes"),
        ("the Garda Síochána want live matching", "yes", "no"),
        ("Can the Garda Siochana use it?", "yes", "no"),
        ("Policía Nacional del Perú: we have videos from the protests.", "yes", "no"),
        ("KAPO wants to identify people in recorded footage.", "yes", "no"),
    ],
)
def test_named_bodies_place_the_actor(text: str, le: str, us: str) -> None:
    reading = read_lexical(text)
    assert reading.value("law_enforcement") == le
    assert reading.value("united_states") == us


def test_case_sensitive_aliases_match_only_as_written() -> None:
    assert [b.body.country for b in find_bodies(normalized("ICE agents at the border"))] == ["US"]
    assert find_bodies(normalized("we put ice in the drinks")) == []
    assert [b.body.country for b in find_bodies(normalized("the Met in London"))] == ["GB"]
    assert find_bodies(normalized("we met in London")) == []


def test_generic_names_name_no_body() -> None:
    assert find_bodies(normalized("the state police and the national police")) == []


def test_the_data_is_well_formed() -> None:
    raw = resources.files("rag.facts").joinpath("data/le_bodies.json").read_text(encoding="utf-8")
    entries = json.loads(raw)
    assert len(entries) >= 1000
    for e in entries:
        assert {"name", "aliases", "country", "kind", "law_enforcement"} <= set(e)
        assert e["law_enforcement"] in (True, False, None)
        assert len(e["country"]) == 2 or e["country"] == "INT"
    assert sum(e["country"] in US_CODES for e in entries) >= 300
