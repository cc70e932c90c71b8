"""`python -m evals.training --heldout K,L`: how much the learned reader helps on text it
has never seen.

The model is refitted without the named parts of the training data, then the whole engine
(words, model, dialogue logic, rules) answers those parts' questions and dialogue turns.
Three readings are scored on the same cases: the words alone, the words with the refitted
model (the honest number), and the words with the shipped model, which was trained on
those very parts (the flattering one, for contrast).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evals.oracle import Facts, Verdict, decide
from evals.training.data import TRAINING_DIR, data_digest, load_examples
from evals.training.train import C, fit, save
from evals.training.tune import _Memo, _Predictions
from rag.facts.combine import DEFAULT_CONFIDENCE, combine
from rag.facts.learned import learned_reader
from rag.facts.learned.model import LearnedReader
from rag.facts.reader import normalized, read_lexical
from rag.facts.reading import FactsReading
from rag.models import Turn
from rag.offline import read_conversation

__all__ = ["heldout", "part_of"]


@dataclass(frozen=True)
class _Case:
    history: tuple[Turn, ...]
    question: str
    gold: Verdict


def part_of(path: Path) -> str:
    """ "K-dialogues.jsonl" and "K.jsonl" are both part K."""
    return path.name.split(".")[0].split("-")[0]


def _gold(kind: str, facts: dict[str, str] | None) -> Verdict:
    if kind != "verdict":
        return Verdict(kind)
    return decide(Facts.model_validate(facts)).verdict


def _cases(files: Sequence[Path]) -> list[_Case]:
    cases: list[_Case] = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            if record.get("kind") != "dialogue":
                facts = record.get("gold_facts")
                cases.append(_Case((), record["question"], _gold(record["kind"], facts)))
                continue
            history: list[Turn] = []
            for turn in record["turns"]:
                gold = _gold("verdict", turn["gold_facts"])
                cases.append(_Case(tuple(history), turn["user"], gold))
                history += [Turn(role="user", content=turn["user"]),
                            Turn(role="assistant", content="(answer)")]
    return cases


def _score(cases: Sequence[_Case], read: Callable[[str], FactsReading]) -> dict[str, Any]:
    right = singles = singles_right = lenient = dangerous = 0
    for case in cases:
        topic, reading = read_conversation(case.question, list(case.history), read=read)
        got = Verdict(topic) if topic != "verdict" else decide(reading.facts).verdict
        ok = got is case.gold
        right += ok
        if not case.history:
            singles += 1
            singles_right += ok
        if got is Verdict.not_prohibited and case.gold in (Verdict.prohibited, Verdict.depends):
            lenient += 1
            dangerous += case.gold is Verdict.prohibited
    turns = len(cases) - singles
    return {
        "accuracy": round(right / len(cases), 4) if cases else None,
        "singles": round(singles_right / singles, 4) if singles else None,
        "turns": round((right - singles_right) / turns, 4) if turns else None,
        "lenient": lenient,
        "dangerous": dangerous,
    }


def heldout(parts: Sequence[str], directory: Path = TRAINING_DIR, c: float = C) -> dict[str, Any]:
    files = sorted(directory.glob("*.jsonl"))
    wanted = {p.strip().upper() for p in parts if p.strip()}
    test = [f for f in files if part_of(f) in wanted]
    train = [f for f in files if part_of(f) not in wanted]
    missing = wanted - {part_of(f) for f in test}
    if missing or not train:
        raise ValueError(f"no training part named {sorted(missing)}" if missing
                         else "nothing left to train on")
    with tempfile.TemporaryDirectory() as tmp:
        for f in train:
            shutil.copy(f, Path(tmp) / f.name)
        examples = load_examples(Path(tmp))
        model_path = Path(tmp) / "heldout-model.npz"
        save(fit(examples, c), model_path, data_digest(Path(tmp)), c)
        refitted = LearnedReader.load(model_path)
    cases = _cases(test)
    texts = {c.question for c in cases} | {t.content for c in cases for t in c.history}
    lexical = _Memo(read_lexical, texts)
    norms = _Memo(normalized, texts)

    def reader(model: Any) -> Callable[[str], FactsReading]:
        memo: dict[str, FactsReading] = {}
        cached: Any = _Predictions(model)  # a LearnedReader with its predictions kept

        def read(text: str) -> FactsReading:
            if text not in memo:
                memo[text] = combine(lexical[text], norms[text], cached, DEFAULT_CONFIDENCE)
            return memo[text]

        return read

    return {
        "held_out": sorted(wanted),
        "trained_on": sorted({part_of(f) for f in train}),
        "training_examples": len(examples),
        "cases": len(cases),
        "words_only": _score(cases, lexical.__getitem__),
        "words_and_refitted_model": _score(cases, reader(refitted)),
        "words_and_shipped_model (saw these parts)": _score(cases, reader(learned_reader())),
    }
