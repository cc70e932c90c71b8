"""Helpers for measuring the product from outside, shared by the chat's load tests
(ui/loadtest.py) and the benchmark (evals/bench): a free local port to serve on, and the
nearest-rank percentile both report."""

from __future__ import annotations

import math
import socket
from collections.abc import Sequence

__all__ = ["free_port", "percentile"]


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty sample."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]
