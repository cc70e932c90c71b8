"""Loaders: Markdown front matter, text (with encoding fallback), HTML main text, PDF under
a time limit and page cap, and the reasons a file is skipped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.loaders import SkipFile, decode_text, load_document
from ingest.pdf import PdfError, extract_pdf
from rag.settings import Settings
from tests.conftest import CORPUS


def _write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_markdown_front_matter(tmp_path: Path, tmp_settings: Settings) -> None:
    path = _write(
        tmp_path / "a.md",
        '---\ntitle: "Bans: a title"\npublisher: Example News\ndate: 2024-05-03\n'
        "kind: news\nseed: x.txt\n---\n# Heading\n\nBody text here.\n",
    )
    doc = load_document(path, tmp_settings)
    assert (doc.title, doc.publisher, doc.date, doc.kind) == (
        "Bans: a title", "Example News", "2024-05-03", "news",
    )  # fmt: skip
    assert doc.text.startswith("# Heading") and "title:" not in doc.text
    assert doc.markdown and doc.warnings == []


def test_corpus_article_front_matter(tmp_settings: Settings) -> None:
    (path,) = sorted((CORPUS / "articles").glob("003_*.md"))
    doc = load_document(path, tmp_settings)
    assert doc.publisher == "WebProNews" and doc.date == "2024-05-03" and doc.kind == "news"
    assert doc.title.startswith("Microsoft Bans Police")


def test_markdown_without_front_matter_takes_first_heading(
    tmp_path: Path, tmp_settings: Settings
) -> None:
    doc = load_document(
        _write(tmp_path / "b.md", "Intro line\n\n# The Title\n\nText."), tmp_settings
    )
    assert doc.title == "The Title" and doc.kind == "document"


def test_broken_front_matter_is_a_warning(tmp_path: Path, tmp_settings: Settings) -> None:
    doc = load_document(
        _write(tmp_path / "c.md", "---\ntitle: [unclosed\n---\nSome body text.\n"), tmp_settings
    )
    assert doc.text.strip() == "Some body text."
    assert any("front matter" in w for w in doc.warnings)


def test_unknown_kind_falls_back_with_warning(tmp_path: Path, tmp_settings: Settings) -> None:
    doc = load_document(_write(tmp_path / "d.md", "---\nkind: memo\n---\nText.\n"), tmp_settings)
    assert doc.kind == "document" and any("memo" in w for w in doc.warnings)


def test_plain_text_title_is_first_line(tmp_path: Path, tmp_settings: Settings) -> None:
    doc = load_document(_write(tmp_path / "e.txt", "\n  First line\nSecond line.\n"), tmp_settings)
    assert doc.title == "First line" and "Second line." in doc.text and not doc.markdown


def test_non_utf8_text_is_decoded_with_a_warning(tmp_path: Path, tmp_settings: Settings) -> None:
    path = _write(tmp_path / "f.txt", "Café “quoted” – police policy.".encode("cp1252"))
    doc = load_document(path, tmp_settings)
    assert doc.text == "Café “quoted” – police policy."
    assert any("cp1252" in w and "UTF-8" in w for w in doc.warnings)


def test_decode_falls_back_to_latin1_for_bytes_cp1252_lacks() -> None:
    text, warning = decode_text(b"abc \x81\x8d def")
    assert text == "abc \x81\x8d def" and warning is not None and "latin-1" in warning


def test_utf8_bom_is_dropped() -> None:
    assert decode_text("hello".encode("utf-8-sig")) == ("hello", None)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\n\t\n", "empty file"),
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("data.bin", b"hello", "unsupported type (.bin)"),
        ("noext", b"hello", "unsupported type (no extension)"),
        ("only-front.md", b"---\ntitle: x\n---\n\n", "no text after the front matter"),
    ],
)
def test_unusable_files_are_skipped_with_a_reason(
    tmp_path: Path, tmp_settings: Settings, name: str, data: bytes, reason: str
) -> None:
    with pytest.raises(SkipFile, match=None) as info:
        load_document(_write(tmp_path / name, data), tmp_settings)
    assert reason in str(info.value)


def test_file_over_the_size_cap_is_skipped(tmp_path: Path, tmp_settings: Settings) -> None:
    small = tmp_settings.model_copy(update={"max_file_bytes": 10})
    with pytest.raises(SkipFile, match="too large"):
        load_document(_write(tmp_path / "big.txt", "x" * 11), small)


HTML = """<!doctype html><html><head><title>Page title | Site</title>
<meta property="og:title" content="Police face recognition limits">
<meta property="og:site_name" content="Example Daily">
<meta property="article:published_time" content="2024-05-02T10:00:00Z">
<script>var tracking = "Subscribe now";</script><style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<header>Advertise with Us</header>
<article><h1>Police face recognition limits</h1>
<p>Microsoft   updated its <a href="/coc">Code of Conduct</a> on
   Thursday.<br>It bars <b>US police</b> from facial recognition.</p>
