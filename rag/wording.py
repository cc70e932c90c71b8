"""The shipped policy's wording, as functions: the words of its clauses, facts and
clarifying questions, all from its declaration (`rag.policy.wording` for any policy)."""

from __future__ import annotations

from rag.policy import ClarifyingQuestion, default_policy
from rag.policy.wording import VERDICT_HEADLINES

__all__ = [
    "VERDICT_HEADLINES",
    "clarifying_question",
    "clause_name",
    "describe_condition",
    "describe_fact",
    "describe_scenario",
]


def clause_name(clause_id: str) -> str | None:
    """The clause in a few words; None for a clause the policy does not declare."""
    return default_policy().wording.clause_names.get(clause_id)


def describe_condition(fact: str, value: str) -> str:
    return default_policy().wording.describe_condition(fact, value)


def describe_scenario(when: dict[str, str]) -> str:
    """A branch's settled facts in a few words: "live, by or for law enforcement"."""
    return default_policy().wording.describe_scenario(when)


def describe_fact(fact: str) -> str:
    return default_policy().wording.describe_fact(fact)


def clarifying_question(fact: str) -> ClarifyingQuestion:
    return default_policy().wording.clarifying_question(fact)
