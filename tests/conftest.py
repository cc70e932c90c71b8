"""Shared fixtures: isolated settings, a real Chroma server, an index built once.

Fixtures for everyone (do not redefine them):
  chroma_server     session: a `chroma run` on 127.0.0.1 and a free port -> (host, port)
  indexed_settings  session: Settings whose data_dir holds the embedded index of corpus/
  tmp_settings      function: Settings with an empty temp data_dir (embedded client)
  store_settings    function, parametrised "embedded" / "server": an empty index on either
                    client (a fresh collection on the shared server), for tests that must
                    pass on both
  make_settings     factory: make_settings(data_dir, **field_overrides) -> Settings
  make_pdf          factory: make_pdf(["page one text", ...]) -> bytes of a real PDF
  embedder          session: one MiniLMEmbeddings (threads=1), loaded on first use

A developer's own `.env` and POLICYQA_/CHROMA_/OPENAI_/AZURE_OPENAI_ variables never reach
the tests: Settings are built with `_env_file=None` and those variables are removed for
the session (subprocesses inherit the cleaned environment).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from rag.settings import Settings

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
_ENV_PREFIXES = ("POLICYQA_", "CHROMA_", "OPENAI_", "AZURE_OPENAI_")


@pytest.fixture(scope="session", autouse=True)
def _isolated_environment() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as mp:
        for name in list(os.environ):
            if name.startswith(_ENV_PREFIXES):
                mp.delenv(name)
        mp.setenv("ANONYMIZED_TELEMETRY", "False")
        yield


def build_settings(data_dir: Path, **overrides: Any) -> Settings:
    """Settings for tests: no .env, the repository's corpus, state under `data_dir`."""
    values: dict[str, Any] = {"data_dir": data_dir, "corpus_dir": CORPUS}
    values.update(overrides)
    return Settings(_env_file=None, **values)


@pytest.fixture(scope="session")
def make_settings() -> Callable[..., Settings]:
    return build_settings


@pytest.fixture
def tmp_settings(tmp_path: Path) -> Settings:
    return build_settings(tmp_path / "data")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def chroma_binary() -> Path:
    path = Path(sys.executable).parent / "chroma"
    if not path.exists():
        pytest.fail(f"the chroma CLI is not installed next to {sys.executable}")
    return path


class ChromaServer:
    """A `chroma run` child process bound to 127.0.0.1 (start, stop, restart)."""

    def __init__(self, data: Path, log: Path, port: int | None = None) -> None:
        self.host = "127.0.0.1"
        self.port = port or free_port()
        self.data = data
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60.0) -> None:
        import httpx

        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [str(chroma_binary()), "run", "--host", self.host, "--port", str(self.port),
                 "--path", str(self.data)],
                stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        url = f"http://{self.host}:{self.port}/api/v2/heartbeat"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                tail = self.log.read_text(errors="replace")[-2000:]
                pytest.fail(f"chroma run exited with {self.proc.returncode}:\n{tail}")
            try:
                if httpx.get(url, timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        pytest.fail(f"chroma run did not answer {url} within {timeout:.0f} s")

    def stop(self) -> None:
        if self.proc is None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """A real Chroma server for the session: yields (host, port), stopped at the end."""
    root = tmp_path_factory.mktemp("chroma-server")
    server = ChromaServer(root / "data", root / "chroma.log")
    server.start()
    try:
        yield server.host, server.port
    finally:
        server.stop()


@pytest.fixture(scope="session")
def chroma_server_factory(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Callable[[], ChromaServer]]:
    """Dedicated servers a test may stop and restart; all stopped at session end."""
    servers: list[ChromaServer] = []

    def make() -> ChromaServer:
        root = tmp_path_factory.mktemp("chroma-own")
        server = ChromaServer(root / "data", root / "chroma.log")
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.stop()


@pytest.fixture(params=["embedded", "server"])
def store_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Empty-index settings on the embedded client, then on the real server."""
    if request.param == "embedded":
        return build_settings(tmp_path / "data")
    host, port = request.getfixturevalue("chroma_server")
    return build_settings(
        tmp_path / "data",
        chroma_host=host,
        chroma_port=port,
        collection=f"test-{uuid.uuid4().hex[:12]}",
    )


@pytest.fixture(scope="session")
def embedder() -> Any:
    from ingest.embeddings import MiniLMEmbeddings

    return MiniLMEmbeddings(threads=1)


@pytest.fixture(scope="session")
def indexed_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The corpus ingested once into an embedded index (treat it as read-only)."""
    from ingest.pipeline import run_ingest

    settings = build_settings(tmp_path_factory.mktemp("indexed") / "data")
    report = run_ingest(settings, None, progress=False)
    assert report.ok and report.added > 0, report.summary()
    return settings


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(pages: list[str]) -> bytes:
    """A minimal, valid PDF with one text line per page (Helvetica, WinAnsi)."""
    n = len(pages)
    font_id = 3 + 2 * n
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        (
            "<< /Type /Pages /Kids ["
            + " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
            + f"] /Count {n} >>"
        ).encode(),
    ]
    for i, text in enumerate(pages):
        stream = f"BT /F1 11 Tf 50 750 Td ({_pdf_escape(text)}) Tj ET".encode("cp1252")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objects.append(
            b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream
            + b"\nendstream"
        )  # fmt: skip
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


@pytest.fixture(scope="session")
def make_pdf() -> Callable[[list[str]], bytes]:
    return pdf_bytes
