"""The Answer and its parts: what every backend returns and every front end shows.

The parts that describe how an answer was decided (clarifying questions and their options,
each rule as evaluated, the policy) are the policy kernel's types, re-exported here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from rag.policy.types import (
    Branch,
    ClarifyingQuestion,
    Facts,
    Option,
    PolicyRef,
    RuleEvaluation,
    Verdict,
)

if TYPE_CHECKING:
    from rag.record import DecisionRecord

__all__ = [
    "Answer",
    "Check",
    "Citation",
    "ClarifyingQuestion",
    "Disagreement",
    "FactReading",
    "Option",
    "PolicyRef",
    "RuleEvaluation",
    "Span",
    "Turn",
]


class Turn(BaseModel):
    """One message of chat history (the OpenAI / Gradio `messages` shape)."""

    role: Literal["user", "assistant"]
    content: str


class Span(BaseModel):
    """The words of a question that set a fact, with character offsets into it."""

    text: str
    start: int
    end: int


class FactReading(BaseModel):
    name: str
    value: str  # yes / no / unknown, or a `use` value
    span: Span | None = None  # None when unknown or set by an edit in the what-if panel
    turn: int | None = None  # the user turn of the dialogue whose words set it (1 = first)


class Citation(BaseModel):
    number: int
    chunk_id: str
    source: str
    title: str
    publisher: str | None = None
    date: str | None = None
    kind: Literal["policy", "news", "document"]
    quote: str
    clause_id: str | None = None
    score: float = 0.0


class Check(BaseModel):
    """How a model's own verdict compares with the rules on the facts it extracted."""

    status: Literal["agrees", "disagrees"]
    model_verdict: Verdict
    rule_verdict: Verdict
    clauses: list[str] = Field(default_factory=list)


class Disagreement(BaseModel):
    """One fact read two ways. `readers`: two readers settled it differently; when the
    verdict turns on it, the fact is left open and asked about instead of being settled by
    either. `contradiction`: the question itself states both values (readings map the words
    to the value they state); the fact is left open and asked about."""

    fact: str
    readings: dict[str, str] = Field(description="reader name (or the words) -> the value read")
    decides: bool = Field(default=False, description="the verdict differs between the readings")
    kind: Literal["readers", "contradiction"] = "readers"
    kept: str | None = Field(
        default=None,
        description="the value kept (the stricter reading), or None when the fact was left open",
    )


class Answer(BaseModel):
    question: str
    verdict: Verdict
    answer: str
    citations: list[Citation] = Field(default_factory=list)
    clauses: list[str] = Field(default_factory=list, description="deciding clause ids")
    caveats: list[str] = Field(default_factory=list, description="caveat clause ids")
    facts: list[FactReading] = Field(default_factory=list)
    clarifying_questions: list[ClarifyingQuestion] = Field(default_factory=list)
    branches: list[Branch] = Field(default_factory=list)
    backend: str = "offline"
    timings: dict[str, float] = Field(default_factory=dict, description="milliseconds per stage")
    check: Check | None = None
    notices: list[str] = Field(default_factory=list, description="fallbacks, dropped citations")
    disagreements: list[Disagreement] = Field(
        default_factory=list, description="facts the readers read differently"
    )
    readings: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description="when several readers read the question: reader name -> fact -> value",
    )
    usage: dict[str, int] | None = None
    incomplete: bool = False
    rules: list[RuleEvaluation] = Field(default_factory=list, description="each rule as evaluated")
    policy: PolicyRef | None = None

    def fact_model(self) -> Facts:
        """The facts as the kernel's typed model."""
        return Facts.model_validate({f.name: f.value for f in self.facts})

    def record(
        self,
        *,
        history: Sequence[Turn] = (),
        changed: Mapping[str, tuple[str, str]] | None = None,
    ) -> DecisionRecord:
        """A decision record of this answer (Markdown, JSON or HTML: see rag.record).
        `history`: the turns before the question; `changed`: facts a what-if edit set,
        fact -> (value read from the question, value the user chose)."""
        from rag.record import build_record

        return build_record(self, history=history, changed=changed)
