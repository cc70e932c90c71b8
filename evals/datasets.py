"""The evaluation datasets: one JSON object a line in `evals/datasets/<suite>.jsonl`.

Gold labels come from gold facts through the oracle (`label`), never from the service.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from evals.oracle import Facts, Verdict, decide

__all__ = [
    "DATASET_DIR",
    "SUITES",
    "VERDICT_SUITES",
    "DialogueTurn",
    "Evidence",
    "Message",
    "Record",
    "label",
    "load_suite",
    "write_suite",
]

DATASET_DIR = Path(__file__).resolve().parent / "datasets"
SUITES: tuple[str, ...] = (
    "canonical",
    "grid",
    "curated",
    "informational",
    "out_of_scope",
    "adversarial",
    "dialogues",
    "heldout",
)
# Suites whose every record with gold facts must carry the oracle's labels.
VERDICT_SUITES: tuple[str, ...] = (
    "canonical",
    "grid",
    "curated",
    "adversarial",
    "dialogues",
    "heldout",
)
ASKS_FOR_VERDICT = (Verdict.prohibited, Verdict.depends, Verdict.not_prohibited)


class Message(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Literal["user", "assistant"]
    content: str


class Evidence(BaseModel):
    """A passage retrieval must find: `quote` is an exact substring of the corpus file."""

    model_config = ConfigDict(extra="forbid")

    source: str  # relative to corpus/, e.g. articles/002_ba4ecc4aa0d3696f.md
    quote: str


class DialogueTurn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    user: str
    gold_facts: Facts  # cumulative: everything said so far
    gold_verdict: Verdict


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    suite: str
    question: str
    history: list[Message] = Field(default_factory=list)
    gold_facts: Facts | None = None  # None: the question asks for no verdict
    gold_verdict: Verdict
    gold_clauses: list[str] = Field(default_factory=list)
    gold_caveats: list[str] = Field(default_factory=list)
    gold_evidence: list[Evidence] = Field(default_factory=list)
    turns: list[DialogueTurn] = Field(default_factory=list)  # dialogues only
    voice: str | None = None
    notes: str | None = None
    canonical: int | None = Field(default=None, ge=1, le=12)

    @model_validator(mode="after")
    def _consistent(self) -> Record:
        asks = self.gold_verdict in ASKS_FOR_VERDICT
        if asks != (self.gold_facts is not None):
            raise ValueError(f"{self.id}: gold_facts must be set exactly for verdict questions")
        if self.turns and self.turns[0].user != self.question:
            raise ValueError(f"{self.id}: a dialogue's question is its first turn")
        return self


def label(facts: Facts) -> dict[str, Any]:
    """The oracle's gold labels for these facts, as Record fields."""
    decision = decide(facts)
    return {
        "gold_facts": facts,
        "gold_verdict": decision.verdict,
        "gold_clauses": decision.clauses,
        "gold_caveats": decision.caveats,
    }


def suite_path(suite: str, directory: Path = DATASET_DIR) -> Path:
    return directory / f"{suite}.jsonl"


def load_suite(suite: str, directory: Path = DATASET_DIR) -> list[Record]:
    if suite not in SUITES:
        raise ValueError(f"unknown suite {suite!r}; choose from {', '.join(SUITES)}")
    path = suite_path(suite, directory)
    records = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                records.append(Record.model_validate_json(line))
            except ValueError as exc:
                raise ValueError(f"{path}:{lineno}: {exc}") from exc
    return records


def write_suite(records: Iterable[Record], suite: str, directory: Path = DATASET_DIR) -> Path:
    """One compact JSON object a line; unknown facts are written out for the reader."""
    path = suite_path(suite, directory)
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            data = record.model_dump(mode="json", exclude_defaults=True)
            if record.gold_facts is not None:
                data["gold_facts"] = record.gold_facts.model_dump(mode="json")
            fh.write(json.dumps(data, ensure_ascii=False) + "\n")
    return path
