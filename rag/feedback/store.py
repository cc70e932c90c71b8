"""Thumbs up / down on answers, kept in a local SQLite file (settings.feedback_db).

A row keeps what a person needs to turn a bad answer into a test case: the question, the
dialogue before it, the verdict and clauses, the facts as read, and which facts the user
said were wrong. Databases written before those columns existed are upgraded in place.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from rag.models import FactReading, Turn

__all__ = ["FeedbackRow", "FeedbackStore", "Vote"]

Vote = Literal["up", "down"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    verdict TEXT NOT NULL,
    backend TEXT NOT NULL
)
"""
# Added later, as JSON text (NULL in rows rated before they existed).
_ADDED = ("facts", "history", "clauses", "caveats", "wrong_facts")
_COLUMNS = ("id", "created_at", "vote", "question", "answer", "verdict", "backend", *_ADDED)


class FeedbackRow(BaseModel):
    id: int
    created_at: str
    vote: Vote
    question: str
    answer: str
    verdict: str
    backend: str
    facts: list[FactReading] | None = Field(
        default=None, description="the facts as read; None in rows rated before they were kept"
    )
    history: list[Turn] = Field(default_factory=list)
    clauses: list[str] = Field(default_factory=list)
    caveats: list[str] = Field(default_factory=list)
    wrong_facts: list[str] = Field(default_factory=list, description="facts the user said were wrong")


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


class FeedbackStore:
    """One short-lived connection per call: safe from Gradio's worker threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._ready = False
        self._ready_lock = threading.Lock()

    def _ensure_schema(self, conn: sqlite3.Connection) -> None:
        # BEGIN IMMEDIATE takes the write lock before the columns are read, so two callers
        # (threads or processes) opening an old or new file at once cannot both add a column.
        with self._ready_lock:
            if self._ready:
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute(_SCHEMA)
                have = {row[1] for row in conn.execute("PRAGMA table_info(feedback)")}
                for column in _ADDED:
                    if column not in have:
                        conn.execute(f"ALTER TABLE feedback ADD COLUMN {column} TEXT")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            self._ready = True

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=10)
        try:
            self._ensure_schema(conn)
            with conn:  # commits, or rolls back on error
                yield conn
        finally:
            conn.close()

    def record(
        self,
        *,
        vote: Vote,
        question: str,
        answer: str,
        verdict: str,
        backend: str,
        facts: Sequence[FactReading] | None = None,
        history: Sequence[Turn] = (),
        clauses: Sequence[str] = (),
        caveats: Sequence[str] = (),
    ) -> int:
        created = datetime.now(UTC).isoformat(timespec="seconds")
        with self._connect() as conn:
            cur = conn.execute(
                "INSERT INTO feedback (created_at, vote, question, answer, verdict, backend,"
                " facts, history, clauses, caveats) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    created, vote, question, answer, verdict, backend,
                    _json(None if facts is None else [f.model_dump(mode="json") for f in facts]),
                    _json([t.model_dump(mode="json") for t in history]),
                    _json(list(clauses)), _json(list(caveats)),
                ),
            )
            return int(cur.lastrowid or 0)

    def mark_wrong(self, row_id: int, facts: Sequence[str]) -> bool:
        """Which facts of a rated answer the user says were read wrong; False if no such row."""
        with self._connect() as conn:
            cur = conn.execute(
                "UPDATE feedback SET wrong_facts = ? WHERE id = ?", (_json(list(facts)), row_id)
            )
            return cur.rowcount == 1

    def rows(self, vote: Vote | None = None) -> list[FeedbackRow]:
        where = " WHERE vote = ?" if vote else ""
        with self._connect() as conn:
            cur = conn.execute(
                f"SELECT {', '.join(_COLUMNS)} FROM feedback{where} ORDER BY id",
                (vote,) if vote else (),
            )
            out = []
            for values in cur.fetchall():
                row = dict(zip(_COLUMNS, values, strict=True))
                for column in _ADDED:
                    row[column] = json.loads(row[column]) if row[column] is not None else None
                out.append(FeedbackRow(**{k: v for k, v in row.items() if v is not None}))
            return out
