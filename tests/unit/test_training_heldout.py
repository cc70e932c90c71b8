"""`python -m evals.training --heldout`: the refitted model never sees the parts it is scored on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals.training.data import TRAINING_DIR
from evals.training.heldout import heldout, part_of


def _small_copy(tmp_path: Path) -> Path:
    out = tmp_path / "training"
    out.mkdir()
    for name in ("A.jsonl", "A-dialogues.jsonl", "B.jsonl", "C.jsonl"):
        lines = (TRAINING_DIR / name).read_text(encoding="utf-8").splitlines()[:60]
        (out / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def test_part_names() -> None:
    assert part_of(Path("K-dialogues.jsonl")) == part_of(Path("K.jsonl")) == "K"


def test_heldout_scores_only_the_parts_left_out(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    directory = _small_copy(tmp_path)
    report = heldout(["a"], directory)
    assert report["held_out"] == ["A"] and report["trained_on"] == ["B", "C"]
    singles = 60
    turns = sum(len(json.loads(line)["turns"]) for line in
                (directory / "A-dialogues.jsonl").read_text(encoding="utf-8").splitlines())
    assert report["cases"] == singles + turns
    assert report["training_examples"] == 120
    for key in ("words_only", "words_and_refitted_model"):
        assert 0.0 <= report[key]["accuracy"] <= 1.0


def test_an_unknown_part_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no training part named"):
        heldout(["Z"], _small_copy(tmp_path))
