"""The passages given to the model: numbered [1]..[n], fenced as quoted data, within budget."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rag.llm.budget import count_tokens, truncate

if TYPE_CHECKING:
    from rag.retrieval import Hit

__all__ = ["Passage", "build_context", "render"]

# A passage cut shorter than this many tokens is noise, not evidence: dropped instead.
MIN_CUT_TOKENS = 40
# Anything in a passage that looks like our fence is defused so a passage cannot close it.
_FENCE_LIKE = re.compile(r"<\s*/?\s*passage", re.IGNORECASE)


@dataclass(frozen=True)
class Passage:
    number: int
    hit: Hit
    text: str  # the chunk text as given to the model (maybe cut to fit the budget)

    @property
    def cut(self) -> bool:
        return self.text != self.hit.chunk.text


def _attr(value: str | None) -> str:
    return (value or "").replace('"', "'").replace("\n", " ")


def _fence(number: int, hit: Hit, text: str) -> str:
    c = hit.chunk
    head = (
        f'<passage number="{number}" kind="{c.kind}" clause="{_attr(c.clause_id)}" '
        f'title="{_attr(c.title)}" publisher="{_attr(c.publisher)}" date="{_attr(c.date)}">'
    )
    return f"{head}\n{_FENCE_LIKE.sub('(passage', text)}\n</passage>"


def render(passages: Iterable[Passage]) -> str:
    return "\n\n".join(_fence(p.number, p.hit, p.text) for p in passages)


def build_context(hits: Iterable[Hit], budget: int) -> list[Passage]:
    """Number distinct hits in order while they fit in `budget` tokens (fences included);
    the first that does not fit is cut to the room left, the rest are dropped."""
    passages: list[Passage] = []
    seen: set[str] = set()
    left = budget
    for hit in hits:
        if hit.chunk.id in seen:
            continue
        seen.add(hit.chunk.id)
        number = len(passages) + 1
        overhead = count_tokens(_fence(number, hit, "")) + 2  # the blank line between passages
        cost = overhead + count_tokens(hit.chunk.text)
        if cost <= left:
            passages.append(Passage(number, hit, hit.chunk.text))
            left -= cost
            continue
        room = left - overhead
        if room >= MIN_CUT_TOKENS:
            passages.append(Passage(number, hit, truncate(hit.chunk.text, room)))
        break
    return passages
