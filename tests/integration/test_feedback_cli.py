"""`policyqa feedback`: list the thumbs-down answers; --export writes evaluation cases."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from evals.datasets import Record
from rag.feedback import FeedbackStore
from rag.models import FactReading

POLICYQA = str(Path(sys.executable).with_name("policyqa"))


def _run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "POLICYQA_DATA_DIR": str(data_dir), "COLUMNS": "160"}
    return subprocess.run([POLICYQA, "feedback", *args], capture_output=True, text=True, env=env,
                          timeout=60, cwd=data_dir.parent)


def test_feedback_lists_and_exports_thumbs_down(tmp_path: Path) -> None:
    data = tmp_path / "data"
    out = _run(data)
    assert out.returncode == 0 and "no feedback yet" in out.stderr
    store = FeedbackStore(data / "feedback.sqlite3")
    down = store.record(vote="down", question="Can a Texas sheriff use face ID?", answer="a",
                        verdict="prohibited", backend="offline",
                        facts=[FactReading(name="united_states", value="yes")])
    store.mark_wrong(down, ["united_states"])
    store.record(vote="up", question="liked question", answer="a", verdict="depends", backend="offline")
    out = _run(data)
    assert out.returncode == 0, out.stderr
    assert "Can a Texas sheriff use face ID?" in out.stdout and "united_states=yes" in out.stdout
    assert "liked question" not in out.stdout
    listed = json.loads(_run(data, "--json").stdout)
    assert [r["question"] for r in listed] == ["Can a Texas sheriff use face ID?"]
    assert listed[0]["wrong_facts"] == ["united_states"] and listed[0]["created_at"]
    out = _run(data, "--export", str(tmp_path / "cases.jsonl"))
    assert out.returncode == 0 and "wrote 1 case" in out.stderr
    (record,) = [Record.model_validate_json(x) for x in (tmp_path / "cases.jsonl").read_text().splitlines()]
    assert record.gold_facts is not None and record.gold_facts.united_states == "yes"
