"""A chat session and what the chat's controls do to it, with no Gradio in sight.

`ChatSession` lives in a per-browser `gr.State`; `ChatController` turns a question, a fact
edit, a clarifying option or a thumb into calls on the assistant's public API.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ingest.errors import IngestError
from rag.errors import QuestionError
from rag.models import Answer, Citation, FactReading, Option, Turn
from rag.policy import FACT_NAMES, Facts
from ui.feedback import FeedbackStore, Vote
from ui.render import chat_text, inert_markdown

if TYPE_CHECKING:
    from pathlib import Path

    from rag.assistant import PolicyAssistant
    from rag.record import RecordFormat
    from rag.sources import SourceDocument
    from ui.records import RecordFiles

__all__ = ["ChatController", "ChatSession", "fact_values", "failure_message"]

log = logging.getLogger(__name__)

# How much of an over-long question the chat echoes back.
_ECHO_CHARS = 600


@dataclass
class Rated:
    """What a thumb on one chat message is about."""

    question: str
    answer: str
    verdict: str
    backend: str
    facts: list[FactReading] = field(default_factory=list)
    history: list[Turn] = field(default_factory=list)
    clauses: list[str] = field(default_factory=list)
    caveats: list[str] = field(default_factory=list)


@dataclass(eq=False)  # identity hash: the controller keys a per-session lock on it
class ChatSession:
    messages: list[dict[str, str]] = field(default_factory=list)  # what the Chatbot shows
    history: list[Turn] = field(default_factory=list)  # what the engine reads: plain text
    answer: Answer | None = None  # the latest answer: the one the side panels show
    answer_at: int = -1  # index in `messages` of the message that shows `answer`
    pending: bool = False  # an answer is streaming
    rated: dict[int, Rated] = field(default_factory=dict)
    # For the latest answer's decision record: the turns before it, and the facts what-if
    # edits changed since it was asked (fact -> (value read, value chosen)).
    dialogue: list[Turn] = field(default_factory=list)
    edits: dict[str, tuple[str, str]] = field(default_factory=dict)
    record_format: str = "html"
    disliked: int | None = None  # the feedback row a "which fact was wrong" answer goes to
    disliked_facts: list[FactReading] = field(default_factory=list)  # that answer's facts

    def options(self) -> list[tuple[str, list[Option]]]:
        """The latest answer's clarifying questions with their one-click options."""
        if self.answer is None or self.pending:
            return []
        return [(q.question, q.options) for q in self.answer.clarifying_questions]

    def _say(self, role: str, content: str) -> None:
        self.messages.append({"role": role, "content": content})

    def _show(self, answer: Answer, *, replace: bool = False, note: str = "") -> None:
        """Show `answer` as the latest assistant message (a new one, or in place)."""
        content = (note + "\n\n" if note else "") + chat_text(answer)
        if replace and self.answer_at >= 0:
            self.messages[self.answer_at] = {"role": "assistant", "content": content}
            if self.history and self.history[-1].role == "assistant":
                self.history[-1] = Turn(role="assistant", content=answer.answer)
        else:
            self._say("assistant", content)
            self.answer_at = len(self.messages) - 1
            self.history.append(Turn(role="assistant", content=answer.answer))
            self.edits = {}
        self.answer = answer
        self.rated[self.answer_at] = Rated(
            question=answer.question, answer=answer.answer, verdict=answer.verdict,
            backend=answer.backend, facts=list(answer.facts), history=list(self.dialogue),
            clauses=list(answer.clauses), caveats=list(answer.caveats),
        )


def fact_values(answer: Answer | None) -> dict[str, str]:
    """Every fact's value in an answer (`unknown` for those it does not list)."""
    values = dict.fromkeys(FACT_NAMES, "unknown")
    if answer is not None:
        values.update({f.name: f.value for f in answer.facts if f.name in values})
    return values


def failure_message(exc: Exception) -> str:
    """What the chat says when the engine cannot answer; never a traceback."""
    if isinstance(exc, QuestionError):
        return f"⚠️ I can't take that question: {exc}."
    if isinstance(exc, IngestError):
        return f"⚠️ The document index is not available, so I can't answer right now: {exc}"
    return "⚠️ Something went wrong while answering; the error was logged. Please try again."


def _echo(question: str) -> str:
    if len(question) <= _ECHO_CHARS:
        return inert_markdown(question)
    return inert_markdown(question[:_ECHO_CHARS]) + f" … ({len(question):,} characters)"


