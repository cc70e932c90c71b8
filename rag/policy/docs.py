"""docs/policy.md: the declared policy, how often each verdict comes out, and the truth
table over every settled combination of facts, generated from the declaration.

A test checks the committed file equals this; after changing the declaration, rewrite it
with `python -m rag.policy.docs` (the full table, unknown values included, is
`policyqa policy --table md|csv`).
"""

from __future__ import annotations

import sys
from pathlib import Path

from rag.policy import default_policy
from rag.policy.describe import policy_markdown, summary_markdown, table_markdown, truth_table
from rag.policy.engine import Policy

__all__ = ["DOCS_PATH", "docs_text"]

DOCS_PATH = Path("docs") / "policy.md"


def docs_text(policy: Policy | None = None) -> str:
    policy = policy or default_policy()
    settled = list(truth_table(policy, settled_only=True))
    return "\n".join([
        "<!-- Generated from corpus/policy/coc-2024.policy.yaml by `python -m rag.policy.docs`;"
        " do not edit. -->",
        "",
        policy_markdown(policy),
        "## Decisions",
        "",
        summary_markdown(policy),
        f"## Truth table: the {len(settled):,} combinations of settled facts",
        "",
        "Clause ids without their `" + policy.id + ".` prefix. With `unknown` values too: "
        "`policyqa policy --table md` (or `--table csv`).",
        "",
        table_markdown(policy, settled),
    ])


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DOCS_PATH
    target.write_text(docs_text(), encoding="utf-8")
    print(f"wrote {target}", file=sys.stderr)
