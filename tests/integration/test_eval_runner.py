"""`policyqa eval` on the real offline engine and a real index, on small samples."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from evals.datasets import SUITES, load_suite
from evals.runner import run_eval_command
from rag.settings import Settings

pytestmark = pytest.mark.integration


def _run(settings: Settings, out: Path, baseline: Path, **kw: Any) -> int:
    args: dict[str, Any] = {
        "backend": "offline",
        "suite": "all",
        "out": out,
        "as_json": False,
        "gate": False,
        "update_baseline": False,
        "limit": None,
        "baseline_path": baseline,
    }
    args.update(kw)
    return run_eval_command(settings, **args)


def _report(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return data


def test_sample_of_every_suite_writes_the_report(
    indexed_settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, baseline = tmp_path / "report", tmp_path / "baseline.json"
    code = _run(indexed_settings, out, baseline, limit=2, gate=True, as_json=True)

    report = _report(out)
    printed = json.loads(capsys.readouterr().out)
    assert printed["summary"] == report["summary"]
    for name in ("report.md", "confusion.png", "latency.png"):
        assert (out / name).stat().st_size > 0
    assert (out / "confusion.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    expected_n = {}
    for suite in SUITES:
        records = load_suite(suite)[:2]
        expected_n[suite] = sum(len(r.turns) or 1 for r in records)
    assert {s: m["n"] for s, m in report["summary"]["suites"].items()} == expected_n
    assert len(report["outcomes"]) == sum(expected_n.values())
    assert any(row["id"].endswith("#2") for row in report["outcomes"]), "dialogue turns scored"
    assert all(row["latency_ms"] > 0 for row in report["outcomes"])
    # The declared rules' mutation score, on the full suites' gold facts even in a sample run.
    assert report["mutation"]["score"] == 1.0 and report["mutation"]["survivors"] == []
    assert "## Mutation testing of the declared rules" in (out / "report.md").read_text(encoding="utf-8")

    # With no baseline the gate judges only what never may happen, and says so.
    gate = report["gate"]
    assert any("no baseline" in note for note in gate["notes"])
    must_fail = bool(report["summary"]["dangerous"] or report["summary"]["canonical_wrong"])
    assert code == (1 if must_fail or report["summary"]["overall"]["errors"] else 0)
    assert not baseline.exists()


def test_baseline_round_trip_and_a_drop_fails_the_gate(
    indexed_settings: Settings, tmp_path: Path
) -> None:
    out, baseline = tmp_path / "report", tmp_path / "baseline.json"
    assert _run(indexed_settings, out, baseline, suite="out_of_scope", update_baseline=True) == 0
    written = json.loads(baseline.read_text())["offline"]["out_of_scope"]
    measured = _report(out)["summary"]["suites"]["out_of_scope"]
    assert written == {
        "verdict_accuracy": measured["verdict_accuracy"],
        "refusal_accuracy": measured["refusal_accuracy"],
    }

    # The same engine on the same data holds its baseline.
    assert _run(indexed_settings, out, baseline, suite="out_of_scope", gate=True) == 0

    # A baseline a point and a half above what is measured is a regression.
    raised = {k: v + 0.015 for k, v in written.items()}
    baseline.write_text(json.dumps({"offline": {"out_of_scope": raised}}))
    assert _run(indexed_settings, out, baseline, suite="out_of_scope", gate=True) == 1
    reasons = _report(out)["gate"]["reasons"]
    assert any(r.startswith("out_of_scope verdict_accuracy dropped") for r in reasons)


def test_refuses_what_it_cannot_do(indexed_settings: Settings, tmp_path: Path) -> None:
    out, baseline = tmp_path / "report", tmp_path / "baseline.json"
    assert _run(indexed_settings, out, baseline, suite="nope") == 2
    assert _run(indexed_settings, out, baseline, backend="gpt") == 2
    assert _run(indexed_settings, out, baseline, limit=3, update_baseline=True) == 2
    assert not out.exists() and not baseline.exists()


def test_cli_eval_command(indexed_settings: Settings, tmp_path: Path) -> None:
    """The installed command, as CI runs it, on one small suite."""
    out = tmp_path / "cli-report"
    env = {**os.environ, "POLICYQA_DATA_DIR": str(indexed_settings.data_dir)}
    policyqa = Path(sys.executable).with_name("policyqa")
    cmd = [str(policyqa), "eval", "--suite", "canonical", "--out", str(out), "--json"]
    proc = subprocess.run(
        cmd, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["summary"]["suites"]["canonical"]["n"] == 12
    assert (out / "report.md").is_file()
