"""The read-only snapshot of the embedded index: readers get what Chroma would give them,
without importing chromadb, and never a snapshot of an index that has changed since."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.embeddings import MiniLMEmbeddings
from ingest.pipeline import run_ingest
from ingest.snapshot import open_snapshot, snapshot_path
from ingest.store import open_store
from rag.settings import Settings

pytestmark = pytest.mark.integration

QUERIES = [
    "Can the NYPD identify a robbery suspect from CCTV stills after the fact?",
    "real-time facial recognition on body cameras",
    "What did Microsoft say about international police?",
    "Axon Draft One report writing",
    "sourdough bread recipe",
]


def test_an_ingest_leaves_a_snapshot_equal_to_the_index(
    indexed_settings: Settings, embedder: MiniLMEmbeddings
) -> None:
    snapshot = open_snapshot(indexed_settings)
    assert snapshot is not None
    store = open_store(indexed_settings)
    assert snapshot.count() == store.count()
    assert snapshot.all_chunks() == store.all_chunks()
    some = [c.id for c in store.all_chunks()[:3]]
    assert [c.id for c in snapshot.get([*some, "nope"])] == some
    for query in QUERIES:
        vector = embedder.embed_query(query)
        for kind in (None, "policy", "news"):
            ours = snapshot.query(vector, k=8, kind=kind)
            chroma = store.query(vector, k=8, kind=kind)
            assert [c.id for c, _ in ours] == [c.id for c, _ in chroma], (query, kind)
            for (_, a), (_, b) in zip(ours, chroma, strict=True):
                assert abs(a - b) < 1e-5
            assert all(c.kind == kind for c, _ in ours if kind)


def _ingested(tmp_settings: Settings) -> Settings:
    report = run_ingest(tmp_settings, None, progress=False)
    assert report.ok
    assert snapshot_path(tmp_settings).is_file()
    return tmp_settings


def test_a_write_removes_it_and_the_next_ingest_brings_it_back(
    tmp_settings: Settings, tmp_path: Path
) -> None:
    settings = _ingested(tmp_settings)
    reader = open_snapshot(settings)
    assert reader is not None
    before = reader.count()
    store = open_store(settings)
    store.delete([store.all_chunks()[0].id])
    assert open_snapshot(settings) is None  # readers now ask Chroma
    assert reader.count() == before  # an open reader keeps its view while there is none

    extra = tmp_path / "extra.md"
    extra.write_text("---\ntitle: A note\n---\nBody cameras record patrols in Oslo.\n")
    report = run_ingest(settings, [settings.corpus_dir, extra], progress=False)
    assert report.ok
    fresh = open_snapshot(settings)
    assert fresh is not None and fresh.count() == store.count() == before + 1
    # The reader opened before the ingest sees it too.
    assert reader.count() == before + 1
    assert any(c.title == "A note" for c in reader.all_chunks())


def test_nothing_changed_still_writes_a_missing_snapshot(tmp_settings: Settings) -> None:
    settings = _ingested(tmp_settings)
    snapshot_path(settings).unlink()  # e.g. an index built by an earlier version
    report = run_ingest(settings, None, progress=False)
    assert report.added == 0 and report.removed == 0
    assert open_snapshot(settings) is not None


def test_a_snapshot_of_another_model_collection_or_a_deleted_index_is_not_used(
    tmp_settings: Settings,
) -> None:
    settings = _ingested(tmp_settings)
    assert open_snapshot(settings, model_id="another-model") is None
    assert open_snapshot(settings.model_copy(update={"collection": "other"})) is None
    snapshot_path(settings).write_bytes(b"PK\x03\x04 not really a zip")
    assert open_snapshot(settings) is None
    run_ingest(settings, None, progress=False)
    assert open_snapshot(settings) is not None
    shutil.rmtree(settings.chroma_dir)  # "delete the index": the snapshot goes with it
    assert open_snapshot(settings) is None


def test_a_reader_with_a_snapshot_does_not_import_chromadb(indexed_settings: Settings) -> None:
    code = (
        "import sys\n"
        "from rag.settings import Settings\n"
        "from rag.assistant import PolicyAssistant\n"
        f"s = Settings(_env_file=None, data_dir={str(indexed_settings.data_dir)!r},"
        f" corpus_dir={str(indexed_settings.corpus_dir)!r})\n"
        "a = PolicyAssistant.from_settings(s, progress=False)\n"
        "answer = a.ask('Can the NYPD identify a robbery suspect from CCTV stills after the fact?')\n"
        "print(answer.verdict.value, sorted(m for m in ('chromadb', 'langchain_core', 'gradio')"
        " if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["prohibited", "[]"]
