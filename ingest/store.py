"""The Chroma collection of chunks: embedded PersistentClient, or a server via CHROMA_HOST.

We always pass vectors ourselves (Chroma's default embedding function would download a
model), use cosine space, keep telemetry off, and record the embedding model id in the
collection metadata so that vectors of two models are never mixed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from ingest.errors import (
    EmbeddingModelMismatch,
    IndexMissingError,
    IngestError,
    StoreUnavailableError,
)
from ingest.models import PASSAGE_FORMAT, Chunk

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection
    from chromadb.api.types import GetResult

    from rag.settings import Settings

__all__ = ["ChunkStore", "open_store"]

T = TypeVar("T")
_MODEL_KEY = "embedding_model"
_PASSAGE_KEY = "embedded_passage"
_PAGE = 1000
_REBUILD = (
    "Delete the index (or set POLICYQA_COLLECTION to a new name) and run `policyqa ingest` again."
)


class ChunkStore:
    """Chunks with their vectors. Every call reconnects once if a server went away (a
    restarted server is picked up again); the embedded client needs no reconnecting."""

    def __init__(self, settings: Settings, model_id: str) -> None:
        self.settings = settings
        self.model_id = model_id
        self._lock = threading.Lock()
        self._client: ClientAPI | None = None
        self._collection: Collection | None = None

    # -- connection -------------------------------------------------------------------
    @property
    def location(self) -> str:
        s = self.settings
        return f"{s.chroma_host}:{s.chroma_port}" if s.uses_server else str(s.chroma_dir)

    def _make_client(self) -> ClientAPI:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        s = self.settings
        if not s.uses_server:
            s.chroma_dir.mkdir(parents=True, exist_ok=True)
            return chromadb.PersistentClient(path=str(s.chroma_dir), settings=chroma_settings)
        import httpx

        # chromadb's HTTP client waits forever (timeout=None) and its constructor already
        # makes requests: ask the heartbeat under our own bound first, so a frozen server
        # is an error in bounded time rather than a hang.
        timeout = s.chroma_timeout_s
        url = f"http://{s.chroma_host}:{s.chroma_port}/api/v2/heartbeat"
        try:
            httpx.get(url, timeout=timeout).raise_for_status()
        except httpx.HTTPError as exc:
            raise self._unavailable(exc) from exc
        try:
            client = chromadb.HttpClient(
                host=str(s.chroma_host), port=s.chroma_port, settings=chroma_settings
            )
        except Exception as exc:  # chromadb raises ValueError, httpx errors, ...
            raise self._unavailable(exc) from exc
        # Private in chromadb 1.5 (ClientAPI._server: FastAPI, ._session: httpx.Client);
        # if a later version moves it, we only lose the bound, never fail.
        session = getattr(getattr(client, "_server", None), "_session", None)
        if isinstance(session, httpx.Client):
            session.timeout = httpx.Timeout(timeout)
        return client

    def _unavailable(self, exc: BaseException) -> StoreUnavailableError:
        if _is_timeout(exc):
            return StoreUnavailableError(
                f"the Chroma server at {self.location} did not answer within "
                f"{self.settings.chroma_timeout_s:g} s (POLICYQA_CHROMA_TIMEOUT): it is "
                "frozen, overloaded or behind a dead network path. Restart it with "
                f"`chroma run --host 127.0.0.1 --port {self.settings.chroma_port} --path <dir>`."
            )
        return StoreUnavailableError(
            f"cannot reach the Chroma server at {self.location} ({type(exc).__name__}: {exc}). "
            "Start it with `chroma run --host 127.0.0.1 --port "
            f"{self.settings.chroma_port} --path <dir>`, or unset CHROMA_HOST to use the "
            "embedded index."
        )

    def connect(self, *, create: bool) -> None:
        """(Re)open the client and the collection, checking the embedding model id."""
        from chromadb.errors import NotFoundError

        with self._lock:
            client = self._make_client()
            name = self.settings.collection
            try:
                collection = client.get_collection(name, embedding_function=None)
            except NotFoundError:
                if not create:
                    raise self.missing_error() from None
                collection = self._create(client)
            except IngestError:
                raise
            except Exception as exc:
                if self.settings.uses_server:
                    raise self._unavailable(exc) from exc
                raise
            self._check_model(collection.metadata or {})
            self._client, self._collection = client, collection

    def _create(self, client: ClientAPI) -> Collection:
        from ingest.snapshot import discard_snapshot

        name = self.settings.collection
        discard_snapshot(self.settings)  # a new collection: any snapshot is of another one
        try:
            return client.create_collection(
                name,
                configuration={"hnsw": {"space": "cosine"}},
                metadata={
                    _MODEL_KEY: self.model_id,
                    _PASSAGE_KEY: PASSAGE_FORMAT,
                    "created_by": "policyqa ingest",
                },
                embedding_function=None,
            )
        except Exception as exc:
            # Another writer may have created it first: use theirs (the model check
            # follows); if there is none, the creation error is the one to report.
            try:
                return client.get_collection(name, embedding_function=None)
            except Exception:
                raise exc from None

    def missing_error(self) -> IndexMissingError:
        return IndexMissingError(
            f"no index in {self.location} (collection {self.settings.collection!r} is missing "
            "or empty): run `policyqa ingest` to build it from corpus/."
        )

    def _check_model(self, metadata: dict[str, Any]) -> None:
        found = metadata.get(_MODEL_KEY)
        if found != self.model_id:
            raise EmbeddingModelMismatch(
                f"collection {self.settings.collection!r} in {self.location} was built with "
                f"embedding model {found or 'unknown (no model id recorded)'!r}, but this "
                f"version embeds with {self.model_id!r}; vectors of two models cannot be "
                f"mixed. {_REBUILD}"
            )
        passage = metadata.get(_PASSAGE_KEY)
        if passage != PASSAGE_FORMAT:
            raise EmbeddingModelMismatch(
                f"collection {self.settings.collection!r} in {self.location} holds vectors of "
                f"passages embedded as {passage or 'the bare chunk text (an earlier version)'!r}"
                f", but this version embeds {PASSAGE_FORMAT!r}; the two cannot be mixed. "
                f"{_REBUILD}"
            )

    def _call(self, op: Callable[[Collection], T]) -> T:
        collection = self._collection
        if collection is None:
            self.connect(create=False)
            collection = self._collection
        assert collection is not None
        try:
            return op(collection)
        except IngestError:
            raise
        except Exception as first:
            if not self.settings.uses_server:
                raise
            if _is_timeout(first):  # a hung server: asking again would only wait again
                raise self._unavailable(first) from first
            try:  # the server restarted, or the connection dropped: once more
                self.connect(create=False)
                assert self._collection is not None
                return op(self._collection)
            except IngestError:
                raise
            except Exception as exc:
                raise self._unavailable(exc) from first

    # -- reading ----------------------------------------------------------------------
    def count(self) -> int:
        return self._call(lambda c: c.count())

    def _get(self, **kwargs: Any) -> list[Chunk]:
        res = self._call(lambda c: c.get(include=["documents", "metadatas"], **kwargs))
        docs = res["documents"] or []
        metas = res["metadatas"] or []
        return [
            Chunk.from_record(i, d or "", dict(m or {}))
            for i, d, m in zip(res["ids"], docs, metas, strict=True)
        ]

    def all_chunks(self) -> list[Chunk]:
        out: list[Chunk] = []
        while True:
            page = self._get(limit=_PAGE, offset=len(out))
            out.extend(page)
            if len(page) < _PAGE:
                break
        return sorted(out, key=lambda c: (c.source, c.index))

    def get(self, ids: Sequence[str]) -> list[Chunk]:
        """The chunks with these ids, in the order asked (unknown ids are left out)."""
        if not ids:
            return []
        by_id = {c.id: c for c in self._get(ids=list(ids))}
        return [by_id[i] for i in ids if i in by_id]

    def query(
        self, embedding: Sequence[float], k: int, kind: str | None = None
    ) -> list[tuple[Chunk, float]]:
        """The `k` nearest chunks with their cosine similarity (higher is closer)."""
        if k < 1:
            return []
        where: Any = {"kind": kind} if kind else None
        vectors: list[Sequence[float]] = [list(embedding)]
        res = self._call(
            lambda c: c.query(
                query_embeddings=vectors,
                n_results=k,
                where=where,
                include=["documents", "metadatas", "distances"],
            )
        )
        ids = res["ids"][0]
        docs = (res["documents"] or [[]])[0]
        metas = (res["metadatas"] or [[]])[0]
        dists = (res["distances"] or [[]])[0]
        return [
            (Chunk.from_record(i, d or "", dict(m or {})), 1.0 - float(dist))
            for i, d, m, dist in zip(ids, docs, metas, dists, strict=True)
        ]

    def ids_by_source(self) -> dict[str, set[str]]:
        """Every stored chunk id, grouped by the source it came from."""
        out: dict[str, set[str]] = {}
        offset = 0
        while True:
            res = self._call(partial(_metadata_page, offset=offset))
            for i, meta in zip(res["ids"], res["metadatas"] or [], strict=True):
                out.setdefault(str((meta or {}).get("source", "")), set()).add(i)
            offset += len(res["ids"])
            if len(res["ids"]) < _PAGE:
                return out

    def export(self) -> tuple[list[str], list[str], list[dict[str, Any]], list[Sequence[float]]]:
        """Every chunk with its vector: ids, documents, metadatas, embeddings (for the
        read-only snapshot of the embedded index)."""
        ids: list[str] = []
        docs: list[str] = []
        metas: list[dict[str, Any]] = []
        vectors: list[Sequence[float]] = []
        while True:
            res = self._call(partial(_export_page, offset=len(ids)))
            embeddings: Any = res["embeddings"]  # rows of numpy arrays or lists
            page = list(res["ids"])
            ids.extend(page)
            docs.extend(d or "" for d in (res["documents"] or []))
            metas.extend(dict(m or {}) for m in (res["metadatas"] or []))
            vectors.extend(list(embeddings) if embeddings is not None else [])
            if len(page) < _PAGE:
                break
        if not (len(ids) == len(docs) == len(metas) == len(vectors)):
            raise IngestError(f"the index in {self.location} returned incomplete records")
        return ids, docs, metas, vectors

    # -- writing ----------------------------------------------------------------------
    def upsert(self, chunks: Sequence[Chunk], embeddings: Sequence[Sequence[float]]) -> None:
        from ingest.snapshot import discard_snapshot

        if not chunks:
            return
        discard_snapshot(self.settings)
        vectors: list[Sequence[float]] = [list(e) for e in embeddings]
        self._call(
            lambda c: c.upsert(
                ids=[ch.id for ch in chunks],
                embeddings=vectors,
                documents=[ch.text for ch in chunks],
                metadatas=[ch.to_metadata() for ch in chunks],
            )
        )

    def delete(self, ids: Sequence[str]) -> None:
        from ingest.snapshot import discard_snapshot

        ids = list(ids)
        if ids:
            discard_snapshot(self.settings)
        for start in range(0, len(ids), _PAGE):
            batch = ids[start : start + _PAGE]
            self._call(partial(_delete, ids=batch))


def _is_timeout(exc: BaseException) -> bool:
    import httpx

    return isinstance(exc, httpx.TimeoutException)


def _metadata_page(collection: Collection, *, offset: int) -> GetResult:
    return collection.get(include=["metadatas"], limit=_PAGE, offset=offset)


def _export_page(collection: Collection, *, offset: int) -> GetResult:
    return collection.get(
        include=["documents", "metadatas", "embeddings"], limit=_PAGE, offset=offset
    )


def _delete(collection: Collection, *, ids: list[str]) -> None:
    collection.delete(ids=ids)


def open_store(
    settings: Settings, *, create: bool = False, model_id: str | None = None
) -> ChunkStore:
    """Open the collection. create=False: a missing or empty collection is IndexMissingError.

    `model_id` defaults to the MiniLM model's id; a collection built with another model is
    EmbeddingModelMismatch.
    """
    if model_id is None:
        from ingest.embeddings import model_id as current_model

        model_id = current_model()
    store = ChunkStore(settings, model_id)
    store.connect(create=create)
    if not create and store.count() == 0:
        raise store.missing_error()
    return store
