"""The words answers, clarifying questions and the facts panel use for a policy's clauses,
facts and values: all of them from its declaration."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rag.policy.types import UNKNOWN, ClarifyingQuestion, Option

if TYPE_CHECKING:
    from rag.policy.engine import Policy

__all__ = ["NOT_STATED", "VERDICT_HEADLINES", "Wording"]

# The verdicts are the kernel's, whatever the policy.
VERDICT_HEADLINES: dict[str, str] = {
    "prohibited": "Prohibited.",
    "depends": "It depends.",
    "not_prohibited": "Not prohibited by these clauses.",
    "informational": "",
    "out_of_scope": "Out of scope.",
}
# How a drop-down names a fact left open.
NOT_STATED = "Not stated"


class Wording:
    def __init__(self, policy: Policy) -> None:
        d = policy.declaration
        self.clause_names: dict[str, str] = {c.id: c.name for c in d.clauses}
        self.fact_labels: dict[str, str] = {f.name: f.label for f in d.facts}
        self._facts = {f.name: f for f in d.facts}

    def clause_name(self, clause_id: str) -> str:
        return self.clause_names.get(clause_id, "")

    def describe_condition(self, fact: str, value: str) -> str:
        """A fact's value in words: "it runs live, in real time"."""
        decl = self._facts.get(fact)
        found = decl.value(value) if decl is not None else None
        return found.says if found is not None else f"{fact} is {value}"

    def describe_scenario(self, when: dict[str, str]) -> str:
        """A branch's settled facts in a few words: "live, by or for law enforcement"."""
        parts = []
        for fact, value in when.items():
            decl = self._facts.get(fact)
            found = decl.value(value) if decl is not None else None
            parts.append(found.short if found is not None else f"{fact} {value}")
        return ", ".join(parts)

    @staticmethod
    def describe_fact(fact: str) -> str:
        return fact.replace("_", " ")

    def fact_label(self, fact: str) -> str:
        return self.fact_labels.get(fact, fact)

    def clarifying_question(self, fact: str) -> ClarifyingQuestion:
        decl = self._facts[fact]
        options = [Option(label=v.option, settles={fact: v.value}) for v in decl.values]
        return ClarifyingQuestion(fact=fact, question=decl.ask, options=options)

    def choices(self, fact: str) -> list[tuple[str, str]]:
        """(label, value) for a drop-down of the fact's values, open last."""
        decl = self._facts[fact]
        return [(v.choice or v.option, v.value) for v in decl.values] + [(NOT_STATED, UNKNOWN)]

    def is_yes_no(self, fact: str) -> bool:
        """A yes/no fact (a radio of yes, no, unknown), rather than one of several values."""
        return self._facts[fact].settled == ("yes", "no")
