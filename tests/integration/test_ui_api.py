"""The chat's HTTP API through gradio_client, and its safe defaults."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from evals.datasets import load_suite
from evals.oracle import decide
from rag.models import Answer
from rag.settings import Settings

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def assistant(indexed_settings: Settings) -> Any:
    from rag.assistant import PolicyAssistant

    return PolicyAssistant.from_settings(indexed_settings, progress=False)


@pytest.fixture(scope="module")
def served_url(assistant: Any, indexed_settings: Settings) -> Iterator[str]:
    from ui.loadtest import serving

    with serving(assistant, indexed_settings) as url:
        yield url


def _client(url: str, auth: tuple[str, str] | None = None) -> Any:
    from gradio_client import Client

    return Client(url, verbose=False, analytics_enabled=False, download_files=False, auth=auth)


def test_ask_returns_the_answer_as_json(served_url: str) -> None:
    record = load_suite("canonical")[0]
    assert record.gold_facts is not None
    result = _client(served_url).predict(record.question, api_name="/ask")
    answer = Answer.model_validate(result)
    assert answer.verdict == decide(record.gold_facts).verdict
    assert answer.citations and answer.backend == "offline"
    assert answer.question == record.question


def test_ask_takes_history_as_json(served_url: str) -> None:
    """A dialogue through /ask: each turn sends the turns before it, answers included."""
    dialogue = next(r for r in load_suite("dialogues") if len(r.turns) >= 2)
    client = _client(served_url)
    history: list[dict[str, str]] = []
    for turn in dialogue.turns:
        result = client.predict(turn.user, json.dumps(history), api_name="/ask")
        assert result["verdict"] == decide(turn.gold_facts).verdict, turn.user
        history += [
            {"role": "user", "content": turn.user},
            {"role": "assistant", "content": result["answer"]},
        ]


def test_history_may_be_sent_as_a_list(served_url: str) -> None:
    """A caller that hands /ask the turns themselves, not their JSON, gets the same answer."""
    first = "Our sheriff's office wants to identify people in bodycam footage."
    turns = [{"role": "user", "content": first}, {"role": "assistant", "content": "It depends."}]
    client = _client(served_url)
    as_json = client.predict("It is in Texas, and afterwards, not live.", json.dumps(turns), api_name="/ask")
    as_list = client.predict("It is in Texas, and afterwards, not live.", turns, api_name="/ask")
    assert as_list["verdict"] == as_json["verdict"] == "prohibited"


def test_only_ask_is_offered_to_api_clients(served_url: str) -> None:
    api = _client(served_url).view_api(print_info=False, return_format="dict")
    assert set(api["named_endpoints"]) == {"/ask"}
    assert api["unnamed_endpoints"] == {}


@pytest.mark.parametrize(
    ("question", "history", "expected"),
    [
        ("x" * 5000, "", "limit"),
        ("   ", "", "empty"),
        ("Can US police use face recognition?", "{not json", "history"),
        ("Can US police use face recognition?", '[{"role": "root", "content": "x"}]', "history"),
        ("Can US police use face recognition?", {"role": "user"}, "history"),
        ("Can US police use face recognition?", [{"role": "user"}], "history"),
    ],
)
def test_bad_input_is_a_clear_error(
    served_url: str, question: str, history: str, expected: str, capfd: pytest.CaptureFixture[str]
) -> None:
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError) as raised:
        _client(served_url).predict(question, history, api_name="/ask")
    assert expected in str(raised.value)
    assert "Traceback" not in str(raised.value)
    # A refused question is the caller's mistake: no traceback in the server's log either.
    assert "Traceback" not in capfd.readouterr().err


def test_safe_launch_defaults(indexed_settings: Settings, assistant: Any) -> None:
    from ui.app import build_app, launch_options

    options = launch_options(indexed_settings)
    assert options["server_name"] == "127.0.0.1"
    assert options["share"] is False
    assert options["allowed_paths"] == []
    assert options["auth"] is None
    app = build_app(assistant, indexed_settings)
    queue = app._queue
    assert queue.default_concurrency_limit == indexed_settings.concurrency > 1
    assert queue.max_size == indexed_settings.queue_size


def test_basic_auth_when_configured(indexed_settings: Settings, assistant: Any) -> None:
    from ui.loadtest import serving

    secured = indexed_settings.model_copy(
        update={"auth_user": "reviewer", "auth_password": SecretStr("s3cret-pass")}
    )
    question = load_suite("canonical")[0].question
    with serving(assistant, secured) as url:
        assert httpx.get(url + "config", timeout=10).status_code == 401
        with pytest.raises(ValueError):
            _client(url)
        result = _client(url, auth=("reviewer", "s3cret-pass")).predict(question, api_name="/ask")
        assert Answer.model_validate(result).question == question
