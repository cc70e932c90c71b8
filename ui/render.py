"""HTML and chat text for an Answer: verdict badge, sources, status, fact labels.

Everything that comes from a question, an answer or a document is escaped here, so what a
user typed (or a document said) is shown as text and never runs or loads anything.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from rag.models import Answer, Citation, Disagreement, FactReading
from rag.policy import UNKNOWN, Branch, default_policy

if TYPE_CHECKING:
    from rag.policy.engine import Policy

__all__ = [
    "KIND_LABELS",
    "VERDICT_LABELS",
    "FactControl",
    "answer_markdown",
    "chat_text",
    "disagreement_text",
    "esc",
    "fact_controls",
    "fact_info",
    "fact_label",
    "inert_markdown",
    "sources_html",
    "status_html",
    "value_label",
    "verdict_html",
]

VERDICT_LABELS: dict[str, str] = {
    "prohibited": "Prohibited",
    "depends": "Depends",
    "not_prohibited": "Not prohibited by these clauses",
    "informational": "Information",
    "out_of_scope": "Out of scope",
}

KIND_LABELS: dict[str, str] = {"policy": "Policy text", "news": "News article", "document": "Document"}


@dataclass(frozen=True)
class FactControl:
    """One control of the facts panel (the what-if explorer), from a declared fact: a radio
    of yes / no / unknown, or a drop-down of the fact's values and "Not stated"."""

    name: str
    label: str
    kind: Literal["radio", "dropdown"]
    choices: list[tuple[str, str]]  # (label, value)


def fact_controls(policy: Policy | None = None) -> list[FactControl]:
    """The facts panel of a policy (by default the shipped one), fact by fact."""
    policy = policy or default_policy()
    words = policy.wording
    controls = []
    for name in policy.fact_names:
        if words.is_yes_no(name):
            values = [*policy.settled[name], UNKNOWN]
            controls.append(FactControl(name, words.fact_label(name), "radio",
                                        [(v, v) for v in values]))
        else:
            controls.append(FactControl(name, words.fact_label(name), "dropdown",
                                        words.choices(name)))
    return controls


def fact_label(name: str, policy: Policy | None = None) -> str:
    return (policy or default_policy()).wording.fact_label(name)


def value_label(name: str, value: str, policy: Policy | None = None) -> str:
    """A fact's value as its control shows it ("Face recognition"; yes / no as they are)."""
    words = (policy or default_policy()).wording
    if name not in words.fact_labels or words.is_yes_no(name):
        return value
    return dict((v, label) for label, v in words.choices(name)).get(value, value)

# Backslash-escaping the characters that start markdown syntax (links, images, emphasis,
# code, tables, autolinks) and entity-escaping <, > and & (raw HTML) turns user text into
# plain characters for the Chatbot's markdown renderer.
_MARKDOWN_PUNCT = re.compile(r"([\\`*_\[\]()!#|~${}:])")
# Engine-written answers keep their emphasis and lists; only raw HTML, links, images and
# autolinks are neutralised (the text may quote ingested documents).
_LINK_PUNCT = re.compile(r"([\\\[\]()!:`])")
_CITE_RUN = re.compile(r"(?:\\\[\d{1,3}\\\])+")


def esc(text: object) -> str:
    """Escape text for gr.HTML: HTML specials, and the template characters Gradio's HTML
    component interprets (`${...}`, `{{...}}`)."""
    out = html.escape(str(text), quote=True)
    return out.replace("$", "&#36;").replace("{", "&#123;").replace("}", "&#125;").replace("`", "&#96;")


def inert_markdown(text: str) -> str:
    """Text for the Chatbot's markdown renderer that renders as exactly these characters."""
    return html.escape(_MARKDOWN_PUNCT.sub(r"\\\1", text), quote=False)


def answer_markdown(text: str) -> str:
    """An answer's own markdown (emphasis, lists) without HTML, links or images; runs of
    [n] citation markers in bold."""
    safe = html.escape(_LINK_PUNCT.sub(r"\\\1", text), quote=False)
    return _CITE_RUN.sub(lambda m: f"**{m.group(0)}**", safe)


def chat_text(answer: Answer) -> str:
    """An answer as a chat message: a verdict line, then the answer text with [n] markers."""
    body = answer_markdown(answer.answer.strip())
    label = VERDICT_LABELS.get(answer.verdict, answer.verdict)
    badge = f'<span class="pq-mini pq-{esc(answer.verdict)}">{esc(label)}</span>'
    return f"{badge} <small>{inert_markdown(answer.backend)}</small>\n\n{body}"


def _clause_line(clause_id: str, policy: Policy) -> str:
    name = policy.wording.clause_name(clause_id)
    return (f'<li><code class="pq-clause">{esc(clause_id)}</code>'
            + (f' <span class="pq-muted">{esc(name)}</span>' if name else "") + "</li>")


def _branch_line(branch: Branch, policy: Policy) -> str:
    when = "; ".join(policy.wording.describe_condition(k, v) for k, v in branch.when.items())
    clauses = ", ".join(branch.clauses)
    return (f'<li><span class="pq-if">if</span> {esc(when)} → '
            f'<span class="pq-mini pq-{esc(branch.verdict)}">{esc(VERDICT_LABELS[branch.verdict])}</span>'
            + (f' <code class="pq-clause">{esc(clauses)}</code>' if clauses else "") + "</li>")


