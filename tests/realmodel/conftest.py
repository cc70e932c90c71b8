"""The opt-in local model: SmolLM2-135M-Instruct under our node-llama-cpp server
(scripts/local_model_server.mjs), installed by `bash scripts/local-model.sh install` into
.local-model/ (or LOCAL_MODEL_DIR). Every test here is skipped when it is not installed.

The server is started by the session fixture on 127.0.0.1 and a free port, with a request log
the tests read (each reply as the server sent it), and stopped at the end.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, free_port

LOCAL = Path(os.environ.get("LOCAL_MODEL_DIR") or REPO / ".local-model")
GGUF = LOCAL / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"
SERVER = REPO / "scripts" / "local_model_server.mjs"
MODEL_NAME = "smollm2-135m-instruct"
START_TIMEOUT_S = 120


@dataclass
class LocalModel:
    url: str
    log: Path

    def replies(self) -> list[dict[str, Any]]:
        """Every completion the server sent, oldest first (its log)."""
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text(encoding="utf-8").splitlines()]


def installed() -> bool:
    return GGUF.is_file() and (LOCAL / "node_modules" / "node-llama-cpp").is_dir()


@pytest.fixture(scope="session")
def local_model(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalModel]:
    node = shutil.which("node")
    if not installed() or node is None:
        pytest.skip("the local model is not installed: bash scripts/local-model.sh install")
    log = tmp_path_factory.mktemp("local-model") / "requests.jsonl"
    port = free_port()
    proc = subprocess.Popen(
        [node, str(SERVER), "--runtime", str(LOCAL), "--model", str(GGUF), "--name", MODEL_NAME,
         "--port", str(port), "--log", str(log)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    ready = threading.Event()
    output: list[str] = []

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            output.append(line)
            if line.startswith("local_model_server:"):
                ready.set()

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not ready.wait(0.2):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail("the local model server did not start:\n" + "".join(output[-40:]))
    try:
        yield LocalModel(f"http://127.0.0.1:{port}/v1", log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
