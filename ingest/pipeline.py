"""Ingest: discover files -> load -> clean and chunk -> embed what is new -> upsert, and
remove what is gone. Idempotent: chunk ids are content hashes.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.errors import IndexMissingError
from ingest.lock import writer_lock
from ingest.report import IngestReport

if TYPE_CHECKING:
    from rich.console import Console

    from ingest.embeddings import MiniLMEmbeddings
    from ingest.models import Chunk
    from ingest.prepare import PreparedDocument
    from ingest.store import ChunkStore
    from rag.settings import Settings

__all__ = ["POLICY_DECLARATION", "ensure_index", "lock_path", "run_ingest"]


def lock_path(settings: Settings) -> Path:
    return settings.data_dir / "ingest.lock"


@dataclass
class _Discovery:
    files: list[Path] = field(default_factory=list)
    folders: list[Path] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


# A declared policy beside its clause document (rag.policy): read by the policy kernel,
# never indexed, and no skipped file when a folder holding one is ingested.
POLICY_DECLARATION = ".policy.yaml"


def _walk(folder: Path) -> Iterator[Path]:
    """Files under `folder`, sorted, leaving out hidden files and folders and declarations."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and not name.endswith(POLICY_DECLARATION):
                yield Path(root) / name


def _discover(paths: Sequence[Path], settings: Settings) -> _Discovery:
    from ingest.loaders import SUPPORTED_SUFFIXES
    from ingest.prepare import source_name

    found = _Discovery()
    seen: set[Path] = set()
    for given in paths:
        path = Path(given).expanduser()
        if not path.exists():
            found.skipped.append((str(given), "does not exist"))
            continue
        if path.is_dir():
            found.folders.append(path.resolve())
            candidates = list(_walk(path))
        elif path.is_file():
            candidates = [path]
        else:
            found.skipped.append((str(given), "not a regular file or folder"))
            continue
        for file in candidates:
            resolved = file.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            if file.name.endswith(POLICY_DECLARATION):
                reason = "a policy declaration (rules and facts), not a document"
                found.skipped.append((source_name(file, settings.corpus_dir), reason))
                continue
            if file.suffix.lower() not in SUPPORTED_SUFFIXES:
                reason = f"unsupported type ({file.suffix or 'no extension'})"
                found.skipped.append((source_name(file, settings.corpus_dir), reason))
                continue
            found.files.append(resolved)
    return found


def _under(source: str, folder_source: str) -> bool:
    if folder_source == ".":  # the corpus root: every corpus-relative source
        return not source.startswith("/")
    return source.startswith(folder_source.rstrip("/") + "/")


def _console() -> Console:
    from rich.console import Console

    # soft_wrap: when stderr is not a terminal rich would hard-wrap at 80 columns,
    # splitting paths and messages that logs and tests search for.
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _embed_and_upsert(
    chunks: list[Chunk],
    embedder: MiniLMEmbeddings,
    store: ChunkStore,
    *,
    progress: bool,
    console: Console,
) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    # Slices of at most 8 keep the bar moving; on CPU, MiniLM's throughput is about flat
    # from 4 to 32 texts a batch, so nothing is lost by the smaller step.
    batch = max(1, min(embedder.batch_size, 8))
    columns = (
        TextColumn("embedding"), BarColumn(), MofNCompleteColumn(), TextColumn("chunks"),
        TimeElapsedColumn(),
    )  # fmt: skip
    with Progress(*columns, console=console, transient=True, disable=not progress) as bar:
        task = bar.add_task("embedding", total=len(chunks))
        for start in range(0, len(chunks), batch):
            part = chunks[start : start + batch]
            store.upsert(part, embedder.embed_documents([c.embedding_text for c in part]))
            bar.advance(task, len(part))