<ul><li>First point.</li><li>Second point.</li></ul></article>
<aside>Related: best deals</aside><footer>© 2024 Example Daily</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path: Path, tmp_settings: Settings) -> None:
    doc = load_document(_write(tmp_path / "page.html", HTML), tmp_settings)
    assert (doc.title, doc.publisher, doc.date) == (
        "Police face recognition limits", "Example Daily", "2024-05-02",
    )  # fmt: skip
    lines = [" ".join(x.split()) for x in doc.text.splitlines() if x.strip()]
    assert "Microsoft updated its Code of Conduct on Thursday." in lines
    assert "It bars US police from facial recognition." in lines
    assert "First point." in lines and "Second point." in lines
    for furniture in ("Home", "Advertise", "tracking", "color", "best deals", "©"):
        assert furniture not in doc.text


def test_html_without_article_uses_body(tmp_path: Path, tmp_settings: Settings) -> None:
    path = _write(tmp_path / "p.htm", "<html><body><h1>Heading</h1><p>Para one.</p></body></html>")
    doc = load_document(path, tmp_settings)
    assert doc.title == "Heading" and "Para one." in doc.text


def test_html_with_no_text_is_skipped(tmp_path: Path, tmp_settings: Settings) -> None:
    with pytest.raises(SkipFile, match="no text"):
        load_document(_write(tmp_path / "x.html", "<html><script>1</script></html>"), tmp_settings)


def test_pdf_text_is_extracted(
    tmp_path: Path, tmp_settings: Settings, make_pdf: Callable[[list[str]], bytes]
) -> None:
    pages = ["Police may not use facial recognition (in the US).", "Second page here."]
    doc = load_document(_write(tmp_path / "doc.pdf", make_pdf(pages)), tmp_settings)
    assert pages[0] in doc.text and pages[1] in doc.text
    assert doc.title == pages[0] and doc.warnings == []


def test_pdf_page_cap(
    tmp_path: Path, tmp_settings: Settings, make_pdf: Callable[[list[str]], bytes]
) -> None:
    capped = tmp_settings.model_copy(update={"pdf_max_pages": 2})
    path = _write(tmp_path / "long.pdf", make_pdf(["Page one.", "Page two.", "Page three."]))
    doc = load_document(path, capped)
    assert "Page two." in doc.text and "Page three." not in doc.text
    assert doc.warnings == ["only the first 2 of 3 pages were read"]


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\n1 0 obj garbage\n%%EOF\n", b"not a pdf at all, just text", b"%PDF-1.7\n"],
)
def test_corrupt_pdf_is_skipped(tmp_path: Path, tmp_settings: Settings, data: bytes) -> None:
    with pytest.raises(SkipFile, match="corrupt or unreadable PDF"):
        load_document(_write(tmp_path / "bad.pdf", data), tmp_settings)


def test_truncated_pdf_is_skipped(
    tmp_path: Path, tmp_settings: Settings, make_pdf: Callable[[list[str]], bytes]
) -> None:
    data = make_pdf(["Some text on a page."])
    with pytest.raises(SkipFile, match="PDF"):
        load_document(_write(tmp_path / "cut.pdf", data[: len(data) // 3]), tmp_settings)


def test_pdf_time_limit_kills_the_parser(
    tmp_path: Path, make_pdf: Callable[[list[str]], bytes]
) -> None:
    # Far below a Python start-up: the child is killed and the limit is reported.
    path = _write(tmp_path / "slow.pdf", make_pdf(["text"]))
    with pytest.raises(PdfError, match="longer than"):
        extract_pdf(path, max_pages=5, timeout_s=0.01)
