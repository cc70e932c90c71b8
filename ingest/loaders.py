"""Loaders: a file on disk -> LoadedDocument, or SkipFile saying why it cannot be used.

Markdown (YAML front matter), plain text, HTML (main text only) and PDF (in a child
process under a time limit and page cap). Any other extension is unsupported.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ingest.models import KINDS, Kind, LoadedDocument

if TYPE_CHECKING:
    from rag.settings import Settings

__all__ = ["SUPPORTED_SUFFIXES", "SkipFile", "decode_text", "load_document"]


class SkipFile(Exception):
    """This file is not ingested; str(exc) is the reason shown to the user."""


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)
_MD_TITLE = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Text and a warning: UTF-8 first, then cp1252 (Windows), then latin-1 (never fails)."""
    if b"\x00" in data:
        raise SkipFile("binary content (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        where = f"byte {exc.start}"
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, f"not valid UTF-8 (at {where}); decoded as {encoding}"
    raise AssertionError("latin-1 decodes any byte string")  # pragma: no cover


def _first_line(text: str, fallback: str) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:150]
    return fallback


def _as_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()[:10]
    text = str(value).strip()
    return text or None


def _kind(value: Any, warnings: list[str]) -> Kind:
    if value is None:
        return "document"
    if value in KINDS:
        return cast(Kind, value)
    warnings.append(f"unknown kind {value!r} in front matter; using 'document'")
    return "document"


def _read_text(path: Path) -> tuple[str, list[str]]:
    text, warning = decode_text(path.read_bytes())
    if not text.strip():
        raise SkipFile("empty file")
    return text, [warning] if warning else []


def load_markdown(path: Path, settings: Settings) -> LoadedDocument:
    import yaml

    text, warnings = _read_text(path)
    meta: dict[str, Any] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError as exc:
            warnings.append(f"front matter is not valid YAML ({exc.__class__.__name__}); ignored")
            loaded = None
        if isinstance(loaded, dict):
            meta = loaded
        text = text[match.end() :]
    if not text.strip():
        raise SkipFile("no text after the front matter")
    title_match = _MD_TITLE.search(text)
    title = _as_str(meta.get("title")) or (
        title_match.group(1) if title_match else _first_line(text, path.stem)
    )
    return LoadedDocument(
        path=path,
        text=text,
        title=title,
        publisher=_as_str(meta.get("publisher")),
        date=_as_str(meta.get("date")),
        kind=_kind(meta.get("kind"), warnings),
        markdown=True,
        warnings=warnings,
    )


def load_text(path: Path, settings: Settings) -> LoadedDocument:
    text, warnings = _read_text(path)
    return LoadedDocument(
        path=path, text=text, title=_first_line(text, path.stem), warnings=warnings
    )


# Elements that never hold an article's main text.
_HTML_FURNITURE = (
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
    "form", "iframe", "button", "select", "head",
)  # fmt: skip
_HTML_BLOCKS = (
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li",
    "ul", "ol", "blockquote", "pre", "tr", "table", "dt", "dd", "figcaption", "hr",
)  # fmt: skip


def _meta_content(soup: Any, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if tag and tag.get("content"):
            return str(tag["content"]).strip() or None
    return None


def load_html(path: Path, settings: Settings) -> LoadedDocument:
    from bs4 import BeautifulSoup, NavigableString

    raw, warnings = _read_text(path)
    soup = BeautifulSoup(raw, "html.parser")
    title = _meta_content(soup, "og:title", "twitter:title") or (
        soup.title.get_text(" ", strip=True) if soup.title else None
    )
    publisher = _meta_content(soup, "og:site_name", "publisher", "application-name")
    date = _meta_content(soup, "article:published_time", "date", "dc.date", "pubdate")
    if date is None and (time_tag := soup.find("time", attrs={"datetime": True})):
        date = str(time_tag["datetime"])
    for tag in soup(list(_HTML_FURNITURE)):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.select_one('[role="main"]')
    root = root or soup.body or soup
    # Source formatting whitespace is not structure: collapse it, then mark blocks.
    for node in list(root.find_all(string=True)):
        if isinstance(node, NavigableString) and node.find_parent("pre") is None:
            node.replace_with(re.sub(r"\s+", " ", str(node)))
    for br in root.find_all("br"):
        br.replace_with("\n")
    for block in root.find_all(list(_HTML_BLOCKS)):
        block.insert_before("\n")
        block.insert_after("\n")
    text = root.get_text()
    if not text.strip():
        raise SkipFile("no text in the HTML body")
    if title is None:
        heading = root.find("h1")
        title = heading.get_text(" ", strip=True) if heading else _first_line(text, path.stem)
    return LoadedDocument(
        path=path,
        text=text,
        title=title,
        publisher=publisher,
        date=date[:10] if date else None,
        warnings=warnings,
    )


def load_pdf(path: Path, settings: Settings) -> LoadedDocument:
    from ingest.pdf import PdfError, extract_pdf

    try:
        pdf = extract_pdf(path, max_pages=settings.pdf_max_pages, timeout_s=settings.pdf_timeout_s)
    except PdfError as exc:
        raise SkipFile(f"corrupt or unreadable PDF: {exc}") from exc
    warnings = []
    if pdf.total_pages > len(pdf.pages):
        warnings.append(f"only the first {len(pdf.pages)} of {pdf.total_pages} pages were read")
    text = "\n\n".join(pdf.pages)
    if not text.strip():
        raise SkipFile("the PDF has no extractable text (scanned images?)")
    return LoadedDocument(
        path=path,
        text=text,
        title=pdf.title or _first_line(text, path.stem),
        date=pdf.date,
        warnings=warnings,
    )


Loader = Callable[[Path, "Settings"], LoadedDocument]
_LOADERS: dict[str, Loader] = {
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".txt": load_text,
    ".text": load_text,
    ".html": load_html,
    ".htm": load_html,
    ".pdf": load_pdf,
}
SUPPORTED_SUFFIXES = frozenset(_LOADERS)


def load_document(path: Path, settings: Settings) -> LoadedDocument:
    """Read one file; SkipFile with a reason a user understands when it cannot be used."""
    loader = _LOADERS.get(path.suffix.lower())
    if loader is None:
        raise SkipFile(f"unsupported type ({path.suffix or 'no extension'})")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SkipFile(f"cannot read: {exc.strerror or exc}") from exc
    if size == 0:
        raise SkipFile("empty file")
    if size > settings.max_file_bytes:
        raise SkipFile(
            f"too large ({size:,} bytes > POLICYQA_MAX_FILE_BYTES={settings.max_file_bytes:,})"
        )
    try:
        return loader(path, settings)
    except OSError as exc:
        raise SkipFile(f"cannot read: {exc.strerror or exc}") from exc
