"""Thumbs up / down on answers, kept in a local SQLite file (settings.feedback_db)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

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


class FeedbackRow(BaseModel):
    id: int
    created_at: str
    vote: Vote
    question: str
    answer: str
    verdict: str
    backend: str


class FeedbackStore:
    """One short-lived connection per call: safe from Gradio's worker threads."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=10)
        try:
            with conn:  # commits, or rolls back on error
                conn.execute(_SCHEMA)
                yield conn
        finally:
            conn.close()

    def record(self, *, vote: Vote, question: str, answer: str, verdict: str, backend: str) -> int:
        created = datetime.now(UTC).isoformat(timespec="seconds")
        with self._connect() as conn:
            cur = conn.execute(
                "INSERT INTO feedback (created_at, vote, question, answer, verdict, backend)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (created, vote, question, answer, verdict, backend),
            )
            return int(cur.lastrowid or 0)

    def rows(self) -> list[FeedbackRow]:
        with self._connect() as conn:
            cur = conn.execute(
                "SELECT id, created_at, vote, question, answer, verdict, backend"
                " FROM feedback ORDER BY id"
            )
            names = [d[0] for d in cur.description]
            return [FeedbackRow(**dict(zip(names, row, strict=True))) for row in cur.fetchall()]
