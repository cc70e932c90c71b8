"""Faults: a missing or empty index, a Chroma server that goes away (stopped or frozen) and
comes back, and an ingest in another process while the service is answering."""

from __future__ import annotations

import os
import signal
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from evals.oracle import Verdict
from ingest.errors import IndexMissingError, StoreUnavailableError
from ingest.pipeline import run_ingest
from ingest.store import open_store
from rag import PolicyAssistant
from rag.retrieval import Retriever
from rag.settings import Settings
from tests.conftest import ChromaServer
from tests.security import hostile_files as hf
from tests.security.cli import policyqa

pytestmark = pytest.mark.integration

NYPD = "Can the NYPD identify a robbery suspect from CCTV stills after the fact?"
QUESTIONS = (
    NYPD,
    "What product did Axon announce?",
    "Can a European agency use dashcam face matching?",
    "Can a retailer identify shoppers in real time from store cameras without telling them?",
)


# --- missing or empty index ------------------------------------------------------------


def test_no_index_says_how_to_build_it(tmp_settings: Settings) -> None:
    for attempt in (
        lambda: open_store(tmp_settings, create=False),
        lambda: Retriever.from_settings(tmp_settings, ensure_index=False, progress=False),
    ):
        with pytest.raises(IndexMissingError, match="policyqa ingest"):
            attempt()


def test_an_empty_collection_says_how_to_build_it(tmp_settings: Settings) -> None:
    open_store(tmp_settings, create=True)  # the collection exists, with no chunk in it
    with pytest.raises(IndexMissingError, match="policyqa ingest"):
        open_store(tmp_settings)


