"""The served chat (`policyqa serve` in its own process): readiness, /ask latency and
throughput through gradio_client, and the server's peak memory after the load."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evals.bench.load import Call, throughput_curve
from evals.bench.processes import memory_mb, served_app
from evals.bench.stats import seconds_summary, summarize, time_calls

__all__ = ["chat_http", "http_client"]


def http_client(url: str) -> Call:
    """One gradio_client per simulated user, calling the app's /ask endpoint."""
    from gradio_client import Client

    client = Client(url, verbose=False, download_files=False, analytics_enabled=False)

    def ask(question: str) -> object:
        return client.predict(question, "", api_name="/ask")

    return ask


def chat_http(
    env: dict[str, str],
    cwd: Path,
    logs: Path,
    questions: Sequence[str],
    *,
    starts: int,
    rounds: int,
    levels: Sequence[int],
    requests: int,
) -> dict[str, Any]:
    """Start the server `starts` times (cold start to HTTP 200); load the last one."""
    ready: list[float] = []
    out: dict[str, Any] = {}
    for attempt in range(starts):
        with served_app(env, cwd, logs / f"serve-{attempt}.log") as app:
            ready.append(app.ready_s)
            if attempt < starts - 1:
                continue
            out["memory_after_ready"] = memory_mb(app.process.pid)
            ask = http_client(app.url)
            sample = ask(questions[0])
            if not isinstance(sample, dict) or "verdict" not in sample:
                raise RuntimeError(f"/ask returned no Answer: {str(sample)[:200]}")
            time_calls(ask, questions, 1)  # warm-up: every question once
            out["latency"] = summarize(time_calls(ask, questions, rounds))
            out["throughput"] = throughput_curve(lambda: http_client(app.url), questions, levels, requests)
            out["memory_after_load"] = memory_mb(app.process.pid)
    out["serve_cold_start"] = seconds_summary(ready)
    return out

