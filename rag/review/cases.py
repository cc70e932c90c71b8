"""Use cases to review, read from CSV (a `question` column, optional `id`) or JSON Lines
(objects with `question`, optional `id`).

A row that cannot be read (bad JSON, no question) becomes a case with a problem, reported
in its row; only a file that cannot be read at all (missing, too big, no `question`
column, an unknown format) is an error.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

__all__ = ["SUFFIXES", "ReviewCase", "ReviewInputError", "read_cases"]

SUFFIXES = (".csv", ".jsonl", ".ndjson")


class ReviewInputError(ValueError):
    """The file of use cases cannot be read at all."""


@dataclass(frozen=True)
class ReviewCase:
    row: int  # 1-based, counting data rows (CSV) or lines (JSONL)
    id: str
    question: str | None  # None when the row gave no question text to ask
    problem: str | None = None  # why the row cannot be asked, found while reading


def _id(value: object, row: int) -> str:
    text = "" if value is None else str(value).strip()
    return text or str(row)


def _decode(path: Path, max_bytes: int) -> tuple[str, list[str]]:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReviewInputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if not path.is_file():
        raise ReviewInputError(f"{path} is not a file")
    if size > max_bytes:
        raise ReviewInputError(
            f"{path} is {size:,} bytes; the limit is {max_bytes:,} (POLICYQA_MAX_FILE_BYTES)"
        )
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return data.decode("utf-8-sig", errors="replace"), [
            f"{path.name} is not valid UTF-8: undecodable bytes were replaced with �"
        ]


def _csv_cases(text: str, path: Path) -> list[ReviewCase]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ReviewInputError(f"{path} is empty: it needs a header row with a `question` column") from None
    except csv.Error as exc:
        raise ReviewInputError(f"{path}: the header row is not CSV ({exc})") from exc
    names = [h.strip().lower() for h in header]
    if "question" not in names:
        shown = ", ".join(repr(h) for h in header) or "none"
        raise ReviewInputError(f"{path} has no `question` column (its columns: {shown})")
    q_col = names.index("question")
    id_col = names.index("id") if "id" in names else None
    cases: list[ReviewCase] = []
    row = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return cases
        except csv.Error as exc:  # e.g. a field past the size limit: that row only
            row += 1
            cases.append(ReviewCase(row, str(row), None, f"row is not readable CSV: {exc}"))
            continue
        if not fields:  # a blank line
            continue
        row += 1
        ident = _id(fields[id_col] if id_col is not None and id_col < len(fields) else None, row)
        if q_col >= len(fields):
            cases.append(ReviewCase(row, ident, None, "the row has no `question` field"))
            continue
        cases.append(ReviewCase(row, ident, fields[q_col]))


def _jsonl_cases(text: str) -> list[ReviewCase]:
    cases: list[ReviewCase] = []
    row = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        row += 1
        try:
            item = json.loads(line)
        except ValueError as exc:
            cases.append(ReviewCase(row, str(row), None, f"the line is not valid JSON: {exc}"))
            continue
        if not isinstance(item, dict):
            cases.append(ReviewCase(row, str(row), None,
                                    'the line is not a JSON object with a "question"'))
            continue
        ident = _id(item.get("id"), row)
        question = item.get("question")
        if not isinstance(question, str):
            cases.append(ReviewCase(row, ident, None, 'the object has no "question" text'))
            continue
        cases.append(ReviewCase(row, ident, question))
    return cases


def read_cases(path: Path, *, max_bytes: int = 20_000_000) -> tuple[list[ReviewCase], list[str]]:
    """The cases in `path`, and warnings about the file as a whole."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReviewInputError(
            f"cannot tell the format of {path.name!r}: use a .csv file (a `question` column, "
            "optional `id`) or .jsonl (one {\"question\": ..., \"id\": ...} object a line)"
        )
    text, warnings = _decode(path, max_bytes)
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, max_bytes))  # a long question is refused later, in its row
    try:
        cases = _csv_cases(text, path) if suffix == ".csv" else _jsonl_cases(text)
    finally:
        csv.field_size_limit(limit)
    return cases, warnings
