"""The Answer and its parts: what every backend returns and every front end shows."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from evals.oracle import Branch, Facts, Verdict

__all__ = [
    "Answer",
    "Check",
    "Citation",
    "ClarifyingQuestion",
    "Disagreement",
    "FactReading",
    "Option",
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


class Option(BaseModel):
    """A one-click answer to a clarifying question: the facts it settles."""

    label: str
    settles: dict[str, str]


class ClarifyingQuestion(BaseModel):
    fact: str
    question: str
    options: list[Option] = Field(default_factory=list)


class Check(BaseModel):
    """How a model's own verdict compares with the rules on the facts it extracted."""

    status: Literal["agrees", "disagrees"]
    model_verdict: Verdict
    rule_verdict: Verdict
    clauses: list[str] = Field(default_factory=list)


class Disagreement(BaseModel):
    """Readers that settled one fact differently. Shown to the user; when the verdict turns
    on it, the fact is left open and asked about instead of being settled by either reader."""

    fact: str
    readings: dict[str, str] = Field(description="reader name -> the value it read")
    decides: bool = Field(default=False, description="the verdict differs between the readings")


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

    def fact_model(self) -> Facts:
        """The facts as the oracle's model."""
        return Facts.model_validate({f.name: f.value for f in self.facts})
