"""The shape of a declared policy (`*.policy.yaml`), as pydantic models.

Only the shape is checked here; what refers to what (a rule's clause, a condition's fact
and values, the words a condition quotes) is checked by `rag.policy.lint`, which knows
where in the file each part is.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)

from rag.policy.types import Verdict

__all__ = [
    "CONDITION_TAGS",
    "AllOf",
    "AnyOf",
    "Caveat",
    "Clause",
    "ClauseDocument",
    "Condition",
    "FactDecl",
    "Is",
    "Overstatement",
    "PolicyDeclaration",
    "Rule",
    "Source",
    "ValueDecl",
    "conditions",
]

_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Source(_Strict):
    """A document the clause text is taken from."""

    id: str
    file: str | None = Field(default=None, description="the document under corpus/")
    title: str
    publisher: str | None = None
    date: str | None = None


class Clause(_Strict):
    id: str
    name: str = Field(description="the clause in a few words, as answers name it")
    status: str = Field(description="'in force', or what is known of it")
    text: str = Field(description="the clause's words, exactly as quoted")
    quoted_in: list[str] = Field(description="ids of the sources that quote it")

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError("a clause id is lower-case letters, digits, '.', '_' and '-'")
        return value


class ValueDecl(_Strict):
    """One settled value of a fact, with the words that describe it."""

    value: str
    says: str = Field(description="the condition in words: 'it runs live, in real time'")
    short: str = Field(description="a few words, for the scenarios of a depends: 'live'")
    option: str = Field(description="the one-click answer to the fact's question")
    choice: str | None = Field(default=None, description="a shorter label for a drop-down")


class FactDecl(_Strict):
    name: str
    meaning: str = Field(description="one line: what the fact means")
    label: str = Field(description="its label in the facts panel")
    ask: str = Field(description="the clarifying question that asks about it")
    values: list[ValueDecl] = Field(min_length=2, description="its settled values (not unknown)")

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not _NAME.match(value):
            raise ValueError("a fact name is a lower-case identifier (letters, digits, '_')")
        return value

    @property
    def settled(self) -> tuple[str, ...]:
        return tuple(v.value for v in self.values)

    def value(self, value: str) -> ValueDecl | None:
        return next((v for v in self.values if v.value == value), None)


class Is(_Strict):
    """`fact` has one of the listed values (`is: v` or `in: [v, w]`); open when the fact is
    unknown. `words`: the words of the clause this condition rests on (pieces joined by
    ' … ' must occur in that order)."""

    fact: str
    is_: str | None = Field(default=None, alias="is")
    in_: list[str] | None = Field(default=None, alias="in", min_length=1)
    words: str | None = None

    @model_validator(mode="after")
    def _one_of(self) -> Is:
        if (self.is_ is None) == (self.in_ is None):
            raise ValueError("a condition has exactly one of 'is: <value>' or 'in: [<values>]'")
        return self

    @property
    def accepts(self) -> tuple[str, ...]:
        return (self.is_,) if self.is_ is not None else tuple(self.in_ or ())


class AllOf(_Strict):
    all: list[Condition] = Field(min_length=1)


class AnyOf(_Strict):
    any: list[Condition] = Field(min_length=1)


# The tags pydantic puts in an error's location for the kind of condition (none is a key).
CONDITION_TAGS = ("fact-test", "all-of", "any-of")


def _kind(raw: Any) -> str | None:
    if isinstance(raw, dict):
        if "all" in raw:
            return "all-of"
        return "any-of" if "any" in raw else "fact-test"
    if isinstance(raw, BaseModel):
        return {AllOf: "all-of", AnyOf: "any-of", Is: "fact-test"}.get(type(raw))
    return None


# A condition is a fact test or a group of conditions (all of them / any of them).
Condition = Annotated[
    Annotated[Is, Tag("fact-test")] | Annotated[AllOf, Tag("all-of")] | Annotated[AnyOf, Tag("any-of")],
    Discriminator(_kind, custom_error_type="condition",
                  custom_error_message="a condition is {fact, is|in, words}, {all: [...]} or {any: [...]}"),
]
AllOf.model_rebuild()
AnyOf.model_rebuild()


class Rule(_Strict):
    """The clause applies (the use is prohibited by it) when `when` holds."""

    clause: str
    when: Condition
    note: str | None = None


class Caveat(_Strict):
    """Clauses added to an answer as a caveat, never as its deciding clauses."""

    clauses: list[str] = Field(min_length=1)
    when: Condition
    says: str = Field(description="what the caveat reports, before its citations")
    advice: str = Field(description="what to do about it, after the citations")


class Overstatement(_Strict):
    """A claim of the coverage that the clause text does not bear out; answers whose
    verdict the claim would get wrong point out the difference."""

    claim: str = Field(description="the claim, in the words the coverage uses (searched for)")
    source: str
    when: Condition
    verdicts: list[Verdict] = Field(min_length=1, description="the verdicts the note goes with")
    says: str
    reply: str


class ClauseDocument(_Strict):
    """The indexed document holding the clause text (relative to this file)."""

    file: str


class PolicyDeclaration(_Strict):
    id: str
    name: str
    short_name: str = Field(description="how answers name it: 'Code of Conduct'")
    version: str
    effective: str = Field(description="when this text took effect: YYYY-MM or YYYY-MM-DD")
    summary: str | None = None
    document: ClauseDocument | None = None
    general_requirements: str = Field(
        description="what still applies when no clause prohibits a use"
    )
    quote_lead: str = Field(
        default="the policy says", description="what an answer puts before a clause's quoted words"
    )
    sources: list[Source] = Field(default_factory=list)
    clauses: list[Clause] = Field(min_length=1)
    facts: list[FactDecl] = Field(min_length=1)
    rules: list[Rule] = Field(min_length=1)
    caveats: list[Caveat] = Field(default_factory=list)
    overstatements: list[Overstatement] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _policy_id(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError("a policy id is lower-case letters, digits, '.', '_' and '-'")
        return value

    @field_validator("effective")
    @classmethod
    def _effective(cls, value: str) -> str:
        if not _DATE.match(value):
            raise ValueError("the effective date is YYYY-MM or YYYY-MM-DD")
        return value

    def clause(self, clause_id: str) -> Clause | None:
        return next((c for c in self.clauses if c.id == clause_id), None)

    def fact(self, name: str) -> FactDecl | None:
        return next((f for f in self.facts if f.name == name), None)


def conditions(node: Condition) -> list[Is]:
    """The fact tests of a condition, in the order they are written."""
    if isinstance(node, Is):
        return [node]
    children = node.all if isinstance(node, AllOf) else node.any
    return [leaf for child in children for leaf in conditions(child)]

