"""Cold ingest of corpus/ into a fresh data dir, against embedding the same chunks alone."""

from __future__ import annotations

import importlib
import statistics
from typing import TYPE_CHECKING, Any

from evals.bench.stats import stopwatch

if TYPE_CHECKING:
    from rag.settings import Settings

__all__ = ["embedding_variants", "ingest_timing"]

# Imported before either clock starts: both sides then measure work, not module loading.
_HEAVY_MODULES = ("chromadb", "onnxruntime", "tokenizers", "tiktoken", "bm25s", "ingest.pipeline")


def embedding_variants(
    texts: list[str], threads: tuple[int, ...] = (1, 2), batches: tuple[int, ...] = (8, 32)
) -> dict[str, float]:
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


def ingest_timing(settings: Settings, *, repeats: int = 1, variants: bool = True) -> dict[str, Any]:
    """`settings.data_dir` must be empty. Afterwards it holds the index the bench uses.

    Both sides start cold in the same way: the ingest builds its own embedder (ONNX
    session, tokenizer) and store; the embedding-only side builds a fresh embedder with
    the same threads and batch size and embeds the ingested chunk texts. With `repeats`
    > 1 the two alternate (each ingest into a fresh directory) and medians are compared,
    which keeps a noisy neighbour from deciding the ratio. A second embedding pass on a
    loaded session is reported too (the pure compute floor).
    """
    import shutil

    from ingest.embeddings import embedder_from_settings
    from ingest.store import open_store

    with stopwatch() as imports:
        for name in _HEAVY_MODULES:
            importlib.import_module(name)
    from ingest.pipeline import run_ingest

    cold: list[float] = []
    embed_cold: list[float] = []
    texts: list[str] = []
    for attempt in range(repeats):
        last = attempt == repeats - 1
        target = (
            settings
            if last
            else settings.model_copy(
                update={"data_dir": settings.data_dir.with_name(f"cold-ingest-{attempt}")}
            )
        )
        with stopwatch() as took:
            first = run_ingest(target, None, progress=False)
        if not first.ok:
            raise RuntimeError(f"ingest failed: {first.summary()}")
        cold.append(took[0])
        texts = [c.text for c in open_store(target).all_chunks()]
        if not last:
            shutil.rmtree(target.data_dir, ignore_errors=True)
        embedder = embedder_from_settings(settings)
        with stopwatch() as took:
            embedder.embed_documents(texts)
        embed_cold.append(took[0])
    with stopwatch() as embed_warm:
        embedder.embed_documents(texts)
    with stopwatch() as warm:
        again = run_ingest(settings, None, progress=False)
    result: dict[str, Any] = {
        "chunks": len(texts),
        "characters": sum(len(t) for t in texts),
        "imports_s": round(imports[0], 3),
        "repeats": repeats,
        "cold_ingest_runs_s": [round(x, 3) for x in cold],
        "embed_only_cold_runs_s": [round(x, 3) for x in embed_cold],
        "cold_ingest_s": round(statistics.median(cold), 3),
        "embed_only_cold_s": round(statistics.median(embed_cold), 3),
        "embed_only_warm_s": round(embed_warm[0], 3),
        "ingest_over_embed": round(statistics.median(cold) / statistics.median(embed_cold), 2),
        "warm_reingest_s": round(warm[0], 3),
        "cold_summary": first.summary(),
        "warm_summary": again.summary(),
        "embed_threads": settings.embed_threads,
        "embed_batch_size": settings.embed_batch_size,
    }
    if variants:
        result["embedding_variants_s"] = embedding_variants(texts)
    return result
