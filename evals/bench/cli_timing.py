"""Wall time of `policyqa` commands as a user runs them: `--help` and `ask` from a cold
process (also with an empty user cache, as on the first run after installing), `eval`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from evals.bench.processes import policyqa_command, run_timed
from evals.bench.stats import seconds_summary

__all__ = ["BEFORE_ISSUE_14", "ask_cold_start", "ask_first_run", "eval_runtime", "help_cold_start"]

# The same two commands before issue 14 made start-up fast, for the report to show beside
# today's. Medians of runs alternated with the new code's on this machine (2 cores), both
# measured with evals/bench's own commands: `policyqa --help`, `policyqa ask Q --json`.
BEFORE_ISSUE_14 = {
    "help_s": 0.59,
    "ask_s": 2.90,
    "measured": "main before issue 14; ask 2.90 s is the bench of 2026-11-22 (results.json then)",
}


def help_cold_start(env: dict[str, str], cwd: Path, runs: int) -> dict[str, Any]:
    """`policyqa --help`: process start to exit."""
    times = []
    for _ in range(runs):
        seconds, code, err = run_timed([*policyqa_command(), "--help"], env, cwd, 60)
        if code != 0:
            raise RuntimeError(f"policyqa --help exited with {code}: {err}")
        times.append(seconds)
    return seconds_summary(times)


def ask_cold_start(env: dict[str, str], cwd: Path, question: str, runs: int) -> dict[str, Any]:
    """`policyqa ask QUESTION --json` with an existing index: process start to exit."""
    times = []
    for _ in range(runs):
        seconds, code, err = run_timed(
            [*policyqa_command(), "ask", question, "--json"], env, cwd, 300
        )
        if code != 0:
            raise RuntimeError(f"policyqa ask exited with {code}: {err}")
        times.append(seconds)
    return {"question": question, **seconds_summary(times)}


def ask_first_run(env: dict[str, str], cwd: Path, question: str, cache: Path) -> dict[str, Any]:
    """One cold `policyqa ask` with an empty user cache (XDG_CACHE_HOME): the tables kept
    there (rag.memo) are built on this run, as on the first run after installing."""
    cache.mkdir(parents=True, exist_ok=True)
    seconds, code, err = run_timed(
        [*policyqa_command(), "ask", question, "--json"], {**env, "XDG_CACHE_HOME": str(cache)},
        cwd, 300,
    )  # fmt: skip
    if code != 0:
        raise RuntimeError(f"policyqa ask exited with {code}: {err}")
    return {"question": question, **seconds_summary([seconds])}


def eval_runtime(env: dict[str, str], cwd: Path, out: Path, limit: int | None) -> dict[str, Any]:
    """`policyqa eval --out DIR [--limit N]`: the whole suite (offline) from a cold process."""
    args = [*policyqa_command(), "eval", "--out", str(out)]
    if limit is not None:
        args += ["--limit", str(limit)]
    seconds, code, err = run_timed(args, env, cwd, 3600)
    shown = ["policyqa", "eval", "--out", "<tmp>", *args[len(policyqa_command()) + 3 :]]
    result: dict[str, Any] = {
        "command": " ".join(shown),
        "wall_s": round(seconds, 3),
        "exit_code": code,
        "limit": limit,
    }
    if code != 0:
        result["stderr_tail"] = err[-500:]
    return result