def test_first_run_of_ask_and_search_builds_the_index(tmp_settings: Settings, tmp_path: Path) -> None:
    run = policyqa("ask", NYPD, "--json", settings=tmp_settings, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "building the index" in run.stderr
    assert '"verdict": "prohibited"' in run.stdout
    again = policyqa("search", "body cameras", "--json", settings=tmp_settings, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "building the index" not in again.stderr  # built once, reused


def test_index_dropped_under_a_running_server_session(
    chroma_server: tuple[str, int], make_settings: Callable[..., Settings], tmp_path: Path
) -> None:
    """Someone deletes the collection while the service runs: a clear message, then the
    service works again once the index is rebuilt (no restart)."""
    import chromadb

    host, port = chroma_server
    settings = make_settings(tmp_path / "data", chroma_host=host, chroma_port=port,
                             collection=f"drop-{uuid.uuid4().hex[:10]}")  # fmt: skip
    run_ingest(settings, None, progress=False)
    assistant = PolicyAssistant.from_settings(settings, progress=False)
    assert assistant.ask(NYPD).verdict is Verdict.prohibited

    chromadb.HttpClient(host=host, port=port).delete_collection(settings.collection)
    with pytest.raises(IndexMissingError, match="policyqa ingest"):
        assistant.ask(NYPD)

    run_ingest(settings, None, progress=False)
    assert assistant.ask(NYPD).verdict is Verdict.prohibited


# --- the Chroma server goes away -----------------------------------------------------------


def _ask_within(assistant: PolicyAssistant, question: str, seconds: float) -> object:
    """assistant.ask in a thread: its Answer or exception, or a failure after `seconds`."""
    result: list[object] = []

    def run() -> None:
        try:
            result.append(assistant.ask(question))
        except Exception as exc:
            result.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        pytest.fail(f"ask() still waiting after {seconds:.0f} s: a hang, not an error")
    return result[0]


@pytest.fixture
def served(
    chroma_server_factory: Callable[[], ChromaServer], make_settings: Callable[..., Settings],
    tmp_path: Path,
) -> tuple[ChromaServer, PolicyAssistant]:  # fmt: skip
    """A dedicated Chroma server (this test may stop it), the corpus in it, an assistant."""
    server = chroma_server_factory()
    server.start()
    settings = make_settings(tmp_path / "data", chroma_host=server.host, chroma_port=server.port)
    run_ingest(settings, None, progress=False)
    return server, PolicyAssistant.from_settings(settings, progress=False)


def test_server_stopped_then_restarted(served: tuple[ChromaServer, PolicyAssistant]) -> None:
    server, assistant = served
    assert assistant.ask(NYPD).verdict is Verdict.prohibited

    server.stop()
    started = time.monotonic()
    outcome = _ask_within(assistant, NYPD, 30)
    assert isinstance(outcome, StoreUnavailableError), outcome
    assert f"{server.host}:{server.port}" in str(outcome) and "chroma run" in str(outcome)
    assert time.monotonic() - started < 15

    server.start()  # same port, same data directory
    answer = _ask_within(assistant, NYPD, 30)  # the same object, not rebuilt
    assert not isinstance(answer, Exception), answer
    assert answer.verdict is Verdict.prohibited  # type: ignore[attr-defined]


def test_cli_with_the_server_down_is_a_clear_error(
    served: tuple[ChromaServer, PolicyAssistant], tmp_path: Path
) -> None:
    server, assistant = served
    server.stop()
    run = policyqa("ask", NYPD, settings=assistant.settings, cwd=tmp_path, timeout=120)
    assert run.returncode != 0
    assert "Traceback" not in run.stderr
    assert f"{server.host}:{server.port}" in run.stderr and "chroma run" in run.stderr
    assert run.seconds < 60


def test_frozen_server_is_an_error_in_bounded_time(
    served: tuple[ChromaServer, PolicyAssistant],
) -> None:
    """A server that accepts connections but never answers (stopped process, dead network
    path): Chroma's HTTP client waits forever unless we bound it."""
    server, assistant = served
    assert server.proc is not None
    pid = server.proc.pid
    os.kill(pid, signal.SIGSTOP)
    try:
        outcome = _ask_within(assistant, NYPD, 20)
        assert isinstance(outcome, StoreUnavailableError), outcome
    finally:
        os.kill(pid, signal.SIGCONT)
    answer = _ask_within(assistant, NYPD, 30)
    assert not isinstance(answer, Exception), answer


# --- ingest in another process while the service answers -----------------------------------


@pytest.mark.parametrize("mode", ["embedded", "server"])
def test_ingest_in_another_process_while_answering(
    mode: str, copied_index: Settings, chroma_server: tuple[str, int],
    make_settings: Callable[..., Settings], tmp_path: Path,
) -> None:  # fmt: skip
    if mode == "server":
        host, port = chroma_server
        settings = make_settings(tmp_path / "srv", chroma_host=host, chroma_port=port,
                                 collection=f"busy-{uuid.uuid4().hex[:10]}")  # fmt: skip
        run_ingest(settings, None, progress=False)
    else:
        settings = copied_index
    assistant = PolicyAssistant.from_settings(settings, progress=False)
    extra = tmp_path / "extra"
    extra.mkdir()
    hf.good_markdown(extra / "note.md")

    answers: list[Verdict] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def keep_asking() -> None:
        i = 0
        while not stop.is_set():
            try:
                answers.append(assistant.ask(QUESTIONS[i % len(QUESTIONS)]).verdict)
            except BaseException as exc:
                errors.append(exc)
            i += 1

    worker = threading.Thread(target=keep_asking, daemon=True)
    worker.start()
    try:
        time.sleep(0.5)
        during = len(answers)
        run = policyqa("ingest", "--no-progress", str(extra), settings=settings, cwd=tmp_path)
        after_ingest = len(answers)
        time.sleep(0.5)
    finally:
        stop.set()
        worker.join(60)
    assert run.returncode == 0, run.stderr
    assert errors == []
    assert after_ingest > during, "no answer while the other process was ingesting"
    assert len(answers) > after_ingest, "no answer after the ingest"
    expected = {assistant.ask(q).verdict for q in QUESTIONS}
    assert set(answers) <= expected

    # The index equals a clean ingest of the same files, and a new process finds the note.
    reference = make_settings(tmp_path / "reference")
    run_ingest(reference, [reference.corpus_dir, extra], progress=False)
    clean_ids = {c.id for c in open_store(reference).all_chunks()}
    assert {c.id for c in open_store(settings).all_chunks()} == clean_ids
    found = policyqa("search", hf.GOOD_DOC_MARKER, "--json", settings=settings, cwd=tmp_path)
    assert found.returncode == 0 and hf.GOOD_DOC_MARKER in found.stdout
