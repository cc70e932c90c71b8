"""Our own retries: backoff on 429/5xx, timeouts and dropped connections, honouring
Retry-After. The openai client's retries are off, so this is the only loop.

A streamed call is retried only until its first chunk; a failure after that is a broken
stream (`StreamBroken`), which the caller must mark incomplete rather than restart.
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

__all__ = [
    "Attempts",
    "LLMUnavailable",
    "RetryPolicy",
    "StreamBroken",
    "call_with_retries",
    "describe_error",
    "retry_after",
    "stream_with_retries",
]

T = TypeVar("T")

_RETRY_STATUS = {408, 409, 429}


class LLMUnavailable(Exception):
    """The endpoint did not answer (after retries, or with an error retrying cannot fix)."""

    def __init__(self, reason: str, attempts: int) -> None:
        super().__init__(f"{reason} (after {attempts} attempt{'s' if attempts != 1 else ''})")
        self.reason = reason
        self.attempts = attempts


class StreamBroken(Exception):
    """The stream failed after it had started."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Attempts:
    """What the retry loop did, for Answer.usage and timings."""

    calls: int = 0
    retries: int = 0
    waited_s: float = 0.0


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int
    timeout_s: float  # the per-request timeout (for messages)
    max_wait_s: float  # a longer Retry-After than this is not waited for: we give up
    base_s: float = 0.5
    cap_s: float = 8.0
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)

    def wait(self, exc: BaseException, attempt: int) -> float | None:
        """Seconds to wait before the next attempt, or None to give up."""
        if attempt >= self.max_retries or not is_retryable(exc):
            return None
        asked = retry_after(exc)
        if asked is not None:
            return asked if asked <= self.max_wait_s else None
        return min(self.cap_s, self.base_s * 2**attempt) * random.uniform(1.0, 1.25)


def _status(exc: BaseException) -> int | None:
    status = getattr(exc, "status_code", None)
    return status if isinstance(status, int) else None


def is_retryable(exc: BaseException) -> bool:
    import httpx
    import openai

    status = _status(exc)
    if status is not None:
        return status in _RETRY_STATUS or status >= 500
    return isinstance(exc, openai.APIConnectionError | httpx.TransportError)


def retry_after(exc: BaseException) -> float | None:
    """The server's Retry-After (seconds or an HTTP date; or retry-after-ms), if any."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return max(float(millis) / 1000.0, 0.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    when = email.utils.parsedate_to_datetime(value) if "," in value else None
    if when is None:
        return None
    return max(when.timestamp() - time.time(), 0.0)


def describe_error(exc: BaseException, timeout_s: float) -> str:
    """A short, user-facing reason (no secrets: never the request or its headers)."""
    import openai

    if isinstance(exc, openai.APITimeoutError):
        return f"no reply within {timeout_s:g} s"
    status = _status(exc)
    if status is not None:
        hint = {
            401: "check the API key",
            403: "the key may not reach this model",
            404: "check the model or deployment name and the endpoint",
            429: "rate limited",
        }.get(status, "server error" if status >= 500 else "request refused")
        said = getattr(exc, "message", "")
        # The server's own words help with a refused request (an unsupported parameter);
        # not for 401/403, whose messages can echo part of the key.
        if status in (400, 404, 422) and said:
            return f"HTTP {status}, {hint}: {str(said)[:160]}"
        return f"HTTP {status}, {hint}"
    if isinstance(exc, openai.APIConnectionError):
        return "cannot connect to the endpoint"
    return f"{type(exc).__name__}: {str(exc)[:120]}"


def _mid_stream(exc: BaseException, timeout_s: float) -> str:
    import openai

    if isinstance(exc, openai.APITimeoutError):
        return f"no data for {timeout_s:g} s"
    if isinstance(exc, openai.APIConnectionError):
        return "the connection dropped"
    return describe_error(exc, timeout_s)


def _next_wait(policy: RetryPolicy, exc: Exception, retry: int, attempts: Attempts) -> float:
    """The wait before retry number `retry` of one call (each call has its own budget)."""
    wait = policy.wait(exc, retry)
    if wait is None:
        raise LLMUnavailable(describe_error(exc, policy.timeout_s), retry + 1) from exc
    attempts.retries += 1
    attempts.waited_s += wait
    return wait


def call_with_retries(call: Callable[[], T], policy: RetryPolicy, attempts: Attempts) -> T:
    retry = 0
    while True:
        attempts.calls += 1
        try:
            return call()
        except Exception as exc:
            policy.sleep(_next_wait(policy, exc, retry, attempts))
            retry += 1


def stream_with_retries(
    open_stream: Callable[[], Iterable[T]], policy: RetryPolicy, attempts: Attempts
) -> Iterator[T]:
    retry = 0
    while True:
        attempts.calls += 1
        started = False
        try:
            for item in open_stream():
                started = True
                yield item
            return
        except Exception as exc:
            if started:
                raise StreamBroken(_mid_stream(exc, policy.timeout_s)) from exc
            policy.sleep(_next_wait(policy, exc, retry, attempts))
            retry += 1
