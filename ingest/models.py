"""The records shared by ingestion, the store and retrieval."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel

__all__ = ["KINDS", "Chunk", "Kind", "LoadedDocument"]

Kind = Literal["policy", "news", "document"]
KINDS: tuple[str, ...] = get_args(Kind)


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
