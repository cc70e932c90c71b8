"""Wall time of `policyqa` commands as a user runs them: `ask` from a cold process, `eval`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from evals.bench.processes import policyqa_command, run_timed
from evals.bench.stats import seconds_summary

__all__ = ["ask_cold_start", "eval_runtime"]


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
