"""Properties: read_facts never raises, returns valid facts and spans for any text, and
its work stays bounded on long input (no catastrophic pattern)."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evals.oracle import FACT_NAMES, Facts, fact_values
from rag.facts import FactsReading, merge_readings, read_facts, warm_up

_WORDS = st.sampled_from(
    [
        "police",
        "NYPD",
        "French",
        "not",
        "never",
        "without",
        "consent",
        "live",
        "real-time",
        "afterwards",
        "bodycam",
        "dashcam",
        "CCTV",
        "face",
        "matching",
        "recognition",
        "identify",
        "track",
        "patrol",
        "street",
        "station",
        "kiosk",
        "retailer",
        "opted",
        "in",
        "US",
        "Texas",
        "Paris",
        "Mobile",
        "outside",
        "the",
        "United",
        "States",
        "non-US",
        ",",
        ".",
        ";",
        "?",
        "!",
        "-",
        "'",
        "\n😀",
        "שלום",
        "مرحبا",
        "\x00",
        "\x1b",
        "\u200b",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(_WORDS, max_size=80).map(" ".join),
    st.lists(st.one_of(_WORDS, st.text(max_size=8)), max_size=60).map("".join),
)


def _valid(text: str, reading: FactsReading) -> None:
    assert isinstance(reading.facts, Facts)
    for name in FACT_NAMES:
        value = reading.value(name)
        assert value == "unknown" or value in fact_values(name)
        if reading.settled(name):
            span = reading.spans[name]
            assert 0 <= span.start < span.end <= len(text)
            assert text[span.start : span.end] == span.text
        else:
            assert name not in reading.spans
    assert [r.name for r in reading.readings()] == list(FACT_NAMES)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_any_text_gives_valid_facts(text: str) -> None:
    _valid(text, read_facts(text))


@settings(max_examples=100, deadline=None)
@given(_TEXT, _TEXT)
def test_merge_keeps_every_settled_fact_of_the_later_turn(a: str, b: str) -> None:
    earlier, later = read_facts(a), read_facts(b)
    merged = merge_readings(earlier, later)
    for name in FACT_NAMES:
        if name in later.conflicts:  # stated both ways: open again, and asked about
            assert merged.value(name) == "unknown" and name in merged.conflicts
            continue
        source = later if later.settled(name) else earlier
        assert merged.value(name) == source.value(name)
        assert merged.spans.get(name) == source.spans.get(name)


@pytest.mark.parametrize(
    "unit",
    [
        "French police want live face matching on bodycams without consent, not in real time. ",
        "live ",
        "US police in Paris ",
        "identify people from photos and ",
        "not not without no never ",
        "😀🚓 שלום مرحبا \u202e\x00 ",
        "a",
        "Paris New York Saint Louis San Jose Police Mobile ",
    ],
)
def test_fifty_thousand_characters_in_bounded_time(unit: str) -> None:
    warm_up()
    text = (unit * (50_000 // len(unit) + 1))[:50_000]
    start = time.perf_counter()
    reading = read_facts(text)
    elapsed = time.perf_counter() - start
    _valid(text, reading)
    assert elapsed < 10, f"{elapsed:.1f}s for 50k characters of {unit!r}"
