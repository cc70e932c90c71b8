"""The records shared by ingestion, the store and retrieval."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel

__all__ = ["KINDS", "PASSAGE_FORMAT", "Chunk", "Kind", "LoadedDocument", "embedding_text"]

Kind = Literal["policy", "news", "document"]
KINDS: tuple[str, ...] = get_args(Kind)

# What the embedder sees of a chunk. The document title in front gives a short passage
# (a 25-word clause) the context its own words lack; recorded with the collection so that
# vectors embedded another way are never mixed with these.
PASSAGE_FORMAT = "{title}. {text}"


def embedding_text(title: str, text: str) -> str:
    return PASSAGE_FORMAT.format(title=title, text=text)


class Chunk(BaseModel):
    """One embedded passage with its provenance. `clause_id` is set on policy clauses only."""

    id: str
    text: str
    source: str  # path relative to the corpus root (or the absolute path of an outside file)
    title: str
    publisher: str | None = None
    date: str | None = None
    kind: Kind = "document"
    clause_id: str | None = None
    status: str | None = None  # policy clauses: in force / earlier text
    start: int  # character offsets into the cleaned document text
    end: int
    index: int  # position of the chunk within its document
    doc_hash: str  # content hash of the whole cleaned document

    @property
    def embedding_text(self) -> str:
        return embedding_text(self.title, self.text)

    def to_metadata(self) -> dict[str, Any]:
        """Chroma metadata (no None values allowed there)."""
        meta = self.model_dump(exclude={"id", "text"})
        return {k: v for k, v in meta.items() if v is not None}

    @classmethod
    def from_record(cls, id: str, text: str, metadata: dict[str, Any]) -> Chunk:
        known = {k: v for k, v in metadata.items() if k in cls.model_fields}
        return cls(id=id, text=text, **known)


@dataclass
class LoadedDocument:
    """A file as read by a loader: its text (before cleaning) and what it says about itself."""

    path: Path
    text: str
    title: str
    publisher: str | None = None
    date: str | None = None
    kind: Kind = "document"
    # Markdown keeps its structure (headings, clause sections) for the clause splitter.
    markdown: bool = False
    warnings: list[str] = field(default_factory=list)
