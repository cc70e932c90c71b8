"""`python -m evals.training --tune`: choose the learned reader's confidence thresholds on
the development sets.

Every development question is read once by both readers (cached); each candidate
`Confidence` then re-runs only the combination, the dialogue logic and the rules, which is
what decides a verdict. The objective counts right verdicts, with each lenient error (gold
prohibited or depends answered not_prohibited) weighing ten, and refuses any candidate with
a dangerous error. A blind set not yet scored must never be among the development sets.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from evals.datasets import BLIND_SUITES, load_blind_header, load_suite
from evals.metrics import Target, targets_of
from evals.oracle import Verdict, decide
from rag.facts.combine import Confidence, combine
from rag.facts.learned import learned_reader
from rag.facts.reader import normalized, read_lexical
from rag.facts.reading import FactsReading
from rag.models import Turn
from rag.offline import read_conversation

__all__ = ["development_suites", "tune"]

LENIENT_WEIGHT = 10
GRID = {
    "strict": (0.6, 0.7, 0.8, 0.9),
    "lenient": (0.7, 0.8, 0.9, 0.95),
    "use": (0.8, 0.9),
    "actor": (0.9, 1.01),
    "contradict": (0.8, 0.9),
    "contradict_use": (0.9, 0.97, 1.01),
    "topic": (0.7, 0.8),
    "topic_over_off_topic": (0.9, 0.97),
}
GRID_SAMPLE = 4  # every 4th grid question: the grid's 2,100 templates would swamp the rest
_ASKS = (Verdict.prohibited, Verdict.depends, Verdict.not_prohibited)


def development_suites() -> list[str]:
    """Every suite but the blind sets whose first score has not been taken yet."""
    fixed = ["canonical", "grid", "curated", "adversarial", "dialogues", "heldout",
             "informational", "out_of_scope"]
    scored = [s for s in BLIND_SUITES if load_blind_header(s).first_score is not None]
    return [*scored, *fixed]


@dataclass(frozen=True)
class _Case:
    suite: str
    target: Target
    history: tuple[Turn, ...]


def _cases(suites: Iterable[str]) -> list[_Case]:
    cases = []
    for suite in suites:
        records = load_suite(suite)
        if suite == "grid":
            records = records[::GRID_SAMPLE]
        for record in records:
            history: list[Turn] = [Turn(role=m.role, content=m.content) for m in record.history]
            for target in targets_of(record):
                cases.append(_Case(suite, target, tuple(history)))
                if target.dialogue:
                    history += [Turn(role="user", content=target.question),
                                Turn(role="assistant", content="(answer)")]
    return cases


def _verdict(case: _Case, read: Any, confidence: Confidence) -> Verdict:
    topic, reading = read_conversation(
        case.target.question, list(case.history), read=read, confidence=confidence
    )
    if topic != "verdict":
        return Verdict(topic)
    return decide(reading.facts).verdict


def _score(cases: Sequence[_Case], read: Any, confidence: Confidence) -> dict[str, Any]:
    right = lenient = dangerous = 0
    per_suite: dict[str, list[int]] = {}
    for case in cases:
        got = _verdict(case, read, confidence)
        gold = case.target.gold_verdict
        ok = got is gold
        right += ok
        per_suite.setdefault(case.suite, [0, 0])
        per_suite[case.suite][0] += ok
        per_suite[case.suite][1] += 1
        if got is Verdict.not_prohibited and gold in (Verdict.prohibited, Verdict.depends):
            lenient += 1
            dangerous += gold is Verdict.prohibited
    return {
        "objective": right - LENIENT_WEIGHT * lenient,
        "right": right,
        "lenient": lenient,
        "dangerous": dangerous,
        "per_suite": {s: round(a / n, 4) for s, (a, n) in per_suite.items()},
    }


class _Memo(dict[str, Any]):
    """Texts read once by `fn`; a text the dialogue logic derives (a turn with its withdrawn
    words left out) is read on first use."""

    def __init__(self, fn: Any, texts: Iterable[str]) -> None:
        super().__init__((t, fn(t)) for t in texts)
        self.fn = fn

    def __missing__(self, text: str) -> Any:
        self[text] = value = self.fn(text)
        return value


class _Predictions:
    """The learned reader with its predictions kept: every candidate reads the same texts."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.memo: dict[str, Any] = {}

    def predict(self, nt: Any) -> Any:
        if nt.norm not in self.memo:
            self.memo[nt.norm] = self.model.predict(nt)
        return self.memo[nt.norm]


def tune(top: int = 5) -> list[dict[str, Any]]:
    cases = _cases(development_suites())
    model: Any = _Predictions(learned_reader())
    texts = {m.content for c in cases for m in c.history if m.role == "user"}
    texts |= {c.target.question for c in cases}
    lexical = _Memo(read_lexical, texts)
    norms = _Memo(normalized, texts)
    results = []
    for values in itertools.product(*GRID.values()):
        confidence = Confidence(**dict(zip(GRID, values, strict=True)))
        memo: dict[str, FactsReading] = {}

        def read(text: str, confidence: Confidence = confidence,
                 memo: dict[str, FactsReading] = memo) -> FactsReading:
            if text not in memo:
                memo[text] = combine(lexical[text], norms[text], model, confidence)
            return memo[text]

        score = _score(cases, read, confidence)
        if score["dangerous"] == 0:
            results.append({"confidence": confidence.__dict__, **score})
    results.sort(key=lambda r: -r["objective"])
    return results[:top]
