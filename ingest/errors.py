"""Errors a user can act on, raised by ingestion and the store."""

from __future__ import annotations

__all__ = [
    "EmbeddingModelMismatch",
    "IndexMissingError",
    "IngestError",
    "ModelPackageError",
    "StoreUnavailableError",
]


class IngestError(Exception):
    """Base class: the message says what went wrong and what to do."""


class StoreUnavailableError(IngestError):
    """The Chroma server cannot be reached."""


class IndexMissingError(IngestError):
    """The collection does not exist or holds no chunks."""


class EmbeddingModelMismatch(IngestError):
    """The collection was built with a different embedding model."""


class ModelPackageError(IngestError):
    """A model package (or policyqa's own tokenizer file) is missing or damaged."""
