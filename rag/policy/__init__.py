"""The policy kernel: the declared policy (`corpus/policy/coc-2024.policy.yaml`), its
types, the engine that decides from its rules, and its wording.

    from rag.policy import default_policy, decide, Facts
    decide(Facts(law_enforcement="yes", united_states="yes", use="facial_recognition"))

`default_policy()` loads the shipped declaration once (checked: its shape, what refers to
what, and the lint of `rag.policy.lint`); `load_policy(path)` loads another one.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from rag.policy.types import (
    FACT_NAMES,
    UNKNOWN,
    Branch,
    ClarifyingQuestion,
    Decision,
    Facts,
    Option,
    PolicyRef,
    RuleEvaluation,
    Tri,
    Use,
    Verdict,
)

if TYPE_CHECKING:
    from pydantic import BaseModel

    from rag.policy.engine import Policy, Values

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
    "decide",
    "default_policy",
    "default_policy_path",
    "load_policy",
    "rule_values",
]


def default_policy_path() -> Path:
    """The shipped declaration (in a clone, the checkout's corpus/policy/)."""
    return Path(str(files("rag") / "corpus" / "policy" / "coc-2024.policy.yaml"))


def load_policy(path: Path, facts_model: type[BaseModel] | None = None) -> Policy:
    """A declaration, checked and compiled; `facts_model`: a typed facts model it must match
    (without one, a model is built from the declared facts). Raises `PolicyError`, each
    line naming the file and line of a problem."""
    from rag.policy.engine import Policy, check_facts_model
    from rag.policy.lint import lint, references
    from rag.policy.loading import Problem, load_declaration

    located = load_declaration(path)
    problems = references(located.declaration)
    if facts_model is not None:
        problems += [
            Problem(("facts", index) if index is not None else ("facts",), message)
            for index, message in check_facts_model(facts_model, located.declaration)
        ]
    if problems:
        raise located.error(problems)
    policy = Policy(located.declaration, facts_model, located=located)
    problems = lint(policy, path)
    if problems:
        raise located.error(problems)
    return policy


@cache
def default_policy() -> Policy:
    """The policy policyqa decides on, loaded once."""
    return load_policy(default_policy_path(), Facts)


def decide(facts: BaseModel | Values) -> Decision:
    """The default policy's decision on these facts."""
    return default_policy().decide(facts)


def rule_values(facts: BaseModel | Values) -> dict[str, Tri]:
    return default_policy().rule_values(facts)
