"""The kernel (rules declared in corpus/policy/coc-2024.policy.yaml, decided by rag.policy)
and the oracle (evals/oracle.py, written by hand from POLICY_MODEL.md) agree on every
combination of fact values: verdict, deciding clauses, rule values, open facts, branches and
caveats. Two implementations that must agree: a slip in either shows here."""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

from evals import oracle
from rag.policy import FACT_NAMES, Facts, default_policy

REPO = Path(__file__).resolve().parents[2]


def _combinations() -> list[Facts]:
    choices = [(*oracle.fact_values(name), "unknown") for name in FACT_NAMES]
    return [Facts(**dict(zip(FACT_NAMES, combo, strict=True))) for combo in itertools.product(*choices)]


COMBINATIONS = _combinations()


def test_every_combination_is_compared() -> None:
    # 3^6 yes/no/unknown facts times 5 values of `use` (four settled, unknown).
    assert len(COMBINATIONS) == 3**6 * 5 == 3645
    assert len(set(COMBINATIONS)) == 3645


def test_kernel_and_oracle_agree_on_every_combination() -> None:
    policy = default_policy()
    differences = []
    for facts in COMBINATIONS:
        ours, theirs = policy.decide(facts), oracle.decide(facts)
        for part in ("verdict", "clauses", "rule_values", "open_facts", "branches", "caveats"):
            if getattr(ours, part) != getattr(theirs, part):
                differences.append(f"{facts.model_dump(mode='json')}: {part} "
                                   f"{getattr(ours, part)} vs oracle {getattr(theirs, part)}")
    assert not differences, "\n".join(differences[:10])


def test_the_same_rules_in_the_same_order_read_the_same_facts() -> None:
    policy = default_policy()
    assert policy.clause_ids == oracle.CLAUSE_IDS
    assert policy.caveat_clauses == oracle.CAVEAT_CLAUSES
    assert [r.reads for r in policy.rules] == [r.facts for r in oracle.RULES]


def test_the_oracle_imports_no_rules_of_the_kernel() -> None:
    """The oracle may share the kernel's plain types, never its declaration or engine."""
    tree = ast.parse((REPO / "evals" / "oracle.py").read_text(encoding="utf-8"))
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    } | {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    from_rag = {name for name in imported if name.split(".")[0] == "rag"}
    assert from_rag == {"rag.policy.types"}, from_rag


def test_a_wrong_declared_rule_is_caught_by_the_comparison() -> None:
    """The comparison can fail: a kernel whose us-police rule forgets `united_states`
    disagrees with the oracle somewhere."""
    from evals.mutation import mutants
    from rag.policy.engine import Policy

    wrong = next(m for m in mutants(default_policy().declaration)
                 if m.description.endswith("drop `united_states = yes` from "
                                           "`law_enforcement = yes ∧ united_states = yes ∧ "
                                           "use = facial_recognition`"))
    mutant = Policy(wrong.declaration, Facts)
    assert any(mutant.decide(f).verdict != oracle.decide(f).verdict for f in COMBINATIONS)
