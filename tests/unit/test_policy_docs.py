"""`policyqa policy` prints the declared policy and its truth table; docs/policy.md is
generated from the declaration and must not go stale."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from typer.testing import CliRunner

from evals import oracle
from rag.cli import app
from rag.policy import Facts, default_policy
from rag.policy.docs import DOCS_PATH, docs_text

REPO = Path(__file__).resolve().parents[2]
DRONES = REPO / "tests" / "fixtures" / "drones" / "policy" / "drones-2025.policy.yaml"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["policy", *args])
    return result.exit_code, result.stdout, result.stderr


def test_committed_docs_match_the_declaration() -> None:
    committed = (REPO / DOCS_PATH).read_text(encoding="utf-8")
    assert committed == docs_text(), (
        "docs/policy.md is stale: run `python -m rag.policy.docs` and commit the result"
    )


def test_the_docs_hold_every_settled_combination() -> None:
    rows = [line for line in docs_text().splitlines() if line.startswith(("| yes |", "| no |"))]
    assert len(rows) == 2**6 * 4


def test_policy_prints_version_clauses_facts_and_rules() -> None:
    code, out, _ = _run()
    assert code == 0
    policy = default_policy()
    assert f"version `{policy.version}`, effective {policy.declaration.effective}" in out
    for clause in policy.declaration.clauses:
        assert f"`{clause.id}`" in out and " ".join(clause.text.split()) in out
    for name in policy.fact_names:
        assert f"| `{name}` |" in out
    assert ("Applies when `law_enforcement = yes ∧ united_states = yes ∧ use = facial_recognition`."
            in out)
    assert "| `consent = no` | “without the individual's valid consent” |" in out


def test_the_csv_truth_table_is_every_combination_as_the_oracle_decides_it() -> None:
    code, out, _ = _run("--table", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 3645
    for row in rows[::37]:
        facts = Facts(**{name: row[name] for name in Facts.model_fields})
        decision = oracle.decide(facts)
        assert row["verdict"] == decision.verdict.value
        assert row["clauses"].split() == decision.clauses
        assert row["open_facts"].split() == decision.open_facts


def test_the_markdown_truth_table() -> None:
    code, out, _ = _run("--table", "md")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2 + 3645
    assert lines[0].startswith("| law_enforcement | united_states | use |")


def test_another_declaration_is_checked_and_printed() -> None:
    code, out, _ = _run("--file", str(DRONES))
    assert code == 0 and out.startswith("# Campus Drone Rules")
    code, out, _ = _run("--file", str(DRONES), "--table", "csv")
    assert code == 0 and len(out.splitlines()) == 1 + 3 * 4 * 3


def test_bad_input_is_one_clear_error(tmp_path: Path) -> None:
    code, _, err = _run("--table", "html")
    assert code == 2 and "--table takes md or csv" in err
    broken = tmp_path / "x.policy.yaml"
    broken.write_text("id: x\nversion: [1\n", encoding="utf-8")
    code, _, err = _run("--file", str(broken))
    # The parser finds the unclosed list at the end of the file and says where it opened.
    assert code == 2 and f"{broken}:3: not valid YAML" in err
    assert "(while parsing a flow sequence on line 2)" in err
    code, _, err = _run("--file", str(tmp_path / "missing.policy.yaml"))
    assert code == 2 and "cannot read it" in err
