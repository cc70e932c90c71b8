"""Closed-loop load: N client threads each send the next question as soon as the last answered.

Besides answers per second, the CPU seconds spent per answer are counted in this process
(the clients, and the engine too when it runs in-process) and in a server process when
there is one: on a 2-core machine that shows whether the cores or a lock are the limit.
"""

from __future__ import annotations

import itertools
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from evals.bench.stats import summarize

__all__ = [
    "Call",
    "cpu_seconds",
    "machine_cpu_seconds",
    "throughput",
    "throughput_curve",
    "wait_for_quiet",
]

# A client: sends one question, returns when the answer is complete.
Call = Callable[[str], object]


def cpu_seconds(pid: int | None = None) -> float:
    """User + system CPU seconds of this process (all threads) or of another live process."""
    if pid is None:
        # process_time, not os.times: clock ticks (10 ms) round a short smoke run to zero.
        return time.process_time()
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def machine_cpu_seconds() -> float:
    """CPU seconds all cores spent busy since boot (/proc/stat), whoever used them."""
    fields = Path("/proc/stat").read_text(encoding="utf-8").splitlines()[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def wait_for_quiet(
    threshold: float = 0.25, settle_s: float = 1.0, max_wait_s: float = 30.0
) -> float:
    """Wait (bounded) until other processes leave the cores idle for `settle_s`; we are idle
    meanwhile, so whatever keeps them busy is someone else. Returns the seconds waited."""
    began = time.perf_counter()
    quiet_since: float | None = None
    while time.perf_counter() - began < max_wait_s:
        before, t0 = machine_cpu_seconds(), time.perf_counter()
        time.sleep(0.25)
        busy = (machine_cpu_seconds() - before) / (time.perf_counter() - t0)
        now = time.perf_counter()
        if busy >= threshold:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = now
        elif now - quiet_since >= settle_s:
            break
    return time.perf_counter() - began


def throughput(
    make_client: Callable[[], Call],
    questions: Sequence[str],
    clients: int,
    requests: int,
    server_pid: int | None = None,
    quiet_wait_s: float = 0.0,
) -> dict[str, Any]:
    """`requests` answers shared among `clients` threads (each with its own client).

    Clients are built before the clock starts; answers/s is completed requests over wall time.
    Up to `quiet_wait_s` is spent first waiting for other processes to leave the cores idle.
    """
    pending = itertools.count()
    lock = threading.Lock()
    latencies: list[float] = []
    calls = [make_client() for _ in range(clients)]
    start = threading.Barrier(clients + 1)
    waited = wait_for_quiet(max_wait_s=quiet_wait_s) if quiet_wait_s > 0 else 0.0

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
        cpu_here = cpu_seconds()
        cpu_server = cpu_seconds(server_pid) if server_pid else 0.0
        cpu_all = machine_cpu_seconds()
        for future in futures:
            future.result()
        wall = time.perf_counter() - began
        cpu_all = machine_cpu_seconds() - cpu_all
        cpu_here = cpu_seconds() - cpu_here
        cpu_server = cpu_seconds(server_pid) - cpu_server if server_pid else 0.0
    for call in calls:
        close = getattr(call, "close", None)
        if close is not None:
            close()
    done = len(latencies)
    result: dict[str, Any] = {
        "clients": clients,
        "requests": done,
        "wall_s": round(wall, 3),
        "answers_per_s": round(done / wall, 2),
        "latency": summarize(latencies),
        "waited_for_quiet_s": round(waited, 1),
        # CPU seconds per wall second: 2.0 means both cores busy.
        "cores_busy": round((cpu_here + cpu_server) / wall, 2),
        # ... and by every other process meanwhile: above ~0.2 the run had a noisy neighbour.
        "other_processes_cores_busy": round(max(0.0, cpu_all - cpu_here - cpu_server) / wall, 2),
        "cpu_ms_per_answer_this_process": round(cpu_here * 1000 / done, 2),
    }
    if server_pid:
        result["cpu_ms_per_answer_server"] = round(cpu_server * 1000 / done, 2)
    return result


def throughput_curve(
    make_client: Callable[[], Call],
    questions: Callable[[int], Sequence[str]],
    levels: Sequence[int],
    requests: int,
    server_pid: int | None = None,
    quiet_wait_s: float = 0.0,
) -> dict[str, Any]:
    """Throughput at each concurrency level, each level run twice (in the order given, then
    reversed, each time on fresh `questions(requests)`). A level's figure is its run with the
    least CPU taken by other processes (the closest to an unshared machine; that load is
    kept beside it), and the mean of both runs is reported too; then the speed-up over one
    client."""
    order = [*levels, *reversed(levels)]
    runs = [
        throughput(make_client, questions(requests), n, requests, server_pid, quiet_wait_s)
        for n in order
    ]
    merged = []
    for n in levels:
        pair = [run for run in runs if run["clients"] == n]
        best = min(pair, key=lambda r: r["other_processes_cores_busy"])
        merged.append({
            "clients": n,
            "answers_per_s": best["answers_per_s"],
            "other_processes_cores_busy": best["other_processes_cores_busy"],
            "answers_per_s_mean": round(sum(r["answers_per_s"] for r in pair) / len(pair), 2),
            "runs": pair,
        })  # fmt: skip
    base = merged[0]["answers_per_s"] or 1e-9
    for level in merged:
        level["speedup_vs_1"] = round(level["answers_per_s"] / base, 3)
    return {"levels": merged}
