"""A read-only copy of the embedded index, for processes that only read it.

`import chromadb` alone takes longer than a cold `policyqa ask` may take in all. So every
ingest into the embedded index ends by writing the collection's chunks and vectors to one
file inside the Chroma directory, and readers (`ask`, `search`, the chat) open that with
numpy alone and search it exactly (brute-force cosine: what HNSW approximates, and for
thousands of chunks still well under a millisecond).

It never describes an index that has changed since it was written: every write through
ChunkStore removes it first (so an interrupted ingest leaves none), it is replaced
atomically, and it lives inside the Chroma directory, so deleting the index deletes it.
Without a valid one (an index built by an earlier version, another collection name,
another embedding model) readers use Chroma as before. A Chroma server (CHROMA_HOST) is
always asked directly.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ingest.models import PASSAGE_FORMAT, Chunk

if TYPE_CHECKING:
    import numpy as np

    from ingest.store import ChunkStore
    from rag.settings import Settings

__all__ = ["SnapshotStore", "discard_snapshot", "open_snapshot", "snapshot_path", "write_snapshot"]

_FORMAT = 1


def snapshot_path(settings: Settings) -> Path:
    return settings.chroma_dir / f"policyqa-snapshot.{settings.collection}.npz"


def discard_snapshot(settings: Settings) -> None:
    """Before any write to the embedded collection: readers fall back to Chroma."""
    if not settings.uses_server:
        snapshot_path(settings).unlink(missing_ok=True)


def write_snapshot(settings: Settings, store: ChunkStore) -> int:
    """Copy the embedded collection into the snapshot file; returns the chunk count.
    Call with the writer lock held, after the last write of an ingest."""
    import numpy as np

    ids, texts, metas, vectors = store.export()
    header = {
        "format": _FORMAT,
        "collection": settings.collection,
        "embedding_model": store.model_id,
        "embedded_passage": PASSAGE_FORMAT,
        "count": len(ids),
    }
    records = {"ids": ids, "documents": texts, "metadatas": metas}
    path = snapshot_path(settings)
    fd, tmp = tempfile.mkstemp(prefix=".snapshot-", suffix=".npz", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            np.savez(
                out,
                header=np.frombuffer(json.dumps(header).encode(), dtype=np.uint8),
                records=np.frombuffer(json.dumps(records).encode(), dtype=np.uint8),
                vectors=np.asarray(vectors, dtype=np.float32).reshape(len(ids), -1),
            )
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(ids)


class SnapshotStore:
    """The read side of ChunkStore over a snapshot file. A newer snapshot (an ingest in
    this or another process) is picked up on the next call; while an ingest runs (no
    file) the last one read stays in use."""

    def __init__(self, settings: Settings, model_id: str, loaded: _Loaded) -> None:
        self.settings = settings
        self.model_id = model_id
        self._lock = threading.Lock()
        self._loaded = loaded

    @property
    def location(self) -> str:
        return f"{self.settings.chroma_dir} (read from {snapshot_path(self.settings).name})"

    def _current(self) -> _Loaded:
        stamp = _stamp(snapshot_path(self.settings))
        loaded = self._loaded
        if stamp is not None and stamp != loaded.stamp:
            with self._lock:
                if stamp != self._loaded.stamp:
                    fresh = _load(self.settings, self.model_id)
                    if fresh is not None:
                        self._loaded = fresh
                loaded = self._loaded
        return loaded

    def count(self) -> int:
        return len(self._current().chunks)

    def all_chunks(self) -> list[Chunk]:
        return sorted(self._current().chunks, key=lambda c: (c.source, c.index))

    def get(self, ids: Sequence[str]) -> list[Chunk]:
        by_id = {c.id: c for c in self._current().chunks}
        return [by_id[i] for i in ids if i in by_id]

    def query(
        self, embedding: Sequence[float], k: int, kind: str | None = None
    ) -> list[tuple[Chunk, float]]:
        """The `k` nearest chunks and their cosine similarity, as ChunkStore.query."""
        import numpy as np

        loaded = self._current()
        if k < 1 or not loaded.chunks:
            return []
        query = np.asarray(embedding, dtype=np.float32)
        query = query / max(float(np.linalg.norm(query)), 1e-12)
        sims = loaded.unit @ query
        if kind is not None:
            sims = np.where(loaded.kinds == kind, sims, -np.inf)
        order = np.argsort(-sims, kind="stable")[:k]
        return [(loaded.chunks[i], float(sims[i])) for i in order if np.isfinite(sims[i])]


class _Loaded:
    def __init__(self, stamp: tuple[int, int, int], chunks: list[Chunk], vectors: np.ndarray[Any, Any]) -> None:
        import numpy as np

        self.stamp = stamp
        self.chunks = chunks
        norms = np.linalg.norm(vectors, axis=1, keepdims=True) if len(chunks) else 1.0
        # Unit rows, as Chroma's cosine space stores them.
        self.unit = (vectors / np.clip(norms, 1e-12, None)).astype(np.float32)
        self.kinds = np.array([c.kind for c in chunks], dtype=object)


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


def _load(settings: Settings, model_id: str) -> _Loaded | None:
    """The snapshot, or None when there is none or it is not for this collection/model."""
    path = snapshot_path(settings)
    stamp = _stamp(path)
    if stamp is None or not (settings.chroma_dir / "chroma.sqlite3").is_file():
        return None
    import numpy as np

    try:
        with np.load(path, allow_pickle=False) as data:
            header = json.loads(data["header"].tobytes())
            records = json.loads(data["records"].tobytes())
            vectors = data["vectors"]
        expected = {
            "format": _FORMAT,
            "collection": settings.collection,
            "embedding_model": model_id,
            "embedded_passage": PASSAGE_FORMAT,
        }
        if any(header.get(k) != v for k, v in expected.items()):
            return None
        chunks = [
            Chunk.from_record(i, d, dict(m))
            for i, d, m in zip(records["ids"], records["documents"], records["metadatas"], strict=True)
        ]
        if len(chunks) != header.get("count") or vectors.shape[0] != len(chunks):
            return None
    except Exception:  # unreadable or half-written by a crashed version: use Chroma
        return None
    return _Loaded(stamp, chunks, vectors)


def open_snapshot(settings: Settings, model_id: str | None = None) -> SnapshotStore | None:
    """A store over the snapshot of the embedded index, or None (use Chroma)."""
    if settings.uses_server:
        return None
    if model_id is None:
        from ingest.embeddings import model_id as current_model

        model_id = current_model()
    loaded = _load(settings, model_id)
    if loaded is None or not loaded.chunks:
        return None
    return SnapshotStore(settings, model_id, loaded)
