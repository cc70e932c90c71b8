"""The MiniLM int8 ONNX embedder: meaning, batching, padding, threads."""

from __future__ import annotations

import concurrent.futures as cf
from typing import Any

import numpy as np
import pytest

from ingest.embeddings import (
    MAX_WORDPIECES,
    MiniLMEmbeddings,
    as_langchain,
    embedder_from_settings,
    model_id,
)
from rag.settings import Settings

POLICE = "US police departments may not use facial recognition through Azure OpenAI."
RELATED = "Microsoft banned American police from using its AI service to recognise faces."
UNRELATED = "The sourdough needs to rest overnight before you bake it in a hot oven."


def _cos(a: list[float], b: list[float]) -> float:
    return float(np.dot(a, b))


def test_has_model_id_and_serves_langchain_through_an_adapter(embedder: Any) -> None:
    from langchain_core.embeddings import Embeddings

    emb = MiniLMEmbeddings()
    assert emb.model_id == model_id() == "all-MiniLM-L6-v2-onnx-int8"
    with pytest.raises(ValueError):
        MiniLMEmbeddings(threads=0)
    adapted = as_langchain(embedder)
    assert isinstance(adapted, Embeddings)
    assert adapted.embed_query(POLICE) == embedder.embed_query(POLICE)
    assert adapted.embed_documents([POLICE, RELATED]) == embedder.embed_documents([POLICE, RELATED])


def test_factory_uses_settings(tmp_settings: Settings) -> None:
    emb = embedder_from_settings(
        tmp_settings.model_copy(update={"embed_threads": 2, "embed_batch_size": 7})
    )
    assert (emb.threads, emb.batch_size) == (2, 7)


def test_related_sentences_score_higher_than_unrelated(embedder: Any) -> None:
    q, related, unrelated = embedder.embed_documents([POLICE, RELATED, UNRELATED])
    assert len(q) == 384
    assert np.isclose(np.linalg.norm(q), 1.0, atol=1e-5)
    assert _cos(q, related) > 0.5
    assert _cos(q, unrelated) < 0.2
    assert _cos(q, related) > _cos(q, unrelated) + 0.3


def test_batch_and_single_agree(embedder: Any) -> None:
    texts = [POLICE, RELATED, UNRELATED, "short", "A much longer sentence " * 20]
    batch = embedder.embed_documents(texts)
    for text, vector in zip(texts, batch, strict=True):
        assert np.abs(np.array(embedder.embed_query(text)) - vector).max() < 1e-4


def test_padding_does_not_change_the_vector(embedder: Any) -> None:
    alone = embedder.embed_documents(["short text"])[0]
    # In one batch with a long text, "short text" is padded to the long one's length.
    padded = MiniLMEmbeddings(batch_size=2).embed_documents(["short text", "long " * 200])[0]
    assert np.abs(np.array(alone) - padded).max() < 1e-4


def test_order_is_kept_across_batches() -> None:
    texts = [f"sentence number {i} " * (i % 5 + 1) for i in range(11)]
    small = MiniLMEmbeddings(batch_size=3).embed_documents(texts)
    large = MiniLMEmbeddings(batch_size=32).embed_documents(texts)
    assert np.abs(np.array(small) - np.array(large)).max() < 1e-4
    assert MiniLMEmbeddings().embed_documents([]) == []


def test_text_past_the_window_is_truncated_not_an_error(embedder: Any) -> None:
    long_text = POLICE + " " + "filler words " * 400
    assert embedder.wordpiece_count(long_text) > MAX_WORDPIECES
    vector = embedder.embed_query(long_text)
    # Everything past 256 word pieces is ignored: more filler changes nothing.
    assert np.abs(np.array(vector) - embedder.embed_query(long_text + " more " * 50)).max() < 1e-6


def test_concurrent_queries_are_safe() -> None:
    emb = MiniLMEmbeddings(threads=1)  # session created lazily by the first of the threads
    texts = [POLICE, RELATED, UNRELATED] * 6
    with cf.ThreadPoolExecutor(max_workers=6) as pool:
        vectors = list(pool.map(emb.embed_query, texts))
    for text, vector in zip(texts, vectors, strict=True):
        assert np.abs(np.array(vector) - emb.embed_query(text)).max() < 1e-5
