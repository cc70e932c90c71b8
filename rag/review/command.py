"""`policyqa review FILE`: read the cases, answer them, report where the table went."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, get_args

from rag.record import RecordFormat

if TYPE_CHECKING:
    from rag.settings import Settings

__all__ = ["run_review_command"]


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def run_review_command(
    settings: Settings, file: Path, out: Path, record_format: str, *, progress: bool = True
) -> int:
    """0 when at least one row was answered, 1 when none was, 2 when the input is unusable."""
    from ingest.errors import IngestError
    from rag.assistant import PolicyAssistant
    from rag.review import ReviewInputError, read_cases, review_cases

    fmt = record_format.lower().lstrip(".")
    fmt = "md" if fmt == "markdown" else fmt
    if fmt not in get_args(RecordFormat):
        _say(f"error: unknown record format {record_format!r}: use html, md or json")
        return 2
    try:
        cases, warnings = read_cases(file, max_bytes=settings.max_file_bytes)
    except ReviewInputError as exc:
        _say(f"error: {exc}")
        return 2
    for warning in warnings:
        _say(f"warning: {warning}")
    if not cases:
        _say(f"error: {file} holds no use cases")
        return 1
    try:
        assistant = PolicyAssistant.from_settings(settings, progress=progress)
    except IngestError as exc:
        _say(f"error: {exc}")
        return 2
    try:
        report = review_cases(assistant, cases, out, fmt=fmt,  # type: ignore[arg-type]
                              progress=progress, source=file.name)
    except OSError as exc:
        _say(f"error: cannot write to {out}: {exc.strerror or exc}")
        return 2
    _say(report.summary())
    for row in report.rows:
        if not row.answered:
            _say(f"  row {row.row} (id {row.id}): {row.problem}")
    _say(f"table: {report.table_html} and {report.table_csv}; records in {out / 'records'}")
    return 0 if report.answered else 1
