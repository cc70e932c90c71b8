"""`policyqa bench`: every section in one run, then the table, results.json and chart.png."""

from __future__ import annotations

import os
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evals.bench.machine import machine_info

if TYPE_CHECKING:
    from rich.console import Console

    from evals.bench.questions import BenchQuestions
    from rag.assistant import PolicyAssistant
    from rag.settings import Settings

__all__ = ["Plan", "run_bench"]

# The question whose cold `policyqa ask` is timed (canonical case 3: a prohibited verdict).
COLD_QUESTION = "Can the NYPD identify a robbery suspect from CCTV stills after the fact?"


@dataclass(frozen=True)
class Plan:
    """How much of everything: the full run is what the README quotes; quick is a smoke run.
    Timed answers are each on a question not asked before in that process."""

    grid_sample: int | None  # None: the whole grid
    per_suite: int | None  # a cap on every suite
    api_warmup: int
    api_timed: int
    api_requests: int  # per concurrency level
    profiled: int
    http_timed: int
    http_requests: int  # per concurrency level
    levels: tuple[int, ...]
    serve_starts: int
    help_starts: int
    ask_starts: int
    eval_limit: int | None
    ingest_repeats: int
    quiet_wait_s: float  # per load run: waiting for other processes to leave the cores
    quick: bool


FULL = Plan(grid_sample=None, per_suite=None, api_warmup=20, api_timed=300, api_requests=150,
            profiled=60, http_timed=100, http_requests=60, levels=(1, 2, 4), serve_starts=3,
            help_starts=7, ask_starts=5, eval_limit=None, ingest_repeats=3, quiet_wait_s=30.0, quick=False)  # fmt: skip
QUICK = Plan(grid_sample=8, per_suite=4, api_warmup=2, api_timed=6, api_requests=8, profiled=4,
             http_timed=4, http_requests=4, levels=(1, 2, 4), serve_starts=1, help_starts=1, ask_starts=1,
             eval_limit=2, ingest_repeats=1, quiet_wait_s=0.0, quick=True)  # fmt: skip


class _Neighbours:
    """How busy other processes kept the cores during the whole run (ours: this process and
    the subprocesses it waited for)."""

    def __init__(self) -> None:
        from evals.bench.load import machine_cpu_seconds

        self.began = time.perf_counter()
        self.machine = machine_cpu_seconds()
        self.ours = sum(os.times()[:4])

    def report(self) -> dict[str, float]:
        from evals.bench.load import machine_cpu_seconds

        wall = time.perf_counter() - self.began
        others = machine_cpu_seconds() - self.machine - (sum(os.times()[:4]) - self.ours)
        return {"bench_wall_s": round(wall, 1),
                "other_processes_cores_busy": round(max(0.0, others) / wall, 2)}  # fmt: skip


class _Sections:
    """Runs sections in order; a failing section is recorded and the rest still run."""

    def __init__(self, console: Console, quiet_wait_s: float) -> None:
        self.console = console
        self.quiet_wait_s = quiet_wait_s
        self.results: dict[str, Any] = {}
        self.errors: dict[str, str] = {}
        self.waited: dict[str, float] = {}

    def run(
        self, name: str, fn: Callable[[], Any], *, keep: bool = True, timed: bool = False
    ) -> Any:
        """`timed`: first wait (bounded) for other processes to leave the cores idle."""
        from evals.bench.load import wait_for_quiet

        self.console.print(f"bench: {name}…")
        if timed and self.quiet_wait_s > 0:
            self.waited[name] = round(wait_for_quiet(max_wait_s=self.quiet_wait_s), 1)
        try:
            value = fn()
        except Exception as exc:
            self.errors[name] = f"{type(exc).__name__}: {exc}"
            self.console.print(traceback.format_exc(limit=6), markup=False, highlight=False)
            return None
        if keep and value is not None:
            self.results[name] = value
        return value


def run_bench(settings: Settings, *, out: Path, quick: bool) -> int:
    """Measure everything on a fresh temporary index; write results.json and chart.png to
    `out`. Returns 0 when every section ran (missed targets are reported, not failures)."""
    from rich.console import Console

    from evals.bench.chart import write_chart
    from evals.bench.report import print_tables, write_json
    from evals.bench.targets import check_targets

    console = Console(stderr=True)
    plan = QUICK if quick else FULL
    out.mkdir(parents=True, exist_ok=True)
    noise = _Neighbours()
    with tempfile.TemporaryDirectory(prefix="policyqa-bench-") as tmp:
        sections = _measure(settings, plan, Path(tmp), console)
    results = {
        "command": "policyqa bench" + (" --quick" if quick else ""),
        "quick": quick,
        "machine": {**machine_info(), **noise.report()},
        "plan": plan.__dict__,
        **sections.results,
        "errors": sections.errors,
        "waited_for_quiet_s": sections.waited,
    }
    results["targets"] = check_targets(results)
    write_json(results, out / "results.json")
    write_chart(results, out / "chart.png")
    print_tables(results)
    console.print(f"bench: wrote {out / 'results.json'} and {out / 'chart.png'}")
    return 1 if sections.errors else 0


