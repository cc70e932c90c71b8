"""Content ids: stable for unchanged input, new for any change; source names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ingest.ids import chunk_id, doc_hash
from ingest.models import Chunk, LoadedDocument
from ingest.prepare import prepare_document, source_name
from rag.settings import Settings

TEXT = "".join(
    f"Section {i}: Microsoft updated its Code of Conduct. US police may not use facial "
    "recognition. Real-time recognition on mobile cameras is banned for law enforcement "
    "globally.\n\n"
    for i in range(8)
)


def _doc(path: Path, text: str = TEXT, title: str = "A title") -> LoadedDocument:
    return LoadedDocument(path=path, text=text, title=title, kind="news")


def _ids(doc: LoadedDocument, settings: Settings, embedder: Any) -> list[str]:
    return [c.id for c in prepare_document(doc, settings, embedder).chunks]


def test_same_input_same_ids(tmp_settings: Settings, embedder: Any) -> None:
    path = tmp_settings.corpus_dir / "articles" / "x.md"
    first = _ids(_doc(path), tmp_settings, embedder)
    assert len(first) > 1 and len(set(first)) == len(first)
    assert _ids(_doc(path), tmp_settings, embedder) == first


def test_changes_give_new_ids(tmp_settings: Settings, embedder: Any) -> None:
    path = tmp_settings.corpus_dir / "articles" / "x.md"
    base = set(_ids(_doc(path), tmp_settings, embedder))
    edited = set(_ids(_doc(path, TEXT + "One more sentence at the end."), tmp_settings, embedder))
    retitled = set(_ids(_doc(path, title="Another title"), tmp_settings, embedder))
    moved = set(_ids(_doc(path.with_name("y.md")), tmp_settings, embedder))
    rechunked = set(
        _ids(_doc(path), tmp_settings.model_copy(update={"chunk_tokens": 80}), embedder)
    )
    for other in (edited, retitled, moved, rechunked):
        assert not base & other  # a changed document replaces all of its chunks


def test_hash_functions_are_deterministic() -> None:
    assert doc_hash("t", {"a": 1, "b": None}) == doc_hash("t", {"b": None, "a": 1})
    assert doc_hash("t", {"a": 1}) != doc_hash("t ", {"a": 1})
    assert chunk_id("s", "h", 0, "x") != chunk_id("s", "h", 1, "x")
    assert len(chunk_id("s", "h", 0, "x")) == 32


def test_source_name_relative_inside_corpus_absolute_outside(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "articles").mkdir(parents=True)
    inside = corpus / "articles" / "a.md"
    outside = tmp_path / "elsewhere" / "b.txt"
    assert source_name(inside, corpus) == "articles/a.md"
    assert source_name(corpus / "articles" / ".." / "articles" / "a.md", corpus) == "articles/a.md"
    assert source_name(outside, corpus) == outside.resolve().as_posix()


def test_chunk_metadata_round_trip() -> None:
    chunk = Chunk(
        id="i", text="t", source="s", title="T", kind="policy", clause_id="c", status="in force",
        start=0, end=1, index=0, doc_hash="h",
    )  # fmt: skip
    meta = chunk.to_metadata()
    assert None not in meta.values() and "publisher" not in meta
    assert Chunk.from_record("i", "t", {**meta, "extra_key": 1}) == chunk
