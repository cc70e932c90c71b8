"""The committed JSON Schema of decision records is the one the code writes, and Markdown
escaping leaves untrusted text inert."""

from __future__ import annotations

import html as html_lib
from pathlib import Path

import pytest

from rag.record import record_format
from rag.record.markdown import md_text
from rag.record.schema import SCHEMA_PATH, schema_text

REPO = Path(__file__).resolve().parents[2]


def test_committed_schema_matches_the_model() -> None:
    committed = (REPO / SCHEMA_PATH).read_text(encoding="utf-8")
    assert committed == schema_text(), (
        "the decision record changed: bump SCHEMA_VERSION if a reader would notice, then "
        "run `python -m rag.record.schema`"
    )


@pytest.mark.parametrize(("name", "fmt"), [("a.md", "md"), ("A.JSON", "json"), ("x.y.html", "html"),
                                           ("r.markdown", "md"), ("r.htm", "html")])
def test_record_format_from_the_suffix(name: str, fmt: str) -> None:
    assert record_format(Path(name)) == fmt


@pytest.mark.parametrize("name", ["r.txt", "r", "r.pdf", "md"])
def test_other_suffixes_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match=r"\.md, \.json or \.html"):
        record_format(Path(name))


@pytest.mark.parametrize(
    "text",
    ["# heading", "  - item", "1. one", "2024) x", "> quote", "*em* _em_ **b**", "[a](http://x)",
     "![i](http://x/p.png)", "<b>x</b>", "a | b", "`c`", "~~s~~", "&lt;"],
)
def test_md_text_renders_as_the_same_characters(text: str) -> None:
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(md_text(text))
    assert html.startswith("<p>") and html.count("<") == 2  # one paragraph, nothing inside
    # (a paragraph drops leading spaces; every other character stays)
    assert html_lib.unescape(html[3:-5]) == text.strip()
