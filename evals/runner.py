"""`policyqa eval`: ask the engine every dataset question through the public API, score
the answers against the oracle's labels, write the report, and gate on the baseline."""

from __future__ import annotations

import contextlib
import json
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console

from evals.datasets import BLIND_SUITES, SUITES, Record, load_blind_header, load_suite
from evals.metrics import GATED, Outcome, Target, outcome_of, summarize, targets_of
from evals.mutation import run_mutation
from evals.report import failures, print_summary, write_report
from rag.models import Turn

if TYPE_CHECKING:
    from rag import PolicyAssistant
    from rag.settings import Settings

__all__ = ["BASELINE_PATH", "check_gate", "evaluate", "mutation_reasons", "run_eval_command"]

BASELINE_PATH = Path(__file__).resolve().parent / "baseline.json"
MAX_DROP = 0.01  # one point of a rate


def _ask(assistant: PolicyAssistant, target: Target, history: list[Turn]) -> Outcome:
    started = time.perf_counter()
    try:
        answer = assistant.ask(target.question, history=history)
    except Exception as exc:  # an engine failure is scored as a wrong answer, not a crash
        wall = (time.perf_counter() - started) * 1000
        return outcome_of(target, None, wall, error=f"{type(exc).__name__}: {exc}")
    return outcome_of(target, answer, (time.perf_counter() - started) * 1000)


def evaluate(
    assistant: PolicyAssistant,
    records: Sequence[Record],
    on_answer: Callable[[Outcome], None] = lambda _o: None,
) -> list[Outcome]:
    """Ask every question; a dialogue's turns carry the engine's own earlier answers."""
    outcomes: list[Outcome] = []
    for record in records:
        history = [Turn(role=m.role, content=m.content) for m in record.history]
        for target in targets_of(record):
            outcome = _ask(assistant, target, list(history))
            outcomes.append(outcome)
            on_answer(outcome)
            if target.dialogue:
                history.append(Turn(role="user", content=target.question))
                if outcome.answer_text:
                    history.append(Turn(role="assistant", content=outcome.answer_text))
    return outcomes


# --- Baseline and gate ----------------------------------------------------------------------


def load_baseline(path: Path) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def baseline_entry(summary: dict[str, Any]) -> dict[str, dict[str, float]]:
    """The gated metrics of each suite run."""
    return {
        suite: {k: metrics[k] for k in GATED if k in metrics}
        for suite, metrics in summary["suites"].items()
    }


def check_gate(
    summary: dict[str, Any], baseline: dict[str, dict[str, float]] | None, *, compare: bool = True
) -> tuple[list[str], list[str]]:
    """(reasons it fails, notes). Dangerous errors, canonical cases answered wrong and
    engine errors always fail; a drop of more than a point against the baseline fails."""
    reasons: list[str] = []
    notes: list[str] = []
    if summary["dangerous"]:
        reasons.append(
            f"{len(summary['dangerous'])} dangerous error(s) (gold prohibited, answered "
            f"not_prohibited): {', '.join(summary['dangerous'][:20])}"
        )
    if summary["canonical_wrong"]:
        reasons.append(f"canonical case(s) answered wrong: {', '.join(summary['canonical_wrong'])}")
    errors = summary["overall"].get("errors", 0)
    if errors:
        reasons.append(f"the engine raised on {errors} question(s)")
    if baseline is None:
        notes.append("there is no baseline for this backend yet (policyqa eval --update-baseline)")
        return reasons, notes
    if not compare:
        notes.append("a --limit run is a sample: not compared with the baseline")
        return reasons, notes
    for suite, metrics in summary["suites"].items():
        for key, before in baseline.get(suite, {}).items():
            now = metrics.get(key)
            if now is not None and now < before - MAX_DROP:
                reasons.append(
                    f"{suite} {key} dropped from {100 * before:.1f}% to {100 * now:.1f}%"
                )
    return reasons, notes


def mutation_reasons(mutation: dict[str, Any]) -> list[str]:
    """A mutant of the declared rules that no eval case tells apart fails the gate."""
    if not mutation["survivors"]:
        return []
    return [f"{len(mutation['survivors'])} mutant(s) of the declared rules survive the eval cases "
            f"(mutation score {100 * (mutation['score'] or 0):.1f}%): "
            + "; ".join(mutation["survivors"][:5])]


