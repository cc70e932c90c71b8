"""The blind-set kit: briefs filled, labels kept from the labellers, disagreements found
through the oracle, and the suite built from the adjudicated facts."""

from __future__ import annotations

import json
from pathlib import Path

from evals.blindkit import build, compare, merge, write_briefs
from evals.datasets import Record, load_suite

_LIVE_POLICE = {"law_enforcement": "yes", "united_states": "no", "use": "facial_recognition",
                "real_time": "yes", "mobile_camera": "yes", "uncontrolled": "yes", "consent": "no"}
_RECORDED = {**_LIVE_POLICE, "real_time": "no"}


def _lines(path: Path, rows: list[dict[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def _writers(setdir: Path) -> None:
    _lines(setdir / "a" / "set.jsonl", [
        {"voice": "v1", "type": "verdict", "question": "Bodycam face matching on patrol, live?",
         "facts": _LIVE_POLICE},
        {"voice": "v1", "type": "out_of_scope", "question": "Best pizza in town?"},
    ])
    _lines(setdir / "b" / "set.jsonl", [
        {"voice": "v2", "type": "dialogue", "turns": [
            {"user": "Police want face matching.", "facts": {"law_enforcement": "yes",
                                                            "use": "facial_recognition"}},
            {"user": "Only on last week's footage, in Lyon.", "facts": _RECORDED}]},
        {"voice": "v2", "type": "informational", "question": "What did Axon announce?"},
    ])


def test_briefs_name_the_voices_and_fill_every_path(tmp_path: Path) -> None:
    voices = [{"name": f"voice{i}", "description": f"people {i}"} for i in range(4)]
    a, b = write_briefs(tmp_path / "set", voices, policy="/p/POLICY_MODEL.md", seeds="/p/seeds")
    text_a, text_b = a.read_text(), b.read_text()
    assert "voice0" in text_a and "voice1" in text_a and "voice2" not in text_a
    assert "voice3" in text_b
    assert "/p/POLICY_MODEL.md" in text_a and "{POLICY}" not in text_a and "{OUT}" not in text_b


def test_merge_compare_build(tmp_path: Path) -> None:
    setdir = tmp_path / "set"
    _writers(setdir)
    counts = merge(setdir, 99, policy="P", seeds="S")
    assert counts == {"singles": 3, "dialogues": 1, "turns": 2}
    items = [json.loads(line) for sub in "xy"
             for line in (setdir / "annot" / sub / "items.jsonl").read_text().splitlines()]
    assert {i["id"] for i in items} == {"b99-0001", "b99-0002", "b99-0003", "b99-d001"}
    assert all("facts" not in i and "type" not in i for i in items)  # labellers see texts only

    merged = {r["id"]: r for r in map(json.loads, (setdir / "merged" / "all.jsonl").read_text().splitlines())}
    labels = []
    for rid, row in merged.items():
        if row["type"] == "dialogue":
            labels.append({"id": rid, "turns": [{"facts": t["facts"]} for t in row["turns"]]})
        elif row["type"] == "verdict":  # the labeller reads it as recorded footage: not prohibited
            labels.append({"id": rid, "type": "verdict", "facts": _RECORDED})
        else:
            labels.append({"id": rid, "type": row["type"]})
    half = len(labels) // 2
    _lines(setdir / "annot" / "x" / "labels.jsonl", labels[:half])
    _lines(setdir / "annot" / "y" / "labels.jsonl", labels[half:])
    result = compare(setdir, policy="P")
    assert result == {"agree": 4, "total": 5, "to_adjudicate": 1}
    [item] = [json.loads(line) for line in (setdir / "annot" / "adjudicate.jsonl").read_text().splitlines()]

    _lines(setdir / "annot" / "decisions.jsonl",
           [{"id": item["id"], "type": "verdict", "facts": _RECORDED, "reason": "recorded"}])
    build(setdir, 99, tmp_path / "datasets")
    records = {r.id: r for r in load_suite_from(tmp_path / "datasets")}
    verdict = records[item["id"].replace("b99-", "blind99-")]
    assert verdict.gold_verdict.value == "not_prohibited"  # the adjudicated facts, not the writer's
    dialogue = records["blind99-d001"]
    assert [t.gold_verdict.value for t in dialogue.turns] == ["depends", "not_prohibited"]


def load_suite_from(directory: Path) -> list[Record]:
    path = directory / "blind" / "blind99.jsonl"
    return [Record.model_validate_json(line) for line in path.read_text().splitlines() if line]


def test_the_shipped_suites_still_load() -> None:
    assert load_suite("canonical")
