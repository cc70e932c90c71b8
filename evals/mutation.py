"""Mutation testing of the declared rules: does the evaluation notice a wrong rule?

Each mutant is the declared policy with one change to one rule's condition:
- drop a condition (a fact test or a group) from an all/any group;
- flip a value: a test accepts the values it rejected (`consent = no` -> `consent = yes`),
  and for a fact of several values, one value more or one fewer (`use ∈ {a, b}` -> `use = a`);
- swap and/or: an all-group becomes an any-group, or the other way.

A mutant is killed when some eval case (the gold facts of every verdict suite, and of
every dialogue turn, labelled by the independent oracle) gets another verdict or other
deciding clauses from it. The score is killed / mutants; it must stay 100%: a mutant that
survives is a rule the evaluation could get wrong unnoticed (add a case that tells them
apart). A mutant that changes no combination of fact values at all is equivalent (the
change is no change) and is reported apart, outside the score.

Fast: no question is read; the mutated rules run on the gold facts directly.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from evals.datasets import VERDICT_SUITES, load_suite
from evals.oracle import decide as oracle_decide
from rag.policy import UNKNOWN, Facts, Tri, default_policy
from rag.policy.declaration import PolicyDeclaration
from rag.policy.describe import formula
from rag.policy.engine import Policy

__all__ = ["Case", "Mutant", "MutationReport", "gold_cases", "mutants", "run_mutation"]


@dataclass(frozen=True)
class Mutant:
    clause_id: str  # the rule changed
    kind: str  # drop / flip / swap
    description: str
    declaration: PolicyDeclaration


@dataclass(frozen=True)
class Case:
    id: str
    values: dict[str, str]
    verdict: str
    clauses: tuple[str, ...]


class MutationReport(BaseModel):
    mutants: int
    killed: int
    score: float | None  # killed / (mutants - equivalent)
    cases: int
    survivors: list[str]
    equivalent: list[str]
    by_kind: dict[str, list[int]]  # kind -> [killed, mutants]
    killed_by: dict[str, str]  # mutant -> the first case that tells it apart


def gold_cases(suites: Sequence[str] = VERDICT_SUITES) -> list[Case]:
    """Every distinct set of gold facts of the suites (first case id kept), labelled by the
    oracle."""
    seen: dict[tuple[str, ...], Case] = {}
    for suite in suites:
        for record in load_suite(suite):
            found = [(record.id, record.gold_facts)] if record.gold_facts is not None else []
            found += [(f"{record.id}#{n}", t.gold_facts) for n, t in enumerate(record.turns, 1)]
            for case_id, facts in found:
                if facts is None:
                    continue
                values = {name: str(getattr(facts, name)) for name in Facts.model_fields}
                key = tuple(values.values())
                if key not in seen:
                    decision = oracle_decide(facts)
                    seen[key] = Case(case_id, values, decision.verdict.value, tuple(decision.clauses))
    return list(seen.values())


# --- Mutants --------------------------------------------------------------------------


def _as_condition(raw: dict[str, Any]) -> Any:
    from pydantic import TypeAdapter

    from rag.policy.declaration import Condition

    return TypeAdapter(Condition).validate_python(raw)


def _text(raw: dict[str, Any]) -> str:
    return formula(_as_condition(raw))


def _leaf(fact: str, accepts: Sequence[str], words: str | None) -> dict[str, Any]:
    node: dict[str, Any] = {"fact": fact, "words": words}
    if len(accepts) == 1:
        node["is"] = accepts[0]
    else:
        node["in"] = list(accepts)
    return node


def _changes(node: dict[str, Any], settled: dict[str, tuple[str, ...]]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(kind, description, the changed node) for every single change of `node` or of a
    condition inside it."""
    if "fact" in node:
        fact = node["fact"]
        accepts = [node["is"]] if node.get("is") is not None else list(node["in"])
        values = settled[fact]
        variants = [[v for v in values if v not in accepts]]  # the flip
        if len(values) > 2:  # one value more, one value fewer
            variants += [[v for v in values if v in accepts or v == extra]
                         for extra in values if extra not in accepts]
            variants += [[v for v in accepts if v != gone] for gone in accepts]
        seen: list[list[str]] = []
        for changed in variants:
            if changed and len(changed) < len(values) and changed != accepts and changed not in seen:
                seen.append(changed)
                new = _leaf(fact, changed, node.get("words"))
                yield "flip", f"`{_text(node)}` -> `{_text(new)}`", new
        return
    key = "all" if "all" in node else "any"
    children: list[dict[str, Any]] = node[key]
    if len(children) > 1:
        other = "any" if key == "all" else "all"
        swapped = {other: children}
        yield "swap", f"`{_text(node)}` -> `{_text(swapped)}`", swapped
        for i, child in enumerate(children):
            yield "drop", f"drop `{_text(child)}` from `{_text(node)}`", {
                key: children[:i] + children[i + 1:]}
    for i, child in enumerate(children):
        for kind, description, new in _changes(child, settled):
            yield kind, description, {key: [*children[:i], new, *children[i + 1:]]}


