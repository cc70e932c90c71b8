"""What the model is asked to return (the JSON schemas), and the coercions that read
loosely written values."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, Field

from rag.policy import FACT_NAMES, UNKNOWN, Facts, Tri, Use, Verdict, default_policy

__all__ = [
    "ModelReply",
    "ReplyKind",
    "coerce_cited",
    "coerce_facts",
    "coerce_verdict",
    "coerce_words",
    "response_schema",
]

# `answer`: facts, verdict, answer text and cited passages; `facts`: only the facts, each
# with the words of the question that set it.
ReplyKind = Literal["answer", "facts"]


def response_schema(kind: ReplyKind) -> dict[str, Any]:
    """The JSON schema of the reply, built from the declared facts: every fact of the
    policy with its declared values and unknown (and the verdicts). Strict-mode ready
    (every key required, no others), so one schema serves OpenAI, Azure and
    grammar-enforcing local servers."""

    def closed(properties: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": properties,
            "required": list(properties),
            "additionalProperties": False,
        }

    enums = {
        fact.name: {"type": "string", "enum": [*fact.settled, UNKNOWN]}
        for fact in default_policy().declaration.facts
    }
    if kind == "facts":
        # The words first: the model quotes, then decides (and "" when nothing sets it).
        facts = {
            name: closed({"words": {"type": "string"}, "value": enum_})
            for name, enum_ in enums.items()
        }
        return closed({"facts": closed(facts)})
    return closed(
        {
            "facts": closed(enums),
            "verdict": {"type": "string", "enum": [v.value for v in Verdict]},
            "answer": {"type": "string"},
            "cited": {"type": "array", "items": {"type": "integer"}},
        }
    )


class ModelReply(BaseModel):
    """The model's structured reply. `verdict` is None when it gave none we could read."""

    verdict: Verdict | None = None
    answer: str = ""
    cited: list[int] = Field(default_factory=list)
    facts: Facts = Field(default_factory=Facts)
    facts_read: bool = False  # False: the reply held no facts object (all unknown by default)
    words: dict[str, str] = Field(default_factory=dict)  # fact -> the words that set it


def _norm(value: Any) -> str:
    return re.sub(r"[\s\-/]+", "_", str(value).strip().strip("'\"").lower())


_TRI = {
    "yes": Tri.yes,
    "true": Tri.yes,
    "y": Tri.yes,
    "1": Tri.yes,
    "no": Tri.no,
    "false": Tri.no,
    "n": Tri.no,
    "0": Tri.no,
    "unknown": Tri.unknown,
    "none": Tri.unknown,
    "null": Tri.unknown,
    "unclear": Tri.unknown,
    "": Tri.unknown,
    "n_a": Tri.unknown,
    "not_stated": Tri.unknown,
    "unspecified": Tri.unknown,
}

_USE = {u.value: u for u in Use} | {
    "face_recognition": Use.facial_recognition,
    "facial_identification": Use.facial_recognition,
    "face_identification": Use.facial_recognition,
    "face_matching": Use.facial_recognition,
    "face_verification": Use.facial_recognition,
    "biometric_identification": Use.other_biometric_identification,
    "other_biometric": Use.other_biometric_identification,
    "surveillance": Use.surveillance_tracking,
    "tracking": Use.surveillance_tracking,
    "surveillance_or_tracking": Use.surveillance_tracking,
    "nonbiometric": Use.non_biometric,
    "non_biometric_use": Use.non_biometric,
    "none": Use.unknown,
    "null": Use.unknown,
    "": Use.unknown,
}

_VERDICT = {v.value: v for v in Verdict} | {
    "not_allowed": Verdict.prohibited,
    "banned": Verdict.prohibited,
    "forbidden": Verdict.prohibited,
    "allowed": Verdict.not_prohibited,
    "permitted": Verdict.not_prohibited,
    "notprohibited": Verdict.not_prohibited,
    "it_depends": Verdict.depends,
    "unclear": Verdict.depends,
    "info": Verdict.informational,
    "information": Verdict.informational,
    "out_of_scope_question": Verdict.out_of_scope,
    "off_topic": Verdict.out_of_scope,
    "outofscope": Verdict.out_of_scope,
}


def coerce_verdict(value: Any, problems: list[str]) -> Verdict | None:
    if value is None:
        return None
    verdict = _VERDICT.get(_norm(value))
    if verdict is None:
        problems.append(f"unreadable verdict {str(value)[:40]!r}")
    return verdict


def coerce_facts(raw: Any, problems: list[str]) -> Facts:
    """Facts from a loosely typed mapping; anything unreadable stays unknown (and is noted)."""
    if not isinstance(raw, dict):
        problems.append("facts is not an object")
        return Facts()
    values: dict[str, Any] = {}
    for name in FACT_NAMES:
        if name not in raw:
            continue
        value = raw[name]
        if isinstance(value, dict):  # the facts-only shape: {"words": ..., "value": ...}
            value = value.get("value")
        table: dict[str, Any] = _USE if name == "use" else _TRI
        key = _norm(value) if not isinstance(value, bool) else ("true" if value else "false")
        if key in table:
            values[name] = table[key]
        else:
            problems.append(f"unreadable fact {name}={str(value)[:40]!r}")
    return Facts(**values)


def coerce_cited(raw: Any, problems: list[str]) -> list[int]:
    """Citation numbers from ints, digit strings or "[n]" strings; order kept, no repeats."""
    items = raw if isinstance(raw, list) else [raw]
    numbers: list[int] = []
    for item in items:
        if item is None:
            continue
        found = (
            [int(item)]
            if isinstance(item, int) and not isinstance(item, bool)
            else [int(d) for d in re.findall(r"\d+", str(item))]
        )
        if not found:
            problems.append(f"unreadable citation {str(item)[:20]!r}")
        for n in found:
            if n not in numbers:
                numbers.append(n)
    return numbers


def coerce_words(raw: Any) -> dict[str, str]:
    """The words the model says set each fact (the facts-only shape); empty ones left out."""
    if not isinstance(raw, dict):
        return {}
    words = {}
    for name in FACT_NAMES:
        item = raw.get(name)
        if isinstance(item, dict) and isinstance(item.get("words"), str) and item["words"].strip():
            words[name] = item["words"].strip()
    return words
