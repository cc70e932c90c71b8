"""The learned reader: per-fact linear classifiers over the words of a question.

A second opinion beside the lexical reader (`rag.facts.reader`): trained on thousands of
labelled questions (evals/datasets/training/, `python -m evals.training`), shipped as a
small .npz of weights, run with numpy. It never downloads anything.
"""

from __future__ import annotations

from rag.facts.learned.model import LearnedReader, Prediction, learned_reader

__all__ = ["LearnedReader", "Prediction", "learned_reader"]
