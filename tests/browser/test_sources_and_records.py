"""In a real browser: a citation opens its document with the quote highlighted and scrolled
into view; "Download record" gives the answer's record; a thumbs-down says which fact was
wrong."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from playwright.sync_api import expect

from evals.oracle import decide
from rag.settings import Settings
from tests.browser.conftest import ChatPage
from ui.feedback import FeedbackStore
from ui.render import VERDICT_LABELS

pytestmark = pytest.mark.browser

FRENCH = ("French police want live face matching from body cameras on street patrols against "
          "a suspects database.")
SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "docs" / "decision-record.schema.json").read_text())


def _open(chat: ChatPage, card: Any) -> Any:
    """Click a source card; the document panel's highlight once it is scrolled into view."""
    card.click()
    panel = chat.page.locator("#pq-doc-panel")
    expect(panel).to_be_visible()
    mark = panel.locator("mark.pq-hl")
    expect(mark).to_have_count(1)
    expect(mark).to_be_in_viewport()
    return mark


def test_a_citation_opens_its_document_with_the_quote_highlighted(chat: ChatPage, artifacts: Path) -> None:
    chat.ask(FRENCH)
    page = chat.page
    cards = page.locator("#pq-sources li.pq-source")
    policy = page.locator("#pq-sources li.pq-kind-policy").first
    news = page.locator("#pq-sources li.pq-kind-news").first
    assert cards.count() >= 2 and news.count() == 1

    clause = policy.get_attribute("data-clause")
    quote = policy.locator("blockquote.pq-quote").inner_text().strip()
    mark = _open(chat, policy)
    assert mark.inner_text().strip() == quote
    view = page.locator("#pq-doc-view .pq-doc")
    assert view.get_attribute("data-kind") == "policy"
    expect(view.locator(".pq-kind")).to_have_text("Policy text")
    expect(view.locator("section.pq-doc-cited")).to_have_attribute("data-clause", clause or "")
    assert view.locator("section.pq-doc-clause").count() >= 3  # the whole clause document
    page.locator("#pq-doc-close").click()
    expect(page.locator("#pq-doc-panel")).to_be_hidden()

    title = news.locator(".pq-title").inner_text().strip()
    quote = news.locator("blockquote.pq-quote").inner_text().strip()
    mark = _open(chat, news)
    assert " ".join(mark.inner_text().split()) == " ".join(quote.split())
    assert view.get_attribute("data-kind") == "news"
    expect(view.locator(".pq-kind")).to_have_text("News article")
    expect(view.locator(".pq-doc-title")).to_have_text(title)
    expect(view.locator("dl.pq-doc-meta")).to_contain_text("Publisher")
    assert len(view.locator(".pq-doc-text").inner_text()) > 3 * len(quote)  # the whole article
    page.wait_for_timeout(300)
    page.screenshot(path=str(artifacts / "chat-source-highlight.png"))
    assert chat.dialogs == [] and chat.foreign_requests == []


def test_a_quote_deep_in_an_article_is_scrolled_into_view(chat: ChatPage, artifacts: Path) -> None:
    chat.ask("How accurate is facial recognition according to the coverage?")
    cards = chat.page.locator("#pq-sources li.pq-kind-news")
    assert cards.count() >= 1
    deepest = None
    for i in range(cards.count()):
        mark = _open(chat, cards.nth(i))
        # How far the panel had to scroll to bring the quote into view.
        scrolled = mark.evaluate(
            "m => { let s = 0; for (let e = m.parentElement; e; e = e.parentElement) s += e.scrollTop;"
            " return s; }")
        if deepest is None or scrolled > deepest[0]:
            deepest = (scrolled, i)
        chat.page.locator("#pq-doc-close").click()
    assert deepest is not None and deepest[0] > 0, "no quote needed scrolling: pick a deeper one"
    _open(chat, cards.nth(deepest[1]))
    chat.page.wait_for_timeout(300)
    chat.page.screenshot(path=str(artifacts / "chat-source-scrolled.png"))


def _download(chat: ChatPage, fmt_label: str | None = None) -> tuple[str, str]:
    page = chat.page
    if fmt_label is not None:
        page.locator("#pq-record-format label", has_text=fmt_label).click()
        page.wait_for_timeout(500)  # the file for the chosen format is written
    with page.expect_download() as info:
        page.locator("#pq-record").click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_text(encoding="utf-8")


def test_download_record_holds_the_answer_and_a_what_if(chat: ChatPage) -> None:
    chat.ask(FRENCH)
    page = chat.page
    badge = chat.badge.inner_text()
    clause = page.locator("#pq-verdict code.pq-clause").first.inner_text()
    expect(page.locator("#pq-record")).to_be_visible()

    name, page_html = _download(chat)
    assert name.endswith(".html") and page_html.startswith("<!DOCTYPE html>")
    assert FRENCH in page_html and badge in page_html and clause in page_html

    name, text = _download(chat, "JSON")
    assert name.endswith(".json")
    record = json.loads(text)
    jsonschema.validate(record, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert record["question"] == FRENCH and record["verdict_label"] == badge
    assert clause in [c["clause_id"] for c in record["deciding_clauses"]]
    assert record["what_if"] == [] and record["policy"]["version"]

    chat.set_fact("real_time", "no")  # what if it ran on recorded footage?
    name, text = _download(chat)
    edited = json.loads(text)
    assert edited["what_if"] == [{"fact": "real_time", "read": "yes", "chosen": "no"}]
    facts = {f["name"]: f["value"] for f in edited["facts"]}
    from evals.oracle import Facts

    expected = decide(Facts.model_validate(facts)).verdict
    assert edited["verdict"] == expected and chat.badge.inner_text() == VERDICT_LABELS[expected]

    name, text = _download(chat, "Markdown")
    assert name.endswith(".md") and "What-if: facts the user changed" in text


def test_thumbs_down_asks_which_fact_was_wrong(chat: ChatPage, indexed_settings: Settings) -> None:
    question = "Can a European agency use dashcam face matching?"
    chat.ask(question)
    chat.bot_messages.last.hover()
    chat.page.locator("#pq-chat button[aria-label='Dislike']").last.click()
    box = chat.page.locator("#pq-wrong")
    expect(box).to_be_visible()
    box.locator("label", has_text="Mobile camera").click()
    box.locator("#pq-wrong-send").click()
    expect(box).to_be_hidden()
    store = FeedbackStore(indexed_settings.feedback_db)
    deadline = time.monotonic() + 10
    rows: list[Any] = []
    while time.monotonic() < deadline:
        rows = [r for r in store.rows(vote="down") if r.question == question and r.wrong_facts]
        if rows:
            break
        time.sleep(0.2)
    assert rows and rows[-1].wrong_facts == ["mobile_camera"]
    assert {f.name: f.value for f in rows[-1].facts or []}["mobile_camera"] == "yes"
