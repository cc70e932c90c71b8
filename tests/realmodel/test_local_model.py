"""The llm backend against a real model (SmolLM2-135M-Instruct on our node-llama-cpp server),
end to end through PolicyAssistant and the chat's HTTP API, in facts-only and answer mode.

What is checked holds whatever the model reads: the model answered (no fallback), its reply
is valid against the response schema it was sent (read from the server's own log), the
verdict is the rules' on the answer's facts and never more lenient than the offline
reader's, and every fact the two readers read differently is shown (a deciding one asked
about). The model's accuracy is never asserted: a 135M model reads poorly, and
`policyqa eval --backend llm` measures that.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest

from evals.datasets import load_suite
from evals.oracle import FACT_NAMES, Tri, Use, Verdict, decide
from ingest.tokens import count_tokens
from rag import Answer, PolicyAssistant
from rag.llm import LLMBackend
from rag.llm.chain import prompt_text
from rag.llm.facts_call import facts_inputs
from rag.llm.schema import response_schema
from rag.models import Turn
from rag.offline import read_conversation
from rag.settings import Settings
from tests.realmodel.conftest import MODEL_NAME, LocalModel

pytestmark = [pytest.mark.realmodel, pytest.mark.integration]

CANONICAL = load_suite("canonical")
VERDICTS = (Verdict.prohibited, Verdict.depends, Verdict.not_prohibited)
RANK = {Verdict.prohibited: 3, Verdict.depends: 2, Verdict.not_prohibited: 1}
VALUES = {name: {v.value for v in (Use if name == "use" else Tri)} for name in FACT_NAMES}
# Answer mode reads ~2,500 prompt tokens: a few questions of different kinds are enough here
# (`policyqa bench --backend llm` times all twelve).
ANSWER_MODE_CASES = (3, 4, 10)


@pytest.fixture(scope="module")
def base(indexed_settings: Settings, local_model: LocalModel) -> PolicyAssistant:
    settings = indexed_settings.model_copy(update={
        "backend": "llm", "openai_base_url": local_model.url, "llm_model": MODEL_NAME,
        # Two shared cores: a long answer prompt can take minutes before its first token.
        "llm_timeout_s": 600.0, "llm_max_retries": 0,
    })  # fmt: skip
    return PolicyAssistant.from_settings(settings, progress=False)


def in_mode(base: PolicyAssistant, mode: str) -> PolicyAssistant:
    settings = base.settings.model_copy(update={"llm_mode": mode})
    return PolicyAssistant(settings, base.retriever, LLMBackend(settings, base.retriever, base.offline),
                           base.offline)  # fmt: skip


@pytest.fixture(scope="module")
def facts_mode(base: PolicyAssistant) -> PolicyAssistant:
    return in_mode(base, "facts")


@pytest.fixture(scope="module")
def answer_mode(base: PolicyAssistant) -> PolicyAssistant:
    return in_mode(base, "answer")


def last_reply(local_model: LocalModel, before: int) -> dict[str, Any]:
    """The one completion the server sent since `before` replies."""
    replies = local_model.replies()
    assert len(replies) == before + 1, f"expected one model call, the server logged {len(replies) - before}"
    return replies[-1]


def check_schema(reply: dict[str, Any], kind: str) -> None:
    """The reply as the server sent it: exactly one JSON document valid against the schema,
    which is the one the backend asked for."""
    sent = reply["response_format"]
    assert sent["type"] == "json_schema", "the local server accepts json_schema"
    assert sent["json_schema"]["schema"] == response_schema(kind)  # type: ignore[arg-type]
    jsonschema.validate(json.loads(reply["content"]), response_schema(kind))  # type: ignore[arg-type]


def check_answer(answer: Answer, offline: Answer) -> None:
    """Structure, the rules' verdict with the floor, and the disagreement display."""
    assert answer.backend == "llm", answer.notices
    assert answer.usage is not None and answer.usage["schema_valid"] == 1
    assert set(answer.readings) == {"offline", "model"}
    for reading in answer.readings.values():
        assert set(reading) == set(FACT_NAMES)
        assert all(reading[n] in VALUES[n] for n in FACT_NAMES)
    if answer.verdict in VERDICTS:
        assert answer.verdict is decide(answer.fact_model()).verdict
        if offline.verdict in VERDICTS:  # the stricter-verdict floor
            assert RANK[answer.verdict] >= RANK[offline.verdict]
    model, first = answer.readings["model"], answer.readings["offline"]
    split = {n for n in FACT_NAMES if "unknown" not in (model[n], first[n]) and model[n] != first[n]}
    if offline.verdict in VERDICTS:
        assert {d.fact for d in answer.disagreements} == split
    asked = {q.fact for q in answer.clarifying_questions}
    for d in answer.disagreements:
        assert d.readings == {"offline": first[d.fact], "model": model[d.fact]}
        assert f"readers disagree on {d.fact.replace('_', ' ')}" in answer.answer
        if d.decides:
            assert d.fact in asked


