"""The Chroma server: a clear error when it is down, recovery when it comes back."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.errors import StoreUnavailableError
from ingest.pipeline import run_ingest
from ingest.store import open_store
from tests.conftest import ChromaServer, build_settings, free_port

pytestmark = pytest.mark.integration


def test_unreachable_server_names_host_and_port(tmp_path: Path) -> None:
    port = free_port()  # nothing listens there
    settings = build_settings(tmp_path / "data", chroma_host="127.0.0.1", chroma_port=port)
    with pytest.raises(StoreUnavailableError) as info:
        open_store(settings)
    message = str(info.value)
    assert f"127.0.0.1:{port}" in message
    assert "chroma run" in message and "CHROMA_HOST" in message
    with pytest.raises(StoreUnavailableError):
        run_ingest(settings, None, progress=False)


def test_store_recovers_after_a_server_restart(
    tmp_path: Path, chroma_server_factory: Callable[[], ChromaServer]
) -> None:
    server = chroma_server_factory()
    server.start()
    settings = build_settings(tmp_path / "data", chroma_host=server.host, chroma_port=server.port)
    policy = settings.corpus_dir / "policy" / "coc-2024-clauses.md"
    assert run_ingest(settings, [policy], progress=False).added == 5
    store = open_store(settings)
    assert store.count() == 5

    server.stop()
    with pytest.raises(StoreUnavailableError, match=f"{server.host}:{server.port}"):
        store.count()

    server.start()  # same port, same data directory
    assert store.count() == 5  # the same ChunkStore works again, no reopening needed
    assert {c.clause_id for c in store.all_chunks()} >= {"coc-2024.us-police-facial-recognition"}


def test_frozen_server_is_an_error_in_bounded_time_then_recovers(
    tmp_path: Path, chroma_server_factory: Callable[[], ChromaServer]
) -> None:
    """A stopped process still accepts connections but never answers: without a bound
    chromadb's client would wait forever, both in a call and in opening the store."""
    server = chroma_server_factory()
    server.start()
    settings = build_settings(tmp_path / "data", chroma_host=server.host,
                              chroma_port=server.port, chroma_timeout_s=1.0)  # fmt: skip
    policy = settings.corpus_dir / "policy" / "coc-2024-clauses.md"
    run_ingest(settings, [policy], progress=False)
    store = open_store(settings)
    assert server.proc is not None
    os.kill(server.proc.pid, signal.SIGSTOP)
    try:
        for attempt in (store.count, lambda: open_store(settings)):
            started = time.monotonic()
            with pytest.raises(StoreUnavailableError, match=f"{server.host}:{server.port}"):
                attempt()
            assert time.monotonic() - started < 5
    finally:
        os.kill(server.proc.pid, signal.SIGCONT)
    assert store.count() == 5  # the same ChunkStore answers again once the server does
