"""Builders for hostile input files: written at test time so no binary blob is committed."""

from __future__ import annotations

import os
import zlib
from pathlib import Path

__all__ = [
    "GOOD_DOC_MARKER",
    "good_markdown",
    "pdf_bytes",
    "write_binary_md",
    "write_corrupt_pdf",
    "write_empty",
    "write_huge",
    "write_many_pages_pdf",
    "write_non_utf8",
    "write_slow_pdf",
]

# A word that appears only in the good document written beside the hostile ones.
GOOD_DOC_MARKER = "zyxwvutsquorum"


def pdf_bytes(objects: list[bytes]) -> bytes:
    """A PDF file (with a valid xref table) holding these objects, numbered from 1; object 1
    is the catalog."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes, *, compress: bool) -> bytes:
    if compress:
        packed = zlib.compress(data, 9)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def write_slow_pdf(path: Path, *, pages: int = 40, tokens: int = 1_900_000) -> Path:
    """A small file (tens of KB) that pypdf needs many minutes to read: every page draws the
    same Flate stream holding `tokens` content-stream tokens, just under pypdf's parsing
    budget (2,000,000 per stream in pypdf 7), so pypdf does not refuse it; it parses it
    again for each page (about a minute a page on one core here: 40 pages, 40 minutes)."""
    unit = b"BT /F1 12 Tf 72 720 Td (police facial recognition policy text) Tj ET\n"
    content = unit * (tokens // 10)  # ten tokens a unit
    kids = " ".join(f"{5 + i} 0 R" for i in range(pages)).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(content, compress=True),
    ]
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
    objects += [page] * pages
    path.write_bytes(pdf_bytes(objects))
    return path


def write_many_pages_pdf(path: Path, *, pages: int = 50_000) -> Path:
    """A valid PDF with a huge page count (each page a few bytes of text)."""
    kids = " ".join(f"{5 + i} 0 R" for i in range(pages)).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(b"BT /F1 12 Tf 72 720 Td (one page of a very long report) Tj ET\n", compress=False),
    ]
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
    objects += [page] * pages
    path.write_bytes(pdf_bytes(objects))
    return path


def write_corrupt_pdf(path: Path) -> Path:
    """A PDF header followed by garbage: no xref, no trailer, a truncated object."""
    path.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n" + os.urandom(2048))
    return path


def write_non_utf8(path: Path) -> Path:
    """Latin-1 text (invalid as UTF-8) about the policy."""
    text = ("Café société: la police française et la reconnaissance faciale. "
            "Microsoft a interdit l'usage par la police américaine. Ça coûte cher.\n")
    path.write_bytes(text.encode("latin-1") * 3)
    return path


def write_binary_md(path: Path) -> Path:
    """Random bytes (with NULs) under a .md name."""
    path.write_bytes(b"\x00\x01\x02\xff\xfe" + os.urandom(8192) + b"\x00" * 64)
    return path


def write_empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def write_huge(path: Path, size: int) -> Path:
    """A sparse file of `size` bytes: cheap on disk, but a loader that reads it first will
    spend the time and memory the size limit is there to prevent."""
    with path.open("wb") as fh:
        fh.write(b"# Huge\n\nfacial recognition " * 8)
        fh.truncate(size)
    return path


def good_markdown(path: Path) -> Path:
    """A small, valid document that must still be ingested beside the hostile files."""
    path.write_text(
        "---\ntitle: \"A good note\"\nkind: document\n---\n"
        f"The {GOOD_DOC_MARKER} committee reviewed how police departments in Europe use "
        "face matching on recorded footage at the station, and found no live use on patrol.\n",
        encoding="utf-8",
    )
    return path
