"""The names the Python API promises, and that importing it stays light."""

from __future__ import annotations

import subprocess
import sys

import pytest

import rag


def test_all_names_resolve() -> None:
    assert set(rag.__all__) >= {"PolicyAssistant", "Answer", "Citation", "Verdict", "Facts", "Settings"}
    for name in rag.__all__:
        assert getattr(rag, name) is not None


def test_assistant_has_the_documented_methods() -> None:
    for method in ("from_settings", "ask", "stream", "reconsider", "settle"):
        assert callable(getattr(rag.PolicyAssistant, method))


def test_answer_json_carries_the_cli_contract_fields() -> None:
    answer = rag.Answer(question="q", verdict=rag.Verdict.out_of_scope, answer="a")
    data = answer.model_dump(mode="json")
    for field in ("verdict", "answer", "citations", "clauses", "facts", "clarifying_questions", "backend"):
        assert field in data


def test_importing_the_engine_does_not_import_heavy_modules() -> None:
    code = (
        "import sys, rag, rag.assistant, rag.offline, rag.retrieval, rag.cli;"
        "heavy = [m for m in ('gradio', 'langchain_openai', 'openai', 'chromadb', 'onnxruntime', 'torch')"
        " if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_a_bad_setting_is_one_line_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from rag.cli import app

    monkeypatch.setenv("POLICYQA_PORT", "abc")
    result = CliRunner().invoke(app, ["ask", "Can the NYPD use face matching?"])
    assert result.exit_code == 2
    assert "POLICYQA_PORT" in result.output and "Traceback" not in result.output