class ChatController:
    """Gradio hands every event of a browser session the same ChatSession object, and runs
    events concurrently: a per-session lock keeps a what-if edit, a clarifying click and the
    end of a streamed answer from interleaving."""

    def __init__(self, assistant: PolicyAssistant, feedback: FeedbackStore) -> None:
        self.assistant = assistant
        self.feedback = feedback
        self._locks: weakref.WeakKeyDictionary[ChatSession, threading.Lock] = (
            weakref.WeakKeyDictionary()
        )
        self._locks_lock = threading.Lock()

    @contextmanager
    def _guard(self, session: ChatSession) -> Iterator[None]:
        with self._locks_lock:
            lock = self._locks.setdefault(session, threading.Lock())
        with lock:
            yield

    def ask(self, session: ChatSession, question: str) -> Iterator[ChatSession]:
        """A typed question: the user turn, the streamed text, then the full answer.
        Yields nothing when the question is blank or the session is still answering."""
        if not question or not question.strip():
            return
        with self._guard(session):
            if session.pending:
                return
            history = list(session.history)
            session._say("user", _echo(question))
            session._say("assistant", "…")
            session.pending = True
        yield session
        answer: Answer | None = None
        failure: Exception = RuntimeError("the stream ended without an Answer")
        text = ""
        try:
            for item in self.assistant.stream(question, history):
                if isinstance(item, Answer):
                    answer = item
                else:
                    text += item
                    session.messages[-1] = {"role": "assistant", "content": inert_markdown(text)}
                    yield session
        except Exception as exc:
            failure = exc
        finally:  # also when the stream is abandoned (a closed browser tab)
            with self._guard(session):
                session.pending = False
                session.messages.pop()  # the draft: the answer or the failure replaces it
                if answer is None:
                    self._fail(session, failure)
                else:
                    session.dialogue = history
                    session.history.append(Turn(role="user", content=question))
                    session._show(answer)
        yield session

    def _fail(self, session: ChatSession, exc: Exception) -> ChatSession:
        if not isinstance(exc, QuestionError | IngestError):
            log.error("answering failed", exc_info=exc)
        session.pending = False
        session._say("assistant", failure_message(exc))
        return session

    def what_if(self, session: ChatSession, values: Mapping[str, str]) -> ChatSession:
        """A fact edited in the "What I understood" panel: the rules re-run on the new facts
        and the latest answer is replaced in place."""
        with self._guard(session):
            previous = session.answer
            if previous is None or session.pending:
                return session
            before = fact_values(previous)
            if before == {**before, **values}:
                return session
            try:
                facts = Facts.model_validate({**before, **values})
                answer = self.assistant.reconsider(previous.question, facts, session.history[:-1])
            except Exception as exc:
                return self._fail(session, exc)
            after = fact_values(answer)
            changed = ", ".join(f"{name} = {value}" for name, value in after.items()
                                if value != before[name])
            for name, value in after.items():
                if value != before[name]:
                    read = session.edits.get(name, (before[name], value))[0]
                    session.edits[name] = (read, value)
                    if read == value:  # edited back to what the question said
                        del session.edits[name]
            session._show(answer, replace=True, note=f"*What if: {inert_markdown(changed)}*")
            return session

    def choose(self, session: ChatSession, question_slot: int, option_slot: int) -> ChatSession:
        """A clarifying option clicked: its label as the user's turn, then the settled answer."""
        with self._guard(session):
            options = session.options()
            if question_slot >= len(options) or option_slot >= len(options[question_slot][1]):
                return session  # a stale click on a slot the latest answer no longer fills
            option = options[question_slot][1][option_slot]
            assert session.answer is not None
            session._say("user", inert_markdown(option.label))
            session.history.append(Turn(role="user", content=option.label))
            session.dialogue = list(session.history)
            try:
                answer = self.assistant.settle(session.answer, option.settles)
            except Exception as exc:
                return self._fail(session, exc)
            session._show(answer)
            return session

    def rate(self, session: ChatSession, index: int, liked: bool) -> bool:
        """A thumb on an answer message; False when the message is not an answer. After a
        thumbs-down, `session.disliked` names the row a "which fact was wrong" goes to."""
        rated = session.rated.get(index)
        if rated is None:
            return False
        vote: Vote = "up" if liked else "down"
        row = self.feedback.record(
            vote=vote, question=rated.question, answer=rated.answer, verdict=rated.verdict,
            backend=rated.backend, facts=rated.facts, history=rated.history,
            clauses=rated.clauses, caveats=rated.caveats,
        )
        session.disliked = None if liked else row
        session.disliked_facts = [] if liked else list(rated.facts)
        return True

    def mark_wrong(self, session: ChatSession, facts: list[str]) -> bool:
        """The user says these facts of a thumbs-down answer were read wrong."""
        row, session.disliked, session.disliked_facts = session.disliked, None, []
        if row is None:
            return False
        known = set(FACT_NAMES)
        return self.feedback.mark_wrong(row, [f for f in facts if f in known])

    def record_file(self, session: ChatSession, files: RecordFiles) -> Path | None:
        """The latest answer's decision record, written for download."""
        answer = session.answer
        if answer is None or session.pending:
            return None
        fmt: RecordFormat = "md" if session.record_format == "md" else (
            "json" if session.record_format == "json" else "html")
        record = answer.record(history=session.dialogue, changed=session.edits)
        return files.write(record, fmt)

    def citation(self, session: ChatSession, number: object) -> Citation | None:
        """The latest answer's citation with this number (anything else: None)."""
        answer = session.answer
        if answer is None or session.pending or isinstance(number, bool):
            return None
        try:
            wanted = int(number)  # type: ignore[call-overload]
        except (TypeError, ValueError, OverflowError):
            return None
        return next((c for c in answer.citations if c.number == wanted), None)

    def source(self, citation: Citation) -> SourceDocument | None:
        return self.assistant.source(citation)
