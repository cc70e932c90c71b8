"""A loaded document -> its cleaned text and chunks, with provenance and content ids."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.chunking import chunk_spans, token_budget
from ingest.clauses import clause_sections
from ingest.clean import clean_text
from ingest.ids import chunk_id, doc_hash
from ingest.models import Chunk, Kind, LoadedDocument, embedding_text

if TYPE_CHECKING:
    from ingest.embeddings import MiniLMEmbeddings
    from rag.settings import Settings

__all__ = ["PreparedDocument", "prepare_document", "source_name"]


@dataclass
class PreparedDocument:
    source: str
    text: str  # the cleaned text the chunk offsets point into
    chunks: list[Chunk]
    warnings: list[str] = field(default_factory=list)


def source_name(path: Path, corpus_dir: Path) -> str:
    """Path relative to the corpus root for files under it, else the absolute path."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(corpus_dir.resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def _is_policy_file(path: Path, corpus_dir: Path) -> bool:
    return path.resolve().is_relative_to((corpus_dir / "policy").resolve())


def _trusted_kind(
    doc: LoadedDocument, source: str, settings: Settings, warnings: list[str]
) -> Kind:
    """The document's kind, except that only files under corpus/policy are the policy: any
    other file claiming it (a poisoned upload dressed as the Code) becomes a document."""
    if doc.kind != "policy" or _is_policy_file(doc.path, settings.corpus_dir):
        return doc.kind
    warnings.append(
        f"{source} claims kind 'policy', but only files under "
        f"{settings.corpus_dir / 'policy'} are the policy; ingested as 'document' "
        "(no clause ids)"
    )
    return "document"


def prepare_document(
    doc: LoadedDocument, settings: Settings, embedder: MiniLMEmbeddings
) -> PreparedDocument:
    """Clean and chunk `doc`. The policy (markdown of kind policy under corpus/policy) with
    `## clause:` sections gives one chunk per clause (its quoted text, uncleaned: policy
    text is kept verbatim)."""
    from ingest.embeddings import MAX_WORDPIECES

    source = source_name(doc.path, settings.corpus_dir)
    warnings = list(doc.warnings)
    kind = _trusted_kind(doc, source, settings, warnings)
    sections = clause_sections(doc.text) if doc.markdown and kind == "policy" else []
    text = doc.text if sections else clean_text(doc.text)
    meta = {
        "source": source,
        "title": doc.title,
        "publisher": doc.publisher,
        "date": doc.date,
        "kind": kind,
        "chunking": [settings.chunk_tokens, settings.chunk_overlap],
    }
    digest = doc_hash(text, meta)

    def make(index: int, start: int, end: int, **extra: str | None) -> Chunk:
        body = text[start:end]
        return Chunk(
            id=chunk_id(source, digest, index, body),
            text=body,
            source=source,
            title=doc.title,
            publisher=doc.publisher,
            date=doc.date,
            kind=kind,
            start=start,
            end=end,
            index=index,
            doc_hash=digest,
            **extra,
        )

    if sections:
        chunks = []
        for i, sec in enumerate(sections):
            chunk = make(i, sec.start, sec.end, clause_id=sec.clause_id, status=sec.status)
            if embedder.wordpiece_count(chunk.embedding_text) > MAX_WORDPIECES:
                warnings.append(
                    f"clause {sec.clause_id} exceeds {MAX_WORDPIECES} word pieces; its tail "
                    "is not embedded (kept whole: a clause is one chunk)"
                )
            chunks.append(chunk)
        return PreparedDocument(source, text, chunks, warnings)

    def within_window(piece: str) -> bool:
        return embedder.wordpiece_count(embedding_text(doc.title, piece)) <= MAX_WORDPIECES

    fits = token_budget(settings.chunk_tokens, within_window)
    spans = chunk_spans(text, fits, settings.chunk_overlap)
    chunks = [make(i, s, e) for i, (s, e) in enumerate(spans)]
    return PreparedDocument(source, text, chunks, warnings)