def _measure(settings: Settings, plan: Plan, work: Path, console: Console) -> _Sections:
    from evals.bench.chat_http import chat_http
    from evals.bench.cli_timing import ask_cold_start, ask_first_run, eval_runtime, help_cold_start
    from evals.bench.ingest_timing import ingest_timing
    from evals.bench.processes import bench_env

    data, cwd, logs = work / "data", work / "cwd", work / "logs"
    for d in (data, cwd, logs):
        d.mkdir()
    local = settings.model_copy(
        update={"data_dir": data, "chroma_host": None, "backend": "offline"}
    )
    env = bench_env(local, data)
    s = _Sections(console, plan.quiet_wait_s)

    s.run("ingest", lambda: ingest_timing(
        local, repeats=plan.ingest_repeats, variants=not plan.quick
    ), timed=True)  # fmt: skip
    q: BenchQuestions | None = s.run("questions", lambda: _questions(plan), keep=False)
    if q is not None:
        _engine_sections(s, local, q, plan, work)
        s.run("chat_http", lambda: chat_http(
            env, cwd, logs, q.pool, starts=plan.serve_starts, n=plan.http_timed,
            levels=plan.levels, requests=plan.http_requests, quiet_wait_s=plan.quiet_wait_s,
        ), timed=True)  # fmt: skip
        s.results["questions"] = q.summary()
    s.run("help_cold_start", lambda: help_cold_start(env, cwd, plan.help_starts), timed=True)
    s.run("ask_cold_start", lambda: ask_cold_start(env, cwd, COLD_QUESTION, plan.ask_starts),
          timed=True)  # fmt: skip
    s.run("ask_first_run", lambda: ask_first_run(env, cwd, COLD_QUESTION, work / "empty-cache"),
          timed=True)  # fmt: skip
    s.run("eval_suite", lambda: eval_runtime(env, cwd, work / "eval-report", plan.eval_limit),
          timed=True)  # fmt: skip
    return s


def _engine_sections(
    s: _Sections, settings: Settings, q: BenchQuestions, plan: Plan, work: Path
) -> None:
    """In this process: quality on one engine, then timing on a fresh one (no cached vectors)."""
    from evals.bench.answer_quality import answer_quality
    from evals.bench.api_latency import api_latency, api_throughput, profile_answers

    engine: PolicyAssistant | None = s.run("engine", lambda: _assistant(settings), keep=False)
    if engine is not None:
        s.run("retrieval", lambda: _retrieval(engine, q, work / "langchain-chroma"))
        s.run("answers", lambda: answer_quality(engine, q.answer_suites))
    fresh: PolicyAssistant | None = s.run("fresh engine", lambda: _assistant(settings), keep=False)
    if fresh is None:
        return
    api: dict[str, Any] = s.results.setdefault("api", {})
    s.run("api.latency", lambda: api.setdefault(
        "latency", api_latency(fresh, q.pool, warmup=plan.api_warmup, n=plan.api_timed)
    ), keep=False, timed=True)  # fmt: skip
    s.run("api.throughput", lambda: api.setdefault(
        "throughput", api_throughput(fresh, q.pool, plan.levels, plan.api_requests, plan.quiet_wait_s)
    ), keep=False)  # fmt: skip
    s.run("api.profile", lambda: api.setdefault(
        "profile", profile_answers(fresh, q.pool.take(plan.profiled))
    ), keep=False)  # fmt: skip


def _questions(plan: Plan) -> BenchQuestions:
    from evals.bench.questions import load_questions

    return load_questions(grid_sample=plan.grid_sample, per_suite=plan.per_suite)


def _assistant(settings: Settings) -> PolicyAssistant:
    from rag.assistant import PolicyAssistant

    return PolicyAssistant.from_settings(settings, progress=False)


def _retrieval(assistant: PolicyAssistant, q: BenchQuestions, directory: Path) -> dict[str, Any]:
    from evals.bench.retrieval_quality import (
        bm25_search,
        hybrid_search,
        langchain_dense_search,
        recall_table,
    )
    from ingest.embeddings import embedder_from_settings

    retriever = assistant.retriever
    chunks = retriever.chunks
    searches = {
        "hybrid": hybrid_search(retriever),
        "dense_langchain": langchain_dense_search(
            chunks, embedder_from_settings(assistant.settings), directory
        ),
        "bm25": bm25_search(retriever),
    }
    return recall_table(searches, q.informational, q.clause_records, chunks)
