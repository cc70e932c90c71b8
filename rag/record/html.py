"""A decision record as one self-contained, printable HTML page.

No script, no external resource (a Content-Security-Policy says so to the browser too);
every piece of text is escaped, so a hostile question or document shows as its characters.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from rag.record.model import VERDICT_LABELS, DecisionRecord, RecordClause, RecordFact
from rag.wording import describe_scenario

__all__ = ["to_html"]

_CSS = """
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #0f172a;
       max-width: 920px; margin: 24px auto; padding: 0 20px; }
h1 { font-size: 1.5rem; margin: 0 0 4px; } h2 { font-size: 1.1rem; margin: 26px 0 8px;
       border-bottom: 1px solid #e2e8f0; padding-bottom: 3px; }
h3 { font-size: 0.95rem; margin: 14px 0 4px; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; vertical-align: top; border: 1px solid #e2e8f0; padding: 5px 8px; }
th { background: #f8fafc; }
code { font: 0.85em ui-monospace, SFMono-Regular, Menlo, monospace; background: #f1f5f9;
       border-radius: 4px; padding: 1px 4px; overflow-wrap: anywhere; }
td > code:only-child { white-space: nowrap; }
table.summary th { width: 9em; }
blockquote { margin: 6px 0; padding: 4px 12px; border-left: 3px solid #cbd5e1; color: #334155;
       white-space: pre-wrap; }
.badge { display: inline-block; font-weight: 700; border-radius: 6px; padding: 3px 12px; }
.prohibited { background: #fee2e2; color: #991b1b; } .depends { background: #fef3c7; color: #92400e; }
.not_prohibited { background: #dcfce7; color: #166534; }
.informational { background: #dbeafe; color: #1e40af; } .out_of_scope { background: #f1f5f9; color: #334155; }
.muted { color: #64748b; } .kind { font-size: 0.75rem; font-weight: 700; text-transform: uppercase;
       border-radius: 4px; padding: 1px 6px; }
.kind-policy { background: #4f46e5; color: #fff; } .kind-news { background: #e2e8f0; color: #334155; }
.kind-document { background: #ccfbf1; color: #115e59; }
.cite { border: 1px solid #e2e8f0; border-left: 5px solid #94a3b8; border-radius: 6px;
       padding: 6px 10px; margin: 8px 0; break-inside: avoid; }
.cite.policy { border-left-color: #4f46e5; } .cite.news blockquote { font-style: italic; }
.answer { white-space: pre-wrap; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } h2 { break-after: avoid; }
       table, .cite, blockquote { break-inside: avoid; } }
"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _code(text: object) -> str:
    return f"<code>{_e(text)}</code>"


def _table(head: Iterable[str] | None, rows: Iterable[Iterable[str]]) -> str:
    """Cells are HTML already (escaped by the caller); no head: the first cell of a row is
    its heading."""
    body = "".join("<tr>" + "".join(
        (f"<th>{cell}</th>" if head is None and i == 0 else f"<td>{cell}</td>")
        for i, cell in enumerate(row)) + "</tr>" for row in rows)
    if head is None:
        return f'<table class="summary"><tbody>{body}</tbody></table>'
    th = "".join(f"<th>{_e(h)}</th>" for h in head)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def _clause(c: RecordClause) -> str:
    name = f" {_e(c.name)}" if c.name else ""
    text = (f"<blockquote>{_e(c.text)}</blockquote>" if c.text
            else '<p class="muted">(text not cited with this answer)</p>')
    return f"<h3>{_code(c.clause_id)}{name}</h3>{text}"


def _fact_source(f: RecordFact) -> str:
    if f.set_by == "words" and f.words is not None and f.span is not None:
        return f"the words “{_e(f.words)}” <span class=\"muted\">(characters {f.span.start}–{f.span.end})</span>"
    return _e({"what_if": "the user (what-if edit)", "reader": "the reader (no words pointed at)",
               "not_stated": "not stated"}.get(f.set_by, f.set_by))


def to_html(record: DecisionRecord) -> str:
    r = record
    policy = (
        f"{_code(r.policy.id)}, version {_code(r.policy.version)}"
        + (f", effective {_code(r.policy.effective)}" if r.policy.effective else "")
        if r.policy else "not recorded"
    )
    parts = [
        f'<h1>Decision record: <span class="badge {_e(r.verdict)}">{_e(r.verdict_label)}</span></h1>',
        _table(None, [
            ("Question", _e(r.question)),
            ("Verdict", f"<b>{_e(r.verdict_label)}</b> {_code(r.verdict)}"),
            ("Deciding clauses", ", ".join(_code(c.clause_id) for c in r.deciding_clauses) or "none"),
            ("Policy", policy),
            ("Backend", _code(r.backend) + (f"; LLM check: {_e(r.check.status)}" if r.check else "")),
            ("Recorded", f"{_e(r.created_at)} by policyqa {_e(r.generator.version)} "
                         f"(record schema {_e(r.schema_version)})"),
        ]),
        "<h2>Question</h2>", f"<blockquote>{_e(r.question)}</blockquote>",
    ]
    if r.dialogue:
        parts += ["<h2>Dialogue before this answer</h2>", "<ol>" + "".join(
            f"<li><b>{_e(t.role)}:</b> {_e(t.content)}</li>" for t in r.dialogue) + "</ol>"]
    if r.what_if:
        parts += ["<h2>What-if: facts the user changed</h2>", _table(
            ("fact", "read from the question", "set by the user"),
            [(_code(e.fact), _code(e.read), _code(e.chosen)) for e in r.what_if])]
    parts += ["<h2>Verdict</h2>", f'<p><span class="badge {_e(r.verdict)}">{_e(r.verdict_label)}</span></p>']
    if r.deciding_clauses:
        parts += ["<p>Deciding clauses, in full:</p>", *(_clause(c) for c in r.deciding_clauses)]
    if r.branches:
        rows = []
        for b in r.branches:
            when = "; ".join(f"{k} = {v}" for k, v in b.when.items())
            rows.append((f"{_e(describe_scenario(b.when))}<br>{_code(when)}",
                         f'<span class="badge {_e(b.verdict)}">{_e(VERDICT_LABELS[b.verdict])}</span>',
                         ", ".join(_code(c) for c in b.clauses) or "—"))
        parts += ["<h2>It turns on</h2>", _table(("if", "verdict", "clauses"), rows)]
        if r.scenario_clauses:
            parts += ["<p>The clauses these scenarios rest on, in full:</p>",
                      *(_clause(c) for c in r.scenario_clauses)]
    if r.open_questions:
        parts += ["<h2>Open questions</h2>", "<ul>" + "".join(
            f"<li>{_code(q.fact)} {_e(q.question)}"
            + (f' <span class="muted">({" / ".join(_e(o) for o in q.options)})</span>' if q.options else "")
            + "</li>" for q in r.open_questions) + "</ul>"]
    if r.facts:
        parts += ["<h2>Facts</h2>", _table(("fact", "value", "meaning", "set by"), [
            (_code(f.name), _code(f.value), _e(f.meaning) if f.meaning else "—", _fact_source(f))
            for f in r.facts])]
    if r.rules:
        parts += ["<h2>Rules as evaluated</h2>", _table(("clause", "value", "facts it read"), [
            (_code(rule.clause_id) + (f'<br><span class="muted">{_e(rule.name)}</span>' if rule.name else ""),
             f"<b>{_e(rule.value)}</b>",
             "<br>".join(_code(f"{k} = {v}") for k, v in rule.reads.items()))
            for rule in r.rules])]
    if r.caveats:
        parts += ["<h2>Caveats</h2>",
                  "<p>An earlier, general restriction is reported; its current status is unclear.</p>",
                  *(_clause(c) for c in r.caveats)]
    parts += ["<h2>Answer</h2>", f'<blockquote class="answer">{_e(r.answer)}</blockquote>']
    if r.citations:
        parts.append("<h2>Citations</h2>")
        for c in r.citations:
            kind = {"policy": "Policy text", "news": "News article"}.get(c.kind, "Document")
            meta = " · ".join(_e(x) for x in (c.publisher, c.date) if x)
            parts.append(
                f'<div class="cite {_e(c.kind)}"><b>[{c.number}]</b> '
                f'<span class="kind kind-{_e(c.kind)}">{_e(kind)}</span> '
                + (_code(c.clause_id) + " " if c.clause_id else "")
                + f"<b>{_e(c.title)}</b>"
                + (f' <span class="muted">{meta}</span>' if meta else "")
                + f'<div class="muted">{_code(c.source)}</div>'
                + f"<blockquote>{_e(c.quote)}</blockquote></div>"
            )
    notes = []
    if r.check:
        notes.append(f"LLM check: {_e(r.check.status)}: the model said {_code(r.check.model_verdict)}, "
                     f"the rules on its facts say {_code(r.check.rule_verdict)}.")
    for d in r.disagreements:
        readings = ", ".join(f"{k}: {v}" for k, v in d.readings.items())
        notes.append(f"The readers disagree on {_code(d.fact)} ({_code(readings)})"
                     + ("; the verdict turns on it, so it is left open." if d.decides else "."))
    notes += [f"Notice: {_e(n)}" for n in r.notices]
    if r.incomplete:
        notes.append("The answer is incomplete.")
    if notes:
        parts += ["<h2>Checks and notices</h2>", "<ul>" + "".join(f"<li>{n}</li>" for n in notes) + "</ul>"]
    title = f"Decision record: {r.verdict_label}: {r.question[:80]}"
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>\n"
        + "\n".join(parts)
        + "\n</body></html>\n"
    )
