"""The served chat and a headless Debian Chromium driven by Playwright's sync API.

Chromium comes from Debian (`scripts/setup.sh --browser`), never `playwright install`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rag.settings import Settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture(scope="session")
def assistant(indexed_settings: Settings) -> Any:
    from rag.assistant import PolicyAssistant

    return PolicyAssistant.from_settings(indexed_settings, progress=False)


@pytest.fixture(scope="session")
def served_url(assistant: Any, indexed_settings: Settings) -> Iterator[str]:
    """The chat app on 127.0.0.1 and a free port for the session, closed at the end."""
    from ui.loadtest import serving

    assert indexed_settings.host == "127.0.0.1"
    assistant.ask("Can a European agency use dashcam face matching?")  # load the models now
    with serving(assistant, indexed_settings) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash scripts/setup.sh --browser`")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=30_000)  # a first answer loads the embedding model
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                      args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class ChatPage:
    """The chat as a user sees it: ask, read the verdict, edit a fact, click an option.

    Records what the page must never do: open a dialog (alert/confirm) or request anything
    from another host (those requests are aborted).
    """

    def __init__(self, page: Any, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.dialogs: list[str] = []
        self.foreign_requests: list[str] = []
        page.route("**/*", self._guard)
        page.on("dialog", self._on_dialog)

    def _guard(self, route: Any) -> None:
        if route.request.url.startswith(self.base_url):
            route.continue_()
        else:
            self.foreign_requests.append(route.request.url)
            route.abort()

    def _on_dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    @property
    def bot_messages(self) -> Any:
        return self.page.locator("#pq-chat [data-testid='bot']")

    @property
    def badge(self) -> Any:
        return self.page.locator("#pq-verdict .pq-badge")

    def _after_new_answer(self, action: Any) -> None:
        """Run `action`, then wait until one more bot message shows a finished answer."""
        from playwright.sync_api import expect

        count = self.bot_messages.count()
        action()
        expect(self.bot_messages).to_have_count(count + 1)
        # The browser shows an empty pending bot message before the server answers, while
        # the verdict panel still shows the previous answer: wait for the server's words.
        expect(self.bot_messages.last).to_have_text(re.compile(r"\S"))
        expect(self.page.locator("#pq-verdict .pq-verdict")).not_to_have_text("Answering…")

    def ask(self, question: str) -> None:
        def send() -> None:
            self.page.locator("#pq-question textarea").fill(question)
            self.page.locator("#pq-question textarea").press("Enter")

        self._after_new_answer(send)

    def choose(self, label: str) -> None:
        """Click the clarifying option with this label."""
        button = self.page.locator("#pq-clarify button.pq-option", has_text=label)
        self._after_new_answer(button.click)

    def option_labels(self) -> list[str]:
        labels: list[str] = self.page.locator("#pq-clarify button.pq-option:visible").all_inner_texts()
        return [label.strip() for label in labels]

    def set_fact(self, name: str, value: str) -> None:
        """Edit a fact in "What I understood"; wait until the answer shows the edit."""
        from playwright.sync_api import expect

        self.page.locator(f"#pq-fact-{name} [data-testid='{value}-radio-label']").click()
        expect(self.bot_messages.last).to_contain_text(f"{name} = {value}")

    def set_use(self, label: str, value: str) -> None:
        """Pick the `use` shown as `label` in "What I understood"; wait for the edit."""
        from playwright.sync_api import expect

        self.page.locator("#pq-fact-use input").click()
        self.page.get_by_role("option", name=label, exact=True).click()
        expect(self.bot_messages.last).to_contain_text(f"use = {value}")

    def fact_value(self, name: str) -> str:
        checked = self.page.locator(f"#pq-fact-{name} input[type='radio']:checked")
        value: str = checked.get_attribute("value") or ""
        return value

    def fact_info(self, name: str) -> str:
        text: str = self.page.locator(f"#pq-fact-{name} .info-text").inner_text()
        return text


@pytest.fixture
def chat(browser: Any, served_url: str) -> Iterator[ChatPage]:
    """A fresh browser context (a new chat session) on the served app."""
    context = browser.new_context(viewport={"width": 1360, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    view = ChatPage(page, served_url)
    page.goto(served_url)
    page.wait_for_selector("#pq-question textarea")
    try:
        yield view
    finally:
        context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
