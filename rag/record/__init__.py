"""Decision records: an answer with everything it rests on, as Markdown, JSON or HTML.

    record = answer.record(history=turns)          # or build_record(answer, ...)
    write_record(record, Path("decision.html"))    # the format from the suffix
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from rag.record.model import SCHEMA_VERSION, DecisionRecord, build_record

__all__ = [
    "FORMATS",
    "SCHEMA_VERSION",
    "DecisionRecord",
    "RecordFormat",
    "build_record",
    "record_format",
    "render_record",
    "write_record",
]

RecordFormat = Literal["md", "json", "html"]
FORMATS: dict[str, RecordFormat] = {".md": "md", ".markdown": "md", ".json": "json",
                                    ".html": "html", ".htm": "html"}


def record_format(path: Path) -> RecordFormat:
    """The format a record file's suffix asks for; ValueError for any other suffix."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(
            f"cannot tell the record format of {path.name!r}: end the name in .md, .json or .html"
        )
    return fmt


def render_record(record: DecisionRecord, fmt: RecordFormat) -> str:
    if fmt == "json":
        return record.model_dump_json(indent=2) + "\n"
    if fmt == "html":
        from rag.record.html import to_html

        return to_html(record)
    from rag.record.markdown import to_markdown

    return to_markdown(record)


def write_record(record: DecisionRecord, path: Path) -> Path:
    """Write `record` to `path` in the format its suffix names (UTF-8)."""
    fmt = record_format(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_record(record, fmt), encoding="utf-8")
    return path
