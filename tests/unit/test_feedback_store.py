"""The feedback database is created and upgraded safely when several callers open it at once."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from rag.feedback.store import FeedbackStore


def _open_together(path: Path, callers: int) -> list[BaseException]:
    barrier = threading.Barrier(callers)
    errors: list[BaseException] = []

    def work() -> None:
        barrier.wait()
        try:
            FeedbackStore(path).rows()
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(callers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_a_new_database_opened_by_many_callers_at_once_upgrades_once(tmp_path: Path) -> None:
    # Separate stores, as the UI's worker threads and a reader in another process have.
    for n in range(30):
        assert _open_together(tmp_path / f"feedback{n}.sqlite", callers=6) == []


def test_an_old_database_opened_by_many_callers_at_once_gains_every_column(tmp_path: Path) -> None:
    for n in range(30):
        path = tmp_path / f"old{n}.sqlite"
        with sqlite3.connect(path) as conn:
            conn.execute(
                "CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT"
                " NOT NULL, vote TEXT NOT NULL, question TEXT NOT NULL, answer TEXT NOT NULL,"
                " verdict TEXT NOT NULL, backend TEXT NOT NULL)"
            )
        conn.close()
        assert _open_together(path, callers=6) == []
        store = FeedbackStore(path)
        row_id = store.record(vote="up", question="q", answer="a", verdict="prohibited", backend="x")
        assert store.mark_wrong(row_id, ["live"])
        assert store.rows()[0].wrong_facts == ["live"]
