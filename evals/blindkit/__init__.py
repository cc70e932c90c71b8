"""The blind-set protocol as code: briefs for the helpers who write and label a set, and
the steps that turn their files into a suite (`python -m evals.blindkit --help`).

1. `briefs`: two writer briefs, each with half of the set's voices. The writers read only
   POLICY_MODEL.md and the articles, never the reader or the other datasets.
2. `merge`: the writers' files shuffled into one set with fresh ids, and its texts (no labels)
   split in two for two labellers who see only POLICY_MODEL.md and the texts.
3. `compare`: the verdicts of the writer's and the labeller's facts, through the oracle; the
   items where they differ go to an adjudicator who reads only POLICY_MODEL.md.
4. `build`: the suite, gold labels from the agreed (or adjudicated) facts through the oracle.

The set is then scored once (`policyqa eval --suite blindN`) before any change it prompts.
"""

from __future__ import annotations

import json
import random
import re
from importlib import resources
from pathlib import Path
from typing import Any

from evals.datasets import DialogueTurn, Record, label, write_suite
from evals.oracle import Facts, decide

__all__ = ["build", "compare", "merge", "render", "write_briefs"]

FACTS = ("law_enforcement", "united_states", "use", "real_time", "mobile_camera", "uncontrolled",
         "consent")
_PLACEHOLDER = re.compile(r"\{([A-Z_]+)\}")


