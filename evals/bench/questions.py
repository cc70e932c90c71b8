"""The questions each section asks, drawn from the evaluation datasets with a fixed seed."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from evals.datasets import Record

__all__ = ["BenchQuestions", "load_questions"]

SEED = 7
ANSWER_SUITES = ("canonical", "curated", "grid")
CLAUSE_SUITES = ("canonical", "curated", "grid", "adversarial")
# Latency questions: every kind of answer, single-turn.
LATENCY_SUITES = ("canonical", "curated", "grid", "informational", "out_of_scope")


@dataclass
class BenchQuestions:
    answer_suites: dict[str, list[Record]]  # verdict accuracy
    informational: list[Record]  # quote evidence
    clause_records: list[Record]  # clause evidence
    latency: list[str]  # timed questions
    missing_suites: list[str] = field(default_factory=list)
    grid_total: int = 0

    def summary(self) -> dict[str, Any]:
        """What was asked: counts per suite (the grid is a seeded sample of grid_total)."""
        return {
            "seed": SEED,
            "answer_suites": {name: len(rs) for name, rs in self.answer_suites.items()},
            "grid_total": self.grid_total,
            "informational": len(self.informational),
            "clause_records": len(self.clause_records),
            "latency_questions": len(self.latency),
            "missing_suites": self.missing_suites,
        }


def _sample(records: Sequence[Record], n: int | None, rng: random.Random) -> list[Record]:
    return list(records) if n is None or len(records) <= n else rng.sample(list(records), n)


def load_questions(*, grid_sample: int | None, per_suite: int | None, latency_n: int) -> BenchQuestions:
    """`grid_sample`: grid records kept (seeded; None keeps all); `per_suite`: a cap on every
    suite (quick runs)."""
    from evals.datasets import load_suite, suite_path

    rng = random.Random(SEED)
    loaded: dict[str, list[Record]] = {}
    missing: list[str] = []
    for suite in dict.fromkeys((*ANSWER_SUITES, *CLAUSE_SUITES, *LATENCY_SUITES)):
        if suite_path(suite).exists():
            loaded[suite] = load_suite(suite)
        else:
            missing.append(suite)
    grid_total = len(loaded.get("grid", []))
    if "grid" in loaded:
        loaded["grid"] = _sample(loaded["grid"], grid_sample, rng)
    if per_suite is not None:
        loaded = {name: _sample(records, per_suite, rng) for name, records in loaded.items()}
    single_turn = [r for s in LATENCY_SUITES for r in loaded.get(s, []) if not r.history]
    latency = [r.question for r in _sample(single_turn, latency_n, rng)]
    return BenchQuestions(
        answer_suites={s: loaded[s] for s in ANSWER_SUITES if s in loaded},
        informational=loaded.get("informational", []),
        clause_records=[r for s in CLAUSE_SUITES for r in loaded.get(s, [])],
        latency=latency,
        missing_suites=missing,
        grid_total=grid_total,
    )
