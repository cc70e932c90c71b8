"""Warm answers through the Python API against the floor: embedding the query alone."""

from __future__ import annotations

import cProfile
import pstats
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evals.bench.load import Call, throughput_curve
from evals.bench.stats import summarize, time_calls

if TYPE_CHECKING:
    from evals.bench.questions import QuestionPool
    from rag.assistant import PolicyAssistant

__all__ = ["api_latency", "api_throughput", "profile_answers"]

_ROOT = Path(__file__).resolve().parents[2]


def api_latency(
    assistant: PolicyAssistant, pool: QuestionPool, *, warmup: int, n: int
) -> dict[str, Any]:
    """p50/p95/p99 of `ask` on `n` questions it has not seen, each followed by `embed_query`
    of the same question on the same embedder (the floor, under the same conditions); then
    the same questions again, now with their query vectors cached. Also the engine's own
    per-stage timings (Answer.timings) at their medians."""
    embedder = assistant.retriever.embedder
    for question in pool.take(warmup):  # lazy sessions, parser tables, first allocations
        assistant.ask(question)
        embedder.embed_query(question)
    questions = pool.take(n)
    ask_ms: list[float] = []
    embed_ms: list[float] = []
    stages: dict[str, list[float]] = {}
    for question in questions:
        started = time.perf_counter()
        answer = assistant.ask(question)
        ask_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        embedder.embed_query(question)
        embed_ms.append((time.perf_counter() - started) * 1000)
        for stage, ms in answer.timings.items():
            stages.setdefault(stage, []).append(ms)
    repeated = time_calls(assistant.ask, questions, 1)
    ask, embed = summarize(ask_ms), summarize(embed_ms)
    return {
        "questions": len(questions),
        "ask": ask,
        "embed_query": embed,
        "ask_over_embed_p50": round(ask["p50_ms"] / embed["p50_ms"], 2),
        "ask_repeated_question": summarize(repeated),
        "stages_p50_ms": {k: summarize(v)["p50_ms"] for k, v in sorted(stages.items())},
    }


def api_throughput(
    assistant: PolicyAssistant,
    pool: QuestionPool,
    levels: Sequence[int],
    requests: int,
    quiet_wait_s: float = 0.0,
) -> dict[str, Any]:
    """Threads sharing one PolicyAssistant (it is documented thread-safe); fresh questions."""

    def client() -> Call:
        return assistant.ask

    return throughput_curve(client, pool.take, levels, requests, quiet_wait_s=quiet_wait_s)


def profile_answers(
    assistant: PolicyAssistant, questions: Sequence[str], top: int = 15
) -> dict[str, Any]:
    """cProfile over one `ask` per question: where the time goes, per answer."""
    profiler = cProfile.Profile()
    profiler.enable()
    for question in questions:
        assistant.ask(question)
    profiler.disable()
    stats = pstats.Stats(profiler)
    per = 1000 / len(questions)
    rows = []
    for (path, line, name), (_, calls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append(
            {
                "function": f"{_short(path)}:{line}({name})",
                "calls_per_answer": round(calls / len(questions), 1),
                "self_ms_per_answer": round(tottime * per, 3),
                "cumulative_ms_per_answer": round(cumtime * per, 3),
            }
        )
    return {
        "answers": len(questions),
        "by_self_time": sorted(rows, key=lambda r: -r["self_ms_per_answer"])[:top],
        "by_cumulative_time": sorted(rows, key=lambda r: -r["cumulative_ms_per_answer"])[:top],
    }


def _short(path: str) -> str:
    """site-packages/x/y.py -> x/y.py; our own files relative to the checkout."""
    if "site-packages/" in path:
        return path.split("site-packages/", 1)[1]
    root = str(_ROOT) + "/"
    return path[len(root) :] if path.startswith(root) else path
