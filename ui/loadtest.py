"""Serve the chat on a free local port and time answers through its HTTP API (gradio_client).

Used by the UI tests and reusable by the benchmark:

    with serving(assistant, settings) as url:
        report = measure(url, questions, clients=20)

or once from the shell (builds the index under POLICYQA_DATA_DIR if missing):

    python -m ui.loadtest --clients 1 20
"""

from __future__ import annotations

import argparse
import json
import math
import socket
import statistics
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

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


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


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


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty sample."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


class LoadReport(BaseModel):
    clients: int
    requests: int
    errors: int
    p50_ms: float
    p95_ms: float
    mean_ms: float
    wall_s: float


def _client(url: str, auth: tuple[str, str] | None = None) -> Any:
    from gradio_client import Client

    return Client(url, verbose=False, analytics_enabled=False, download_files=False, auth=auth)


def ask_many(url: str, questions: Sequence[str], clients: int,
             auth: tuple[str, str] | None = None) -> list[tuple[str, dict[str, Any] | Exception, float]]:
    """Ask every question through /ask from `clients` concurrent gradio_client clients (one
    thread and one Client each, all released at once); (question, answer or error, ms)."""
    shards = [list(questions[i::clients]) for i in range(clients)]
    start = threading.Barrier(clients)

    def run(shard: list[str]) -> list[tuple[str, dict[str, Any] | Exception, float]]:
        client = _client(url, auth)  # connecting is not part of an answer's latency
        out: list[tuple[str, dict[str, Any] | Exception, float]] = []
        try:
            start.wait(timeout=120)
            for question in shard:
                began = time.perf_counter()
                try:
                    result: dict[str, Any] | Exception = client.predict(question, api_name="/ask")
                except Exception as exc:
                    result = exc
                out.append((question, result, (time.perf_counter() - began) * 1000))
        finally:
            client.close()
        return out

    with ThreadPoolExecutor(max_workers=clients) as pool:
        return [item for part in pool.map(run, shards) for item in part]


def summarize(results: Sequence[tuple[str, dict[str, Any] | Exception, float]], clients: int,
              wall_s: float) -> LoadReport:
    """Latency percentiles of the successful answers among `ask_many`'s results."""
    times = [ms for _, result, ms in results if not isinstance(result, Exception)]
    return LoadReport(
        clients=clients,
        requests=len(results),
        errors=len(results) - len(times),
        p50_ms=round(percentile(times, 50), 1) if times else float("nan"),
        p95_ms=round(percentile(times, 95), 1) if times else float("nan"),
        mean_ms=round(statistics.fmean(times), 1) if times else float("nan"),
        wall_s=round(wall_s, 2),
    )


def measure(url: str, questions: Sequence[str], clients: int,
            auth: tuple[str, str] | None = None) -> LoadReport:
    began = time.perf_counter()
    results = ask_many(url, questions, clients, auth)
    return summarize(results, clients, time.perf_counter() - began)


def main(argv: Sequence[str] | None = None) -> None:
    from ui.app import EXAMPLES

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 20])
    parser.add_argument("--rounds", type=int, default=2,
                        help="each client asks this many questions")
    args = parser.parse_args(argv)

    from rag.assistant import PolicyAssistant

    settings = Settings()
    assistant = PolicyAssistant.from_settings(settings, progress=True)
    with serving(assistant, settings) as url:
        _warm = measure(url, EXAMPLES, 1)  # first calls load lazy parts; not reported
        for clients in args.clients:
            questions = [EXAMPLES[i % len(EXAMPLES)] for i in range(clients * args.rounds)]
            print(json.dumps(measure(url, questions, clients).model_dump()))


if __name__ == "__main__":
    main()
