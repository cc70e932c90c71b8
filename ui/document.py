"""The sources view: a cited document with the quoted passage highlighted.

Rendered from rag.sources.SourceDocument (the document as the index holds it); every piece
of text is escaped. Policy text and news are framed as in the Sources panel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.render import KIND_LABELS, esc

if TYPE_CHECKING:
    from rag.sources import DocumentSection, SourceDocument

__all__ = ["HIGHLIGHT_ID", "SCROLL_JS", "document_html", "missing_html"]

HIGHLIGHT_ID = "pq-hl"
# Run in the browser once the view is shown: the highlight scrolled to the middle of the
# view (retried for a moment while the panel renders).
SCROLL_JS = """() => {
  let tries = 0;
  const go = () => {
    const mark = document.querySelector('#pq-doc-view mark.pq-hl');
    if (mark && mark.offsetParent !== null) { mark.scrollIntoView({block: 'center'}); return; }
    if (++tries < 40) setTimeout(go, 50);
  };
  go();
}"""


def _section_text(section: DocumentSection) -> str:
    text = section.text
    if section.highlight is None:
        return esc(text)
    start, end = section.highlight
    return (esc(text[:start]) + f'<mark class="pq-hl" id="{HIGHLIGHT_ID}">'
            + esc(text[start:end]) + "</mark>" + esc(text[end:]))


def _section(doc: SourceDocument, section: DocumentSection) -> str:
    body = f'<div class="pq-doc-text">{_section_text(section)}</div>'
    if section.clause_id is None:
        return body
    cited = " pq-doc-cited" if section.highlight is not None else ""
    status = f' <span class="pq-muted">{esc(section.status)}</span>' if section.status else ""
    return (f'<section class="pq-doc-clause{cited}" data-clause="{esc(section.clause_id)}">'
            f'<div><code class="pq-clause">{esc(section.clause_id)}</code>{status}</div>'
            f"{body}</section>")


def document_html(doc: SourceDocument, number: int) -> str:
    kind = KIND_LABELS.get(doc.kind, doc.kind)
    note = ("The quoted passage is highlighted." if doc.exact
            else "The quote is not in the document word for word; the cited passage is highlighted.")
    return (
        f'<div class="pq-doc pq-kind-{esc(doc.kind)}" data-kind="{esc(doc.kind)}" '
        f'data-source="{esc(doc.source)}">'
        '<div class="pq-doc-head">'
        f'<div class="pq-source-head"><span class="pq-num">[{number}]</span>'
        f'<span class="pq-kind">{esc(kind)}</span></div>'
        f'<div class="pq-doc-title">{esc(doc.title)}</div>'
        f'<dl class="pq-doc-meta"><dt>Publisher</dt><dd>{esc(doc.publisher or "not stated")}</dd>'
        f'<dt>Date</dt><dd>{esc(doc.date or "not stated")}</dd>'
        f"<dt>Kind</dt><dd>{esc(kind)}</dd>"
        f'<dt>File</dt><dd><code>{esc(doc.source)}</code></dd></dl>'
        f'<div class="pq-hint">{esc(note)} The text is the document as indexed.</div></div>'
        f'<div class="pq-doc-body">{"".join(_section(doc, s) for s in doc.sections)}</div>'
        "</div>"
    )


def missing_html(number: int) -> str:
    return (f'<div class="pq-doc pq-muted">Source [{number}] is no longer in the index '
            "(it was re-ingested or removed since this answer).</div>")
