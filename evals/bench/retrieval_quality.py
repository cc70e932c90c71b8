"""Evidence recall@k of the hybrid retriever against dense-only (LangChain + Chroma) and BM25-only.

Two kinds of evidence, both from the datasets, never from the service:
- informational questions: a gold quote (whitespace- and quote-normalised) is contained in
  one of the top-k chunks;
- prohibited verdict questions: each gold deciding clause's policy chunk is in the top k
  when the question itself is the query.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evals.oracle import Verdict

if TYPE_CHECKING:
    from evals.datasets import Record
    from ingest.embeddings import MiniLMEmbeddings
    from ingest.models import Chunk
    from rag.retrieval import Retriever

__all__ = [
    "KS",
    "RankedSearch",
    "langchain_dense_search",
    "normalise",
    "recall_table",
]

KS: tuple[int, ...] = (1, 3, 5)
# A search returns the ids of the top chunks, best first.
RankedSearch = Callable[[str, int], list[str]]

_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"'}
)
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lower case, straight quotes, single spaces: a quote survives chunk cleaning."""
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip().lower()


@dataclass(frozen=True)
class _Target:
    """One piece of evidence: found when any of `chunk_ids` is ranked within k."""

    question: str
    chunk_ids: frozenset[str]


def informational_targets(
    records: Sequence[Record], chunks: Sequence[Chunk]
) -> tuple[list[_Target], int]:
    """One target per gold quote; also how many quotes no single chunk contains (the ceiling)."""
    texts = [(c.id, c.source, normalise(c.text)) for c in chunks]
    targets, uncontained = [], 0
    for record in records:
        for evidence in record.gold_evidence:
            quote = normalise(evidence.quote)
            holders = frozenset(cid for cid, _, text in texts if quote in text)
            uncontained += not holders
            targets.append(_Target(record.question, holders))
    return targets, uncontained


def clause_targets(records: Sequence[Record], chunks: Sequence[Chunk]) -> list[_Target]:
    """One target per (prohibited question, deciding clause); single-turn questions only."""
    by_clause: dict[str, set[str]] = {}
    for chunk in chunks:
        if chunk.clause_id:
            by_clause.setdefault(chunk.clause_id, set()).add(chunk.id)
    return [
        _Target(record.question, frozenset(by_clause.get(clause, ())))
        for record in records
        if record.gold_verdict == Verdict.prohibited and not record.history
        for clause in record.gold_clauses
    ]


def recall_at(
    targets: Sequence[_Target], search: RankedSearch, ks: Sequence[int] = KS
) -> dict[str, float]:
    """Share of targets found within each k (one search per distinct question)."""
    if not targets:
        return {f"recall@{k}": 0.0 for k in ks}
    ranked: dict[str, list[str]] = {}
    for target in targets:
        if target.question not in ranked:
            ranked[target.question] = search(target.question, max(ks))
    found = {k: 0 for k in ks}
    for target in targets:
        ids = ranked[target.question]
        for k in ks:
            found[k] += bool(target.chunk_ids & set(ids[:k]))
    return {f"recall@{k}": round(found[k] / len(targets), 4) for k in ks}


def hybrid_search(retriever: Retriever) -> RankedSearch:
    return lambda q, k: [h.chunk.id for h in retriever.search(q, k=k)]


def bm25_search(retriever: Retriever) -> RankedSearch:
    return lambda q, k: [c.id for c, _ in retriever.bm25(q, k)]


def langchain_dense_search(
    chunks: Sequence[Chunk], embedder: MiniLMEmbeddings, directory: Path
) -> RankedSearch:
    """The LangChain quickstart: `Chroma.from_texts` on the same chunks, `similarity_search`.

    A fresh persistent client in its own directory, default collection settings (L2 on
    normalised vectors, which ranks as cosine does); telemetry off as everywhere here.
    """
    import chromadb
    from langchain_chroma import Chroma

    from ingest.embeddings import as_langchain

    client = chromadb.PersistentClient(
        path=str(directory), settings=chromadb.config.Settings(anonymized_telemetry=False)
    )
    store = Chroma.from_texts(
        texts=[c.text for c in chunks],
        embedding=as_langchain(embedder),
        metadatas=[c.to_metadata() for c in chunks],
        ids=[c.id for c in chunks],
        collection_name="bench_langchain_quickstart",
        client=client,
    )
    return lambda q, k: [str(d.id) for d in store.similarity_search(q, k=k)]


def recall_table(
    searches: dict[str, RankedSearch],
    informational: Sequence[Record],
    verdict_records: Sequence[Record],
    chunks: Sequence[Chunk],
) -> dict[str, Any]:
    info, uncontained = informational_targets(informational, chunks)
    clauses = clause_targets(verdict_records, chunks)
    return {
        "informational": {
            "questions": len(informational),
            "quotes": len(info),
            "quotes_in_no_single_chunk": uncontained,
            **{name: recall_at(info, search) for name, search in searches.items()},
        },
        "clause_evidence": {
            "questions": len({t.question for t in clauses}),
            "clauses": len(clauses),
            **{name: recall_at(clauses, search) for name, search in searches.items()},
        },
    }
