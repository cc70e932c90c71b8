"""Answer every use case of a file, with a progress bar, writing one decision record per
answered row and a table of all rows. A row that cannot be answered is reported in its
row and never stops the run."""

from __future__ import annotations

import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rag.record import RecordFormat, write_record
from rag.review.cases import ReviewCase

if TYPE_CHECKING:
    from rag.assistant import PolicyAssistant
    from rag.models import Answer

__all__ = ["ReviewReport", "ReviewRow", "review_cases"]

log = logging.getLogger(__name__)

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class ReviewRow:
    row: int
    id: str
    question: str
    verdict: str = ""
    clauses: list[str] = field(default_factory=list)
    open_facts: list[str] = field(default_factory=list)
    problem: str = ""  # why the row was not answered; empty when it was
    record: str = ""  # the record's path relative to the output folder

    @property
    def answered(self) -> bool:
        return not self.problem


@dataclass
class ReviewReport:
    rows: list[ReviewRow]
    seconds: float
    table_csv: Path | None = None
    table_html: Path | None = None

    @property
    def answered(self) -> int:
        return sum(r.answered for r in self.rows)

    def summary(self) -> str:
        verdicts = Counter(r.verdict for r in self.rows if r.answered)
        counts = ", ".join(f"{v} {n}" for v, n in sorted(verdicts.items()))
        failed = len(self.rows) - self.answered
        return (
            f"reviewed {len(self.rows)} row{'s' if len(self.rows) != 1 else ''}: "
            f"{self.answered} answered" + (f" ({counts})" if counts else "")
            + f", {failed} not answered in {self.seconds:.1f} s"
        )


def _record_name(case: ReviewCase, fmt: RecordFormat) -> str:
    """A file name from the row number (unique) and the id (readable), never a path."""
    safe = _UNSAFE.sub("-", case.id).strip("-.")[:60]
    return f"{case.row:04d}" + (f"-{safe}" if safe else "") + f".{fmt}"


def _not_english(answer: Answer, question: str) -> bool:
    from rag.language import looks_english

    return answer.backend == "offline" and answer.verdict == "out_of_scope" and not looks_english(question)


def _review_one(
    assistant: PolicyAssistant, case: ReviewCase, out: Path, fmt: RecordFormat
) -> ReviewRow:
    from ingest.errors import IngestError
    from rag.errors import QuestionError

    row = ReviewRow(row=case.row, id=case.id, question=case.question or "")
    if case.problem or case.question is None:
        row.problem = case.problem or "no question"
        return row
    try:
        answer = assistant.ask(case.question)
    except QuestionError as exc:
        row.problem = str(exc)
        return row
    except IngestError as exc:
        row.problem = f"the index is not available: {exc}"
        return row
    except Exception as exc:  # one bad row must not stop the others
        log.error("review: row %s failed", case.row, exc_info=exc)
        row.problem = f"answering failed ({type(exc).__name__}); see the log"
        return row
    if _not_english(answer, case.question):
        row.problem = "not in English: the offline engine gives no verdict on it"
        return row
    row.verdict = str(answer.verdict)
    row.clauses = list(answer.clauses)
    row.open_facts = [q.fact for q in answer.clarifying_questions]
    name = _record_name(case, fmt)
    write_record(answer.record(), out / "records" / name)
    row.record = f"records/{name}"
    return row


@contextmanager
def _progress(enabled: bool, total: int) -> Iterator[Callable[[], None]]:
    if not enabled:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (TextColumn("reviewing"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task("review", total=total)
        yield lambda: bar.advance(task)


def review_cases(
    assistant: PolicyAssistant,
    cases: Sequence[ReviewCase],
    out: Path,
    *,
    fmt: RecordFormat = "html",
    progress: bool = True,
    source: str = "",
) -> ReviewReport:
    """Answer `cases`; records under `out`/records, the table in `out`/review.csv and .html."""
    from rag.review.table import write_csv, write_html

    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    rows = []
    with _progress(progress, len(cases)) as advance:
        for case in cases:
            rows.append(_review_one(assistant, case, out, fmt))
            advance()
    report = ReviewReport(rows=rows, seconds=time.perf_counter() - started)
    report.table_csv = write_csv(rows, out / "review.csv")
    report.table_html = write_html(report, out / "review.html", source=source)
    return report
