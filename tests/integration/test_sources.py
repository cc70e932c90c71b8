"""The sources view's engine: a citation opens its document as the index holds it, with the
quote located; only chunks in the store can be opened."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ingest.loaders import load_markdown
from ingest.prepare import prepare_document
from rag.assistant import PolicyAssistant
from rag.models import Citation
from rag.settings import Settings
from rag.sources import locate
from ui.chat import ChatController, ChatSession
from ui.feedback import FeedbackStore

QUESTIONS = (
    "French police want live face matching from body cameras on street patrols against a suspects database.",
    "Can a European agency use dashcam face matching?",
    "What product did Axon announce?",
    "When did Microsoft change the Azure OpenAI code of conduct?",
)


@pytest.fixture(scope="module")
def assistant(indexed_settings: Settings) -> PolicyAssistant:
    return PolicyAssistant.from_settings(indexed_settings, progress=False)


def _citations(assistant: PolicyAssistant) -> list[Citation]:
    return [c for q in QUESTIONS for c in assistant.ask(q).citations]


def test_every_citation_opens_with_its_quote_highlighted(assistant: PolicyAssistant) -> None:
    citations = _citations(assistant)
    assert {c.kind for c in citations} == {"policy", "news"}
    for c in citations:
        doc = assistant.source(c)
        assert doc is not None, c.chunk_id
        assert (doc.source, doc.title, doc.kind, doc.date) == (c.source, c.title, c.kind, c.date)
        marked = [s for s in doc.sections if s.highlight is not None]
        assert len(marked) == 1
        start, end = marked[0].highlight  # type: ignore[misc]
        assert doc.exact and marked[0].text[start:end] == c.quote
        if c.kind == "policy":
            assert marked[0].clause_id == c.clause_id
            assert [s.clause_id for s in doc.sections][:3] == [
                "coc-2024.surveillance-without-consent", "coc-2024.us-police-facial-recognition",
                "coc-2024.le-realtime-mobile-in-the-wild"]


def test_an_article_is_its_whole_cleaned_text(assistant: PolicyAssistant, indexed_settings: Settings,
                                              embedder: Any) -> None:
    news = next(c for c in _citations(assistant) if c.kind == "news")
    doc = assistant.source(news)
    assert doc is not None
    prepared = prepare_document(load_markdown(indexed_settings.corpus_dir / news.source, indexed_settings),
                                indexed_settings, embedder)
    # The chunker leaves out only the whitespace between chunks.
    assert doc.sections[0].text.split() == prepared.text.split()


def test_only_chunks_in_the_index_open(assistant: PolicyAssistant, tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("top secret", encoding="utf-8")
    forged = Citation(number=1, chunk_id="0" * 32, source=str(secret), title="t", kind="news",
                      quote="top secret")
    assert assistant.source(forged) is None
    real = _citations(assistant)[0]
    # A real chunk id opens its own document, whatever path the request names.
    doc = assistant.source(real.model_copy(update={"source": str(secret)}))
    assert doc is not None and doc.source == real.source and "top secret" not in doc.sections[0].text


def test_a_quote_that_differs_in_spacing_or_case_is_still_found() -> None:
    text = "Police officers  on patrol,\nusing body-worn cameras."
    assert locate(text, "officers  on patrol") == (7, 26, True)
    start, end, exact = locate(text, "OFFICERS on patrol using BODY worn") or (0, 0, True)
    assert not exact and text[start:end] == "officers  on patrol,\nusing body-worn"
    assert locate(text, "not there") is None and locate(text, "  ") is None


def test_the_chat_opens_only_its_own_citations(assistant: PolicyAssistant, tmp_path: Path) -> None:
    controller = ChatController(assistant, FeedbackStore(tmp_path / "f.sqlite3"))
    session = ChatSession()
    assert controller.citation(session, 1) is None  # no answer yet
    list(controller.ask(session, QUESTIONS[0]))
    assert session.answer is not None
    numbers = [c.number for c in session.answer.citations]
    assert controller.citation(session, numbers[-1]) == session.answer.citations[-1]
    assert controller.citation(session, str(numbers[0])) == session.answer.citations[0]
    for bad in (0, len(numbers) + 1, -1, "../../etc/passwd", None, True, 1.5e300, [1], {"a": 1}):
        citation = controller.citation(session, bad)
        assert citation is None or citation.number in numbers, bad
    assert controller.citation(session, "../../etc/passwd") is None
