"""The rule oracle: POLICY_MODEL.md's facts, rules and verdicts, in three-valued logic.

Every rule sits next to the clause id it encodes. `decide(facts)` is the truth the
service and the evaluation suite are judged against; it never looks at question text.

It is written by hand from POLICY_MODEL.md §3-§4, apart from the product: the product
decides with `rag.policy` from the rules declared in `corpus/policy/coc-2024.policy.yaml`,
and a test (tests/unit/test_policy_agreement.py) checks the two agree on every combination
of fact values. A slip in either shows there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import product

# The kernel's plain types only (enums, the facts model, the decision's shape): never its
# declared rules or its engine, which this module checks.
from rag.policy.types import FACT_NAMES, Branch, Decision, Facts, Tri, Use, Verdict

__all__ = [
    "CAVEAT_CLAUSES",
    "CLAUSE_IDS",
    "FACT_NAMES",
    "RULES",
    "Branch",
    "Decision",
    "Facts",
    "Rule",
    "Tri",
    "Use",
    "Verdict",
    "decide",
    "fact_values",
    "rule_values",
]


def fact_values(name: str) -> tuple[str, ...]:
    """The settled values a fact can take (never `unknown`)."""
    if name == "use":
        return tuple(u.value for u in Use if u is not Use.unknown)
    return (Tri.yes.value, Tri.no.value)


# --- Kleene connectives -------------------------------------------------------------


def k_and(*values: Tri) -> Tri:
    if Tri.no in values:
        return Tri.no
    return Tri.yes if all(v is Tri.yes for v in values) else Tri.unknown


def k_or(*values: Tri) -> Tri:
    if Tri.yes in values:
        return Tri.yes
    return Tri.no if all(v is Tri.no for v in values) else Tri.unknown


def k_not(value: Tri) -> Tri:
    return {Tri.yes: Tri.no, Tri.no: Tri.yes, Tri.unknown: Tri.unknown}[value]


def use_in(facts: Facts, *uses: Use) -> Tri:
    """`use ∈ uses`; an unknown use makes the comparison unknown."""
    if facts.use is Use.unknown:
        return Tri.unknown
    return Tri.yes if facts.use in uses else Tri.no


# --- The rules, each beside its clause --------------------------------------------


@dataclass(frozen=True)
class Rule:
    clause_id: str
    facts: tuple[str, ...]  # the facts the rule reads, for deciding which open facts matter
    applies: Callable[[Facts], Tri]


RULES: tuple[Rule, ...] = (
    Rule(
        "coc-2024.us-police-facial-recognition",
        ("law_enforcement", "united_states", "use"),
        lambda f: k_and(f.law_enforcement, f.united_states, use_in(f, Use.facial_recognition)),
    ),
    Rule(
        "coc-2024.le-realtime-mobile-in-the-wild",
        ("law_enforcement", "use", "real_time", "mobile_camera", "uncontrolled"),
        lambda f: k_and(
            f.law_enforcement,
            use_in(f, Use.facial_recognition),
            f.real_time,
            f.mobile_camera,
            f.uncontrolled,
        ),
    ),
    Rule(
        "coc-2024.surveillance-without-consent",
        ("consent", "use", "real_time"),
        lambda f: k_and(
            k_not(f.consent),
            k_or(
                use_in(f, Use.surveillance_tracking),
                k_and(
                    use_in(f, Use.facial_recognition, Use.other_biometric_identification),
                    f.real_time,
                ),
            ),
        ),
    ),
)

CLAUSE_IDS: tuple[str, ...] = tuple(r.clause_id for r in RULES)
# Earlier general restrictions, reported by seed 002: a caveat, never a deciding clause.
CAVEAT_CLAUSES: tuple[str, ...] = (
    "coc-prior.identify-verify-characteristics",
    "coc-prior.identify-verify-media",
)


def rule_values(facts: Facts) -> dict[str, Tri]:
    return {r.clause_id: r.applies(facts) for r in RULES}


# --- Verdicts -----------------------------------------------------------------------


def _verdict_of(values: dict[str, Tri]) -> Verdict:
    if Tri.yes in values.values():
        return Verdict.prohibited
    if Tri.unknown in values.values():
        return Verdict.depends
    return Verdict.not_prohibited


def _pivot(facts: Facts, values: dict[str, Tri]) -> str:
    """The open fact that matters to the most undecided rules (ties: the order of FACT_NAMES).

    Kleene logic can leave a rule unknown on a fact it no longer depends on (surveillance
    with `use = surveillance_tracking` still reads `real_time`), so a fact counts for a rule
    only if some settling of the rule's other open facts makes its value change the rule.
    """
    counts: dict[str, int] = {}
    for rule in RULES:
        if values[rule.clause_id] is not Tri.unknown:
            continue
        for name in rule.facts:
            if _is_open(facts, name) and _matters(rule, facts, name):
                counts[name] = counts.get(name, 0) + 1
    return max(FACT_NAMES, key=lambda n: (counts.get(n, 0), -FACT_NAMES.index(n)))


def _is_open(facts: Facts, name: str) -> bool:
    return getattr(facts, name) in (Tri.unknown, Use.unknown)


def _matters(rule: Rule, facts: Facts, name: str) -> bool:
    """Whether `name` changes `rule` under some settling of the rule's other open facts."""
    others = [n for n in rule.facts if n != name and _is_open(facts, n)]
    for combo in product(*(fact_values(n) for n in others)):
        settled = facts
        for other, value in zip(others, combo, strict=True):
            settled = _settle(settled, other, value)
        seen = {rule.applies(_settle(settled, name, v)) for v in fact_values(name)}
        if len(seen) > 1:
            return True
    return False


def _settle(facts: Facts, name: str, value: str) -> Facts:
    return facts.model_copy(update={name: Use(value) if name == "use" else Tri(value)})


def _branches(facts: Facts, when: dict[str, str]) -> Iterable[Branch]:
    values = rule_values(facts)
    verdict = _verdict_of(values)
    if verdict is not Verdict.depends:
        yield Branch(when=when, verdict=verdict, clauses=_yes(values))
        return
    name = _pivot(facts, values)
    for value in fact_values(name):
        yield from _branches(_settle(facts, name, value), {**when, name: value})


def _yes(values: dict[str, Tri]) -> list[str]:
    return [cid for cid, v in values.items() if v is Tri.yes]


def decide(facts: Facts) -> Decision:
    """The verdict for a question that asks whether a use is allowed."""
    values = rule_values(facts)
    verdict = _verdict_of(values)
    branches = list(_branches(facts, {})) if verdict is Verdict.depends else []
    open_facts: list[str] = []
    for branch in branches:
        for name in branch.when:
            if name not in open_facts:
                open_facts.append(name)
    caveats = list(CAVEAT_CLAUSES) if facts.use is Use.facial_recognition else []
    return Decision(
        verdict=verdict,
        clauses=_yes(values),
        rule_values=values,
        open_facts=open_facts,
        branches=branches,
        caveats=caveats,
    )
