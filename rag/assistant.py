"""`PolicyAssistant`: the public entry point of the Python API."""

from __future__ import annotations

import contextlib
import re
import time
import unicodedata
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from rag.errors import QuestionError
from rag.models import Answer, Citation, Turn
from rag.policy import FACT_NAMES, Facts
from rag.settings import Settings

if TYPE_CHECKING:
    from rag.offline import OfflineBackend
    from rag.retrieval import Retriever
    from rag.sources import SourceDocument

__all__ = ["Backend", "PolicyAssistant", "clean_question"]


class Backend(Protocol):
    name: str

    def stream(self, question: str, history: list[Turn]) -> Iterator[str | Answer]: ...


# The chat and `--history` send the whole dialogue; the facts of the last turns are what
# matter, and reading hundreds of turns would make one answer cost seconds.
MAX_HISTORY_TURNS = 20

_SPACES = re.compile(r"[ \t\u00a0]+")


def clean_question(question: str, limit: int) -> str:
    """Reject empty or over-long questions; make odd characters harmless.

    NFKC folds full-width letters and odd spaces; control characters become spaces (so
    words stay apart); format characters (zero-width spaces, BOM, bidi overrides that
    would reorder what is shown) are dropped.
    """
    if not isinstance(question, str):
        raise QuestionError("the question must be text")
    if len(question) > limit:
        raise QuestionError(
            f"the question is {len(question):,} characters long; the limit is {limit:,} "
            "(POLICYQA_MAX_QUESTION_CHARS)"
        )
    text = unicodedata.normalize("NFKC", question)
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch == "\n":
            kept.append(ch)
        elif category in ("Cc", "Zl", "Zp"):
            kept.append(" ")
        elif category not in ("Cf", "Cs", "Co", "Cn"):
            kept.append(ch)
    text = _SPACES.sub(" ", "".join(kept)).strip()
    if not text:
        raise QuestionError("the question is empty: ask about a use of Azure OpenAI Service")
    return text


def _turns(history: Sequence[Turn | dict[str, Any]] | None, limit: int) -> list[Turn]:
    turns = []
    for item in list(history or [])[-MAX_HISTORY_TURNS:]:
        turn = item if isinstance(item, Turn) else Turn.model_validate(item)
        if isinstance(turn.content, str) and turn.content.strip():
            turns.append(Turn(role=turn.role, content=turn.content[:limit]))
    return turns


def _load_readers() -> None:
    from rag.facts import warm_up

    warm_up()


def _warm_embedder(retriever: Retriever) -> None:
    with contextlib.suppress(Exception):  # warm_up() raises it again, on the caller's thread
        retriever.warm_up()


class PolicyAssistant:
    """Answers questions with a verdict, the deciding clauses and citations.

    Build it once with `from_settings()`; it is safe to share between threads.
    """

    def __init__(self, settings: Settings, retriever: Retriever, backend: Backend,
                 offline: OfflineBackend) -> None:
        self.settings = settings
        self.retriever = retriever
        self.backend = backend
        self.offline = offline

    @classmethod
    def from_settings(cls, settings: Settings | None = None, *, progress: bool = True) -> PolicyAssistant:
        """Open (or, on first run, build) the index and the backend the settings choose."""
        import threading

        from rag.retrieval import Retriever

        settings = settings or Settings()
        retriever = Retriever.from_settings(settings, ensure_index=True, progress=progress)
        # The ONNX session starts and embeds once in C++ (without the GIL) while this thread
        # compiles the readers' cue patterns and loads their tables: a cold start pays for
        # the longer of the two, not for both. An error there is raised again by warm_up().
        session = threading.Thread(target=_warm_embedder, args=(retriever,),
                                   name="policyqa-onnx", daemon=True)
        session.start()
        _load_readers()
        from rag.offline import OfflineBackend

        offline = OfflineBackend(settings, retriever)
        session.join()
        offline.warm_up()
        backend: Backend = offline
        if settings.backend == "llm":
            from rag.llm import build_backend

            backend = build_backend(settings, retriever, offline)
        return cls(settings, retriever, backend, offline)

    @property
    def backend_name(self) -> str:
        return self.backend.name

    def stream(
        self, question: str, history: Sequence[Turn | dict[str, Any]] | None = None
    ) -> Iterator[str | Answer]:
        """Yield pieces of the answer text as they are produced, then the Answer."""
        text = clean_question(question, self.settings.max_question_chars)
        started = time.perf_counter()
        for item in self.backend.stream(text, _turns(history, self.settings.max_question_chars)):
            if isinstance(item, Answer):
                item.timings["total"] = round((time.perf_counter() - started) * 1000, 3)
                if item.policy is None:  # every answer names the policy it was made under
                    item.policy = self.offline.policy.ref()
            yield item

    def ask(self, question: str, history: Sequence[Turn | dict[str, Any]] | None = None) -> Answer:
        answer: Answer | None = None
        for item in self.stream(question, history):
            if isinstance(item, Answer):
                answer = item
        assert answer is not None, "a backend must end its stream with an Answer"
        return answer

    def reconsider(self, question: str, facts: Facts, history: Sequence[Turn | dict[str, Any]] | None = None) -> Answer:
        """The what-if path: the rules re-run on facts a user edited."""
        del history  # the facts already say everything the rules read
        text = clean_question(question, self.settings.max_question_chars)
        # Re-validate: `model_copy(update=...)` lets plain strings through unchecked.
        facts = Facts(**{name: getattr(facts, name) for name in FACT_NAMES})
        started = time.perf_counter()
        answer = self.offline.reconsider(text, facts)
        answer.timings["total"] = round((time.perf_counter() - started) * 1000, 3)
        return answer

    def settle(self, previous: Answer, settles: dict[str, str]) -> Answer:
        """A clarifying option was chosen: the previous facts with these settled."""
        facts = Facts(**{**previous.fact_model().model_dump(), **settles})
        return self.reconsider(previous.question, facts)

    def source(self, citation: Citation) -> SourceDocument | None:
        """The document a citation quotes, as the index holds it, with the quote located in
        it; None when its chunk is no longer in the index."""
        from rag.sources import source_document

        return source_document(self.retriever, citation)
