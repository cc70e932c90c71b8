"""Verdict accuracy and dangerous errors: the offline engine against retrieve-and-quote."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from evals.bench.keyword_baseline import retrieve_and_quote
from evals.oracle import Verdict

if TYPE_CHECKING:
    from evals.datasets import Record
    from rag.assistant import PolicyAssistant

__all__ = ["answer_quality", "score"]

# The passages the baseline reads.
BASELINE_PASSAGES = 3


def score(pairs: Sequence[tuple[Verdict, Verdict]]) -> dict[str, Any]:
    """(gold, predicted) pairs -> accuracy, and the dangerous error: gold prohibited
    answered not_prohibited."""
    correct = sum(gold == got for gold, got in pairs)
    dangerous = sum(
        gold == Verdict.prohibited and got == Verdict.not_prohibited for gold, got in pairs
    )
    return {
        "questions": len(pairs),
        "accuracy": round(correct / len(pairs), 4) if pairs else 0.0,
        "correct": correct,
        "dangerous_errors": dangerous,
        "gold_prohibited": sum(gold == Verdict.prohibited for gold, _ in pairs),
    }


def answer_quality(
    assistant: PolicyAssistant, suites: Mapping[str, Sequence[Record]]
) -> dict[str, Any]:
    """Per suite and overall. The engine gets the record's history; the baseline reads the
    question and the top hybrid passages, so the two differ only in the facts-and-rules step."""
    retriever = assistant.retriever
    baseline = retrieve_and_quote(
        lambda q, k: [h.chunk.text for h in retriever.search(q, k=k)], k=BASELINE_PASSAGES
    )
    pairs: dict[str, dict[str, list[tuple[Verdict, Verdict]]]] = {}
    for name, records in suites.items():
        pairs[name] = {"engine": [], "retrieve_and_quote": []}
        for record in records:
            history = [m.model_dump() for m in record.history]
            got = Verdict(assistant.ask(record.question, history=history).verdict)
            pairs[name]["engine"].append((record.gold_verdict, got))
            pairs[name]["retrieve_and_quote"].append(
                (record.gold_verdict, baseline(record.question).verdict)
            )
    systems = ("engine", "retrieve_and_quote")
    return {
        "baseline_passages": BASELINE_PASSAGES,
        "suites": {name: {s: score(p[s]) for s in systems} for name, p in pairs.items()},
        "all": {s: score([x for p in pairs.values() for x in p[s]]) for s in systems},
    }
