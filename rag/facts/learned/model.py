"""Running the learned reader: the shipped weights, one linear classifier per head.

Heads: the seven facts of POLICY_MODEL.md §2 (each with `unknown` as a class of its own:
"not stated" is learned, not assumed) and the question's topic. A prediction carries its
probability and the words that weighed most for it (its span).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rag.facts.learned.features import FEATURES_VERSION, Feature, featurize
from rag.facts.text import NormText

if TYPE_CHECKING:
    import numpy as np

__all__ = ["MODEL_FILE", "LearnedReader", "ModelError", "Prediction", "learned_reader"]

MODEL_FILE = "reader-model.npz"


class ModelError(RuntimeError):
    """The shipped model is missing, corrupt or was trained on other features."""


@dataclass(frozen=True)
class Prediction:
    head: str
    value: str
    probability: float
    first: int = -1  # token range of the words that weighed most for the value
    last: int = -1
    probabilities: dict[str, float] = field(default_factory=dict)  # every class


@dataclass(frozen=True)
class _Head:
    classes: tuple[str, ...]
    weights: np.ndarray[Any, Any]  # (vocabulary, classes), float16
    bias: np.ndarray[Any, Any]


class LearnedReader:
    def __init__(self, vocab: dict[str, int], heads: dict[str, _Head], meta: dict[str, Any]) -> None:
        import numpy as np

        self.vocab = vocab
        self.heads = heads
        self.meta = meta
        # All heads side by side: one gather of the present features' rows serves every head.
        self._weights = np.hstack([h.weights for h in heads.values()])
        self._bias = np.concatenate([h.bias for h in heads.values()])
        bounds = np.cumsum([0, *(len(h.classes) for h in heads.values())])
        self._slices = {
            name: slice(int(a), int(b)) for name, a, b in zip(heads, bounds[:-1], bounds[1:], strict=True)
        }

    @classmethod
    def load(cls, path: Path) -> LearnedReader:
        import numpy as np

        try:
            with np.load(path, allow_pickle=False) as data:
                meta = json.loads(str(data["meta"]))
                vocab = {str(name): i for i, name in enumerate(data["vocab"])}
                heads = {
                    head: _Head(
                        classes=tuple(str(c) for c in data[f"{head}.classes"]),
                        weights=data[f"{head}.W"],  # float16: rows widen when gathered
                        bias=data[f"{head}.b"].astype(np.float32),
                    )
                    for head in meta["heads"]
                }
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"the learned reader's model {path} cannot be read: {exc}") from exc
        if meta.get("features_version") != FEATURES_VERSION:
            raise ModelError(
                f"{path} was trained on features v{meta.get('features_version')}, this code "
                f"makes v{FEATURES_VERSION}: retrain it (python -m evals.training)"
            )
        return cls(vocab, heads, meta)

    def predict(self, nt: NormText) -> dict[str, Prediction]:
        import numpy as np

        # Binary features: a feature seen twice weighs once (as in training); the first
        # occurrence keeps its words for the span.
        first_of: dict[int, Feature] = {}
        for f in featurize(nt):
            i = self.vocab.get(f.name)
            if i is not None and i not in first_of:
                first_of[i] = f
        feats = list(first_of.values())
        index = np.fromiter(first_of, dtype=np.int64, count=len(first_of))
        rows = self._weights[index].astype(np.float32) / np.sqrt(max(len(index), 1))
        logits_all = self._bias + rows.sum(axis=0)
        out: dict[str, Prediction] = {}
        for name, head in self.heads.items():
            cols = self._slices[name]
            logits = logits_all[cols]
            probs = np.exp(logits - logits.max())
            probs /= probs.sum()
            k = int(probs.argmax())
            settled = [i for i, c in enumerate(head.classes) if c != "unknown"]
            # The span is the evidence for the best settled value: that is the value a
            # caller may adopt.
            best = max(settled, key=lambda i: probs[i]) if settled else k
            first, last = _evidence(feats, rows[:, cols], best)
            out[name] = Prediction(
                name, head.classes[k], float(probs[k]), first, last,
                {c: float(p) for c, p in zip(head.classes, probs, strict=True)},
            )
        return out


def _evidence(feats: list[Feature], rows: np.ndarray[Any, Any], k: int) -> tuple[int, int]:
    """The token range of the present feature that pulls most towards class k."""
    if len(feats) == 0:
        return -1, -1
    pull = rows[:, k] - rows.mean(axis=1)
    best = -1
    for i in pull.argsort()[::-1][:8]:
        if feats[int(i)].first >= 0 and pull[int(i)] > 0:
            best = int(i)
            break
    if best < 0:
        return -1, -1
    return feats[best].first, feats[best].last


_lock = threading.Lock()


@cache
def _load_default() -> LearnedReader:
    ref = resources.files("rag.facts.learned") / MODEL_FILE
    with resources.as_file(ref) as path:
        if not path.is_file():
            raise ModelError(
                f"the learned reader's model is missing ({MODEL_FILE} in rag/facts/learned): "
                "reinstall policyqa or retrain it (python -m evals.training)"
            )
        return LearnedReader.load(path)


def learned_reader() -> LearnedReader:
    """The shipped model, loaded once."""
    with _lock:
        return _load_default()
