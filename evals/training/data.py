"""The training files: questions and dialogues written from POLICY_MODEL.md alone by
writers who never saw the reader, flattened into one example per text the reader reads.

A single question is one example. A dialogue turn is read on its own by the reader (the
turns' readings are merged afterwards), so its fact labels are what *that turn* says: a
fact the turn's evidence names, or whose cumulative value the turn changed, takes the
cumulative value; every other fact is unknown for that turn.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["FACTS", "TRAINING_DIR", "Example", "data_digest", "load_examples"]

TRAINING_DIR = Path(__file__).resolve().parent.parent / "datasets" / "training"
FACTS = (
    "law_enforcement",
    "united_states",
    "use",
    "real_time",
    "mobile_camera",
    "uncontrolled",
    "consent",
)
TOPICS = ("verdict", "informational", "out_of_scope")


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    topic: str | None  # None for a follow-up turn (the dialogue sets its topic)
    facts: dict[str, str] | None  # None: a question that asks for no verdict


def _files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.jsonl"))


def data_digest(directory: Path = TRAINING_DIR) -> str:
    """sha256 over the training files (names and bytes): the model records it."""
    h = hashlib.sha256()
    for path in _files(directory):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _unknown() -> dict[str, str]:
    return dict.fromkeys(FACTS, "unknown")


def _turn_facts(turn: dict[str, Any], before: dict[str, str]) -> dict[str, str]:
    after = turn["gold_facts"]
    evidence = turn.get("evidence") or {}
    own = _unknown()
    for name in FACTS:
        if name in evidence or after[name] != before[name]:
            own[name] = after[name]
    return own


def _examples(record: dict[str, Any]) -> Iterator[Example]:
    if record.get("kind") == "dialogue":
        before = _unknown()
        for k, turn in enumerate(record["turns"]):
            facts = turn["gold_facts"] if k == 0 else _turn_facts(turn, before)
            topic = "verdict" if k == 0 else None
            yield Example(f"{record['id']}#{k + 1}", turn["user"], topic, dict(facts))
            before = dict(turn["gold_facts"])
        return
    kind = record["kind"]
    if kind not in TOPICS:
        raise ValueError(f"{record.get('id')}: unknown kind {kind!r}")
    facts = record.get("gold_facts") if kind == "verdict" else None
    yield Example(record["id"], record["question"], kind, dict(facts) if facts else None)


def load_examples(directory: Path = TRAINING_DIR) -> list[Example]:
    examples: list[Example] = []
    for path in _files(directory):
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    examples.extend(_examples(json.loads(line)))
                except (ValueError, KeyError, TypeError) as exc:
                    raise ValueError(f"{path}:{lineno}: {exc}") from exc
    return examples
