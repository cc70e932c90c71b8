"""Thumbs-down answers as evaluation cases: one JSON object a line, in the format of
`evals/datasets/*.jsonl` (evals.datasets.Record), for a person to correct and add to a suite.

The labels written are the answer's own (its facts as read, its verdict and clauses), not
gold: a case is a draft until someone corrects `gold_facts` and re-labels it with the
oracle. This module writes the format without importing evals (the product never does);
the facts are the policy kernel's, in their declared order, as the datasets have them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rag.feedback.store import FeedbackRow
from rag.policy import FACT_NAMES

__all__ = ["FACT_NAMES", "SUITE", "feedback_case", "write_cases"]

SUITE = "feedback"
_ASKS_FOR_VERDICT = ("prohibited", "depends", "not_prohibited")


def feedback_case(row: FeedbackRow) -> dict[str, Any]:
    """The dataset record for one rated answer."""
    asks = row.verdict in _ASKS_FOR_VERDICT
    read = {f.name: f.value for f in row.facts or []}
    notes = [f"thumbs-down {row.created_at} on a {row.backend} answer: {row.verdict}"]
    if row.wrong_facts:
        notes.append("the user says these facts were read wrong: " + ", ".join(row.wrong_facts))
    if asks and row.facts is None:
        notes.append("the facts were not kept for this rating: fill in gold_facts")
    notes.append("labels are the answer's, not gold: correct gold_facts, then re-label "
                 "with evals.datasets.label")
    case: dict[str, Any] = {
        "id": f"{SUITE}-{row.id:04d}",
        "suite": SUITE,
        "question": row.question,
    }
    if row.history:
        case["history"] = [{"role": t.role, "content": t.content} for t in row.history]
    if asks:
        case["gold_facts"] = {name: read.get(name, "unknown") for name in FACT_NAMES}
    case["gold_verdict"] = row.verdict
    if asks and row.clauses:
        case["gold_clauses"] = list(row.clauses)
    if asks and row.caveats:
        case["gold_caveats"] = list(row.caveats)
    case["notes"] = "; ".join(notes)
    return case


def write_cases(rows: Iterable[FeedbackRow], path: Path) -> int:
    """Write one case a line to `path` (UTF-8); the number written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(feedback_case(row), ensure_ascii=False) + "\n")
            count += 1
    return count
