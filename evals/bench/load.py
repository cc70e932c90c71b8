"""Closed-loop load: N client threads each send the next question as soon as the last answered."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from evals.bench.stats import summarize

__all__ = ["Call", "throughput", "throughput_curve"]

# A client: sends one question, returns when the answer is complete.
Call = Callable[[str], object]


def throughput(
    make_client: Callable[[], Call], questions: Sequence[str], clients: int, requests: int
) -> dict[str, Any]:
    """`requests` answers shared among `clients` threads (each with its own client).

    Clients are built before the clock starts; answers/s is completed requests over wall time.
    """
    pending = itertools.count()
    lock = threading.Lock()
    latencies: list[float] = []
    calls = [make_client() for _ in range(clients)]
    start = threading.Barrier(clients + 1)

    def worker(call: Call) -> None:
        start.wait()
        while True:
            with lock:
                n = next(pending)
            if n >= requests:
                return
            began = time.perf_counter()
            call(questions[n % len(questions)])
            elapsed = (time.perf_counter() - began) * 1000
            with lock:
                latencies.append(elapsed)

    with ThreadPoolExecutor(max_workers=clients) as pool:
        futures = [pool.submit(worker, call) for call in calls]
        start.wait()
        began = time.perf_counter()
        for future in futures:
            future.result()
        wall = time.perf_counter() - began
    for call in calls:
        close = getattr(call, "close", None)
        if close is not None:
            close()
    return {
        "clients": clients,
        "requests": len(latencies),
        "wall_s": round(wall, 3),
        "answers_per_s": round(len(latencies) / wall, 2),
        "latency": summarize(latencies),
    }


def throughput_curve(
    make_client: Callable[[], Call],
    questions: Callable[[int], Sequence[str]],
    levels: Sequence[int],
    requests: int,
) -> dict[str, Any]:
    """Throughput at each concurrency level (each on its own `questions(requests)`), and
    each level's speed-up over one client."""
    runs = [throughput(make_client, questions(requests), n, requests) for n in levels]
    base = runs[0]["answers_per_s"] or 1e-9
    for run in runs:
        run["speedup_vs_1"] = round(run["answers_per_s"] / base, 3)
    return {"levels": runs}
