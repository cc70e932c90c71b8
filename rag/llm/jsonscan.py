"""Reading JSON that a model wrote: find the object in the text, and stream one string field.

Models wrap JSON in code fences, add prose around it, or stop midway. These helpers never
raise on such text; they find what is there.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

__all__ = [
    "FieldStream",
    "closing_bracket",
    "decode_partial_string",
    "first_object",
    "objects",
    "value_after_key",
]

_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def closing_bracket(text: str, start: int) -> int | None:
    """Index just past the bracket that closes the one at `start` (strings respected)."""
    opener = text[start]
    closer = {"{": "}", "[": "]"}[opener]
    depth = 0
    in_string = escaped = False
    for i in range(start, len(text)):
        ch = text[i]
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch == opener:
            depth += 1
        elif ch == closer:
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def objects(text: str) -> Iterator[str]:
    """The balanced top-level `{...}` spans of `text`, in order; stops at one that never
    closes (its inner objects are parts of it, not candidates)."""
    start = text.find("{")
    while start != -1:
        end = closing_bracket(text, start)
        if end is None:
            return
        yield text[start:end]
        start = text.find("{", end)


def first_object(text: str) -> str | None:
    """The first balanced top-level `{...}` in `text`, or None."""
    return next(objects(text), None)


def decode_partial_string(text: str, start: int) -> tuple[str, bool]:
    """Decode a JSON string body starting at `start` (just past the opening quote).

    Returns the text decoded so far and whether the closing quote was seen. A trailing,
    incomplete escape is left out (it completes when more text arrives).
    """
    out: list[str] = []
    i = start
    while i < len(text):
        ch = text[i]
        if ch == '"':
            return _join_surrogates(out), True
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        if i + 1 >= len(text):
            break
        code = text[i + 1]
        if code == "u":
            digits = text[i + 2 : i + 6]
            if len(digits) < 4:
                break
            try:
                out.append(chr(int(digits, 16)))
            except ValueError:
                out.append(digits)
            i += 6
            continue
        out.append(_ESCAPES.get(code, code))
        i += 2
    return _join_surrogates(out), False


def _join_surrogates(chars: list[str]) -> str:
    """Characters outside the BMP arrive as two \\u escapes: wait for the pair, then join."""
    if chars and "\ud800" <= chars[-1] <= "\udbff":
        chars = chars[:-1]
    joined = "".join(chars)
    if not any("\ud800" <= c <= "\udfff" for c in joined):
        return joined
    return joined.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def value_after_key(text: str, key: str) -> tuple[int, str] | None:
    """Where the value of `"key":` starts in `text` and its first character, if present."""
    match = re.search(rf'"{re.escape(key)}"\s*:\s*(\S)', text)
    if match is None:
        return None
    return match.start(1), match.group(1)


class FieldStream:
    """Feed raw model output as it streams; get back the newly decoded text of one
    top-level string field (by default `answer`), as soon as its characters arrive.

    Keys are only recognised at depth 1 of the first object, so an `"answer"` inside
    the `facts` object or inside another string does not start the capture.
    """

    def __init__(self, key: str = "answer") -> None:
        self.key = key
        self._buffer = ""
        self._pos = 0  # next character of _buffer to scan
        self._depth = 0
        self._in_string = False
        self._escaped = False
        self._string_start = 0
        self._expect_key = False
        self._last_key: str | None = None
        self._value_start: int | None = None  # where the captured string body starts
        self._emitted = 0
        self.done = False

    @property
    def text(self) -> str:
        """All the field text decoded so far."""
        if self._value_start is None:
            return ""
        return decode_partial_string(self._buffer, self._value_start)[0]

    def feed(self, piece: str) -> str:
        self._buffer += piece
        if self._value_start is None:
            self._scan()
        if self._value_start is None:
            return ""
        decoded, closed = decode_partial_string(self._buffer, self._value_start)
        self.done = closed
        new = decoded[self._emitted :]
        self._emitted = len(decoded)
        return new

    def _scan(self) -> None:
        buf = self._buffer
        while self._pos < len(buf) and self._value_start is None:
            ch = buf[self._pos]
            if self._in_string:
                if self._escaped:
                    self._escaped = False
                elif ch == "\\":
                    self._escaped = True
                elif ch == '"':
                    self._in_string = False
                    if self._depth == 1 and self._expect_key:
                        raw = buf[self._string_start : self._pos + 1]
                        try:
                            self._last_key = json.loads(raw)
                        except ValueError:
                            self._last_key = None
            elif ch == '"':
                if self._depth == 1 and not self._expect_key and self._last_key == self.key:
                    self._value_start = self._pos + 1
                self._in_string = True
                self._string_start = self._pos
            elif ch in "{[":
                self._depth += 1
                self._expect_key = ch == "{" and self._depth == 1
            elif ch in "}]":
                self._depth -= 1
            elif ch == "," and self._depth == 1:
                self._expect_key = True
                self._last_key = None
            elif ch == ":" and self._depth == 1:
                self._expect_key = False
            self._pos += 1
