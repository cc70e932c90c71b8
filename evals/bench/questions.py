"""The questions each section asks, drawn from the evaluation datasets with a fixed seed."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from evals.datasets import Record

__all__ = ["BenchQuestions", "QuestionPool", "load_questions"]

SEED = 7
ANSWER_SUITES = ("canonical", "curated", "grid")
CLAUSE_SUITES = ("canonical", "curated", "grid", "adversarial")
# Timed questions: every kind of answer, single-turn.
TIMED_SUITES = ("canonical", "curated", "grid", "informational", "out_of_scope", "adversarial")


class QuestionPool:
    """Distinct questions handed out once each, so that timed answers are never repeats
    (the retriever caches query vectors: a repeated question skips its embedding).
    Only when the pool runs dry (quick runs) does it start again, and says so."""

    def __init__(self, questions: Sequence[str]) -> None:
        self.questions = list(dict.fromkeys(questions))
        self.handed = 0

    def take(self, n: int) -> list[str]:
        if not self.questions:
            raise RuntimeError("no questions to time: evals/datasets/*.jsonl are missing")
        out = [self.questions[(self.handed + i) % len(self.questions)] for i in range(n)]
        self.handed += n
        return out

    @property
    def repeated(self) -> int:
        """How many handed-out questions had been handed out before."""
        return max(0, self.handed - len(self.questions))


@dataclass
class BenchQuestions:
    answer_suites: dict[str, list[Record]]  # verdict accuracy
    informational: list[Record]  # quote evidence
    clause_records: list[Record]  # clause evidence
    pool: QuestionPool  # timed questions
    missing_suites: list[str] = field(default_factory=list)
    grid_total: int = 0

    def summary(self) -> dict[str, Any]:
        """What was asked: counts per suite (the grid may be a seeded sample of grid_total)."""
        return {
            "seed": SEED,
            "answer_suites": {name: len(rs) for name, rs in self.answer_suites.items()},
            "grid_total": self.grid_total,
            "informational": len(self.informational),
            "clause_records": len(self.clause_records),
            "timed_pool": len(self.pool.questions),
            "timed_handed_out": self.pool.handed,
            "timed_repeated": self.pool.repeated,
            "missing_suites": self.missing_suites,
        }


def _sample(records: Sequence[Record], n: int | None, rng: random.Random) -> list[Record]:
    return list(records) if n is None or len(records) <= n else rng.sample(list(records), n)


def load_questions(*, grid_sample: int | None, per_suite: int | None) -> BenchQuestions:
    """`grid_sample`: grid records kept (seeded; None keeps all); `per_suite`: a cap on every
    suite (quick runs)."""
    from evals.datasets import load_suite, suite_path

    rng = random.Random(SEED)
    loaded: dict[str, list[Record]] = {}
    missing: list[str] = []
    for suite in dict.fromkeys((*ANSWER_SUITES, *CLAUSE_SUITES, *TIMED_SUITES)):
        if suite_path(suite).exists():
            loaded[suite] = load_suite(suite)
        else:
            missing.append(suite)
    grid_total = len(loaded.get("grid", []))
    if "grid" in loaded:
        loaded["grid"] = _sample(loaded["grid"], grid_sample, rng)
    if per_suite is not None:
        loaded = {name: _sample(records, per_suite, rng) for name, records in loaded.items()}
    timed = [r.question for s in TIMED_SUITES for r in loaded.get(s, []) if not r.history]
    rng.shuffle(timed)
    return BenchQuestions(
        answer_suites={s: loaded[s] for s in ANSWER_SUITES if s in loaded},
        informational=loaded.get("informational", []),
        clause_records=[r for s in CLAUSE_SUITES for r in loaded.get(s, [])],
        pool=QuestionPool(timed),
        missing_suites=missing,
        grid_total=grid_total,
    )
