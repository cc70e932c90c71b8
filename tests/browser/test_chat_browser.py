"""The chat in a real browser: verdict, sources, what-if edits, clarifying options, thumbs,
inert HTML, the length cap."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from evals.oracle import Facts, decide
from rag.models import Option
from rag.settings import Settings
from rag.wording import clarifying_question
from tests.browser.conftest import ChatPage
from ui.feedback import FeedbackStore
from ui.render import VERDICT_LABELS

pytestmark = pytest.mark.browser

DASHCAM = "Can a European agency use dashcam face matching?"
LIVE_PATROL_CLAUSE = "coc-2024.le-realtime-mobile-in-the-wild"
# The scenario the issue settles: a police agency, live, on patrol.
LIVE_ON_PATROL = {"law_enforcement": "yes", "real_time": "yes", "uncontrolled": "yes"}


def _label(verdict: str) -> str:
    return VERDICT_LABELS[verdict]


def _panel_facts(chat: ChatPage) -> Facts:
    """The facts as the "What I understood" panel shows them."""
    values = {name: chat.fact_value(name) for name in Facts.model_fields if name != "use"}
    use = chat.page.locator("#pq-fact-use input").input_value()
    return Facts.model_validate(values | {"use": _use_value(use)})


def _use_choices() -> list[tuple[str, str]]:
    """(label, value) of the `use` drop-down, as the facts panel builds it."""
    from ui.render import fact_controls

    return next(c for c in fact_controls() if c.name == "use").choices


def _use_value(shown: str) -> str:
    return dict(_use_choices()).get(shown, shown)


def _screenshot(chat: ChatPage, path: Path) -> None:
    """The whole page, with the chat scrolled to the question that started it."""
    page = chat.page
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": 1360, "height": height})  # no resize during the shot
    page.wait_for_timeout(300)
    page.locator("#pq-chat .bubble-wrap").evaluate("e => { e.scrollTop = 0; }")
    page.wait_for_timeout(300)
    page.screenshot(path=str(path))
    page.set_viewport_size({"width": 1360, "height": 1000})


def test_what_if_panel_settles_the_dashcam_question(chat: ChatPage, artifacts: Path) -> None:
    chat.ask(DASHCAM)
    expect(chat.badge).to_have_text(_label("depends"))
    sources = chat.page.locator("#pq-sources li.pq-source")
    assert sources.count() >= 1
    expect(chat.page.locator("#pq-facts")).to_be_visible()
    expect(chat.page.locator("#pq-clarify")).to_be_visible()
    assert chat.fact_value("mobile_camera") == "yes"
    assert "dashcam" in chat.fact_info("mobile_camera").lower()  # the words that set it
    _screenshot(chat, artifacts / "chat-depends.png")

    for name, value in LIVE_ON_PATROL.items():
        chat.set_fact(name, value)
    expect(chat.badge).to_have_text(_label("prohibited"))
    expect(chat.page.locator("#pq-verdict")).to_contain_text(LIVE_PATROL_CLAUSE)
    expect(chat.page.locator(f"#pq-sources li[data-clause='{LIVE_PATROL_CLAUSE}']")).to_have_count(1)
    assert decide(_panel_facts(chat)).verdict == "prohibited"
    _screenshot(chat, artifacts / "chat-prohibited.png")

    chat.set_fact("real_time", "no")  # on recorded footage afterwards, instead
    expect(chat.badge).to_have_text(_label("not_prohibited"))
    expect(chat.page.locator("#pq-verdict")).not_to_contain_text(LIVE_PATROL_CLAUSE)
    assert decide(_panel_facts(chat)).verdict == "not_prohibited"
    assert chat.dialogs == [] and chat.foreign_requests == []


def test_editing_the_use_reruns_the_rules(chat: ChatPage) -> None:
    chat.ask(DASHCAM)
    label, value = next((lb, v) for lb, v in _use_choices() if v == "non_biometric")
    chat.set_use(label, value)
    facts = _panel_facts(chat)
    assert facts.use == value
    expect(chat.badge).to_have_text(_label(decide(facts).verdict))
    expect(chat.page.locator("#pq-clarify")).to_be_hidden()


def _option_for(fact: str, value: str) -> Option:
    """The engine's own one-click option that settles `fact` to `value`."""
    return next(o for o in clarifying_question(fact).options if o.settles == {fact: value})


def _settle_by_options(chat: ChatPage, wanted: dict[str, str]) -> list[str]:
    """Click offered options that settle facts to `wanted` until the verdict is decided;
    the labels clicked."""
    labels = {_option_for(f, v).label for f, v in wanted.items()}
    clicked: list[str] = []
    while chat.badge.inner_text() == _label("depends") and len(clicked) < len(wanted):
        offered = [label for label in chat.option_labels() if label in labels - set(clicked)]
        assert offered, f"none of {sorted(labels)} offered among {chat.option_labels()}"
        chat.choose(offered[0])
        clicked.append(offered[0])
        # Each settled answer agrees with the rules on the facts the panel shows.
        expect(chat.badge).to_have_text(_label(decide(_panel_facts(chat)).verdict))
    return clicked


