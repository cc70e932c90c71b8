"""Feedback kept for test cases: the store upgrades an old database in place, keeps the facts
and the facts a user marked wrong, and thumbs-down rows export in the evaluation's format."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from evals.datasets import Record
from evals.oracle import FACT_NAMES as ORACLE_FACTS
from rag.feedback import FeedbackStore, write_cases
from rag.feedback.cases import FACT_NAMES
from rag.models import FactReading, Span, Turn

FACTS = [FactReading(name="law_enforcement", value="yes", span=Span(text="police", start=7, end=13)),
         FactReading(name="use", value="facial_recognition"),
         FactReading(name="real_time", value="no")]


def test_the_export_knows_the_oracles_facts() -> None:
    assert FACT_NAMES == ORACLE_FACTS


def test_an_old_database_is_upgraded_and_its_rows_still_read(tmp_path: Path) -> None:
    db = tmp_path / "feedback.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL,"
                 " vote TEXT NOT NULL CHECK (vote IN ('up', 'down')), question TEXT NOT NULL,"
                 " answer TEXT NOT NULL, verdict TEXT NOT NULL, backend TEXT NOT NULL)")
    conn.execute("INSERT INTO feedback (created_at, vote, question, answer, verdict, backend)"
                 " VALUES ('2026-01-01T00:00:00+00:00', 'down', 'old q', 'a', 'prohibited', 'offline')")
    conn.commit()
    conn.close()
    store = FeedbackStore(db)
    old = store.rows()[0]
    assert old.question == "old q" and old.facts is None and old.wrong_facts == []
    new = store.record(vote="down", question="new q", answer="a", verdict="depends",
                       backend="offline", facts=FACTS, history=[Turn(role="user", content="hi")],
                       clauses=[], caveats=["coc-prior.identify-verify-media"])
    assert store.mark_wrong(new, ["real_time"]) and not store.mark_wrong(9999, ["use"])
    row = store.rows(vote="down")[-1]
    assert row.facts == FACTS and row.wrong_facts == ["real_time"]
    assert row.history == [Turn(role="user", content="hi")]


def test_thumbs_down_rows_export_as_dataset_records(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "f.sqlite3")
    store.record(vote="down", question="Can Ohio police match CCTV stills?", answer="a",
                 verdict="prohibited", backend="offline", facts=FACTS,
                 clauses=["coc-2024.us-police-facial-recognition"])
    store.record(vote="down", question="What did Axon announce?", answer="a",
                 verdict="informational", backend="llm", facts=[])
    store.record(vote="down", question="rated before facts were kept", answer="a",
                 verdict="depends", backend="offline")
    rows = store.rows(vote="down")
    store.mark_wrong(rows[0].id, ["real_time", "consent"])
    out = tmp_path / "cases.jsonl"
    assert write_cases(store.rows(vote="down"), out) == 3
    records = [Record.model_validate_json(line) for line in out.read_text(encoding="utf-8").splitlines()]
    first, second, third = records
    assert first.question == "Can Ohio police match CCTV stills?"
    assert first.gold_facts is not None
    assert first.gold_facts.model_dump(mode="json") == {
        **dict.fromkeys(ORACLE_FACTS, "unknown"),
        "law_enforcement": "yes", "use": "facial_recognition", "real_time": "no"}
    assert first.gold_verdict == "prohibited"
    assert first.gold_clauses == ["coc-2024.us-police-facial-recognition"]
    assert "real_time, consent" in (first.notes or "")
    assert second.gold_facts is None and second.gold_verdict == "informational"
    assert third.gold_facts is not None and "fill in gold_facts" in (third.notes or "")
    assert len({r.id for r in records}) == 3 and all(r.suite == "feedback" for r in records)
    assert all(json.loads(line)["suite"] == "feedback" for line in out.read_text().splitlines())