def render(brief: str, **values: str) -> str:
    """The brief `briefs/<brief>.md` with its {PLACEHOLDERS} filled (JSON braces untouched)."""
    text = (resources.files(__package__) / "briefs" / f"{brief}.md").read_text(encoding="utf-8")
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def _read(path: Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: {exc}") from exc
    return rows


def _write(path: Path, rows: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def _facts(values: dict[str, str] | None) -> Facts:
    values = values or {}
    return Facts.model_validate({k: values.get(k, "unknown") for k in FACTS})


def _verdicts(row: dict[str, Any]) -> list[str]:
    """The oracle's verdict for each question or turn of a writer's or labeller's row."""
    turns = row.get("turns")
    if turns and isinstance(turns[0], dict):
        return [decide(_facts(t["facts"])).verdict.value for t in turns]
    kind = row.get("type", "verdict")
    if kind in ("informational", "out_of_scope"):
        return [kind]
    return [decide(_facts(row.get("facts"))).verdict.value]


def write_briefs(setdir: Path, voices: list[dict[str, str]], *, policy: str, seeds: str,
                 singles: int = 75, dialogues: int = 12) -> list[Path]:
    """Two writer briefs (PART-a.md, PART-b.md), each with half of the voices."""
    setdir.mkdir(parents=True, exist_ok=True)
    fmt = setdir / "format.md"
    fmt.write_text(render("format"), encoding="utf-8")
    half = (len(voices) + 1) // 2
    paths = []
    for part, group in (("a", voices[:half]), ("b", voices[half:])):
        out = setdir / part / "set.jsonl"
        out.parent.mkdir(exist_ok=True)
        text = render("writer", POLICY=policy, SEEDS=seeds, REPO="the project's checkout",
                      WORKDIR=str(setdir), FORMAT=str(fmt), OUT=str(out), N_SINGLE=str(singles),
                      N_DIAL=str(dialogues),
                      VOICES="\n".join(f"- **{v['name']}**: {v['description']}" for v in group))
        path = setdir / f"PART-{part}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def merge(setdir: Path, number: int, *, policy: str, seeds: str) -> dict[str, int]:
    """The writers' files as one shuffled set (ids bN-0001, bN-d001), and two labellers' inputs
    and briefs under annot/x and annot/y."""
    rows = [r for f in sorted(setdir.glob("[ab]/*.jsonl")) for r in _read(f)]
    singles = [r for r in rows if r["type"] != "dialogue"]
    dials = [r for r in rows if r["type"] == "dialogue"]
    rng = random.Random(number)
    rng.shuffle(singles)
    rng.shuffle(dials)
    for i, r in enumerate(singles, 1):
        r["id"] = f"b{number}-{i:04d}"
        _verdicts(r)  # the facts must be valid values
    for i, r in enumerate(dials, 1):
        r["id"] = f"b{number}-d{i:03d}"
        _verdicts(r)
    _write(setdir / "merged" / "all.jsonl", singles + dials)

    def item(r: dict[str, Any]) -> dict[str, Any]:
        if r["type"] == "dialogue":
            return {"id": r["id"], "turns": [t["user"] for t in r["turns"]]}
        return {"id": r["id"], "question": r["question"]}

    hs, hd = len(singles) // 2, len(dials) // 2
    for sub, part in (("x", singles[:hs] + dials[:hd]), ("y", singles[hs:] + dials[hd:])):
        folder = setdir / "annot" / sub
        _write(folder / "items.jsonl", [item(r) for r in part])
        (folder / "BRIEF.md").write_text(
            render("labeller", POLICY=policy, SEEDS=seeds, IN=str(folder / "items.jsonl"),
                   OUT=str(folder / "labels.jsonl")), encoding="utf-8")
    return {"singles": len(singles), "dialogues": len(dials),
            "turns": sum(len(r["turns"]) for r in dials)}


def compare(setdir: Path, *, policy: str) -> dict[str, int]:
    """Verdicts from the writer's facts and from the labeller's; the differing items (and the
    adjudicator's brief) go to annot/adjudicate.jsonl and annot/ADJ_BRIEF.md."""
    merged = {r["id"]: r for r in _read(setdir / "merged" / "all.jsonl")}
    labels = {r["id"]: r for sub in ("x", "y") for r in _read(setdir / "annot" / sub / "labels.jsonl")}
    missing = sorted(set(merged) - set(labels))
    if missing:
        raise ValueError(f"no label for {len(missing)} items, e.g. {missing[:3]}")
    disagree, agree, total = [], 0, 0
    for rid, writer in merged.items():
        ours, theirs = _verdicts(writer), _verdicts(labels[rid])
        total += len(ours)
        agree += sum(a == b for a, b in zip(ours, theirs, strict=False))
        if ours != theirs:
            disagree.append({"id": rid, "writer": writer, "labeller": labels[rid],
                             "writer_verdicts": ours, "labeller_verdicts": theirs})
    path = setdir / "annot" / "adjudicate.jsonl"
    _write(path, disagree)
    (setdir / "annot" / "ADJ_BRIEF.md").write_text(
        render("adjudicator", POLICY=policy, IN=str(path),
               OUT=str(setdir / "annot" / "decisions.jsonl")), encoding="utf-8")
    return {"agree": agree, "total": total, "to_adjudicate": len(disagree)}


def build(setdir: Path, number: int, directory: Path | None = None) -> Path:
    """The suite `blindN`: the writer's facts, or the adjudicator's where they decided."""
    suite = f"blind{number}"
    decided_path = setdir / "annot" / "decisions.jsonl"
    decided = {r["id"]: r for r in _read(decided_path)} if decided_path.exists() else {}
    records = []
    for writer in _read(setdir / "merged" / "all.jsonl"):
        rid = writer["id"].replace(f"b{number}-", f"{suite}-")
        source = decided.get(writer["id"], writer)
        note = writer.get("notes")
        if writer["id"] in decided:
            note = f"{note or ''} | adjudicated: {source.get('reason', '')}".strip(" |")
        common = {"id": rid, "suite": suite, "voice": writer["voice"], "notes": note}
        if writer["type"] == "dialogue":
            turns = []
            for turn, settled in zip(writer["turns"], source["turns"], strict=True):
                lab = label(_facts(settled["facts"]))
                turns.append(DialogueTurn(user=turn["user"], gold_facts=lab["gold_facts"],
                                          gold_verdict=lab["gold_verdict"]))
            records.append(Record(question=writer["turns"][0]["user"], turns=turns, **common,
                                  **label(_facts(source["turns"][-1]["facts"]))))
        elif source.get("type", writer["type"]) == "verdict":
            records.append(Record(question=writer["question"], **common,
                                  **label(_facts(source["facts"]))))
        else:
            records.append(Record(question=writer["question"], gold_verdict=source["type"], **common))
    if directory is None:
        return write_suite(records, suite)
    (directory / "blind").mkdir(parents=True, exist_ok=True)
    return write_suite(records, suite, directory)
