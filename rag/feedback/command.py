"""`policyqa feedback`: the thumbs-down answers, listed or exported as evaluation cases."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rag.feedback.store import FeedbackRow
    from rag.settings import Settings

__all__ = ["run_feedback_command"]


def _facts(row: FeedbackRow) -> str:
    if row.facts is None:
        return "(not kept)"
    stated = [f"{f.name}={f.value}" for f in row.facts if f.value != "unknown"]
    return ", ".join(stated) or "(none stated)"


def _print_table(rows: list[FeedbackRow]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Thumbs-down answers", expand=True, show_lines=True)
    for name in ("#", "when (UTC)", "question", "verdict", "facts as read", "said wrong"):
        table.add_column(name, overflow="fold")
    for r in rows:
        table.add_row(str(r.id), r.created_at.replace("+00:00", "Z"), r.question, r.verdict,
                      _facts(r), ", ".join(r.wrong_facts) or "-")
    Console(highlight=False).print(table)


def run_feedback_command(settings: Settings, *, export: Path | None, as_json: bool) -> int:
    from rag.feedback.cases import write_cases
    from rag.feedback.store import FeedbackStore

    db = settings.feedback_db
    if not db.exists():
        print(f"no feedback yet ({db} does not exist)", file=sys.stderr)
        rows: list[FeedbackRow] = []
    else:
        rows = FeedbackStore(db).rows(vote="down")
    if export is not None:
        try:
            count = write_cases(rows, export)
        except OSError as exc:
            print(f"error: cannot write {export}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        print(f"wrote {count} case{'s' if count != 1 else ''} to {export} (labels are the "
              "answers' own: correct gold_facts before adding them to a suite)", file=sys.stderr)
        return 0
    if as_json:
        print(json.dumps([r.model_dump(mode="json") for r in rows], indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print(f"no thumbs-down answers in {db}", file=sys.stderr)
        return 0
    _print_table(rows)
    return 0
