"""The chunk record shared by ingestion, the store and retrieval."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

__all__ = ["Chunk", "Kind"]

Kind = Literal["policy", "news", "document"]


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
        return cls(id=id, text=text, **metadata)
