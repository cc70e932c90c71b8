"""Reconciling readers: agreement settles, a lone reader settles, a disagreement the verdict
turns on is left open and reported, one that changes nothing keeps the first reader's value."""

from __future__ import annotations

from evals.oracle import Facts, decide
from rag.facts.reading import FactsReading
from rag.facts.reconcile import reconcile
from rag.models import Span


def _reading(**facts: str) -> FactsReading:
    spans = {name: Span(text=name, start=0, end=len(name)) for name in facts}
    return FactsReading(facts=Facts.model_validate(facts), spans=spans)


def _verdict(facts: Facts) -> str:
    return decide(facts).verdict.value


def test_agreeing_and_lone_readers_settle_facts() -> None:
    out = reconcile(
        {"a": _reading(law_enforcement="yes", use="facial_recognition"),
         "b": _reading(law_enforcement="yes", united_states="yes")},
        lambda f: decide(f).verdict,
    )
    assert out.reading.facts == Facts(law_enforcement="yes", united_states="yes", use="facial_recognition")
    assert out.disagreements == []
    assert set(out.reading.spans) == {"law_enforcement", "united_states", "use"}


def test_a_deciding_disagreement_is_left_open_and_reported() -> None:
    base = {"law_enforcement": "yes", "use": "facial_recognition"}
    out = reconcile(
        {"a": _reading(**base, united_states="yes"), "b": _reading(**base, united_states="no")},
        lambda f: decide(f).verdict,
    )
    assert out.reading.facts.united_states.value == "unknown"
    assert "united_states" not in out.reading.spans
    [d] = out.disagreements
    assert (d.fact, d.readings, d.decides) == ("united_states", {"a": "yes", "b": "no"}, True)
    assert _verdict(out.reading.facts) == "depends"


def test_a_disagreement_that_changes_nothing_keeps_the_first_value() -> None:
    # US police identifying people by face: prohibited whether or not it runs live.
    base = {"law_enforcement": "yes", "united_states": "yes", "use": "facial_recognition"}
    out = reconcile(
        {"a": _reading(**base, real_time="no"), "b": _reading(**base, real_time="yes")},
        lambda f: decide(f).verdict,
    )
    assert out.reading.facts.real_time.value == "no"
    [d] = out.disagreements
    assert d.decides is False