def mutants(declaration: PolicyDeclaration) -> list[Mutant]:
    """Every single mutation of every declared rule."""
    raw = declaration.model_dump(mode="json", by_alias=True, exclude_none=True)
    settled = {f.name: f.settled for f in declaration.facts}
    out = []
    for index, rule in enumerate(raw["rules"]):
        for kind, description, when in _changes(rule["when"], settled):
            changed = copy.deepcopy(raw)
            changed["rules"][index]["when"] = when
            out.append(Mutant(rule["clause"], kind, f"{rule['clause']}: {description}",
                              PolicyDeclaration.model_validate(changed)))
    return out


# --- The run ----------------------------------------------------------------------------


def _outcome(policy: Policy, values: dict[str, str]) -> tuple[str, tuple[str, ...]]:
    by_rule = policy.rule_values(values)
    clauses = tuple(cid for cid, v in by_rule.items() if v is Tri.yes)
    if clauses:
        return "prohibited", clauses
    return ("depends" if Tri.unknown in by_rule.values() else "not_prohibited"), ()


def _every_combination(policy: Policy) -> Iterator[dict[str, str]]:
    choices = [(*policy.settled[n], UNKNOWN) for n in policy.fact_names]
    for combo in itertools.product(*choices):
        yield dict(zip(policy.fact_names, combo, strict=True))


def run_mutation(
    declaration: PolicyDeclaration | None = None, cases: Sequence[Case] | None = None
) -> MutationReport:
    """Every mutant of the declared rules against the eval cases."""
    declaration = declaration or default_policy().declaration
    cases = gold_cases() if cases is None else cases
    original = Policy(declaration)
    combos = list(_every_combination(original))
    expected = [_outcome(original, values) for values in combos]
    survivors: list[str] = []
    equivalent: list[str] = []
    killed_by: dict[str, str] = {}
    by_kind: dict[str, list[int]] = {}
    all_mutants = mutants(declaration)
    for mutant in all_mutants:
        policy = Policy(mutant.declaration)
        counts = by_kind.setdefault(mutant.kind, [0, 0])
        if all(_outcome(policy, v) == e for v, e in zip(combos, expected, strict=True)):
            equivalent.append(mutant.description)
            continue
        counts[1] += 1
        case = next((c for c in cases if _outcome(policy, c.values) != (c.verdict, c.clauses)), None)
        if case is None:
            survivors.append(mutant.description)
        else:
            counts[0] += 1
            killed_by[mutant.description] = case.id
    scored = len(all_mutants) - len(equivalent)
    return MutationReport(
        mutants=len(all_mutants),
        killed=len(killed_by),
        score=len(killed_by) / scored if scored else None,
        cases=len(cases),
        survivors=survivors,
        equivalent=equivalent,
        by_kind=by_kind,
        killed_by=killed_by,
    )


if __name__ == "__main__":
    report = run_mutation()
    print(f"mutation score {report.killed}/{report.mutants - len(report.equivalent)} "
          f"on {report.cases} distinct gold fact sets")
    for description in report.survivors:
        print(f"survives: {description}")
    for description, case in report.killed_by.items():
        print(f"killed by {case}: {description}")
