"""Records of answers from the llm backend (a scripted OpenAI-compatible server on
127.0.0.1, the one faked boundary): the LLM check is in the record, and every answer names
the policy it was decided under."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic import SecretStr

from evals.oracle import rule_values
from rag import PolicyAssistant
from rag.record import render_record
from rag.settings import Settings
from tests.llm_server import Reply, ScriptedLLMServer, model_json

pytestmark = pytest.mark.integration

NYPD = "Can the NYPD identify a robbery suspect from CCTV stills after the fact?"
NYPD_FACTS = {"law_enforcement": "yes", "united_states": "yes", "use": "facial_recognition",
              "real_time": "no", "mobile_camera": "no"}


@pytest.fixture(scope="module")
def llm() -> Iterator[ScriptedLLMServer]:
    with ScriptedLLMServer() as scripted:
        yield scripted


@pytest.fixture(scope="module")
def assistant(indexed_settings: Settings, llm: ScriptedLLMServer) -> PolicyAssistant:
    settings = indexed_settings.model_copy(update={
        "backend": "llm", "openai_base_url": llm.url,
        "openai_api_key": SecretStr("test-key-0123456789"), "llm_timeout_s": 5.0,
        "llm_max_retries": 0,
    })
    return PolicyAssistant.from_settings(settings, progress=False)


def test_a_disagreeing_model_is_in_the_record(assistant: PolicyAssistant, llm: ScriptedLLMServer) -> None:
    llm.clear()
    llm.push(Reply(model_json("not_prohibited", "Not prohibited: recorded footage.", [], **NYPD_FACTS)))
    answer = assistant.ask(NYPD)
    assert llm.pending == 0 and answer.backend == "llm"
    record = answer.record()
    assert record.check is not None and record.check.status == "disagrees"
    assert (record.check.model_verdict, record.check.rule_verdict) == ("not_prohibited", "prohibited")
    assert record.verdict == "prohibited" and record.backend == "llm"
    expected = rule_values(answer.fact_model())
    assert {r.clause_id: r.value for r in record.rules} == {k: str(v) for k, v in expected.items()}
    assert record.policy is not None and record.policy.version
    md = render_record(record, "md")
    assert "LLM check: disagrees" in md and "`not_prohibited`" in md


def test_an_llm_answer_without_a_verdict_still_names_the_policy(
    assistant: PolicyAssistant, llm: ScriptedLLMServer
) -> None:
    llm.clear()
    llm.push(Reply(model_json("informational", "Axon announced Draft One [1].", [1])))
    answer = assistant.ask("What product did Axon announce?")
    assert llm.pending == 0 and answer.verdict == "informational"
    record = answer.record()
    assert record.rules == [] and record.policy is not None
