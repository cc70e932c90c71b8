"""Mutation testing of the declared rules: every single mutation (a condition dropped, a
value flipped, and/or swapped) makes some eval case fail; the score stays at 100%."""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.mutation import Case, MutationReport, gold_cases, mutants, run_mutation
from evals.report import mutation_line
from evals.runner import mutation_reasons
from rag.policy import default_policy, load_policy

DRONES = Path(__file__).resolve().parents[1] / "fixtures" / "drones" / "policy" / "drones-2025.policy.yaml"


@pytest.fixture(scope="module")
def report() -> MutationReport:
    return run_mutation()


def test_every_mutant_of_the_declared_rules_is_killed(report: MutationReport) -> None:
    assert report.survivors == []
    assert report.score == 1.0
    assert report.killed == report.mutants - len(report.equivalent)


def test_the_mutants_are_many_and_of_every_kind(report: MutationReport) -> None:
    assert report.mutants >= 40
    assert set(report.by_kind) == {"drop", "flip", "swap"}
    assert all(n > 0 for _, n in report.by_kind.values())
    assert report.cases > 1000  # distinct gold fact sets of the verdict suites


def test_equivalent_mutants_change_no_combination(report: MutationReport) -> None:
    # `use ∈ {facial_recognition, other_biometric_identification, surveillance_tracking} ∧
    # real_time` beside `use = surveillance_tracking ∨ ...` adds nothing: the one such mutant.
    assert report.equivalent == [
        "coc-2024.surveillance-without-consent: `use ∈ {facial_recognition, "
        "other_biometric_identification}` -> `use ∈ {facial_recognition, "
        "other_biometric_identification, surveillance_tracking}`"
    ]


def test_a_thin_suite_lets_mutants_survive() -> None:
    """The score can fail: the twelve canonical cases alone miss some mutants."""
    thin = run_mutation(cases=gold_cases(["canonical"]))
    assert thin.survivors and thin.score is not None and thin.score < 1.0


def test_mutants_of_another_policy() -> None:
    declaration = load_policy(DRONES).declaration
    found = mutants(declaration)
    kinds = sorted(m.kind for m in found)
    # unlicensed: flip licensed; night-over-dorms: swap, drop either, flip night, and the
    # area test one value more (dorms+fields, dorms+town) or flipped (fields+town).
    assert kinds == ["drop", "drop", "flip", "flip", "flip", "flip", "flip", "swap"]
    cases = [
        Case("a", {"licensed": "yes", "area": "dorms", "night": "yes"}, "prohibited",
             ("drones-2025.night-over-dorms",)),
        Case("b", {"licensed": "no", "area": "town", "night": "no"}, "prohibited",
             ("drones-2025.unlicensed",)),
    ]
    result = run_mutation(declaration, cases)
    assert 0 < result.killed < result.mutants and result.survivors


def test_the_shipped_rules_are_left_untouched() -> None:
    before = default_policy().declaration.model_dump()
    mutants(default_policy().declaration)
    assert default_policy().declaration.model_dump() == before


def test_a_survivor_fails_the_eval_gate() -> None:
    thin = run_mutation(cases=gold_cases(["canonical"])).model_dump()
    reasons = mutation_reasons(thin)
    assert len(reasons) == 1 and "survive the eval cases" in reasons[0]
    assert thin["survivors"][0] in reasons[0]
    assert mutation_reasons(run_mutation().model_dump()) == []
    assert mutation_line(thin).startswith("mutation score ")