@pytest.mark.parametrize("record", CANONICAL, ids=[r.id for r in CANONICAL])
def test_facts_mode_on_the_canonical_questions(
    facts_mode: PolicyAssistant, local_model: LocalModel, record: Any
) -> None:
    assert count_tokens(prompt_text("facts", **facts_inputs(record.question, []))) < 600
    before = len(local_model.replies())
    answer = facts_mode.ask(record.question)
    check_schema(last_reply(local_model, before), "facts")
    check_answer(answer, facts_mode.offline.answer(record.question, []))
    if answer.verdict in VERDICTS:
        assert answer.citations and answer.clauses == decide(answer.fact_model()).clauses


@pytest.mark.parametrize("case", ANSWER_MODE_CASES)
def test_answer_mode_end_to_end(
    answer_mode: PolicyAssistant, local_model: LocalModel, case: int
) -> None:
    record = next(r for r in CANONICAL if r.canonical == case)
    before = len(local_model.replies())
    items = list(answer_mode.stream(record.question))
    answer = items[-1]
    assert isinstance(answer, Answer)
    assert all(isinstance(i, str) for i in items[:-1])
    check_schema(last_reply(local_model, before), "answer")
    check_answer(answer, answer_mode.offline.answer(record.question, []))
    if answer.check is not None:
        assert answer.check.rule_verdict is answer.verdict or answer.check.status == "disagrees"


@pytest.fixture(scope="module")
def chat_client(facts_mode: PolicyAssistant) -> Iterator[Any]:
    from gradio_client import Client

    from ui.loadtest import serving

    with serving(facts_mode, facts_mode.settings) as url:
        yield Client(url, verbose=False, analytics_enabled=False, download_files=False)


@pytest.mark.parametrize("case", (2, 5))
def test_the_chat_api_in_facts_mode(
    chat_client: Any, facts_mode: PolicyAssistant, local_model: LocalModel, case: int
) -> None:
    record = next(r for r in CANONICAL if r.canonical == case)
    before = len(local_model.replies())
    result = chat_client.predict(record.question, "", api_name="/ask")
    check_schema(last_reply(local_model, before), "facts")
    answer = Answer.model_validate(result)
    check_answer(answer, facts_mode.offline.answer(record.question, []))
    assert result["disagreements"] == [d.model_dump(mode="json") for d in answer.disagreements]


def test_the_chat_api_in_answer_mode_with_a_follow_up(
    answer_mode: PolicyAssistant, local_model: LocalModel
) -> None:
    """Answer mode through the chat's API, a second turn included (the rewrite call, then
    the answer)."""
    from gradio_client import Client

    from ui.loadtest import serving

    history = [{"role": "user", "content": "Can French police use face matching?"},
               {"role": "assistant", "content": "It depends on whether it runs live."}]  # fmt: skip
    question = "And live, from body cameras on street patrols?"
    before = len(local_model.replies())
    with serving(answer_mode, answer_mode.settings) as url:
        client = Client(url, verbose=False, analytics_enabled=False, download_files=False)
        result = client.predict(question, json.dumps(history), api_name="/ask")
    replies = local_model.replies()[before:]
    assert len(replies) == 2 and replies[0]["response_format"] is None  # rewrite: plain text
    check_schema(replies[1], "answer")
    answer = Answer.model_validate(result)
    # The floor here is the offline reading of the whole dialogue.
    topic, reading = read_conversation(question, [Turn.model_validate(t) for t in history])
    assert topic == "verdict"
    floor = decide(reading.facts).verdict
    assert answer.backend == "llm" and answer.usage is not None and answer.usage["schema_valid"] == 1
    assert answer.verdict is decide(answer.fact_model()).verdict
    assert RANK[answer.verdict] >= RANK[floor]
