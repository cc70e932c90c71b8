"""The cited document, as the index holds it, with the quoted passage located in it.

A citation names a chunk; the document is put back together from that chunk's siblings in
the store (same source, same content hash), so only what was ingested can be opened and no
path from a request is ever read from disk. Article chunks overlap and cover the cleaned
text; the policy's clause document is indexed as one chunk per clause and is shown clause
by clause.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

if TYPE_CHECKING:
    from ingest.models import Chunk
    from rag.models import Citation
    from rag.retrieval import Retriever

__all__ = ["DocumentSection", "SourceDocument", "locate", "source_document"]


class DocumentSection(BaseModel):
    """A run of the document's text: a whole article, or one clause of the policy."""

    text: str
    clause_id: str | None = None
    status: str | None = None
    highlight: tuple[int, int] | None = None  # character offsets of the quote in `text`


class SourceDocument(BaseModel):
    source: str
    title: str
    publisher: str | None = None
    date: str | None = None
    kind: Literal["policy", "news", "document"]
    chunk_id: str  # the cited chunk
    sections: list[DocumentSection]
    quote: str
    exact: bool  # the quote was found word for word (else the cited passage is highlighted)


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0).casefold()) for m in re.finditer(r"\w+", text)]


def locate(text: str, quote: str) -> tuple[int, int, bool] | None:
    """Where `quote` is in `text`: exactly, else as the same run of words (spacing, case or
    punctuation may differ). (start, end, exact), or None."""
    quote = quote.strip()
    if not quote:
        return None
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote), True
    wanted = [w for _, _, w in _words(quote)]
    have = _words(text)
    n = len(wanted)
    if n == 0:
        return None
    for i in range(len(have) - n + 1):
        if [w for _, _, w in have[i : i + n]] == wanted:
            return have[i][0], have[i + n - 1][1], False
    return None


def _assemble(chunks: list[Chunk]) -> tuple[str, dict[str, int]]:
    """The text the chunks cover (overlaps merged) and where each chunk starts in it.
    A gap between chunks is whitespace the chunker left out: shown as a paragraph break."""
    text = ""
    offsets: dict[str, int] = {}
    doc_end = 0  # the document offset where `text` ends
    for i, c in enumerate(sorted(chunks, key=lambda c: (c.start, c.end))):
        if i == 0 or c.start >= doc_end:
            if i and c.start > doc_end:
                text += "\n\n" if c.start - doc_end > 1 else " "
            offsets[c.id] = len(text)
            text += c.text
        else:  # overlaps what is there: the same characters, so only the tail is new
            offsets[c.id] = len(text) - (doc_end - c.start)
            text += c.text[doc_end - c.start :] if c.end > doc_end else ""
        doc_end = max(doc_end, c.end)
    return text, offsets


def _siblings(retriever: Retriever, chunk: Chunk) -> list[Chunk]:
    def same(c: Chunk) -> bool:
        return c.source == chunk.source and c.doc_hash == chunk.doc_hash

    found = [c for c in retriever.chunks if same(c)]
    if not any(c.id == chunk.id for c in found):  # ingested since the retriever last looked
        retriever.refresh()
        found = [c for c in retriever.chunks if same(c)]
    return found or [chunk]


def source_document(retriever: Retriever, citation: Citation) -> SourceDocument | None:
    """The document `citation` quotes, looked up by its chunk id in the store; None when
    that chunk is no longer in the index."""
    stored = retriever.store.get([citation.chunk_id])
    if not stored:
        return None
    chunk = stored[0]
    chunks = sorted(_siblings(retriever, chunk), key=lambda c: c.index)
    exact = False
    if chunk.clause_id is not None:  # the clause document: one section per clause
        sections = []
        for c in chunks:
            section = DocumentSection(text=c.text, clause_id=c.clause_id, status=c.status)
            if c.id == chunk.id:
                span = locate(c.text, citation.quote)
                exact = span is not None and span[2]
                section.highlight = (span[0], span[1]) if span else (0, len(c.text))
            sections.append(section)
    else:
        text, offsets = _assemble(chunks)
        begin = offsets[chunk.id]
        own = text[begin : begin + len(chunk.text)]
        span = locate(own, citation.quote)
        exact = span is not None and span[2]
        start, end = (span[0], span[1]) if span else (0, len(own))
        sections = [DocumentSection(text=text, highlight=(begin + start, begin + end))]
    return SourceDocument(
        source=chunk.source, title=chunk.title, publisher=chunk.publisher, date=chunk.date,
        kind=chunk.kind, chunk_id=chunk.id, sections=sections, quote=citation.quote, exact=exact,
    )
