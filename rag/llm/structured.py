"""Structured output, per server capability: a `json_schema` response format first, then JSON
mode, then none (the tolerant parser reads plain text), stepping down only when the server
refuses the format, and remembering the one it accepted.

The response format is sent through `extra_body` so that LangChain keeps its plain
streaming path (a `response_format` argument switches it to the beta parse-helper stream).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from rag.llm.retry import LLMUnavailable, stream_with_retries

if TYPE_CHECKING:
    from rag.llm.retry import Attempts, RetryPolicy
    from rag.settings import Settings

__all__ = [
    "LADDER",
    "Capability",
    "Mode",
    "modes_for",
    "refused_format",
    "response_format",
    "stream_structured",
]

T = TypeVar("T")

Mode = Literal["json_schema", "json_object", "none"]
LADDER: tuple[Mode, ...] = ("json_schema", "json_object", "none")
LABELS: dict[Mode, str] = {
    "json_schema": "a json_schema response format",
    "json_object": "JSON mode",
    "none": "no response format",
}
# Statuses a server answers an unsupported parameter with, and words its message would use.
_REFUSAL_STATUS = {400, 415, 422, 501}
_REFUSAL_WORDS = ("response_format", "json", "schema", "grammar", "format", "unsupported")


def modes_for(settings: Settings) -> tuple[Mode, ...]:
    """The modes to try, strongest first. POLICYQA_LLM_JSON_MODE=false means none at all."""
    if not settings.llm_json_mode or settings.llm_structured == "none":
        return ("none",)
    if settings.llm_structured == "auto":
        return LADDER
    return (settings.llm_structured,)


def response_format(mode: Mode, name: str, schema: dict[str, Any]) -> dict[str, Any] | None:
    """The `response_format` request field for a mode (None: send none)."""
    if mode == "json_schema":
        return {
            "type": "json_schema",
            "json_schema": {"name": name, "strict": True, "schema": schema},
        }
    if mode == "json_object":
        return {"type": "json_object"}
    return None


def refused_format(exc: BaseException) -> bool:
    """Whether the server refused the request for its response format (an error retrying the
    same request cannot fix, but a weaker format may)."""
    cause = exc.__cause__ if isinstance(exc, LLMUnavailable) else exc
    status = getattr(cause, "status_code", None)
    if status not in _REFUSAL_STATUS:
        return False
    said = str(getattr(cause, "message", "") or "").lower()
    return not said or any(word in said for word in _REFUSAL_WORDS)


class Capability:
    """The strongest mode the endpoint has accepted (thread-safe). Every request starts there;
    a refusal steps that request down, and only a mode that then succeeds is remembered."""

    def __init__(self, modes: Iterable[Mode]) -> None:
        self.modes: tuple[Mode, ...] = tuple(modes)
        self._start = 0
        self._accepted: Mode | None = None
        self._lock = threading.Lock()

    @property
    def accepted(self) -> Mode | None:
        """The mode of the last successful request (None before any)."""
        with self._lock:
            return self._accepted

    def tried_from(self) -> tuple[Mode, ...]:
        with self._lock:
            return self.modes[self._start :]

    def accept(self, mode: Mode) -> None:
        with self._lock:
            self._accepted = mode
            self._start = max(self._start, self.modes.index(mode))


def stream_structured(
    open_stream: Callable[[Mode], Iterable[T]],
    capability: Capability,
    policy: RetryPolicy,
    attempts: Attempts,
    refusals: list[str],
) -> Iterator[T]:
    """`stream_with_retries` over the modes the endpoint may accept. A refusal is recorded in
    `refusals` (for a notice) and the next weaker mode is tried; anything else propagates."""
    modes = capability.tried_from()
    for i, mode in enumerate(modes):
        try:
            yield from stream_with_retries(functools.partial(open_stream, mode), policy, attempts)
        except LLMUnavailable as exc:
            if i + 1 == len(modes) or not refused_format(exc):
                raise
            refusals.append(f"{LABELS[mode]} ({exc.reason})")
            continue
        capability.accept(mode)
        return
