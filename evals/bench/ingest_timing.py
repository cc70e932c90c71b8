"""Cold ingest of corpus/ into a fresh data dir, against embedding the same chunks alone."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from evals.bench.stats import stopwatch

if TYPE_CHECKING:
    from rag.settings import Settings

__all__ = ["embedding_variants", "ingest_timing"]

# Imported before either clock starts: both sides then measure work, not module loading.
_HEAVY_MODULES = ("chromadb", "onnxruntime", "tokenizers", "tiktoken", "bm25s", "ingest.pipeline")


def embedding_variants(texts: list[str], threads: tuple[int, ...] = (1, 2),
                       batches: tuple[int, ...] = (8, 32)) -> dict[str, float]:
    """Seconds to embed `texts` per (intra-op threads, batch size), warm session: which
    settings an ingest should use (one thread is best for single queries, not for batches)."""
    from ingest.embeddings import MiniLMEmbeddings

    out = {}
    for n in threads:
        for size in batches:
            embedder = MiniLMEmbeddings(threads=n, batch_size=size)
            embedder.embed_query("warm-up")
            with stopwatch() as took:
                embedder.embed_documents(texts)
            out[f"threads={n},batch={size}"] = round(took[0], 3)
    return out


def ingest_timing(settings: Settings, *, variants: bool = True) -> dict[str, Any]:
    """`settings.data_dir` must be empty. Afterwards it holds the index the bench uses.

    Both sides start cold in the same way: the ingest builds its own embedder (ONNX
    session, tokenizer) and store; the embedding-only side builds a fresh embedder with
    the same threads and batch size and embeds the ingested chunk texts. A second
    embedding pass on the loaded session is reported too (the pure compute floor).
    """
    from ingest.embeddings import embedder_from_settings
    from ingest.store import open_store

    with stopwatch() as imports:
        for name in _HEAVY_MODULES:
            importlib.import_module(name)
    from ingest.pipeline import run_ingest

    with stopwatch() as cold:
        first = run_ingest(settings, None, progress=False)
    if not first.ok:
        raise RuntimeError(f"ingest failed: {first.summary()}")
    with stopwatch() as warm:
        again = run_ingest(settings, None, progress=False)
    chunks = open_store(settings).all_chunks()
    texts = [c.text for c in chunks]
    embedder = embedder_from_settings(settings)
    with stopwatch() as embed_cold:
        embedder.embed_documents(texts)
    with stopwatch() as embed_warm:
        embedder.embed_documents(texts)
    result = {
        "chunks": len(chunks),
        "characters": sum(len(t) for t in texts),
        "imports_s": round(imports[0], 3),
        "cold_ingest_s": round(cold[0], 3),
        "embed_only_cold_s": round(embed_cold[0], 3),
        "embed_only_warm_s": round(embed_warm[0], 3),
        "ingest_over_embed": round(cold[0] / embed_cold[0], 2),
        "warm_reingest_s": round(warm[0], 3),
        "cold_summary": first.summary(),
        "warm_summary": again.summary(),
        "embed_threads": settings.embed_threads,
        "embed_batch_size": settings.embed_batch_size,
    }
    if variants:
        result["embedding_variants_s"] = embedding_variants(texts)
    return result
