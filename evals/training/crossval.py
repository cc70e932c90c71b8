"""K-fold cross-validation of the learned reader's heads on the training files (folds by
record, so the turns of one dialogue stay together)."""

from __future__ import annotations

from typing import Any

import numpy as np

from evals.training.data import load_examples
from evals.training.train import _fit_head, build_vocab, feature_sets, heads_of, vectorize


def cross_validate(k: int, c: float) -> dict[str, Any]:
    examples = load_examples()
    sets = feature_sets(examples)
    groups = [e.id.split("#")[0] for e in examples]
    names = sorted(set(groups))
    fold_of = {g: i % k for i, g in enumerate(names)}
    folds = np.array([fold_of[g] for g in groups])
    heads = heads_of(examples)
    right: dict[str, int] = dict.fromkeys(heads, 0)
    total: dict[str, int] = dict.fromkeys(heads, 0)
    for fold in range(k):
        train_rows = [i for i in range(len(examples)) if folds[i] != fold]
        vocab = build_vocab([sets[i] for i in train_rows])
        x = vectorize(sets, vocab)
        for head, pairs in heads.items():
            fit_pairs = [(i, y) for i, y in pairs if folds[i] != fold]
            test_pairs = [(i, y) for i, y in pairs if folds[i] == fold]
            if not test_pairs:
                continue
            classes, w, b = _fit_head(x[[i for i, _ in fit_pairs]], [y for _, y in fit_pairs], c)
            logits = x[[i for i, _ in test_pairs]] @ w + b
            predicted = [classes[j] for j in np.asarray(logits).argmax(axis=1)]
            right[head] += sum(p == y for p, (_, y) in zip(predicted, test_pairs, strict=True))
            total[head] += len(test_pairs)
    return {head: round(right[head] / total[head], 4) for head in heads if total[head]}
