"""A scripted OpenAI-compatible chat-completions server on 127.0.0.1, for tests.

Each request takes the next step of the script: a reply (JSON, or SSE when the request
asks to stream), an error status, a hang, or a stream that breaks midway. Every request
is recorded (path with query, headers, JSON body) for assertions. Nothing here knows
what the code under test will do; a test says what the "model" answers.

    with ScriptedLLMServer() as server:
        server.push(Reply(model_json(verdict="prohibited", answer="... [1]", cited=[1])))
        settings = Settings(OPENAI_BASE_URL=server.url, OPENAI_API_KEY="test", ...)
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = [
    "BrokenStream",
    "Hang",
    "Recorded",
    "Reply",
    "ScriptedLLMServer",
    "Status",
    "facts_json",
    "model_json",
]


@dataclass
class Reply:
    """A completion. Streamed in pieces of `piece_chars` when the request asks to stream."""

    content: str
    finish_reason: str | None = "stop"
    usage: tuple[int, int] | None = (321, 54)  # prompt, completion tokens
    piece_chars: int = 6
    pause_s: float = 0.0  # between streamed pieces


@dataclass
class Status:
    """An HTTP error, e.g. Status(429, {"Retry-After": "0.1"})."""

    code: int
    headers: dict[str, str] = field(default_factory=dict)
    message: str = "scripted error"


@dataclass
class Hang:
    """No reply for `seconds` (or until the server stops)."""

    seconds: float = 30.0


@dataclass
class BrokenStream:
    """Streams the first `cut` characters of `content`, then drops the connection midway
    through a chunk (a client sees an incomplete body, not a clean end)."""

    content: str
    cut: int


Step = Reply | Status | Hang | BrokenStream


@dataclass
class Recorded:
    method: str
    path: str  # with the query string
    headers: dict[str, str]
    body: dict[str, Any]
    at: float = field(default_factory=time.monotonic)  # when it arrived

    @property
    def prompt(self) -> str:
        """Every message's text, joined (to check what the model was shown)."""
        return "\n".join(str(m.get("content", "")) for m in self.body.get("messages", []))


def model_json(
    verdict: str = "prohibited",
    answer: str = "Prohibited [1].",
    cited: list[int] | None = None,
    **facts: str,
) -> str:
    """A reply in the shape the llm backend asks for (facts default to unknown)."""
    names = (
        "law_enforcement",
        "united_states",
        "use",
        "real_time",
        "mobile_camera",
        "uncontrolled",
        "consent",
    )
    return json.dumps(
        {
            "facts": {n: facts.get(n, "unknown") for n in names},
            "verdict": verdict,
            "answer": answer,
            "cited": cited if cited is not None else [1],
        },
        ensure_ascii=False,
    )


def facts_json(words: dict[str, str] | None = None, **facts: str) -> str:
    """A facts-only reply (POLICYQA_LLM_MODE=facts): every fact with its words (default "")
    and value (default unknown)."""
    names = (
        "law_enforcement",
        "united_states",
        "use",
        "real_time",
        "mobile_camera",
        "uncontrolled",
        "consent",
    )
    words = words or {}
    return json.dumps(
        {
            "facts": {
                n: {"words": words.get(n, ""), "value": facts.get(n, "unknown")} for n in names
            }
        },
        ensure_ascii=False,
    )


def _completion(reply: Reply, model: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "chatcmpl-scripted",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": reply.content},
                "finish_reason": reply.finish_reason,
            }
        ],
    }
    if reply.usage:
        p, c = reply.usage
        data["usage"] = {"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c}
    return data


def _chunk(model: str, delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-scripted",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


def _events(content: str, piece: int, model: str) -> list[dict[str, Any]]:
    events = [_chunk(model, {"role": "assistant", "content": ""})]
    events += [
        _chunk(model, {"content": content[i : i + piece]}) for i in range(0, len(content), piece)
    ]
    return events


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        self._record({})
        self._json(200, {"object": "list", "data": [{"id": "scripted-model", "object": "model"}]})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b"{}"
        try:
            body = json.loads(raw)
        except ValueError:
            body = {"_raw": raw.decode("utf-8", "replace")}
        recorded = self._record(body)
        step = self.server.next_step(recorded)
        model = str(body.get("model", "scripted-model"))
        streaming = bool(body.get("stream"))
        if isinstance(step, Status):
            error = {"error": {"message": step.message, "type": "scripted", "code": str(step.code)}}
            self._json(step.code, error, step.headers)
        elif isinstance(step, Hang):
            self.server.stopping.wait(step.seconds)
            self.close_connection = True
        elif isinstance(step, BrokenStream):
            self._sse_start()
            for event in _events(step.content[: step.cut], 6, model):
                self._sse(event)
            # Announce a chunk longer than what follows, then hang up mid-chunk.
            self.wfile.write(b'400\r\ndata: {"id": ')
            self.wfile.flush()
            self.close_connection = True
        elif streaming:
            self._stream(step, model, bool(body.get("stream_options", {}).get("include_usage")))
        else:
            self._json(200, _completion(step, model))

    def _record(self, body: dict[str, Any]) -> Recorded:
        recorded = Recorded(
            self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body
        )
        with self.server.lock:
            self.server.requests.append(recorded)
        return recorded

    def _json(self, code: int, data: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        payload = json.dumps(data).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(payload)

    def _sse_start(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

    def _write_chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def _sse(self, event: dict[str, Any] | str) -> None:
        text = event if isinstance(event, str) else json.dumps(event)
        self._write_chunk(f"data: {text}\n\n".encode())

    def _stream(self, reply: Reply, model: str, include_usage: bool) -> None:
        self._sse_start()
        for event in _events(reply.content, reply.piece_chars, model):
            self._sse(event)
            if reply.pause_s:
                self.server.stopping.wait(reply.pause_s)
        if reply.finish_reason is not None:
            self._sse(_chunk(model, {}, reply.finish_reason))
        if include_usage and reply.usage:
            p, c = reply.usage
            usage = {"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c}
            self._sse({**_chunk(model, {}), "choices": [], "usage": usage})
        self._sse("[DONE]")
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.requests: list[Recorded] = []
        self.script: deque[Step | Callable[[Recorded], Step]] = deque()
        self.default: Step | Callable[[Recorded], Step] = Status(500, message="script exhausted")

    def next_step(self, recorded: Recorded) -> Step:
        with self.lock:
            step = self.script.popleft() if self.script else self.default
        return step(recorded) if callable(step) else step


class ScriptedLLMServer:
    """Start with `with`; `push` steps; read `requests`. Stops (and unblocks hangs) on exit."""

    def __init__(self) -> None:
        self._server = _Server()
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    @property
    def endpoint(self) -> str:
        """The bare origin, as AZURE_OPENAI_ENDPOINT takes it."""
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def requests(self) -> list[Recorded]:
        with self._server.lock:
            return list(self._server.requests)

    @property
    def pending(self) -> int:
        with self._server.lock:
            return len(self._server.script)

    def push(self, *steps: Step | Callable[[Recorded], Step]) -> None:
        with self._server.lock:
            self._server.script.extend(steps)

    def answer_always(self, step: Step | Callable[[Recorded], Step]) -> None:
        """The step for every request once the script is used up (default: HTTP 500)."""
        with self._server.lock:
            self._server.default = step

    def clear(self) -> None:
        with self._server.lock:
            self._server.script.clear()
            self._server.default = Status(500, message="script exhausted")

    def __enter__(self) -> ScriptedLLMServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
