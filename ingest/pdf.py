"""PDF text extraction in a child process, under a time limit and a page cap.

pypdf has had inputs that loop forever; a thread cannot be stopped, a child process can.
Run as `python -m ingest.pdf FILE MAX_PAGES`: prints one JSON object on stdout.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["PdfError", "PdfText", "extract_pdf"]


class PdfError(Exception):
    """The PDF could not be read; the message says why."""


@dataclass(frozen=True)
class PdfText:
    pages: list[str]
    total_pages: int
    title: str | None
    date: str | None


def extract_pdf(path: Path, *, max_pages: int, timeout_s: float) -> PdfText:
    """Text of the first `max_pages` pages; PdfError on a corrupt file or a timeout."""
    cmd = [sys.executable, "-m", "ingest.pdf", str(path), str(max_pages)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s, check=False)
    except subprocess.TimeoutExpired as exc:  # run() has killed the child
        raise PdfError(f"PDF parsing took longer than {timeout_s:g} s") from exc
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        raise PdfError(lines[-1] if lines else f"PDF reader exited with {done.returncode}")
    raw = json.loads(done.stdout)
    return PdfText(
        pages=list(raw["pages"]),
        total_pages=int(raw["total_pages"]),
        title=raw.get("title"),
        date=raw.get("date"),
    )


def _pdf_date(value: object) -> str | None:
    match = re.match(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?", str(value or ""))
    if not match:
        return None
    return "-".join(part for part in match.groups() if part)


def _child(path: str, max_pages: int) -> int:
    from pypdf import PdfReader

    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            print("the PDF is encrypted", file=sys.stderr)
            return 3
        total = len(reader.pages)
        pages = [reader.pages[i].extract_text() or "" for i in range(min(total, max_pages))]
        info = reader.metadata
        title = str(info.title).strip() if info and info.title else None
        date = _pdf_date(info.get("/CreationDate")) if info else None
    except Exception as exc:  # any parser failure means "not a readable PDF"
        print(f"not a readable PDF ({type(exc).__name__}: {exc})", file=sys.stderr)
        return 2
    json.dump({"pages": pages, "total_pages": total, "title": title, "date": date}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1], int(sys.argv[2])))
