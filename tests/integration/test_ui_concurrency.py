"""Twenty gradio_client clients at once, twenty different questions: every verdict is the
one the rule oracle gives on the question's gold facts."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest

from evals.datasets import load_suite
from evals.oracle import Facts, Verdict, decide
from rag.settings import Settings
from ui.loadtest import ask_many, summarize

pytestmark = pytest.mark.integration

CLIENTS = 20


# Variants of the canonical cases, with hand-labelled gold facts (None: asks for no verdict).
VARIANTS: list[tuple[str, dict[str, str] | None]] = [
    (
        "Can Spanish police run live facial recognition on officers' body cameras while "
        "patrolling city streets?",
        {
            "law_enforcement": "yes",
            "united_states": "no",
            "use": "facial_recognition",
            "real_time": "yes",
            "mobile_camera": "yes",
            "uncontrolled": "yes",
        },
    ),
    (
        "Can the Chicago Police Department use Azure OpenAI to identify suspects from photos by face?",
        {"law_enforcement": "yes", "united_states": "yes", "use": "facial_recognition"},
    ),
    (
        "Can a US sheriff's office use GPT-4 to translate witness statements?",
        {"law_enforcement": "yes", "united_states": "yes", "use": "non_biometric"},
    ),
    (
        "Can a supermarket chain track individual customers across its stores without their consent?",
        {"law_enforcement": "no", "use": "surveillance_tracking", "consent": "no"},
    ),
    (
        "Can a bank verify customers by face when they open an account, with their consent?",
        {"law_enforcement": "no", "use": "facial_recognition", "consent": "yes"},
    ),
    (
        "Can German police match a suspect's photo against mugshots back at the station, after the fact?",
        {
            "law_enforcement": "yes",
            "united_states": "no",
            "use": "facial_recognition",
            "real_time": "no",
            "mobile_camera": "no",
            "uncontrolled": "no",
        },
    ),
    (
        "Can a city in Canada use face recognition on its cameras?",
        {"united_states": "no", "use": "facial_recognition"},
    ),
    ("What is a good recipe for banana bread?", None),
]


def _cases() -> list[tuple[str, str]]:
    """(question, expected verdict): the canonical cases (gold facts from the dataset) and
    the variants; the verdict is the oracle's on the gold facts."""
    cases: list[tuple[str, str]] = []
    for record in load_suite("canonical"):
        expected = (
            decide(record.gold_facts).verdict
            if record.gold_facts is not None
            else record.gold_verdict
        )
        cases.append((record.question, expected.value))
    for question, facts in VARIANTS:
        expected = (
            decide(Facts.model_validate(facts)).verdict
            if facts is not None
            else Verdict.out_of_scope
        )
        cases.append((question, expected.value))
    return cases


@pytest.fixture(scope="module")
def served_url(indexed_settings: Settings) -> Iterator[str]:
    from rag.assistant import PolicyAssistant
    from ui.loadtest import serving

    assistant = PolicyAssistant.from_settings(indexed_settings, progress=False)
    assistant.ask(_cases()[0][0])  # load the lazy parts before the clock starts
    with serving(assistant, indexed_settings) as url:
        yield url


def test_twenty_simultaneous_clients_get_the_oracle_verdicts(served_url: str) -> None:
    cases = _cases()
    assert len(cases) == len({q for q, _ in cases}) == CLIENTS
    began = time.perf_counter()
    results = ask_many(served_url, [q for q, _ in cases], clients=CLIENTS)
    report = summarize(results, CLIENTS, time.perf_counter() - began)

    errors = {q: repr(r) for q, r, _ in results if isinstance(r, Exception)}
    assert errors == {}
    got = {q: r["verdict"] for q, r, _ in results if isinstance(r, dict)}
    wrong = {q: {"got": got.get(q), "expected": want} for q, want in cases if got.get(q) != want}
    assert wrong == {}, json.dumps(wrong, indent=1)
    print(f"\n/ask with {CLIENTS} concurrent clients: {report.model_dump_json()}")
