"""Decision records written to files for the chat's "Download record" button.

Gradio serves a download from its own cache, copying the file we hand it; ours go to a
private temporary folder and are pruned after an hour.
"""

from __future__ import annotations

import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from rag.record import render_record

if TYPE_CHECKING:
    from rag.record import DecisionRecord, RecordFormat

__all__ = ["FORMAT_CHOICES", "RecordFiles"]

# (label, format) for the chat's format choice.
FORMAT_CHOICES: list[tuple[str, str]] = [("HTML", "html"), ("Markdown", "md"), ("JSON", "json")]
_KEEP_S = 3600


class RecordFiles:
    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder
        self._lock = threading.Lock()

    @property
    def folder(self) -> Path:
        with self._lock:
            if self._folder is None:
                self._folder = Path(tempfile.mkdtemp(prefix="policyqa-records-"))
            return self._folder

    def write(self, record: DecisionRecord, fmt: RecordFormat) -> Path:
        folder = self.folder
        self._prune(folder)
        stamp = record.created_at.replace(":", "").replace("-", "")
        sub = folder / uuid.uuid4().hex[:12]  # one folder per file: readable names, no clashes
        sub.mkdir()
        path = sub / f"policyqa-record-{record.verdict}-{stamp}.{fmt}"
        path.write_text(render_record(record, fmt), encoding="utf-8")
        return path

    @staticmethod
    def _prune(folder: Path) -> None:
        cutoff = time.time() - _KEEP_S
        for sub in folder.iterdir():
            try:
                if sub.stat().st_mtime < cutoff:
                    for file in sub.iterdir():
                        file.unlink()
                    sub.rmdir()
            except OSError:
                continue  # another thread pruned it first
