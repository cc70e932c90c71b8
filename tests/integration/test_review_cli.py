"""`policyqa review` as a user runs it: good and bad rows in one file, the table and the
records it writes, and its exit status."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema

from evals.oracle import decide
from rag.assistant import PolicyAssistant
from rag.settings import Settings

POLICYQA = str(Path(sys.executable).with_name("policyqa"))
SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "docs" / "decision-record.schema.json").read_text())


def _run(settings: Settings, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "POLICYQA_DATA_DIR": str(settings.data_dir), "POLICYQA_BACKEND": "offline",
           "COLUMNS": "100"}
    return subprocess.run([POLICYQA, "review", *args], capture_output=True, text=True, env=env,
                          timeout=300, cwd=cwd)


def test_review_reports_bad_rows_in_their_row_and_goes_on(indexed_settings: Settings, tmp_path: Path) -> None:
    from evals.datasets import load_suite

    canonical = [r for r in load_suite("canonical") if r.gold_facts is not None][:4]
    rows = [("c1", canonical[0].question), ("empty", "   "),
            ("long", "police " * 1000), ("zh", "纽约警察局可以实时使用人脸识别吗？"),
            ("c2", canonical[1].question), ("../../evil id", canonical[2].question),
            ("c3", canonical[3].question)]
    path = tmp_path / "cases.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "question"])
        writer.writerows(rows)
    out = _run(indexed_settings, str(path), "--out", "out", "--format", "json", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    assert "reviewed 7 rows: 4 answered" in out.stderr
    with (tmp_path / "out" / "review.csv").open(encoding="utf-8") as fh:
        table = list(csv.DictReader(fh))
    assert [r["id"] for r in table] == [i for i, _ in rows]
    by_id = {r["id"]: r for r in table}
    assert "empty" in by_id["empty"]["problem"]
    assert "limit" in by_id["long"]["problem"]
    # (French and five other European languages are read through the glossary; Chinese is not.)
    assert "English" in by_id["zh"]["problem"]
    assistant = PolicyAssistant.from_settings(indexed_settings, progress=False)
    for ident, record in zip(("c1", "c2", "../../evil id", "c3"), canonical, strict=True):
        row = by_id[ident]
        assert row["problem"] == ""
        assert row["verdict"] == decide(record.gold_facts).verdict  # type: ignore[arg-type]
        answer = assistant.ask(record.question)  # the table says what the API says
        assert row["deciding_clauses"] == ";".join(answer.clauses)
        assert row["open_facts"] == ";".join(q.fact for q in answer.clarifying_questions)
        written = tmp_path / "out" / row["record"]
        assert written.parent == tmp_path / "out" / "records"  # the id never makes a path
        data = json.loads(written.read_text(encoding="utf-8"))
        jsonschema.validate(data, SCHEMA, cls=jsonschema.Draft202012Validator)
        assert data["question"] == record.question and data["verdict"] == row["verdict"]
    assert len(list((tmp_path / "out" / "records").iterdir())) == 4
    page = (tmp_path / "out" / "review.html").read_text(encoding="utf-8")
    assert page.count("<tr") == 1 + len(rows) and "not answered" in page


def test_review_of_jsonl_with_html_records(indexed_settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text(json.dumps({"id": "a", "question": "What product did Axon announce?"}) + "\n{oops\n",
                    encoding="utf-8")
    out = _run(indexed_settings, str(path), "--out", "o", "--no-progress", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "row 2" in out.stderr and "not valid JSON" in out.stderr
    assert (tmp_path / "o" / "records" / "0001-a.html").read_text().startswith("<!DOCTYPE html>")


def test_review_exits_non_zero_only_when_no_row_is_answered(indexed_settings: Settings, tmp_path: Path) -> None:
    (tmp_path / "bad.csv").write_text('question\n""\n" "\n', encoding="utf-8")
    out = _run(indexed_settings, "bad.csv", "--out", "o", cwd=tmp_path)
    assert out.returncode == 1 and "0 answered" in out.stderr
    (tmp_path / "nocol.csv").write_text("text\nq\n", encoding="utf-8")
    out = _run(indexed_settings, "nocol.csv", cwd=tmp_path)
    assert out.returncode == 2 and "no `question` column" in out.stderr and "Traceback" not in out.stderr
    out = _run(indexed_settings, "missing.csv", cwd=tmp_path)
    assert out.returncode == 2 and "cannot read" in out.stderr
    out = _run(indexed_settings, "bad.csv", "--format", "pdf", cwd=tmp_path)
    assert out.returncode == 2 and "html, md or json" in out.stderr
