"""`policyqa ask` and `policyqa search` as a user runs them (a real subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rag.settings import Settings

NOISE = ("Cyber Monday", "iPad", "LaBeau", "bloggers like this", "Request Media Kit",
         "Advertise with Us", "Leave a Reply")
POLICYQA = str(Path(sys.executable).with_name("policyqa"))


def _run(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "POLICYQA_DATA_DIR": str(settings.data_dir), "POLICYQA_BACKEND": "offline"}
    env.pop("CHROMA_HOST", None)
    return subprocess.run([POLICYQA, *args], capture_output=True, text=True, env=env, timeout=120)


def test_ask_json_prints_the_contract(indexed_settings: Settings) -> None:
    out = _run(indexed_settings, "ask", "A contractor builds face recognition for a Texas sheriff's office.", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    for key in ("verdict", "answer", "citations", "clauses", "facts", "clarifying_questions", "backend"):
        assert key in data
    assert data["verdict"] == "prohibited"
    assert data["backend"] == "offline"
    for citation in data["citations"]:
        assert {"source", "title", "quote", "clause_id"} <= set(citation)
    assert "coc-2024.us-police-facial-recognition" in {c["clause_id"] for c in data["citations"]}


def test_ask_readable_output_streams_the_answer(indexed_settings: Settings) -> None:
    out = _run(indexed_settings, "ask", "Can the NYPD identify a robbery suspect from CCTV stills after the fact?")
    assert out.returncode == 0, out.stderr
    assert "PROHIBITED" in out.stdout
    assert "coc-2024.us-police-facial-recognition" in out.stdout


@pytest.mark.parametrize("question", ["", "    "])
def test_ask_empty_question_is_a_clear_error(indexed_settings: Settings, question: str) -> None:
    out = _run(indexed_settings, "ask", question)
    assert out.returncode != 0
    assert "empty" in out.stderr
    assert "Traceback" not in out.stderr


def test_ask_over_long_question_is_a_clear_error(indexed_settings: Settings) -> None:
    out = _run(indexed_settings, "ask", "police " * 10_000)
    assert out.returncode != 0
    assert "limit" in out.stderr and "Traceback" not in out.stderr


def test_ask_with_history_file(indexed_settings: Settings, tmp_path: Path) -> None:
    history = tmp_path / "history.json"
    history.write_text(json.dumps([
        {"role": "user", "content": "Can a European agency use dashcam face matching?"},
        {"role": "assistant", "content": "It depends."},
    ]))
    out = _run(indexed_settings, "ask", "It is a police force, matching live on street patrols.",
               "--history", str(history), "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["verdict"] == "prohibited"


def test_search_json_holds_no_noise(indexed_settings: Settings) -> None:
    out = _run(indexed_settings, "search", "best iPad deal", "--json", "--k", "10")
    assert out.returncode == 0, out.stderr
    hits = json.loads(out.stdout)
    assert hits, "search returns the nearest chunks even for an off-topic query"
    for hit in hits:
        for noise in NOISE:
            assert noise not in hit["text"]
        assert {"source", "title", "kind", "start", "end"} <= set(hit)
