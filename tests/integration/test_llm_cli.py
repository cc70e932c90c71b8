"""`policyqa doctor`, `policyqa ask --backend llm` and `policyqa eval --backend llm` against
a scripted OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr

from rag.doctor import run_doctor
from rag.settings import Settings
from tests.llm_server import Recorded, Reply, ScriptedLLMServer, Status, model_json

pytestmark = pytest.mark.integration

KEY = "sk-test-secret-abcdef123456"
POLICYQA = Path(sys.executable).parent / "policyqa"


@pytest.fixture
def llm() -> Iterator[ScriptedLLMServer]:
    with ScriptedLLMServer() as server:
        yield server


def _llm_settings(indexed_settings: Settings, server: ScriptedLLMServer) -> Settings:
    return indexed_settings.model_copy(
        update={
            "backend": "llm",
            "openai_base_url": server.url,
            "openai_api_key": SecretStr(KEY),
            "llm_timeout_s": 5.0,
        }
    )


def test_doctor_shows_the_resolved_endpoint_masked_and_checks_it(
    indexed_settings: Settings, llm: ScriptedLLMServer, capsys: pytest.CaptureFixture[str]
) -> None:
    llm.push(Reply("OK"))
    code = run_doctor(_llm_settings(indexed_settings, llm))
    out = capsys.readouterr().out
    assert code == 0, out
    assert f"{llm.url}/chat/completions" in out
    assert KEY not in out and KEY[-4:] in out
    assert len(llm.requests) == 1 and llm.requests[0].body["max_completion_tokens"] <= 16


def test_doctor_fails_when_the_endpoint_refuses(
    indexed_settings: Settings, llm: ScriptedLLMServer, capsys: pytest.CaptureFixture[str]
) -> None:
    llm.push(Status(401, message="bad key"))
    code = run_doctor(_llm_settings(indexed_settings, llm))
    out = capsys.readouterr().out
    assert code == 1
    assert "401" in out and KEY not in out


def test_doctor_offline_checks_the_index_and_calls_no_endpoint(
    indexed_settings: Settings, llm: ScriptedLLMServer, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = _llm_settings(indexed_settings, llm).model_copy(update={"backend": "offline"})
    assert run_doctor(settings) == 0
    assert llm.requests == []
    empty = settings.model_copy(
        update={"data_dir": indexed_settings.data_dir.parent / "nothing-here"}
    )
    assert run_doctor(empty) == 1
    assert "policyqa ingest" in capsys.readouterr().out


def test_ask_streams_the_llm_answer_to_the_terminal(
    indexed_settings: Settings, llm: ScriptedLLMServer, tmp_path: Path
) -> None:
    text = "Prohibited: a police department in the United States may not use facial recognition."
    llm.push(Reply(model_json("prohibited", text, [], law_enforcement="yes", united_states="yes",
                              use="facial_recognition")))  # fmt: skip
    env = {
        **os.environ,
        "POLICYQA_DATA_DIR": str(indexed_settings.data_dir),
        "POLICYQA_CORPUS_DIR": str(indexed_settings.corpus_dir),
        "OPENAI_BASE_URL": llm.url,
        "OPENAI_API_KEY": KEY,
        "COLUMNS": "200",
    }
    done = subprocess.run(
        [str(POLICYQA), "ask", "--backend", "llm", "Can the NYPD use face recognition on CCTV stills?"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert text in done.stdout
    assert "backend: llm" in done.stdout
    assert len(llm.requests) == 1


def test_eval_runs_against_the_configured_endpoint(
    indexed_settings: Settings, llm: ScriptedLLMServer, tmp_path: Path
) -> None:
    from evals.runner import run_eval_command

    def depends(recorded: Recorded) -> Reply:
        return Reply(model_json("depends", "It depends.", []))

    llm.answer_always(depends)
    code = run_eval_command(
        _llm_settings(indexed_settings, llm),
        backend="llm",
        suite="canonical",
        out=tmp_path / "report",
        as_json=True,
        gate=False,
        update_baseline=False,
        limit=3,
    )
    assert code == 0
    assert len(llm.requests) >= 3
    report = json.loads(next((tmp_path / "report").glob("*.json")).read_text())
    assert report
