"""The kernel's plain types: three-valued facts, verdicts, decisions, and the parts of an
answer that describe how it was decided. No rules here (they are declared data, see
`corpus/policy/coc-2024.policy.yaml`), so the independent oracle in `evals/` may import
these without importing the rules it checks.

`Facts` is the typed model of the shipped policy's seven facts. The engine does not rely on
it: it reads any model (or mapping) with the declared fact names, and loading a declaration
checks that `Facts` has exactly its facts and values (`rag.policy.engine.check_facts_model`).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "FACT_NAMES",
    "UNKNOWN",
    "Branch",
    "ClarifyingQuestion",
    "Decision",
    "Facts",
    "Option",
    "PolicyRef",
    "RuleEvaluation",
    "Tri",
    "Use",
    "Verdict",
]

# The value of a fact a question leaves open; every fact can take it.
UNKNOWN = "unknown"


class Tri(StrEnum):
    """A Kleene truth value."""

    yes = "yes"
    no = "no"
    unknown = "unknown"


class Use(StrEnum):
    facial_recognition = "facial_recognition"
    other_biometric_identification = "other_biometric_identification"
    surveillance_tracking = "surveillance_tracking"
    non_biometric = "non_biometric"
    unknown = "unknown"


class Verdict(StrEnum):
    prohibited = "prohibited"
    depends = "depends"
    not_prohibited = "not_prohibited"
    informational = "informational"
    out_of_scope = "out_of_scope"


class Facts(BaseModel):
    """What a question says about the use; anything it does not say stays unknown."""

    model_config = ConfigDict(frozen=True)

    law_enforcement: Tri = Tri.unknown
    united_states: Tri = Tri.unknown
    use: Use = Use.unknown
    real_time: Tri = Tri.unknown
    mobile_camera: Tri = Tri.unknown
    uncontrolled: Tri = Tri.unknown
    consent: Tri = Tri.unknown


FACT_NAMES: tuple[str, ...] = tuple(Facts.model_fields)


class Branch(BaseModel):
    """One settled scenario of a `depends`: under these fact values, this verdict."""

    when: dict[str, str]
    verdict: Verdict
    clauses: list[str] = Field(default_factory=list)


class Decision(BaseModel):
    verdict: Verdict
    clauses: list[str] = Field(default_factory=list, description="deciding clauses (rules that are yes)")
    rule_values: dict[str, Tri]
    open_facts: list[str] = Field(default_factory=list, description="unknown facts that decide it")
    branches: list[Branch] = Field(default_factory=list)
    caveats: list[str] = Field(default_factory=list)


class RuleEvaluation(BaseModel):
    """One rule as evaluated on an answer's facts."""

    clause_id: str
    value: str  # yes / no / unknown
    reads: dict[str, str] = Field(default_factory=dict, description="fact -> the value it read")


class PolicyRef(BaseModel):
    """Which policy (and which version of it) an answer was decided under."""

    id: str
    version: str
    effective: str | None = None


class Option(BaseModel):
    """A one-click answer to a clarifying question: the facts it settles."""

    label: str
    settles: dict[str, str]


class ClarifyingQuestion(BaseModel):
    fact: str
    question: str
    options: list[Option] = Field(default_factory=list)
