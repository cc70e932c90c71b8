"""A declared policy in words: its clauses, facts, rules (each condition beside the words of
its clause it rests on) and caveats as Markdown, and its truth table (every combination of
fact values -> verdict, deciding clauses, open facts) as Markdown or CSV.

`policyqa policy` prints these; docs/policy.md is generated from them (rag.policy.docs).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import product

from rag.policy.declaration import AllOf, Condition, Is, conditions
from rag.policy.engine import Policy
from rag.policy.types import UNKNOWN, Verdict

__all__ = [
    "TableRow",
    "formula",
    "policy_markdown",
    "summary_markdown",
    "table_csv",
    "table_markdown",
    "truth_table",
]


def formula(node: Condition, top: bool = True) -> str:
    """A condition as a formula: `law_enforcement = yes ∧ (use = a ∨ use ∈ {b, c})`."""
    if isinstance(node, Is):
        if node.is_ is not None:
            return f"{node.fact} = {node.is_}"
        return f"{node.fact} ∈ {{{', '.join(node.accepts)}}}"
    children, joint = (node.all, " ∧ ") if isinstance(node, AllOf) else (node.any, " ∨ ")
    if len(children) == 1:
        return formula(children[0], top)
    text = joint.join(formula(child, top=False) for child in children)
    return text if top else f"({text})"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def policy_markdown(policy: Policy) -> str:
    """The declared policy: who it is, its clauses, facts, rules and caveats."""
    d = policy.declaration
    sources = {s.id: s for s in d.sources}
    lines = [f"# {d.name}", ""]
    lines.append(f"Policy `{d.id}`, version `{d.version}`, effective {d.effective}.")
    if d.summary:
        lines += ["", " ".join(d.summary.split())]
    lines += ["", "## Clauses", ""]
    for clause in d.clauses:
        role = ("decides" if clause.id in policy.clause_ids
                else "a caveat" if clause.id in policy.caveat_clauses else "not used")
        lines.append(f"### `{clause.id}`")
        lines.append("")
        lines.append(f"*{clause.name}* — {clause.status}; {role}.")
        lines.append("")
        lines.append(f"> {' '.join(clause.text.split())}")
        lines.append("")
        quoted = [f"{sid} ({sources[sid].title})" if sid in sources else sid for sid in clause.quoted_in]
        lines.append(f"Quoted in: {'; '.join(quoted)}.")
        lines.append("")
    lines += ["## Facts", "", "Each fact is one of its values, or `unknown` when the question "
              "leaves it open.", "", "| fact | values | meaning | asked as |", "|---|---|---|---|"]
    for fact in d.facts:
        values = ", ".join(f"`{v}`" for v in fact.settled)
        lines.append(f"| `{fact.name}` | {values} | {_cell(fact.meaning)} | {_cell(fact.ask)} |")
    lines += ["", "## Rules", "", "A rule that is yes makes the use **prohibited**; if none is "
              "yes and one is unknown, the answer **depends** on the open facts that decide it; "
              "if every rule is no, the use is **not prohibited by these clauses**. Logic: "
              "three-valued (Kleene): a test on an open fact is unknown.", ""]
    for rule in d.rules:
        lines += [f"### `{rule.clause}`", "", f"Applies when `{formula(rule.when)}`.", ""]
        if rule.note:
            lines += [" ".join(rule.note.split()), ""]
        lines += ["| condition | rests on the words |", "|---|---|"]
        for leaf in conditions(rule.when):
            lines.append(f"| `{formula(leaf)}` | “{_cell(leaf.words or '')}” |")
        lines.append("")
    if d.caveats:
        lines += ["## Caveats", ""]
        for caveat in d.caveats:
            ids = ", ".join(f"`{c}`" for c in caveat.clauses)
            lines.append(f"- When `{formula(caveat.when)}`: {ids} ({' '.join(caveat.says.split())}; "
                         f"{' '.join(caveat.advice.split())}). Never a deciding clause.")
        lines.append("")
    if d.overstatements:
        lines += ["## What the coverage overstates", ""]
        for note in d.overstatements:
            verdicts = " or ".join(f"`{v}`" for v in note.verdicts)
            lines.append(f"- Source {note.source}: “{_cell(note.claim)}”. When `{formula(note.when)}` "
                         f"and the verdict is {verdicts}: {' '.join(note.reply.split())}")
        lines.append("")
    lines += [f"When nothing prohibits a use: {' '.join(d.general_requirements.split())}.", ""]
    return "\n".join(lines)


@dataclass(frozen=True)
class TableRow:
    values: dict[str, str]
    verdict: Verdict
    clauses: list[str]
    open_facts: list[str]


def truth_table(policy: Policy, *, settled_only: bool = False) -> Iterator[TableRow]:
    """Every combination of fact values (with unknown, unless `settled_only`), in the
    declared order of facts and values, with its decision."""
    choices = [
        policy.settled[name] if settled_only else (*policy.settled[name], UNKNOWN)
        for name in policy.fact_names
    ]
    for combo in product(*choices):
        values = dict(zip(policy.fact_names, combo, strict=True))
        decision = policy.decide(values)
        yield TableRow(values, decision.verdict, decision.clauses, decision.open_facts)


def _short(policy: Policy, clause_id: str) -> str:
    return clause_id.split(".", 1)[1] if clause_id.startswith(policy.id + ".") else clause_id


def table_markdown(policy: Policy, rows: Iterable[TableRow]) -> str:
    names = list(policy.fact_names)
    lines = ["| " + " | ".join([*names, "verdict", "clauses", "open facts"]) + " |",
             "|" + "---|" * (len(names) + 3)]
    for row in rows:
        clauses = ", ".join(_short(policy, c) for c in row.clauses)
        cells = [*(row.values[n] for n in names), row.verdict.value, clauses, ", ".join(row.open_facts)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def table_csv(policy: Policy, rows: Iterable[TableRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*policy.fact_names, "verdict", "clauses", "open_facts"])
    for row in rows:
        writer.writerow([*(row.values[n] for n in policy.fact_names), row.verdict.value,
                         " ".join(row.clauses), " ".join(row.open_facts)])
    return out.getvalue()


def summary_markdown(policy: Policy) -> str:
    """How often each verdict and each clause comes out over every combination."""
    rows = list(truth_table(policy))
    verdicts = Counter(r.verdict.value for r in rows)
    clauses = Counter(c for r in rows for c in r.clauses)
    lines = [f"Over all {len(rows):,} combinations of fact values (unknown included):", ""]
    lines += ["| verdict | combinations |", "|---|---|"]
    lines += [f"| `{v.value}` | {verdicts.get(v.value, 0):,} |" for v in
              (Verdict.prohibited, Verdict.depends, Verdict.not_prohibited)]
    lines += ["", "| deciding clause | combinations |", "|---|---|"]
    lines += [f"| `{cid}` | {clauses.get(cid, 0):,} |" for cid in policy.clause_ids]
    return "\n".join(lines) + "\n"

