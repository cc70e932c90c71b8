"""LLM provider faults end to end through the chat's HTTP API (gradio_client against the
app from ui.app.build_app), with the llm backend talking to the scripted server: each fault
ends in an answer with the rules' verdict, in bounded time, and says what happened."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import SecretStr

from evals.oracle import Verdict
from rag import Answer, PolicyAssistant
from rag.settings import Settings
from tests.llm_server import BrokenStream, Hang, Reply, ScriptedLLMServer, Status, model_json

pytestmark = pytest.mark.integration

NYPD = "Can the NYPD identify a robbery suspect from CCTV stills after the fact?"
NYPD_FACTS = {"law_enforcement": "yes", "united_states": "yes", "use": "facial_recognition",
              "real_time": "no", "mobile_camera": "no"}  # fmt: skip
GOOD = model_json("prohibited", "Prohibited: US police may not use facial recognition [1].", [1],
                  **NYPD_FACTS)  # fmt: skip
TIMEOUT_S = 1.0
RETRIES = 1


@pytest.fixture(scope="module")
def server() -> Iterator[ScriptedLLMServer]:
    with ScriptedLLMServer() as scripted:
        yield scripted


def _llm_settings(settings: Settings, server: ScriptedLLMServer, **update: Any) -> Settings:
    """The llm backend on the scripted server (short timeout, one retry unless updated)."""
    return settings.model_copy(update={
        "backend": "llm", "openai_base_url": server.url,
        "openai_api_key": SecretStr("test-key-0123456789"),
        "llm_timeout_s": TIMEOUT_S, "llm_max_retries": RETRIES, **update,
    })  # fmt: skip


@pytest.fixture(scope="module")
def chat(indexed_settings: Settings, server: ScriptedLLMServer) -> Iterator[tuple[Any, PolicyAssistant]]:
    """The chat app serving an llm-backed assistant; yields (gradio client, assistant)."""
    from gradio_client import Client

    from ui.loadtest import serving

    settings = _llm_settings(indexed_settings, server)
    assistant = PolicyAssistant.from_settings(settings, progress=False)
    with serving(assistant, settings) as url:
        client = Client(url, verbose=False, analytics_enabled=False, download_files=False)
        yield client, assistant


@pytest.fixture
def ask(chat: tuple[Any, PolicyAssistant], server: ScriptedLLMServer) -> Iterator[Any]:
    """ask(question, history=None) -> (Answer, seconds) through /ask; every scripted step used."""
    client, _ = chat
    server.clear()

    def call(question: str, history: list[dict[str, str]] | None = None) -> tuple[Answer, float]:
        started = time.monotonic()
        result = client.predict(question, json.dumps(history or []), api_name="/ask")
        return Answer.model_validate(result), time.monotonic() - started

    yield call
    assert server.pending == 0, "fewer model calls than scripted"


def _offline_verdict(chat: tuple[Any, PolicyAssistant], question: str) -> Verdict:
    return chat[1].offline.answer(question, []).verdict


def test_a_working_model_answers(ask: Any, server: ScriptedLLMServer) -> None:
    """The control: with nothing wrong, the llm backend answers (so the faults below are
    what makes the difference)."""
    server.push(Reply(GOOD))
    answer, _ = ask(NYPD)
    assert answer.backend == "llm" and answer.verdict is Verdict.prohibited
    assert not any("unavailable" in n for n in answer.notices)


@pytest.mark.parametrize(
    "steps",
    [
        [Hang(30), Hang(30)],
        [Status(500), Status(503)],
        [Status(429, {"Retry-After": "0.2"}), Status(429, {"Retry-After": "0.2"})],
        [Status(429, {"Retry-After": "86400"})],  # longer than we wait: give up at once
        [Status(401, message="bad key sk-secret-should-not-leak")],
    ],
    ids=["timeouts", "5xx", "429", "429-retry-after-a-day", "401"],
)
def test_provider_failure_falls_back_to_the_offline_answer_with_a_notice(
    ask: Any, server: ScriptedLLMServer, chat: tuple[Any, PolicyAssistant], steps: list[Any]
) -> None:
    server.push(*steps)
    answer, seconds = ask(NYPD)
    assert answer.backend == "offline"
    assert answer.verdict == _offline_verdict(chat, NYPD)
    assert any("LLM unavailable" in n for n in answer.notices), answer.notices
    assert all("sk-secret" not in n for n in answer.notices)
    # Each attempt is bounded by the timeout; backoff adds at most a few seconds.
    assert seconds < (RETRIES + 1) * TIMEOUT_S + 10, f"{seconds:.1f} s"


def test_rate_limit_then_success_is_retried(ask: Any, server: ScriptedLLMServer) -> None:
    server.push(Status(429, {"Retry-After": "0.2"}), Reply(GOOD))
    answer, _ = ask(NYPD)
    assert answer.backend == "llm" and answer.verdict is Verdict.prohibited
    assert answer.usage is not None and answer.usage.get("retries", 0) >= 1


@pytest.mark.parametrize(
    "content",
    [
        "{{{ not json at all",
        '{"facts": {"law_enforcement": "yes", "verdict": not_prohibited, answer: "',
    ],
    ids=["garbage", "half-json"],
)
def test_invalid_json_still_gets_the_rules_verdict(
    ask: Any, server: ScriptedLLMServer, chat: tuple[Any, PolicyAssistant], content: str
) -> None:
    server.push(Reply(content))
    answer, _ = ask(NYPD)
    assert answer.verdict == _offline_verdict(chat, NYPD)
    assert answer.answer.strip()
    assert answer.notices


def test_broken_stream_is_marked_incomplete_or_falls_back(
    ask: Any, server: ScriptedLLMServer, chat: tuple[Any, PolicyAssistant]
) -> None:
    server.push(BrokenStream(GOOD, cut=len(GOOD) // 2))
    answer, _ = ask(NYPD)
    assert answer.verdict == _offline_verdict(chat, NYPD)
    if answer.backend == "llm":
        assert answer.incomplete and any("incomplete" in n for n in answer.notices)
    else:
        assert any("LLM unavailable" in n for n in answer.notices)


def test_a_long_history_through_the_chat_api_is_bounded(
    ask: Any, server: ScriptedLLMServer
) -> None:
    """/ask takes the history from the client: 300 long turns must not tie up a worker for
    minutes (the model is given a rewrite request and an answer request at most)."""
    turn = ("Can the NYPD use face recognition on body cameras live? " * 80)[:4000]
    history = [{"role": "user" if i % 2 == 0 else "assistant", "content": turn} for i in range(300)]
    server.push(Reply("Can the NYPD use face recognition on recorded footage?"), Reply(GOOD))
    answer, seconds = ask("And on recorded footage afterwards?", history)
    assert answer.verdict in set(Verdict)
    assert seconds < 3, f"{seconds:.1f} s"
    request_sizes = [len(json.dumps(r.body)) for r in server.requests[-2:]]
    assert max(request_sizes) < 200_000, "the whole history was sent to the model"


def test_a_full_queue_says_busy_instead_of_hanging(
    indexed_settings: Settings, server: ScriptedLLMServer
) -> None:
    """One worker, one waiting place, a model that takes 2 s: of five simultaneous asks,
    some are turned away at once with a "try again", and the ones let in are answered."""
    from concurrent.futures import ThreadPoolExecutor

    from gradio_client import Client

    from ui.loadtest import serving

    server.clear()
    server.answer_always(Hang(seconds=2.0))  # then the connection closes: offline fallback
    settings = _llm_settings(
        indexed_settings, server, llm_timeout_s=10.0, llm_max_retries=0, concurrency=1,
        queue_size=1,
    )  # fmt: skip
    assistant = PolicyAssistant.from_settings(settings, progress=False)

    def ask(url: str) -> tuple[str, float]:
        started = time.monotonic()
        client = Client(url, verbose=False, analytics_enabled=False, download_files=False)
        try:
            result = client.predict(NYPD, "", api_name="/ask")
            outcome = f"answer:{Answer.model_validate(result).verdict}"
        except Exception as exc:
            outcome = f"refused:{exc}"
        return outcome, time.monotonic() - started

    try:
        with serving(assistant, settings) as url, ThreadPoolExecutor(5) as pool:
            outcomes = list(pool.map(ask, [url] * 5))
    finally:
        server.clear()
    refused = [(o, s) for o, s in outcomes if o.startswith("refused:")]
    answered = [o for o, _ in outcomes if o.startswith("answer:")]
    assert refused and answered, outcomes
    assert set(answered) == {f"answer:{Verdict.prohibited}"}
    for outcome, seconds in refused:
        assert "try again" in outcome.lower() and seconds < 5, (outcome, seconds)
