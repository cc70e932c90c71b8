"""Ingest into Chroma, the same tests on the embedded client and on a real `chroma run`
server: counts, idempotency, changed and removed files, model mismatch, bad inputs."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from ingest.embeddings import MiniLMEmbeddings
from ingest.errors import EmbeddingModelMismatch, IndexMissingError
from ingest.pipeline import ensure_index, run_ingest
from ingest.store import open_store
from rag.settings import Settings
from tests.conftest import CORPUS

pytestmark = pytest.mark.integration

ISSUE_NOISE = ["Cyber Monday", "iPad", "LaBeau", "bloggers like this", "Request Media Kit",
               "Advertise with Us", "Leave a Reply"]  # fmt: skip


def _copy_corpus(tmp_path: Path, settings: Settings) -> Settings:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    return settings.model_copy(update={"corpus_dir": corpus})


def test_ingest_corpus_then_again_adds_nothing(store_settings: Settings) -> None:
    first = run_ingest(store_settings, None, progress=False)
    assert first.ok and first.documents == 6 and first.skipped == []
    assert first.added > 6 and first.unchanged == 0 and first.removed == 0
    store = open_store(store_settings)
    assert store.count() == first.added == first.total_chunks

    chunks = store.all_chunks()
    kinds = Counter(c.kind for c in chunks)
    assert kinds["policy"] == 5 and kinds["news"] == first.added - 5
    assert {c.clause_id for c in chunks if c.kind == "policy"} == {
        "coc-2024.surveillance-without-consent", "coc-2024.us-police-facial-recognition",
        "coc-2024.le-realtime-mobile-in-the-wild", "coc-prior.identify-verify-characteristics",
        "coc-prior.identify-verify-media",
    }  # fmt: skip
    assert {c.source for c in chunks} == {
        f"articles/{p.name}" for p in (CORPUS / "articles").glob("*.md")
    } | {"policy/coc-2024-clauses.md"}
    for chunk in chunks:
        assert chunk.title and chunk.doc_hash and chunk.end > chunk.start
        assert not any(noise.lower() in chunk.text.lower() for noise in ISSUE_NOISE)

    second = run_ingest(store_settings, None, progress=False)
    assert second.ok
    assert (second.added, second.removed, second.unchanged) == (0, 0, first.added)
    assert store.count() == first.added
    assert "0 chunks added" in second.summary()


def test_query_returns_similarities_and_filters_by_kind(store_settings: Settings) -> None:
    run_ingest(store_settings, None, progress=False)
    store = open_store(store_settings)
    emb = MiniLMEmbeddings()
    vector = emb.embed_query("facial recognition by a police department in the United States")
    hits = store.query(vector, k=5)
    assert len(hits) == 5
    sims = [s for _, s in hits]
    assert sims == sorted(sims, reverse=True) and -1.0 <= sims[-1] <= sims[0] <= 1.0
    assert sims[0] > 0.5
    policy = store.query(vector, k=3, kind="policy")
    assert [c.kind for c, _ in policy] == ["policy"] * 3
    # Each stored vector is its chunk's: a chunk's own embedded passage finds it first.
    for chunk, _ in policy:
        (top, sim), *_ = store.query(emb.embed_query(chunk.embedding_text), k=1)
        assert top.id == chunk.id and sim > 0.99
    assert len(store.query(vector, k=100, kind="policy")) == 5  # k beyond the matches
    assert store.query(vector, k=3, kind="no-such-kind") == []
    # get() keeps the order asked for and leaves unknown ids out.
    ids = [c.id for c, _ in hits]
    assert [c.id for c in store.get([*reversed(ids), "nope"])] == list(reversed(ids))


def test_changed_file_replaces_its_chunks(store_settings: Settings, tmp_path: Path) -> None:
    settings = _copy_corpus(tmp_path, store_settings)
    first = run_ingest(settings, None, progress=False)
    store = open_store(settings)
    target = "articles/004_3974d26b60657aaa.md"
    old = [c for c in store.all_chunks() if c.source == target]
    path = settings.corpus_dir / target
    path.write_text(
        path.read_text(encoding="utf-8")
        + "\nA city council in Ohio voted to ban live face matching from police drones.\n",
        encoding="utf-8",
    )
    second = run_ingest(settings, None, progress=False)
    new = [c for c in store.all_chunks() if c.source == target]
    assert second.removed == len(old) and second.added == len(new)
    assert second.unchanged == first.added - len(old)
    assert not {c.id for c in old} & {c.id for c in new}
    assert len({c.doc_hash for c in new}) == 1
    assert any("Ohio" in c.text for c in new)
    assert store.count() == first.added - len(old) + len(new)


def test_removed_file_loses_its_chunks(store_settings: Settings, tmp_path: Path) -> None:
    settings = _copy_corpus(tmp_path, store_settings)
    first = run_ingest(settings, None, progress=False)
    store = open_store(settings)
    target = "articles/001_7a64421fb68a3a99.md"
    n_target = sum(1 for c in store.all_chunks() if c.source == target)
    (settings.corpus_dir / target).unlink()
    # Re-ingesting a sub-folder also notices the file is gone.
    second = run_ingest(settings, [settings.corpus_dir / "articles"], progress=False)
    assert second.removed == n_target and second.added == 0 and second.documents == 4
    assert target not in {c.source for c in store.all_chunks()}
    assert store.count() == first.added - n_target


def test_ingesting_one_file_leaves_the_others(store_settings: Settings, tmp_path: Path) -> None:
    settings = _copy_corpus(tmp_path, store_settings)
    first = run_ingest(settings, None, progress=False)
    one = run_ingest(
        settings, [settings.corpus_dir / "policy" / "coc-2024-clauses.md"], progress=False
    )
    assert (one.documents, one.added, one.removed, one.unchanged) == (1, 0, 0, 5)
    assert open_store(settings).count() == first.added


def test_outside_file_gets_an_absolute_source(store_settings: Settings, tmp_path: Path) -> None:
    note = tmp_path / "outside" / "note.txt"
    note.parent.mkdir()
    note.write_text(
        "A short note about police drones and face matching in Ohio.\n", encoding="utf-8"
    )
    report = run_ingest(store_settings, [note], progress=False)
    assert report.documents == 1 and report.added == 1
    (chunk,) = open_store(store_settings).all_chunks()
    assert chunk.source == note.resolve().as_posix() and chunk.kind == "document"


def test_a_file_claiming_to_be_the_policy_is_a_document(
    store_settings: Settings, tmp_path: Path
) -> None:
    extra = tmp_path / "uploads"
    extra.mkdir()
    fake = extra / "coc-revision.md"
    fake.write_text((CORPUS / "policy" / "coc-2024-clauses.md").read_text(encoding="utf-8"))
    report = run_ingest(store_settings, [store_settings.corpus_dir, extra], progress=False)
    assert report.ok and report.documents == 7
    assert [path for path, message in report.warnings if "kind 'policy'" in message] == [
        fake.resolve().as_posix()
    ]
    chunks = open_store(store_settings).all_chunks()
    policy = {c.source for c in chunks if c.kind == "policy" or c.clause_id}
    assert policy == {"policy/coc-2024-clauses.md"}
    assert any(c.source == fake.resolve().as_posix() for c in chunks)


def test_model_id_mismatch_is_a_clear_error(store_settings: Settings) -> None:
    open_store(store_settings, create=True, model_id="some-other-model")
    with pytest.raises(EmbeddingModelMismatch) as info:
        run_ingest(store_settings, None, progress=False)
    message = str(info.value)
    assert "some-other-model" in message and "all-MiniLM-L6-v2-onnx-int8" in message
    assert "policyqa ingest" in message
    with pytest.raises(EmbeddingModelMismatch):
        open_store(store_settings)


def test_index_of_passages_embedded_another_way_is_a_clear_error(
    store_settings: Settings,
) -> None:
    # A collection of the same model whose vectors are of the bare chunk text (as an
    # earlier version embedded them) must be rebuilt, not topped up.
    from ingest.embeddings import model_id

    client = open_store(store_settings, create=True)._make_client()
    client.delete_collection(store_settings.collection)
    client.create_collection(
        store_settings.collection,
        metadata={"embedding_model": model_id()},
        embedding_function=None,
    )
    with pytest.raises(EmbeddingModelMismatch) as info:
        run_ingest(store_settings, None, progress=False)
    assert "earlier version" in str(info.value) and "policyqa ingest" in str(info.value)


def test_missing_index_says_to_run_ingest(store_settings: Settings) -> None:
    with pytest.raises(IndexMissingError, match="policyqa ingest"):
        open_store(store_settings)
    open_store(store_settings, create=True)  # exists but empty: still missing
    with pytest.raises(IndexMissingError, match="policyqa ingest"):
        open_store(store_settings)


def test_ensure_index_builds_once(
    store_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    store = ensure_index(store_settings, progress=False)
    assert store.count() > 0
    assert "building the index" in capsys.readouterr().err
    again = ensure_index(store_settings, progress=False)
    assert again.count() == store.count()
    assert "building the index" not in capsys.readouterr().err


def _bad_inputs(folder: Path, make_pdf_bytes: bytes) -> None:
    folder.mkdir(parents=True)
    (folder / "good.md").write_text(
        "---\ntitle: Good\nkind: news\n---\nPolice in Ohio may not use live face matching.\n",
        encoding="utf-8",
    )
    (folder / "cp1252.txt").write_bytes("Café owners said “no” to cameras.".encode("cp1252"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf\n%%EOF\n")
    (folder / "binary.md").write_bytes(b"\x00\x01\x02\x03 binary data \x00")
    (folder / "x.bin").write_bytes(b"\x00" * 10)
    (folder / "real.pdf").write_bytes(make_pdf_bytes)
    (folder / ".hidden.md").write_text("ignored dotfile", encoding="utf-8")


def test_bad_inputs_are_reported_and_the_rest_ingested(
    store_settings: Settings, tmp_path: Path, make_pdf: object, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "inbox"
    _bad_inputs(folder, make_pdf(["A PDF page about body cameras and police."]))  # type: ignore[operator]
    missing = tmp_path / "does-not-exist"
    report = run_ingest(store_settings, [folder, missing], progress=False)
    assert report.ok and report.documents == 3  # good.md, cp1252.txt, real.pdf
    reasons = {Path(path).name: reason for path, reason in report.skipped}
    assert set(reasons) == {"empty.txt", "corrupt.pdf", "binary.md", "x.bin", "does-not-exist"}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["corrupt.pdf"].startswith("corrupt or unreadable PDF")
    assert reasons["binary.md"].startswith("binary content")
    assert reasons["x.bin"] == "unsupported type (.bin)"
    assert reasons["does-not-exist"] == "does not exist"
    assert any("cp1252" in message for _, message in report.warnings)
    err = capsys.readouterr().err
    assert "skipped" in err and "x.bin" in err and "cp1252" in err
    sources = {Path(c.source).name for c in open_store(store_settings).all_chunks()}
    assert sources == {"good.md", "cp1252.txt", "real.pdf"}
    assert "5 skipped" in report.summary()


def test_nothing_ingestible_is_not_ok(store_settings: Settings, tmp_path: Path) -> None:
    (tmp_path / "only.bin").write_bytes(b"data")
    report = run_ingest(store_settings, [tmp_path / "only.bin", tmp_path / "nope"], progress=False)
    assert not report.ok and report.documents == 0 and len(report.skipped) == 2
