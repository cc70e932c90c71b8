"""The checks a declaration must pass before it decides anything.

`references`: what refers to what (a rule's clause, a condition's fact and values, a
clause's sources), before the rules are compiled. `lint`: what a compiled policy must be:
every fact is read by some rule, every rule can apply, every condition's quoted words
occur in its clause's text, and the clause document (when the declaration names one)
holds the same clauses. Each problem names the place in the declaration it is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from rag.policy.declaration import AllOf, Condition, Is, PolicyDeclaration
from rag.policy.loading import Path_, Problem
from rag.policy.types import UNKNOWN, Tri

if TYPE_CHECKING:
    from rag.policy.engine import Policy

__all__ = ["lint", "quote_pieces", "quoted_in", "references"]

# Pieces of a condition's quoted words: "real-time … identification" quotes two pieces.
_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")


def _leaves(node: Condition, where: Path_) -> Iterator[tuple[Is, Path_]]:
    if isinstance(node, Is):
        yield node, where
        return
    key = "all" if isinstance(node, AllOf) else "any"
    children = node.all if isinstance(node, AllOf) else node.any
    for i, child in enumerate(children):
        yield from _leaves(child, (*where, key, i))


def _duplicates(items: list[str]) -> list[int]:
    seen: set[str] = set()
    repeated = []
    for i, item in enumerate(items):
        if item in seen:
            repeated.append(i)
        seen.add(item)
    return repeated


def _condition_refs(d: PolicyDeclaration, node: Condition, where: Path_) -> Iterator[Problem]:
    for leaf, at in _leaves(node, where):
        fact = d.fact(leaf.fact)
        if fact is None:
            yield Problem((*at, "fact"), f"no fact is declared as {leaf.fact!r}")
            continue
        key = "is" if leaf.is_ is not None else "in"
        for value in leaf.accepts:
            if value == UNKNOWN:
                yield Problem((*at, key), "a condition cannot test for unknown (an open fact "
                                          "makes every test on it unknown)")
            elif fact.value(value) is None:
                yield Problem((*at, key), f"{leaf.fact} has no value {value!r} "
                                          f"(its values: {', '.join(fact.settled)})")
        if len(set(leaf.accepts)) != len(leaf.accepts):
            yield Problem((*at, key), "a value is listed twice")
        if set(leaf.accepts) == set(fact.settled):
            yield Problem((*at, key), f"every value of {leaf.fact} is listed: the test is no test")


def references(d: PolicyDeclaration) -> list[Problem]:
    """What the declaration refers to, it declares; and nothing is declared twice."""
    problems: list[Problem] = []
    for name, items in (
        ("sources", [s.id for s in d.sources]),
        ("clauses", [c.id for c in d.clauses]),
        ("facts", [f.name for f in d.facts]),
        ("rules", [r.clause for r in d.rules]),
    ):
        for i in _duplicates(items):
            problems.append(Problem((name, i), f"{items[i]!r} is declared twice in {name}"))
    sources = {s.id for s in d.sources}
    for i, clause in enumerate(d.clauses):
        for j, source in enumerate(clause.quoted_in):
            if source not in sources:
                problems.append(Problem(("clauses", i, "quoted_in", j), f"no source {source!r}"))
    for i, fact in enumerate(d.facts):
        values = [v.value for v in fact.values]
        for j in _duplicates(values):
            problems.append(Problem(("facts", i, "values", j), f"{values[j]!r} is declared twice"))
        for j, value in enumerate(values):
            if value == UNKNOWN:
                problems.append(Problem(("facts", i, "values", j, "value"),
                                        "unknown is every fact's open value: declare only settled ones"))
    caveat_clauses = {c for caveat in d.caveats for c in caveat.clauses}
    for i, rule in enumerate(d.rules):
        if d.clause(rule.clause) is None:
            problems.append(Problem(("rules", i, "clause"), f"no clause {rule.clause!r}"))
        elif rule.clause in caveat_clauses:
            problems.append(Problem(("rules", i, "clause"),
                                    f"{rule.clause} is a caveat clause: it cannot also decide"))
        problems += _condition_refs(d, rule.when, ("rules", i, "when"))
        for leaf, at in _leaves(rule.when, ("rules", i, "when")):
            if not leaf.words:
                problems.append(Problem(at, "a rule's condition quotes the words of its clause it "
                                            "rests on (words: ...)"))
    for i, caveat in enumerate(d.caveats):
        for j, clause_id in enumerate(caveat.clauses):
            if d.clause(clause_id) is None:
                problems.append(Problem(("caveats", i, "clauses", j), f"no clause {clause_id!r}"))
        problems += _condition_refs(d, caveat.when, ("caveats", i, "when"))
    for i, note in enumerate(d.overstatements):
        if note.source not in sources:
            problems.append(Problem(("overstatements", i, "source"), f"no source {note.source!r}"))
        problems += _condition_refs(d, note.when, ("overstatements", i, "when"))
    return problems


def quote_pieces(words: str) -> list[str]:
    return [p for p in _ELLIPSIS.split(words.strip()) if p]


def quoted_in(words: str, text: str) -> bool:
    """Whether every piece of `words` occurs in `text`, in order."""
    pos = 0
    for piece in quote_pieces(words):
        found = text.find(piece, pos)
        if found < 0:
            return False
        pos = found + len(piece)
    return True


def _document(policy: Policy, path: Path) -> list[Problem]:
    """The clause document beside the declaration holds the declared clauses, word for word."""
    from ingest.clauses import clause_sections

    d = policy.declaration
    assert d.document is not None
    where: Path_ = ("document", "file")
    target = path.parent / d.document.file
    try:
        text = target.read_text(encoding="utf-8")
    except OSError as exc:
        return [Problem(where, f"cannot read the clause document {target}: {exc}")]
    sections = {s.clause_id: s for s in clause_sections(text)}
    problems = []
    files = {s.id: s.file for s in d.sources}
    for i, clause in enumerate(d.clauses):
        section = sections.pop(clause.id, None)
        if section is None:
            problems.append(Problem(("clauses", i), f"{target.name} has no section for {clause.id}"))
            continue
        if text[section.start : section.end] != clause.text.strip():
            problems.append(Problem(("clauses", i, "text"), f"the text differs from {target.name}'s"))
        if section.status != clause.status:
            problems.append(Problem(("clauses", i, "status"),
                                    f"{target.name} says status {section.status!r}"))
        stems = [Path(n).stem for n in section.quoted_in]
        declared = [Path(files.get(s) or s).stem for s in clause.quoted_in]
        if stems != declared:
            problems.append(Problem(("clauses", i, "quoted_in"),
                                    f"{target.name} says quoted in {', '.join(section.quoted_in)}"))
    for clause_id in sections:
        problems.append(Problem(("document", "file"),
                                f"{target.name} has a clause {clause_id} the declaration lacks"))
    return problems


def lint(policy: Policy, path: Path | None = None) -> list[Problem]:
    """What a compiled policy must be (see the module's docstring); `path`: where the
    declaration is, to find its clause document."""
    d = policy.declaration
    problems: list[Problem] = []
    read = {name for rule in policy.rules for name in rule.reads}
    for i, fact in enumerate(d.facts):
        if fact.name not in read:
            problems.append(Problem(("facts", i), f"no rule reads {fact.name}"))
    for i, rule in enumerate(policy.rules):
        settled = [combo for combo in rule.table if UNKNOWN not in combo]
        if not any(rule.table[combo] is Tri.yes for combo in settled):
            problems.append(Problem(("rules", i, "when"), f"the rule for {rule.clause_id} can never apply"))
    for i, rule_decl in enumerate(d.rules):
        clause = d.clause(rule_decl.clause)
        assert clause is not None  # `references` passed
        for leaf, at in _leaves(rule_decl.when, ("rules", i, "when")):
            if leaf.words and not quoted_in(leaf.words, clause.text):
                problems.append(Problem((*at, "words"), f"{leaf.words!r} is not in the text of {clause.id}"))
    for i, caveat in enumerate(d.caveats):
        texts = [c.text for cid in caveat.clauses if (c := d.clause(cid)) is not None]
        for leaf, at in _leaves(caveat.when, ("caveats", i, "when")):
            if leaf.words and not any(quoted_in(leaf.words, t) for t in texts):
                problems.append(Problem((*at, "words"), f"{leaf.words!r} is not in its clauses' text"))
    if d.document is not None and path is not None:
        problems += _document(policy, path)
    return problems

