"""A decision record as Markdown: a document to file or paste, readable as plain text too.

Text that came from a user, a model or a document is escaped so that it renders as the
characters it is (no links, images, HTML or emphasis of its own); ids and values are ours
and go in code spans.
"""

from __future__ import annotations

import re

from rag.record.model import VERDICT_LABELS, DecisionRecord, RecordClause
from rag.wording import describe_scenario

__all__ = ["answer_md", "md_text", "to_markdown"]

_PUNCT = re.compile(r"([\\`*_\[\]<>|~])")
# What would start a heading, list, quote or rule at the start of a line.
_LINE_START = re.compile(r"^([ \t]*(?:\d+)?)([#+\-=>.)])", re.MULTILINE)


def md_text(text: str, *, inline: bool = False) -> str:
    """Untrusted text as literal Markdown. `inline`: for a table cell or a list item (one
    line)."""
    out = _PUNCT.sub(r"\\\1", text.replace("&", "&amp;"))
    if inline:  # never at the start of a line: only the punctuation matters
        return " ".join(out.split())
    return _LINE_START.sub(r"\1\\\2", out)


def answer_md(text: str) -> str:
    """An answer's own Markdown (emphasis, lists, [n] markers) with no HTML, links or
    images: the answer may quote documents, and an LLM writes what it likes."""
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return out.replace("](", "]\\(").replace("![", "!\\[")


def _quote(text: str, *, escaped: bool = False) -> str:
    body = text if escaped else md_text(text)
    return "\n".join("> " + line if line.strip() else ">" for line in body.splitlines())


def _code(value: object) -> str:
    return f"`{str(value).replace('`', '')}`"


def _clause_block(c: RecordClause) -> list[str]:
    head = f"### {_code(c.clause_id)}" + (f": {md_text(c.name, inline=True)}" if c.name else "")
    body = _quote(c.text) if c.text else "*(text not cited with this answer)*"
    return [head, "", body, ""]


def to_markdown(record: DecisionRecord) -> str:
    r = record
    policy = (
        f"{_code(r.policy.id)}, version {_code(r.policy.version)}"
        + (f", effective {_code(r.policy.effective)}" if r.policy.effective else "")
        if r.policy else "not recorded"
    )
    clauses = ", ".join(_code(c.clause_id) for c in r.deciding_clauses) or "none"
    lines = [
        f"# Decision record: {r.verdict_label}",
        "",
        "| | |",
        "|---|---|",
        f"| Question | {md_text(r.question, inline=True)} |",
        f"| Verdict | **{r.verdict_label}** ({_code(r.verdict)}) |",
        f"| Deciding clauses | {clauses} |",
        f"| Policy | {policy} |",
        f"| Backend | {_code(r.backend)}"
        + (f"; LLM check: {r.check.status}" if r.check else "") + " |",
        f"| Recorded | {r.created_at} by policyqa {md_text(r.generator.version, inline=True)} "
        f"(record schema {r.schema_version}) |",
        "",
        "## Question",
        "",
        _quote(r.question),
        "",
    ]
    if r.dialogue:
        lines += ["## Dialogue before this answer", ""]
        lines += [f"{i}. **{t.role}:** {md_text(t.content, inline=True)}"
                  for i, t in enumerate(r.dialogue, 1)]
        lines.append("")
    if r.what_if:
        lines += ["## What-if: facts the user changed", "",
                  "| fact | read from the question | set by the user |", "|---|---|---|"]
        lines += [f"| {_code(e.fact)} | {_code(e.read)} | {_code(e.chosen)} |" for e in r.what_if]
        lines.append("")
    lines += ["## Verdict", "", f"**{r.verdict_label}.**", ""]
    if r.deciding_clauses:
        lines += ["Deciding clauses, in full:", ""]
        for c in r.deciding_clauses:
            lines += _clause_block(c)
    if r.branches:
        lines += ["## It turns on", ""]
        for b in r.branches:
            when = "; ".join(f"{k} = {v}" for k, v in b.when.items())
            refs = (" by " + ", ".join(_code(c) for c in b.clauses)) if b.clauses else ""
            lines.append(f"- If {md_text(describe_scenario(b.when), inline=True)} "
                         f"({_code(when)}): **{VERDICT_LABELS[b.verdict]}**{refs}")
        lines.append("")
        if r.scenario_clauses:
            lines += ["The clauses these scenarios rest on, in full:", ""]
            for c in r.scenario_clauses:
                lines += _clause_block(c)
    if r.open_questions:
        lines += ["## Open questions", ""]
        for q in r.open_questions:
            options = " / ".join(md_text(o, inline=True) for o in q.options)
            lines.append(f"- {_code(q.fact)}: {md_text(q.question, inline=True)}"
                         + (f" ({options})" if options else ""))
        lines.append("")
    if r.facts:
        lines += ["## Facts", "", "| fact | value | meaning | set by |", "|---|---|---|---|"]
        for f in r.facts:
            if f.set_by == "words" and f.words is not None and f.span is not None:
                by = f"the words “{md_text(f.words, inline=True)}” (characters {f.span.start}–{f.span.end})"
            else:
                by = {"what_if": "the user (what-if edit)", "reader": "the reader (no words pointed at)",
                      "not_stated": "not stated"}.get(f.set_by, f.set_by)
            meaning = md_text(f.meaning, inline=True) if f.meaning else "—"
            lines.append(f"| {_code(f.name)} | {_code(f.value)} | {meaning} | {by} |")
        lines.append("")
    if r.rules:
        lines += ["## Rules as evaluated", "", "| clause | value | facts it read |", "|---|---|---|"]
        for rule in r.rules:
            reads = ", ".join(f"{k} = {v}" for k, v in rule.reads.items())
            lines.append(f"| {_code(rule.clause_id)} | **{rule.value}** | {_code(reads)} |")
        lines.append("")
    if r.caveats:
        lines += ["## Caveats", "",
                  "An earlier, general restriction is reported; its current status is unclear.", ""]
        for c in r.caveats:
            lines += _clause_block(c)
    lines += ["## Answer", "", _quote(answer_md(r.answer), escaped=True), ""]
    if r.citations:
        lines += ["## Citations", ""]
        for cite in r.citations:
            kind = {"policy": "Policy text", "news": "News article"}.get(cite.kind, "Document")
            meta = ", ".join(md_text(x, inline=True) for x in (cite.publisher, cite.date) if x)
            clause = f", clause {_code(cite.clause_id)}" if cite.clause_id else ""
            lines += [
                f"{cite.number}. **[{cite.number}] {kind}**: {md_text(cite.title, inline=True)}"
                + (f" ({meta})" if meta else "") + f"; {_code(cite.source)}{clause}",
                "",
                "\n".join("   " + line for line in _quote(cite.quote).splitlines()),
                "",
            ]
    if r.check or r.disagreements or r.notices or r.incomplete:
        lines += ["## Checks and notices", ""]
        if r.check:
            lines.append(f"- LLM check: {r.check.status}: the model said {_code(r.check.model_verdict)}, "
                         f"the rules on its facts say {_code(r.check.rule_verdict)}.")
        for d in r.disagreements:
            readings = ", ".join(f"{k}: {v}" for k, v in d.readings.items())
            lines.append(f"- The readers disagree on {_code(d.fact)} ({_code(readings)})"
                         + ("; the verdict turns on it, so it is left open." if d.decides else "."))
        lines += [f"- Notice: {md_text(n, inline=True)}" for n in r.notices]
        if r.incomplete:
            lines.append("- The answer is incomplete.")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