def _write_baseline(path: Path, backend: str, summary: dict[str, Any]) -> None:
    data = load_baseline(path) or {}
    entry = data.get(backend, {})
    entry.update(baseline_entry(summary))  # a single-suite run refreshes that suite only
    data[backend] = dict(sorted(entry.items()))
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")


# --- The command -------------------------------------------------------------------------------


def run_eval_command(
    settings: Settings,
    *,
    backend: str,
    suite: str,
    out: Path,
    as_json: bool,
    gate: bool,
    update_baseline: bool,
    limit: int | None,
    baseline_path: Path = BASELINE_PATH,
) -> int:
    """0: done (and the gate passed); 1: the gate failed; 2: the command cannot run."""
    err = Console(stderr=True)
    if backend not in ("offline", "llm"):
        err.print(f"[red]error:[/] unknown backend {backend!r}: use offline or llm")
        return 2
    if suite != "all" and suite not in SUITES:
        err.print(f"[red]error:[/] unknown suite {suite!r}: use all or one of {', '.join(SUITES)}")
        return 2
    if update_baseline and limit is not None:
        err.print("[red]error:[/] --update-baseline needs full suites: drop --limit")
        return 2
    if limit is not None and limit < 1:
        err.print("[red]error:[/] --limit must be at least 1")
        return 2
    suites = SUITES if suite == "all" else (suite,)
    datasets = {name: load_suite(name) for name in suites}
    records = [r for name in suites for r in datasets[name][:limit]]

    from rag import PolicyAssistant

    try:
        assistant = PolicyAssistant.from_settings(settings.model_copy(update={"backend": backend}))
    except Exception as exc:  # configuration, index or endpoint problems: say what, exit 2
        err.print(f"[red]error:[/] cannot start the {backend} backend: {exc}")
        return 2

    # The first answer loads models and indexes; latency is measured on a warm engine.
    with contextlib.suppress(Exception):
        assistant.ask(records[0].question if records else "warm-up")
    started = time.perf_counter()
    outcomes = _run_with_progress(assistant, records, err)
    summary = summarize(outcomes)
    report: dict[str, Any] = {
        "backend": backend,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "suites_run": list(suites),
        "limit": limit,
        "seconds": time.perf_counter() - started,
        "dataset_sizes": {name: len(datasets[name]) for name in suites},
        "summary": summary,
        "failures": failures(outcomes),
        "blind": {
            name: load_blind_header(name).model_dump(mode="json")
            for name in suites
            if name in BLIND_SUITES
        },
    }
    # The rules themselves: would the suites notice a wrong rule? (a second, no questions read)
    report["mutation"] = run_mutation().model_dump()
    fallbacks = sum(n for name, n in summary["answered_by"].items() if name not in (backend, "error"))
    if fallbacks:
        err.print(f"[yellow]warning:[/] {fallbacks} answers came from another backend than "
                  f"{backend} (fallbacks); the scores are not the {backend} backend's alone")
    baseline = (load_baseline(baseline_path) or {}).get(backend)
    code = 0
    if gate:
        reasons, notes = check_gate(summary, baseline, compare=limit is None)
        reasons += mutation_reasons(report["mutation"])
        report["gate"] = {"passed": not reasons, "reasons": reasons, "notes": notes}
        code = 1 if reasons else 0
    paths = write_report(out, report, outcomes)
    print_summary(report, err if as_json else Console())
    if as_json:
        sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    err.print(f"report: {paths[1]} (and report.json, confusion.png, latency.png in {out})")
    if gate:
        for note in report["gate"]["notes"]:
            err.print(f"gate note: {note}")
        for reason in report["gate"]["reasons"]:
            err.print(f"[red]gate FAILED:[/] {reason}")
        if code == 0:
            err.print("[green]gate passed[/]")
    if update_baseline:
        _write_baseline(baseline_path, backend, summary)
        err.print(f"baseline written: {baseline_path}")
    return code


def _run_with_progress(
    assistant: PolicyAssistant, records: Sequence[Record], console: Console
) -> list[Outcome]:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    total = sum(len(r.turns) or 1 for r in records)
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("wrong {task.fields[wrong]}"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("evaluating", total=total, wrong=0)
        wrong = 0

        def advance(outcome: Outcome) -> None:
            nonlocal wrong
            wrong += not outcome.correct
            progress.update(task, advance=1, wrong=wrong, description=outcome.target.suite)

        return evaluate(assistant, records, on_answer=advance)
