"""The review table: CSV for spreadsheets, a self-contained HTML page for people (each
answered row links to its record)."""

from __future__ import annotations

import csv
import html
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rag.record.model import VERDICT_LABELS

if TYPE_CHECKING:
    from rag.review.run import ReviewReport, ReviewRow

__all__ = ["COLUMNS", "write_csv", "write_html"]

COLUMNS = ("id", "question", "verdict", "deciding_clauses", "open_facts", "problem", "record")
# A cell starting with one of these runs as a formula in a spreadsheet: written with a
# leading apostrophe, which spreadsheets show as text (OWASP's advice on CSV injection).
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA) else text


def write_csv(rows: Sequence[ReviewRow], path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for r in rows:
            writer.writerow([
                _cell(r.id), _cell(r.question), r.verdict, ";".join(r.clauses),
                ";".join(r.open_facts), _cell(r.problem), r.record,
            ])
    return path


_CSS = """
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #0f172a; margin: 20px; }
h1 { font-size: 1.3rem; margin: 0 0 4px; } .muted { color: #64748b; }
table { border-collapse: collapse; width: 100%; margin-top: 12px; }
th, td { text-align: left; vertical-align: top; border: 1px solid #e2e8f0; padding: 4px 8px; }
th { background: #f8fafc; position: sticky; top: 0; }
code { font: 0.82em ui-monospace, Menlo, monospace; background: #f1f5f9; border-radius: 4px; padding: 0 4px; }
.badge { display: inline-block; font-weight: 600; font-size: 0.8rem; border-radius: 5px; padding: 1px 7px; white-space: nowrap; }
.prohibited { background: #fee2e2; color: #991b1b; } .depends { background: #fef3c7; color: #92400e; }
.not_prohibited { background: #dcfce7; color: #166534; } .informational { background: #dbeafe; color: #1e40af; }
.out_of_scope { background: #f1f5f9; color: #334155; } .problem { background: #fff7ed; color: #9a3412; }
tr.failed td { background: #fffbeb; }
@media print { th { position: static; } tr { break-inside: avoid; } }
"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


# Longer questions are cut in the HTML table (the CSV and the record keep them whole).
_SHOWN_CHARS = 600


def _question(text: str) -> str:
    if len(text) <= _SHOWN_CHARS:
        return _e(text)
    return _e(text[:_SHOWN_CHARS]) + f' <span class="muted">… ({len(text):,} characters)</span>'


def _row(r: ReviewRow) -> str:
    if r.answered:
        verdict = f'<span class="badge {_e(r.verdict)}">{_e(VERDICT_LABELS.get(r.verdict, r.verdict))}</span>'
        record = f'<a href="{_e(r.record)}">record</a>' if r.record else ""
    else:
        verdict = f'<span class="badge problem">not answered</span><br>{_e(r.problem)}'
        record = ""
    cells = (
        _e(r.id), _question(r.question), verdict,
        "<br>".join(f"<code>{_e(c)}</code>" for c in r.clauses),
        "<br>".join(f"<code>{_e(f)}</code>" for f in r.open_facts), record,
    )
    css = "" if r.answered else ' class="failed"'
    return f"<tr{css}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def write_html(report: ReviewReport, path: Path, *, source: str = "") -> Path:
    rows = report.rows
    verdicts = Counter(r.verdict for r in rows if r.answered)
    counts = ", ".join(f"{VERDICT_LABELS.get(v, v)}: {n}" for v, n in sorted(verdicts.items()))
    failed = len(rows) - report.answered
    when = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    head = "".join(f"<th>{h}</th>" for h in
                   ("id", "question", "verdict", "deciding clauses", "open facts", "record"))
    page = (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        f"<title>policyqa review{(': ' + _e(source)) if source else ''}</title>"
        f"<style>{_CSS}</style></head><body>\n"
        f"<h1>policyqa review{(': ' + _e(source)) if source else ''}</h1>"
        f'<div class="muted">{len(rows)} rows: {report.answered} answered'
        f"{(' (' + _e(counts) + ')') if counts else ''}, {failed} not answered; "
        f"{report.seconds:.1f} s; {when}</div>\n"
        f"<table><thead><tr>{head}</tr></thead><tbody>\n"
        + "\n".join(_row(r) for r in rows)
        + "\n</tbody></table>\n</body></html>\n"
    )
    path.write_text(page, encoding="utf-8")
    return path
