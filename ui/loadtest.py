"""Serve the chat on a free local port and time answers through its HTTP API (gradio_client).

Used by the UI tests and reusable by the benchmark:

    with serving(assistant, settings) as url:
        report = measure(url, questions, clients=20)

or once from the shell, against a chat started in this process (builds the index under
POLICYQA_DATA_DIR if missing) or one already running in its own process:

    python -m ui.loadtest --clients 1 20
    python -m ui.loadtest --clients 1 20 --url http://127.0.0.1:7860/
"""

from __future__ import annotations

import argparse
import json
import statistics
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from rag.measure import free_port, percentile
from rag.settings import Settings

if TYPE_CHECKING:
    from rag.assistant import PolicyAssistant

__all__ = [
    "LoadReport",
    "ask_many",
    "free_port",
    "measure",
    "percentile",
    "serving",
    "summarize",
]


@contextmanager
def serving(assistant: PolicyAssistant, settings: Settings) -> Iterator[str]:
    """The chat app launched in this process on settings.host and a free port; closed after."""
    from ui.app import build_app, launch_options

    app = build_app(assistant, settings)
    options = launch_options(settings)
    port = free_port(settings.host)
    app.launch(server_port=port, prevent_thread_lock=True, quiet=True, **options)
    try:
        yield f"http://{settings.host}:{port}/"
    finally:
        app.close()


class LoadReport(BaseModel):
    transport: str
    clients: int
    requests: int
    errors: int
    p50_ms: float
    p95_ms: float
    mean_ms: float
    wall_s: float


class _GradioClient:
    """One gradio_client Client: what the README tells API users to run."""

    def __init__(self, url: str, auth: tuple[str, str] | None) -> None:
        from gradio_client import Client

        self.client = Client(url, verbose=False, analytics_enabled=False, download_files=False,
                             auth=auth)

    def ask(self, question: str) -> dict[str, Any]:
        result: dict[str, Any] = self.client.predict(question, api_name="/ask")
        return result

    def close(self) -> None:
        self.client.close()


class _HttpClient:
    """Gradio's documented REST calls (POST /gradio_api/call/ask, then read its event
    stream) with httpx: the server's latency without gradio_client's 50 ms polling."""

    def __init__(self, url: str, auth: tuple[str, str] | None) -> None:
        import httpx

        self.http = httpx.Client(base_url=url.rstrip("/") + "/gradio_api/call/ask", timeout=120)
        if auth is not None:
            self.http.post(url.rstrip("/") + "/login",
                           data={"username": auth[0], "password": auth[1]}).raise_for_status()

    def ask(self, question: str) -> dict[str, Any]:
        posted = self.http.post("", json={"data": [question, ""]})
        posted.raise_for_status()
        event = None
        with self.http.stream("GET", "/" + posted.json()["event_id"]) as stream:
            for line in stream.iter_lines():
                if line.startswith("event:"):
                    event = line.removeprefix("event:").strip()
                elif line.startswith("data:") and event in ("complete", "error"):
                    data = json.loads(line.removeprefix("data:"))
                    if event == "error":
                        raise RuntimeError(f"/ask failed: {data}")
                    result: dict[str, Any] = data[0]
                    return result
        raise RuntimeError("/ask: the event stream ended without a result")

    def close(self) -> None:
        self.http.close()


TRANSPORTS: dict[str, type[_GradioClient] | type[_HttpClient]] = {
    "gradio_client": _GradioClient,
    "http": _HttpClient,
}


def ask_many(url: str, questions: Sequence[str], clients: int,
             auth: tuple[str, str] | None = None, transport: str = "gradio_client",
             ) -> list[tuple[str, dict[str, Any] | Exception, float]]:
    """Ask every question through /ask from `clients` concurrent clients (one thread and one
    client each, all released at once); (question, answer or error, ms). `transport`:
    "gradio_client" or "http" (plain REST calls)."""
    shards = [list(questions[i::clients]) for i in range(clients)]
    start = threading.Barrier(clients)

    def run(shard: list[str]) -> list[tuple[str, dict[str, Any] | Exception, float]]:
        client = TRANSPORTS[transport](url, auth)  # connecting is not part of the latency
        out: list[tuple[str, dict[str, Any] | Exception, float]] = []
        try:
            start.wait(timeout=120)
            for question in shard:
                began = time.perf_counter()
                try:
                    result: dict[str, Any] | Exception = client.ask(question)
                except Exception as exc:
                    result = exc
                out.append((question, result, (time.perf_counter() - began) * 1000))
        finally:
            client.close()
        return out

    with ThreadPoolExecutor(max_workers=clients) as pool:
        return [item for part in pool.map(run, shards) for item in part]


def summarize(results: Sequence[tuple[str, dict[str, Any] | Exception, float]], clients: int,
              wall_s: float, transport: str = "gradio_client") -> LoadReport:
    """Latency percentiles of the successful answers among `ask_many`'s results."""
    times = [ms for _, result, ms in results if not isinstance(result, Exception)]
    return LoadReport(
        transport=transport,
        clients=clients,
        requests=len(results),
        errors=len(results) - len(times),
        p50_ms=round(percentile(times, 50), 1) if times else float("nan"),
        p95_ms=round(percentile(times, 95), 1) if times else float("nan"),
        mean_ms=round(statistics.fmean(times), 1) if times else float("nan"),
        wall_s=round(wall_s, 2),
    )


def measure(url: str, questions: Sequence[str], clients: int,
            auth: tuple[str, str] | None = None, transport: str = "gradio_client") -> LoadReport:
    began = time.perf_counter()
    results = ask_many(url, questions, clients, auth, transport)
    return summarize(results, clients, time.perf_counter() - began, transport)


def main(argv: Sequence[str] | None = None) -> None:
    from ui.app import EXAMPLES

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 20])
    parser.add_argument("--requests", type=int, default=60,
                        help="questions asked per run, shared among the clients")
    parser.add_argument("--transport", nargs="+", choices=sorted(TRANSPORTS),
                        default=["gradio_client", "http"])
    parser.add_argument("--url", help="a chat already running (`policyqa serve`); by default "
                        "one is started in this process")
    args = parser.parse_args(argv)
    questions = [EXAMPLES[i % len(EXAMPLES)] for i in range(args.requests)]

    def run(url: str) -> None:
        measure(url, EXAMPLES, 1)  # the first answers load lazy parts: not reported
        for transport in args.transport:
            for clients in args.clients:
                report = measure(url, questions, clients, transport=transport)
                print(json.dumps(report.model_dump()), flush=True)

    if args.url:
        run(args.url)
        return
    from rag.assistant import PolicyAssistant

    settings = Settings()
    with serving(PolicyAssistant.from_settings(settings, progress=True), settings) as url:
        run(url)


if __name__ == "__main__":
    main()
