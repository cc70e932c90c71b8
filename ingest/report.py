"""What an ingest run did, and its one-line summary."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["IngestReport"]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@dataclass
class IngestReport:
    documents: int = 0  # documents read and indexed (new, changed or already up to date)
    added: int = 0  # chunks embedded and written
    unchanged: int = 0  # chunks already in the index
    removed: int = 0  # chunks deleted: of changed documents or of files gone from a folder
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (path, message)
    seconds: float = 0.0
    total_chunks: int | None = None  # in the index after the run

    @property
    def ok(self) -> bool:
        """True when something was ingested or was already up to date."""
        return self.documents > 0

    def summary(self) -> str:
        skipped = f"{len(self.skipped)} skipped"
        if self.skipped:
            shown = "; ".join(f"{path}: {reason}" for path, reason in self.skipped[:5])
            more = f"; and {len(self.skipped) - 5} more" if len(self.skipped) > 5 else ""
            skipped += f" ({shown}{more})"
        return (
            f"ingested {_plural(self.documents, 'document')}: "
            f"{_plural(self.added, 'chunk')} added, {self.unchanged} unchanged, "
            f"{self.removed} removed, {skipped} in {self.seconds:.1f} s"
        )
