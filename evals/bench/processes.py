"""The `policyqa` command as a user runs it: subprocesses, readiness, peak memory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rag.measure import free_port

if TYPE_CHECKING:
    from rag.settings import Settings

__all__ = [
    "ServedApp",
    "bench_env",
    "memory_mb",
    "policyqa_command",
    "run_timed",
    "served_app",
]


def policyqa_command() -> list[str]:
    """The installed console script beside this interpreter, else the same entry point."""
    script = Path(sys.executable).with_name("policyqa")
    if script.exists():
        return [str(script)]
    found = shutil.which("policyqa")
    return [found] if found else [sys.executable, "-c", "from rag.cli import main; main()"]


def bench_env(settings: Settings, data_dir: Path) -> dict[str, str]:
    """The environment of every subprocess: the bench's settings (so the subprocess is
    configured like the in-process engine), this data dir, the embedded store, offline."""
    from pydantic import SecretStr

    env = dict(os.environ)
    env.pop("CHROMA_HOST", None)
    for name, info in type(settings).model_fields.items():
        value = getattr(settings, name)
        if info.alias and value is not None and not isinstance(value, SecretStr):
            env[info.alias] = str(value.resolve()) if isinstance(value, Path) else str(value)
    env.pop("CHROMA_HOST", None)
    # Cold starts as users have them: bytecode cached (pip compiles an installed wheel;
    # a clone writes __pycache__ on first run), even where this shell disables it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        POLICYQA_DATA_DIR=str(data_dir),
        POLICYQA_BACKEND="offline",
        GRADIO_ANALYTICS_ENABLED="False",
        ANONYMIZED_TELEMETRY="False",
        PYTHONUNBUFFERED="1",
    )
    return env


def run_timed(
    args: list[str], env: dict[str, str], cwd: Path, timeout: float
) -> tuple[float, int, str]:
    """Wall seconds, exit code and the tail of stderr of one command run to completion."""
    started = time.perf_counter()
    done = subprocess.run(
        args, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )
    return time.perf_counter() - started, done.returncode, done.stderr[-2000:]


def memory_mb(pid: int) -> dict[str, float]:
    """Current (VmRSS) and peak (VmHWM) resident memory of a live process, in MB."""
    out: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = round(int(value.split()[0]) / 1024, 1)
    return {"rss_mb": out.get("VmRSS", 0.0), "peak_rss_mb": out.get("VmHWM", 0.0)}


@dataclass
class ServedApp:
    process: subprocess.Popen[bytes]
    url: str
    ready_s: float  # from spawn to the first HTTP 200 on /


def _wait_ready(process: subprocess.Popen[bytes], url: str, timeout: float, log: Path) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
            raise RuntimeError(f"policyqa serve exited with {process.returncode}: {tail}")
        try:
            if httpx.get(url, timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"policyqa serve was not ready within {timeout:.0f} s")


@contextmanager
def served_app(
    env: dict[str, str], cwd: Path, log: Path, timeout: float = 180.0
) -> Iterator[ServedApp]:
    """`policyqa serve` on 127.0.0.1 and a free port; stopped (SIGTERM, then kill) on exit."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    args = [*policyqa_command(), "serve", "--host", "127.0.0.1", "--port", str(port)]
    with log.open("wb") as sink:
        started = time.perf_counter()
        process = subprocess.Popen(args, env=env, cwd=cwd, stdout=sink, stderr=subprocess.STDOUT)
        try:
            _wait_ready(process, url, timeout, log)
            yield ServedApp(process, url, time.perf_counter() - started)
        finally:
            if process.poll() is None:
                process.terminate()  # SIGINT may be ignored when we run in the background
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout=15)
