"""The served chat (`policyqa serve` in its own process): readiness, /ask latency and
throughput through gradio_client, and the server's peak memory after the load.

The server runs in its own process, as users run it, so the clients' threads do not share
its interpreter lock; the clients share the machine's cores with it, as on one host."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evals.bench.load import throughput_curve
from evals.bench.processes import memory_mb, served_app
from evals.bench.questions import QuestionPool
from evals.bench.stats import seconds_summary, summarize, time_calls

__all__ = ["HttpAsk", "RawAsk", "chat_http"]

# Answers asked before timing starts (lazy parts of the server and the engine).
WARMUP = 5


class HttpAsk:
    """One gradio_client per simulated user, calling the app's /ask endpoint."""

    def __init__(self, url: str) -> None:
        from gradio_client import Client

        self.client = Client(url, verbose=False, download_files=False, analytics_enabled=False)

    def __call__(self, question: str) -> object:
        return self.client.predict(question, "", api_name="/ask")

    def close(self) -> None:
        self.client.close()


class RawAsk:
    """The same endpoint without gradio_client: POST the call, read its event stream with
    httpx. The gap to HttpAsk is client-side overhead, not the server's."""

    def __init__(self, url: str) -> None:
        import httpx

        self.http = httpx.Client(base_url=url, timeout=60.0)

    def __call__(self, question: str) -> object:
        event = self.http.post("gradio_api/call/ask", json={"data": [question, ""]})
        event.raise_for_status()
        with self.http.stream("GET", f"gradio_api/call/ask/{event.json()['event_id']}") as stream:
            body = "".join(stream.iter_text())
        if "event: complete" not in body:
            raise RuntimeError(f"/ask did not complete: {body[:200]}")
        return body

    def close(self) -> None:
        self.http.close()


def chat_http(
    env: dict[str, str],
    cwd: Path,
    logs: Path,
    pool: QuestionPool,
    *,
    starts: int,
    n: int,
    levels: Sequence[int],
    requests: int,
    quiet_wait_s: float = 0.0,
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
            ask = HttpAsk(app.url)
            try:
                sample = ask(pool.take(1)[0])
                if not isinstance(sample, dict) or "verdict" not in sample:
                    raise RuntimeError(f"/ask returned no Answer: {str(sample)[:200]}")
                time_calls(ask, pool.take(WARMUP), 1)
                out["latency"] = summarize(time_calls(ask, pool.take(n), 1))
            finally:
                ask.close()
            raw = RawAsk(app.url)
            try:
                out["latency_raw_httpx"] = summarize(time_calls(raw, pool.take(n), 1))
            finally:
                raw.close()
            out["throughput"] = throughput_curve(
                functools.partial(HttpAsk, app.url),
                pool.take,
                levels,
                requests,
                app.process.pid,
                quiet_wait_s,
            )
            out["throughput_raw_httpx"] = throughput_curve(
                functools.partial(RawAsk, app.url),
                pool.take,
                levels,
                requests,
                app.process.pid,
                quiet_wait_s,
            )
            out["memory_after_load"] = memory_mb(app.process.pid)
    out["serve_cold_start"] = seconds_summary(ready)
    return out
