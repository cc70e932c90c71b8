"""Run `policyqa` as a user does (a real subprocess), with the settings of a test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from rag.settings import Settings

__all__ = ["Run", "environment", "policyqa"]

POLICYQA = str(Path(sys.executable).with_name("policyqa"))

# Runs the command given in argv from a fresh parent, then reports the peak resident set
# of its children (the command and any process it started, e.g. the PDF reader).
_PROBE = (
    "import json, resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(json.dumps({'rc': done.returncode, 'out': done.stdout, 'err': done.stderr,"
    " 'kb': peak}))\n"
)


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float | None = None  # with measure_memory=True


def environment(settings: Settings, **extra: str) -> dict[str, str]:
    """The process environment that makes a child use these settings."""
    env = {
        **os.environ,
        "POLICYQA_DATA_DIR": str(settings.data_dir),
        "POLICYQA_CORPUS_DIR": str(settings.corpus_dir),
        "POLICYQA_COLLECTION": settings.collection,
        "POLICYQA_BACKEND": settings.backend,
        **extra,
    }
    if settings.chroma_host:
        env.update(CHROMA_HOST=settings.chroma_host, CHROMA_PORT=str(settings.chroma_port))
    return env


def policyqa(
    *args: str,
    settings: Settings,
    cwd: Path,
    timeout: float = 180.0,
    measure_memory: bool = False,
    **env: str,
) -> Run:
    """`policyqa ARGS` with the data dir, corpus and Chroma server of `settings`; `cwd` is a
    scratch folder so that no developer `.env` is read."""
    cmd = [POLICYQA, *args]
    if measure_memory:
        cmd = [sys.executable, "-c", _PROBE, *cmd]
    started = time.monotonic()
    done = subprocess.run(
        cmd, cwd=cwd, env=environment(settings, **env), capture_output=True, text=True,
        timeout=timeout, check=False,
    )  # fmt: skip
    seconds = time.monotonic() - started
    if not measure_memory:
        return Run(done.returncode, done.stdout, done.stderr, seconds)
    probe = json.loads(done.stdout)
    return Run(probe["rc"], probe["out"], probe["err"], seconds, probe["kb"] / 1024)
