"""Content hashes: the same input always gives the same ids, so re-ingesting is a no-op."""

from __future__ import annotations

import hashlib
import json
from typing import Any

__all__ = ["chunk_id", "doc_hash"]


def doc_hash(text: str, meta: dict[str, Any]) -> str:
    """Hash of a cleaned document and the metadata its chunks carry: any change to either
    (new text, a corrected title, other chunking settings) gives new chunk ids."""
    payload = json.dumps(meta, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(f"{payload}\0{text}".encode()).hexdigest()


def chunk_id(source: str, document_hash: str, index: int, text: str) -> str:
    digest = hashlib.sha256(f"{source}\0{document_hash}\0{index}\0{text}".encode())
    return digest.hexdigest()[:32]
