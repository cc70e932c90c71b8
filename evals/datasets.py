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
    "BLIND_DIR",
    "BLIND_SUITES",
    "DATASET_DIR",
    "SUITES",
    "VERDICT_SUITES",
    "BlindHeader",
    "DialogueTurn",
    "Evidence",
    "FirstScore",
    "Message",
    "Record",
    "label",
    "load_blind_header",
    "load_suite",
    "write_suite",
]

DATASET_DIR = Path(__file__).resolve().parent / "datasets"
# Blind sets: each written by a helper that read only POLICY_MODEL.md and the articles,
# in named voices; scored once before any change it prompted (its first score, kept in
# its header), a development set after that. Oldest first: blind1, blind2, ...
BLIND_DIR = DATASET_DIR / "blind"
BLIND_SUITES: tuple[str, ...] = tuple(
    sorted((p.stem for p in BLIND_DIR.glob("blind*.jsonl")), key=lambda n: (len(n), n))
)
SUITES: tuple[str, ...] = (
    *BLIND_SUITES,
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
    *BLIND_SUITES,
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


class FirstScore(BaseModel):
    """A blind set's score the first time it was run, before any change it prompted."""

    model_config = ConfigDict(extra="forbid")

    date: str
    commit: str
    single_accuracy: float
    singles: int
    turn_accuracy: float
    turns: int
    dangerous: int
    lenient: int
    notes: str | None = None


class BlindHeader(BaseModel):
    """`blind/<set>.header.json`: who wrote the set, in which voices, how it was labelled."""

    model_config = ConfigDict(extra="forbid")

    set: str
    written: str
    writer: str
    labelling: str
    voices: list[dict[str, str]]
    first_score: FirstScore | None = None
    baseline_score: FirstScore | None = Field(
        default=None, description="the same set on an earlier reader, for comparison"
    )


def suite_path(suite: str, directory: Path = DATASET_DIR) -> Path:
    if suite.startswith("blind"):
        return directory / "blind" / f"{suite}.jsonl"
    return directory / f"{suite}.jsonl"


def load_blind_header(suite: str, directory: Path = DATASET_DIR) -> BlindHeader:
    path = directory / "blind" / f"{suite}.header.json"
    return BlindHeader.model_validate_json(path.read_text(encoding="utf-8"))


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
