"""Fit the learned reader's heads and write the .npz the product ships.

Binary features (present or not), each row scaled to unit length; one multinomial
logistic regression per head. Deterministic: the same files give the same bytes.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from evals.training.data import FACTS, Example, data_digest, load_examples
from rag.facts.learned.features import FEATURES_VERSION, featurize
from rag.facts.learned.model import MODEL_FILE
from rag.facts.reader import normalized

__all__ = ["MODEL_PATH", "fit", "heads_of", "vectorize"]

MODEL_PATH = Path(__file__).resolve().parents[2] / "rag" / "facts" / "learned" / MODEL_FILE
MIN_COUNT = 2  # a feature seen in fewer examples is noise
C = 8.0  # inverse regularisation strength, chosen by cross-validation (--cv)


def feature_sets(examples: Sequence[Example]) -> list[set[str]]:
    return [{f.name for f in featurize(normalized(e.text))} for e in examples]


def build_vocab(sets: Sequence[set[str]]) -> list[str]:
    counts = Counter(name for s in sets for name in s)
    return sorted(name for name, n in counts.items() if n >= MIN_COUNT)


def vectorize(sets: Sequence[set[str]], vocab: Sequence[str]) -> Any:
    from scipy.sparse import csr_matrix

    index = {name: i for i, name in enumerate(vocab)}
    rows, cols = [], []
    for r, s in enumerate(sets):
        for c in sorted(index[n] for n in s if n in index):
            rows.append(r)
            cols.append(c)
    data = np.ones(len(rows), dtype=np.float64)
    x = csr_matrix((data, (rows, cols)), shape=(len(sets), len(vocab)))
    norms = np.sqrt(np.asarray(x.sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(x.multiply(1.0 / norms[:, None]))


def heads_of(examples: Sequence[Example]) -> dict[str, list[tuple[int, str]]]:
    """head -> (example index, label) for the examples that train it."""
    heads: dict[str, list[tuple[int, str]]] = {name: [] for name in (*FACTS, "topic")}
    for i, e in enumerate(examples):
        if e.topic is not None:
            heads["topic"].append((i, e.topic))
        if e.facts is not None:
            for name in FACTS:
                heads[name].append((i, e.facts[name]))
    return heads


def _fit_head(x: Any, labels: Sequence[str], c: float) -> tuple[list[str], Any, Any]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=3000, tol=1e-5)
    model.fit(x, list(labels))
    classes = [str(k) for k in model.classes_]
    w = model.coef_.T
    b = model.intercept_
    if len(classes) == 2:  # sklearn keeps one column for two classes: make it two
        w = np.hstack([-w / 2, w / 2])
        b = np.array([-b[0] / 2, b[0] / 2])
    return classes, w, b


def fit(examples: Sequence[Example], c: float = C) -> dict[str, Any]:
    """Arrays for the .npz."""
    sets = feature_sets(examples)
    vocab = build_vocab(sets)
    x = vectorize(sets, vocab)
    arrays: dict[str, Any] = {"vocab": np.array(vocab)}
    heads = heads_of(examples)
    counts: dict[str, dict[str, int]] = {}
    for head, pairs in heads.items():
        rows = [i for i, _ in pairs]
        labels = [label for _, label in pairs]
        classes, w, b = _fit_head(x[rows], labels, c)
        arrays[f"{head}.classes"] = np.array(classes)
        arrays[f"{head}.W"] = w.astype(np.float16)
        arrays[f"{head}.b"] = b.astype(np.float32)
        counts[head] = dict(sorted(Counter(labels).items()))
    arrays["_counts"] = counts
    return arrays


def save(arrays: dict[str, Any], path: Path, digest: str, c: float) -> None:
    import sklearn

    counts = arrays.pop("_counts")
    meta = {
        "features_version": FEATURES_VERSION,
        "heads": [k[: -len(".W")] for k in arrays if k.endswith(".W")],
        "training_data_sha256": digest,
        "examples_per_head": counts,
        "vocabulary": len(arrays["vocab"]),
        "C": c,
        "min_count": MIN_COUNT,
        "sklearn": sklearn.__version__,
    }
    arrays["meta"] = np.array(json.dumps(meta, sort_keys=True))
    path.write_bytes(_npz_bytes(arrays))


def _npz_bytes(arrays: dict[str, Any]) -> bytes:
    """An .npz numpy can load, with fixed zip timestamps (np.savez stamps the clock)."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(arrays):
            member = io.BytesIO()
            np.lib.format.write_array(member, np.asarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(2024, 5, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, member.getvalue())
    return buffer.getvalue()


def train(path: Path = MODEL_PATH, c: float = C) -> dict[str, Any]:
    examples = load_examples()
    arrays = fit(examples, c)
    counts = arrays["_counts"]
    save(arrays, path, data_digest(), c)
    return {"examples": len(examples), "model": str(path), "bytes": path.stat().st_size,
            "per_head": counts}