def test_clarifying_options_settle_live_on_patrol(chat: ChatPage) -> None:
    chat.ask(DASHCAM)
    expect(chat.badge).to_have_text(_label("depends"))
    clicked = _settle_by_options(chat, LIVE_ON_PATROL)
    expect(chat.badge).to_have_text(_label("prohibited"))
    expect(chat.page.locator("#pq-verdict")).to_contain_text(LIVE_PATROL_CLAUSE)
    # Every option clicked is a user turn in the chat, each followed by an answer.
    users = chat.page.locator("#pq-chat [data-testid='user']").all_inner_texts()
    assert [u.strip() for u in users[1:]] == clicked
    expect(chat.bot_messages).to_have_count(1 + len(clicked))
    expect(chat.page.locator("#pq-clarify")).to_be_hidden()


def test_clarifying_options_recorded_footage_is_not_prohibited(chat: ChatPage) -> None:
    chat.ask(DASHCAM)
    _settle_by_options(chat, {"law_enforcement": "yes", "real_time": "no"})
    expect(chat.badge).to_have_text(_label("not_prohibited"))
    expect(chat.page.locator("#pq-verdict")).not_to_contain_text(LIVE_PATROL_CLAUSE)


def test_thumbs_up_is_stored_with_question_answer_verdict(
    chat: ChatPage, indexed_settings: Settings
) -> None:
    question = "Can the NYPD identify a robbery suspect from CCTV stills after the fact?"
    chat.ask(question)
    message = chat.bot_messages.last
    message.hover()
    chat.page.locator("#pq-chat button[aria-label='Like']").last.click()
    store = FeedbackStore(indexed_settings.feedback_db)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        rows = [r for r in store.rows() if r.question == question]
        if rows:
            break
        time.sleep(0.2)
    assert len(rows) == 1
    row = rows[0]
    assert row.vote == "up"
    assert _label(row.verdict) == chat.badge.inner_text()
    assert row.answer.strip() and row.created_at


PAYLOAD = (
    "Can US police use face recognition <script>window.__pq_pwned = 1</script>"
    ' <img src=x onerror="window.__pq_pwned = 2; alert(2)">'
    " ![pixel](http://198.51.100.7/pixel.png) <a href='javascript:alert(3)'>link</a>"
    " ${alert(4)} {{constructor.constructor('alert(5)')()}} on dashcams?"
)


def test_html_and_markdown_in_a_question_stay_inert(chat: ChatPage) -> None:
    chat.ask(PAYLOAD)
    page = chat.page
    page.wait_for_timeout(500)  # give any injected handler time to fire
    assert page.evaluate("window.__pq_pwned") is None
    assert chat.dialogs == []
    assert chat.foreign_requests == []  # the remote markdown image never loads
    assert page.locator("#pq-chat img, #pq-verdict img, #pq-sources img, #pq-facts img").count() == 0
    assert page.locator("#pq-chat a[href^='javascript'], #pq-chat script").count() == 0
    # The user sees exactly what they typed, as text.
    user = page.locator("#pq-chat [data-testid='user']").last
    expect(user).to_contain_text("<script>window.__pq_pwned = 1</script>")
    expect(user).to_contain_text("![pixel](http://198.51.100.7/pixel.png)")


def test_an_over_long_question_gets_a_clear_message(chat: ChatPage, indexed_settings: Settings) -> None:
    limit = indexed_settings.max_question_chars
    chat.ask("x" * (limit + 1))
    reply = chat.bot_messages.last
    expect(reply).to_contain_text(re.compile(f"limit.*({limit}|{limit:,})"))
    assert "Traceback" not in chat.page.content()
    chat.ask(DASHCAM)  # the session still works
    expect(chat.badge).to_have_text(_label("depends"))


def test_clicking_an_example_asks_it(chat: ChatPage) -> None:
    from evals.datasets import load_suite
    from ui.app import EXAMPLES

    question = EXAMPLES[-1]
    record = next(r for r in load_suite("canonical") if r.question == question)
    expected = decide(record.gold_facts).verdict if record.gold_facts else record.gold_verdict

    def click() -> None:
        chat.page.locator(".gallery button, button.gallery-item", has_text=question).first.click()

    chat._after_new_answer(click)
    expect(chat.page.locator("#pq-chat [data-testid='user']").last).to_contain_text(question)
    expect(chat.badge).to_have_text(_label(expected))
    assert chat.page.locator("#pq-question textarea").input_value() == ""
