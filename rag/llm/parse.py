"""The tolerant reader of the model's reply: JSON mode or not, whole or cut off.

Order of attempts: each JSON object in the text, as is and with light repairs (trailing
commas, Python literals), until one has our keys; field by field with patterns (for
broken or truncated JSON); and finally the whole text as a plain answer. Every step down is recorded in `problems`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from rag.llm.jsonscan import closing_bracket, decode_partial_string, objects, value_after_key
from rag.llm.schema import ModelReply, coerce_cited, coerce_facts, coerce_verdict, coerce_words

__all__ = ["ParsedReply", "parse_reply", "strip_fences"]

_FENCE = re.compile(r"^\s*```[a-zA-Z0-9_-]*\s*\n?|\n?\s*```\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_PY_LITERALS = {"True": "true", "False": "false", "None": "null"}
_KEYS = {"facts", "verdict", "answer", "cited"}


@dataclass
class ParsedReply:
    reply: ModelReply
    structured: bool  # a JSON object was found (whole or in part)
    problems: list[str] = field(default_factory=list)


def strip_fences(text: str) -> str:
    return _FENCE.sub("", text.strip())


def _loads(candidate: str) -> dict[str, Any] | None:
    for attempt in (candidate, _repaired(candidate)):
        try:
            value = json.loads(attempt)
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    return None


def _repaired(candidate: str) -> str:
    text = _TRAILING_COMMA.sub(r"\1", candidate)
    return re.sub(r"\b(True|False|None)\b", lambda m: _PY_LITERALS[m.group(1)], text)


def _from_mapping(data: dict[str, Any], problems: list[str], wants_answer: bool = True) -> ModelReply:
    answer = data.get("answer")
    if not isinstance(answer, str):
        if wants_answer:
            problems.append("no answer text")
        answer = "" if answer is None else str(answer)
    facts_raw = data.get("facts")
    return ModelReply(
        verdict=coerce_verdict(data.get("verdict"), problems),
        answer=answer.strip(),
        cited=coerce_cited(data.get("cited", []), problems),
        facts=coerce_facts(facts_raw, problems) if facts_raw is not None else coerce_facts({}, []),
        facts_read=isinstance(facts_raw, dict),
        words=coerce_words(facts_raw),
    )


def _field_by_field(text: str, problems: list[str], wants_answer: bool) -> ModelReply:
    """Patterns for each field, for JSON that does not parse (broken or cut off)."""
    data: dict[str, Any] = {}
    verdict = re.search(r"""["']verdict["']\s*:\s*["']([^"']*)["']""", text)
    if verdict:
        data["verdict"] = verdict.group(1)
    where = value_after_key(text, "answer")
    if where is not None and where[1] == '"':
        data["answer"] = decode_partial_string(text, where[0] + 1)[0]
    cited = re.search(r"""["']cited["']\s*:\s*\[([^\]]*)\]""", text)
    if cited:
        data["cited"] = re.findall(r"\d+", cited.group(1))
    where = value_after_key(text, "facts")
    if where is not None and where[1] == "{":
        end = closing_bracket(text, where[0])
        block = text[where[0] : end] if end is not None else text[where[0] :]
        facts = _loads(block) if end is not None else None
        if facts is None:
            pairs = re.findall(r"""["'](\w+)["']\s*:\s*["']?([\w\- ]+?)["']?\s*[,}\n]""", block)
            # The facts-only shape: "name": {"words": "...", "value": "..."} (whole objects only).
            nested = re.findall(
                r""""(\w+)"\s*:\s*\{\s*"words"\s*:\s*"((?:[^"\\]|\\.)*)"\s*,\s*"value"\s*:\s*"(\w+)"\s*\}""",
                block,
            )
            facts = dict(pairs) | {name: {"words": words, "value": value} for name, words, value in nested}
        data["facts"] = facts
    return _from_mapping(data, problems, wants_answer)


def parse_reply(text: str, keys: set[str] | frozenset[str] = frozenset(_KEYS)) -> ParsedReply:
    """`keys`: an object holding any of these is the reply (the facts-only reply has only
    `facts`, and no answer text is expected of it)."""
    problems: list[str] = []
    wants_answer = "answer" in keys
    body = strip_fences(text)
    for candidate in objects(body):
        data = _loads(candidate)
        if data is not None and keys & data.keys():
            return ParsedReply(_from_mapping(data, problems, wants_answer), True, problems)
    if "{" in body:
        problems.append("the reply's JSON is broken or cut off; read field by field")
        reply = _field_by_field(body[body.index("{") :], problems, wants_answer)
        return ParsedReply(reply, True, problems)
    problems.append("the reply holds no JSON; read as plain text")
    return ParsedReply(ModelReply(answer=body.strip()), False, problems)
