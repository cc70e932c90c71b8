"""The chat in a real browser with the llm backend (facts-only mode) on the scripted server:
a fact the model and the offline reader read differently is shown in the facts panel and the
status line, and, since the verdict turns on it, asked about with one-click options."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect
from pydantic import SecretStr

from rag.settings import Settings
from tests.browser.conftest import ChatPage
from tests.llm_server import Reply, ScriptedLLMServer, facts_json
from ui.render import VERDICT_LABELS

pytestmark = pytest.mark.browser

NYPD = "Can the NYPD identify a robbery suspect from CCTV stills after the fact?"
# The model reads the NYPD as outside the United States; the offline reader does not.
MISREAD = {"law_enforcement": "yes", "united_states": "no", "use": "facial_recognition",
           "real_time": "no", "mobile_camera": "no"}  # fmt: skip


@pytest.fixture(scope="module")
def scripted() -> Iterator[ScriptedLLMServer]:
    with ScriptedLLMServer() as server:
        yield server


@pytest.fixture(scope="module")
def llm_url(indexed_settings: Settings, scripted: ScriptedLLMServer) -> Iterator[str]:
    from rag.assistant import PolicyAssistant
    from ui.loadtest import serving

    settings = indexed_settings.model_copy(update={
        "backend": "llm", "llm_mode": "facts", "openai_base_url": scripted.url,
        "openai_api_key": SecretStr("test-key-0123456789"), "llm_timeout_s": 10.0,
    })  # fmt: skip
    assistant = PolicyAssistant.from_settings(settings, progress=False)
    with serving(assistant, settings) as url:
        yield url


@pytest.fixture
def llm_chat(browser: Any, llm_url: str) -> Iterator[ChatPage]:
    context = browser.new_context(viewport={"width": 1360, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    view = ChatPage(page, llm_url)
    page.goto(llm_url)
    page.wait_for_selector("#pq-question textarea")
    try:
        yield view
    finally:
        context.close()


def test_the_facts_panel_shows_what_each_reader_read(
    llm_chat: ChatPage, scripted: ScriptedLLMServer, artifacts: Any
) -> None:
    scripted.clear()
    scripted.push(Reply(facts_json(**MISREAD)))
    llm_chat.ask(NYPD)
    expect(llm_chat.badge).to_have_text(VERDICT_LABELS["prohibited"])  # the stricter reading
    info = llm_chat.fact_info("united_states")
    assert "readers disagree" in info
    assert "offline reader: yes" in info and "model: no" in info
    assert "readers disagree" not in llm_chat.fact_info("law_enforcement")  # they agree there
    expect(llm_chat.page.locator("#pq-status .pq-disagree[data-fact='united_states']")).to_be_visible()
    assert "No, outside the United States" in llm_chat.option_labels()
    expect(llm_chat.page.locator("#pq-clarify-head")).to_contain_text("The readers disagree on this")
    assert scripted.pending == 0
    assert not llm_chat.dialogs and not llm_chat.foreign_requests
    llm_chat.page.screenshot(path=str(artifacts / "chat-readers-disagree.png"), full_page=True)