def _ingest(settings: Settings, paths: Sequence[Path], *, progress: bool) -> IngestReport:
    from rich.markup import escape

    from ingest.embeddings import embedder_from_settings
    from ingest.loaders import SkipFile, load_document
    from ingest.prepare import prepare_document, source_name
    from ingest.snapshot import open_snapshot, write_snapshot
    from ingest.store import open_store

    started = time.perf_counter()
    console = _console()
    report = IngestReport()
    found = _discover(paths, settings)
    report.skipped.extend(found.skipped)

    embedder = embedder_from_settings(settings)
    prepared: list[PreparedDocument] = []
    for file in found.files:
        name = source_name(file, settings.corpus_dir)
        try:
            doc = prepare_document(load_document(file, settings), settings, embedder)
        except SkipFile as exc:
            report.skipped.append((name, str(exc)))
            continue
        report.warnings.extend((name, w) for w in doc.warnings)
        if not doc.chunks:
            report.skipped.append((name, "no text left after cleaning"))
            continue
        prepared.append(doc)
    for name, message in report.warnings:
        console.print(f"warning: {escape(name)}: {escape(message)}", style="yellow")
    for name, reason in report.skipped:
        console.print(f"skipped {escape(name)}: {escape(reason)}", style="yellow")

    report.documents = len(prepared)
    if prepared or found.folders:
        store = open_store(settings, create=True)
        stored = store.ids_by_source()
        to_add: list[Chunk] = []
        stale: list[str] = []
        for doc in prepared:
            before = stored.get(doc.source, set())
            now = {c.id for c in doc.chunks}
            report.unchanged += len(now & before)
            to_add.extend(c for c in doc.chunks if c.id not in before)
            stale.extend(sorted(before - now))
        # Files gone from a folder we walked lose their chunks (a file that exists but
        # failed to load keeps its old ones: a passing fault should not empty the index).
        present = {source_name(f, settings.corpus_dir) for f in found.files}
        folders = [source_name(d, settings.corpus_dir) for d in found.folders]
        for source, ids in stored.items():
            if source not in present and any(_under(source, f) for f in folders):
                stale.extend(sorted(ids))
        _embed_and_upsert(to_add, embedder, store, progress=progress, console=console)
        store.delete(stale)  # after the upsert: the index never lacks a document
        report.added, report.removed = len(to_add), len(stale)
        report.total_chunks = store.count()
        # For readers that need not import chromadb (rewritten when stale or missing).
        if not settings.uses_server and (to_add or stale or open_snapshot(settings) is None):
            write_snapshot(settings, store)
    report.seconds = time.perf_counter() - started
    return report


def run_ingest(
    settings: Settings, paths: list[Path] | None, *, progress: bool = True
) -> IngestReport:
    """Ingest files and folders (default: the corpus); folders are walked recursively."""
    targets = list(paths) if paths else [settings.corpus_dir]
    if settings.uses_server:
        return _ingest(settings, targets, progress=progress)
    with writer_lock(lock_path(settings)):
        return _ingest(settings, targets, progress=progress)


def ensure_index(settings: Settings, *, progress: bool = True) -> ChunkStore:
    """The open store; when the collection is missing or empty, build it from the corpus
    first (a second process doing the same waits for the first, then reuses its index)."""
    from ingest.store import open_store

    try:
        return open_store(settings)
    except IndexMissingError:
        pass

    def build() -> ChunkStore:
        try:
            return open_store(settings)  # built by another process while we waited
        except IndexMissingError:
            pass
        print(
            f"building the index from {settings.corpus_dir} (first run; later runs reuse it)",
            file=sys.stderr,
        )
        report = _ingest(settings, [settings.corpus_dir], progress=progress)
        print(report.summary(), file=sys.stderr)
        if not report.ok:
            raise IndexMissingError(
                f"could not build the index: nothing ingestible in {settings.corpus_dir}"
            )
        return open_store(settings)

    if settings.uses_server:
        return build()
    with writer_lock(lock_path(settings)):
        return build()