def verdict_html(answer: Answer | None, policy: Policy | None = None) -> str:
    """The verdict badge, the deciding clauses, caveats and (for depends) the branches, in
    the words of `policy` (by default the shipped one)."""
    policy = policy or default_policy()
    if answer is None:
        return ('<div class="pq-verdict pq-empty">Ask a question: the verdict, the clause it '
                "rests on and its sources appear here.</div>")
    label = VERDICT_LABELS.get(answer.verdict, answer.verdict)
    parts = [
        f'<div class="pq-verdict" data-verdict="{esc(answer.verdict)}">',
        f'<span class="pq-badge pq-{esc(answer.verdict)}">{esc(label)}</span>',
    ]
    if answer.clauses:
        parts.append('<div class="pq-h">Deciding clauses</div><ul class="pq-list">'
                     + "".join(_clause_line(c, policy) for c in answer.clauses) + "</ul>")
    if answer.branches:
        parts.append('<div class="pq-h">It turns on</div><ul class="pq-list pq-branches">'
                     + "".join(_branch_line(b, policy) for b in answer.branches) + "</ul>")
    if answer.caveats:
        parts.append('<div class="pq-h">Caveat: earlier text reported</div><ul class="pq-list">'
                     + "".join(_clause_line(c, policy) for c in answer.caveats) + "</ul>")
    parts.append("</div>")
    return "".join(parts)


def _citation_card(c: Citation) -> str:
    kind = KIND_LABELS.get(c.kind, c.kind)
    meta = " · ".join(esc(x) for x in (c.publisher, c.date) if x)
    clause = f'<code class="pq-clause">{esc(c.clause_id)}</code>' if c.clause_id else ""
    return (
        f'<li class="pq-source pq-kind-{esc(c.kind)}" data-clause="{esc(c.clause_id or "")}"'
        f' data-cite="{c.number}" tabindex="0" role="button" title="Open it in its document">'
        f'<div class="pq-source-head"><span class="pq-num">[{c.number}]</span>'
        f'<span class="pq-kind">{esc(kind)}</span>{clause}'
        '<span class="pq-open">open in document ›</span></div>'
        f'<div class="pq-title">{esc(c.title)}</div>'
        + (f'<div class="pq-meta">{meta}</div>' if meta else "")
        + f'<blockquote class="pq-quote">{esc(c.quote)}</blockquote></li>'
    )


def sources_html(answer: Answer | None) -> str:
    """Every citation: number, kind (policy text vs news), clause id, title, publisher, date,
    quote."""
    if answer is None:
        return ""
    if not answer.citations:
        return '<div class="pq-sources pq-muted">No sources cited for this answer.</div>'
    cards = "".join(_citation_card(c) for c in sorted(answer.citations, key=lambda c: c.number))
    return f'<ol class="pq-sources">{cards}</ol>'


def status_html(answer: Answer | None, backend: str) -> str:
    """The backend in use, how long the answer took, and anything a user must not miss:
    notices (fallbacks, dropped citations) and a model/rules disagreement."""
    name = answer.backend if answer is not None else backend
    parts = [f'<div class="pq-status"><span class="pq-backend">backend: {esc(name)}</span>']
    if answer is not None and "total" in answer.timings:
        parts.append(f'<span class="pq-muted">{answer.timings["total"]:.0f} ms</span>')
    if answer is not None and answer.incomplete:
        parts.append('<span class="pq-notice">the answer is incomplete</span>')
    if answer is not None:
        parts.extend(f'<div class="pq-notice">{esc(n)}</div>' for n in answer.notices)
        parts.extend(
            f'<div class="pq-disagree" data-fact="{esc(d.fact)}">{esc(fact_label(d.fact))}: '
            f"{esc(disagreement_text(d))}</div>"
            for d in answer.disagreements
        )
        check = answer.check
        if check is not None and check.status == "disagrees":
            parts.append(
                '<div class="pq-disagree">The model said '
                f"<b>{esc(VERDICT_LABELS.get(check.model_verdict, check.model_verdict))}</b>; "
                "the rules on the facts it read say "
                f"<b>{esc(VERDICT_LABELS.get(check.rule_verdict, check.rule_verdict))}</b>.</div>"
            )
    parts.append("</div>")
    return "".join(parts)


_READERS = {"offline": "offline reader", "model": "model", "words": "wording",
            "trained": "trained reader"}


def disagreement_text(d: Disagreement) -> str:
    """A fact read two ways, in words (plain text: callers escape it). For a contradiction
    the readings are the user's own words: they are made markdown-inert here."""
    if d.kind == "contradiction":
        said = " and ".join(
            f"{inert_markdown(words)} ({value.replace('_', ' ')})" for words, value in d.readings.items()
        )
        return f"⚠ the question says both {said}: asked below"
    readings = " · ".join(
        f"{_READERS.get(who, who)}: {value.replace('_', ' ')}" for who, value in d.readings.items()
    )
    if not d.decides:
        tail = "the verdict is the same either way"
    elif d.kept is None:
        tail = "the verdict turns on it: asked below"
    else:
        tail = f"the stricter reading ({d.kept.replace('_', ' ')}) is kept"
    return f"⚠ the readers disagree ({readings}); {tail}"


def fact_info(reading: FactReading | None, disagreement: Disagreement | None = None) -> str:
    """The words of the question that set a fact (markdown-inert), for a control's info line;
    and, when the readers read it differently, what each read."""
    if reading is None or reading.value == "unknown":
        info = "not stated"
    elif reading.span is None:
        info = "set by you"
    else:
        where = f" (your message {reading.turn})" if reading.turn and reading.turn > 1 else ""
        info = "from “" + inert_markdown(reading.span.text) + "”" + where
    if disagreement is not None:
        info += " — " + disagreement_text(disagreement)
    return info
