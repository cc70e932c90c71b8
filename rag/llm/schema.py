"""What the model is asked to return, and the coercions that read loosely written values."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, Field

from evals.oracle import FACT_NAMES, Facts, Tri, Use, Verdict

__all__ = ["ModelReply", "coerce_cited", "coerce_facts", "coerce_verdict"]


class ModelReply(BaseModel):
    """The model's structured reply. `verdict` is None when it gave none we could read."""

    verdict: Verdict | None = None
    answer: str = ""
    cited: list[int] = Field(default_factory=list)
    facts: Facts = Field(default_factory=Facts)
    facts_read: bool = False  # False: the reply held no facts object (all unknown by default)


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
