"""Small timing helpers: a perf-counter stopwatch and percentile summaries in milliseconds."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from rag.measure import percentile  # nearest-rank, as the UI's load tests report

__all__ = ["seconds_summary", "stopwatch", "summarize", "time_calls"]


def summarize(ms: Sequence[float]) -> dict[str, float]:
    """p50/p95/p99/mean/max of durations in milliseconds, rounded for the report."""
    return {
        "n": len(ms),
        "p50_ms": round(percentile(ms, 50), 3),
        "p95_ms": round(percentile(ms, 95), 3),
        "p99_ms": round(percentile(ms, 99), 3),
        "mean_ms": round(sum(ms) / len(ms), 3),
        "max_ms": round(max(ms), 3),
    }


@contextmanager
def stopwatch() -> Iterator[list[float]]:
    """`with stopwatch() as t: ...` then `t[0]` holds the elapsed seconds."""
    box: list[float] = []
    started = time.perf_counter()
    try:
        yield box
    finally:
        box.append(time.perf_counter() - started)


def time_calls(fn: Callable[[str], object], inputs: Sequence[str], rounds: int) -> list[float]:
    """Milliseconds per call of `fn` over `inputs`, `rounds` times round."""
    out: list[float] = []
    for _ in range(rounds):
        for item in inputs:
            started = time.perf_counter()
            fn(item)
            out.append((time.perf_counter() - started) * 1000)
    return out


def seconds_summary(seconds: Sequence[float]) -> dict[str, Any]:
    """Repeated wall times (cold starts): every run, the median and the best."""
    return {
        "runs_s": [round(s, 3) for s in seconds],
        "median_s": round(percentile(seconds, 50), 3),
        "min_s": round(min(seconds), 3),
    }
