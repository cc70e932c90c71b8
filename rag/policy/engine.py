"""The engine: a declared policy's rules in Kleene (three-valued) logic, and the decision
they give for a question's facts (POLICY_MODEL.md §3-§4).

A rule is compiled once into its truth table over the facts it reads (unknown included),
so deciding is a few look-ups. The decision of a `depends` is a tree of scenarios: settle
the open fact that matters to the most undecided rules, both (or every) way, until each
scenario has a verdict.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from itertools import product
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel, ConfigDict, create_model, model_validator

from rag.policy.declaration import AllOf, AnyOf, Condition, Is, PolicyDeclaration, conditions
from rag.policy.types import (
    UNKNOWN,
    Branch,
    Decision,
    PolicyRef,
    RuleEvaluation,
    Tri,
    Verdict,
)

if TYPE_CHECKING:
    from rag.policy.loading import Located
    from rag.policy.wording import Wording

__all__ = [
    "CompiledRule",
    "DeclaredFacts",
    "Policy",
    "Values",
    "check_facts_model",
    "compile_condition",
    "k_and",
    "k_or",
]

Values = Mapping[str, str]  # fact name -> value ("unknown" when open)
Test = Callable[[Values], Tri]


def k_and(values: Iterable[Tri]) -> Tri:
    seen = list(values)
    if Tri.no in seen:
        return Tri.no
    return Tri.yes if all(v is Tri.yes for v in seen) else Tri.unknown


def k_or(values: Iterable[Tri]) -> Tri:
    seen = list(values)
    if Tri.yes in seen:
        return Tri.yes
    return Tri.no if all(v is Tri.no for v in seen) else Tri.unknown


def compile_condition(node: Condition) -> Test:
    """A condition as a function of the fact values; a test on an open fact is unknown."""
    if isinstance(node, Is):
        name, accepts = node.fact, frozenset(node.accepts)

        def test(values: Values) -> Tri:
            value = values[name]
            if value == UNKNOWN:
                return Tri.unknown
            return Tri.yes if value in accepts else Tri.no

        return test
    if isinstance(node, AllOf):
        parts = [compile_condition(c) for c in node.all]
        return lambda values: k_and(p(values) for p in parts)
    assert isinstance(node, AnyOf)
    parts = [compile_condition(c) for c in node.any]
    return lambda values: k_or(p(values) for p in parts)


@dataclass(frozen=True)
class CompiledRule:
    clause_id: str
    reads: tuple[str, ...]  # the facts it reads, in the order its conditions name them
    table: Mapping[tuple[str, ...], Tri]

    def applies(self, values: Values) -> Tri:
        return self.table[tuple(values[name] for name in self.reads)]


def _reads(node: Condition) -> tuple[str, ...]:
    return tuple(dict.fromkeys(leaf.fact for leaf in conditions(node)))


def _compile_rule(clause_id: str, node: Condition, settled: Mapping[str, tuple[str, ...]]) -> CompiledRule:
    reads = _reads(node)
    test = compile_condition(node)
    table = {
        combo: test(dict(zip(reads, combo, strict=True)))
        for combo in product(*((*settled[name], UNKNOWN) for name in reads))
    }
    return CompiledRule(clause_id, reads, table)


class DeclaredFacts(BaseModel):
    """The facts model of a declaration that has no typed one: each fact a string that must
    be one of its declared values or unknown."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    allowed: ClassVar[dict[str, tuple[str, ...]]] = {}

    @model_validator(mode="after")
    def _declared(self) -> DeclaredFacts:
        for name, values in self.allowed.items():
            value = getattr(self, name)
            if value not in values:
                raise ValueError(f"{name} must be one of {', '.join(values)}, not {value!r}")
        return self


def _declared_model(declaration: PolicyDeclaration) -> type[BaseModel]:
    fields: dict[str, Any] = {f.name: (str, UNKNOWN) for f in declaration.facts}
    model = create_model(
        f"Facts_{declaration.id.replace('.', '_').replace('-', '_')}",
        __base__=DeclaredFacts,
        **fields,
    )
    model.allowed = {f.name: (*f.settled, UNKNOWN) for f in declaration.facts}
    return model


def check_facts_model(model: type[BaseModel], declaration: PolicyDeclaration) -> list[tuple[int | None, str]]:
    """How a typed facts model differs from the declared facts: (index of the fact, what)."""
    problems: list[tuple[int | None, str]] = []
    names = list(model.model_fields)
    declared = [f.name for f in declaration.facts]
    if names != declared:
        problems.append((None, f"the facts model {model.__name__} has the facts {names}, "
                               f"the declaration {declared} (same names, same order)"))
        return problems
    for index, fact in enumerate(declaration.facts):
        field = model.model_fields[fact.name]
        annotation = field.annotation
        members = [str(m.value) for m in annotation] if isinstance(annotation, type) and hasattr(
            annotation, "__members__") else None
        if members != [*fact.settled, UNKNOWN]:
            problems.append((index, f"{model.__name__}.{fact.name} takes {members}, the declaration "
                                    f"{[*fact.settled, UNKNOWN]}"))
        elif str(field.default) != UNKNOWN:
            problems.append((index, f"{model.__name__}.{fact.name} must default to unknown"))
    return problems


class Policy:
    """A declaration compiled (`load_policy` checks it first): decides, and says how."""

    def __init__(self, declaration: PolicyDeclaration, facts_model: type[BaseModel] | None = None,
                 *, located: Located | None = None) -> None:
        self.declaration = declaration
        self.located = located
        self.facts_model = facts_model or _declared_model(declaration)
        self.fact_names: tuple[str, ...] = tuple(f.name for f in declaration.facts)
        self.settled: dict[str, tuple[str, ...]] = {f.name: f.settled for f in declaration.facts}
        self.rules: tuple[CompiledRule, ...] = tuple(
            _compile_rule(r.clause, r.when, self.settled) for r in declaration.rules
        )
        self.clause_ids: tuple[str, ...] = tuple(r.clause_id for r in self.rules)
        self.caveat_clauses: tuple[str, ...] = tuple(
            dict.fromkeys(c for caveat in declaration.caveats for c in caveat.clauses)
        )
        self._caveats = [(compile_condition(c.when), c.clauses) for c in declaration.caveats]
        self._by_clause = {r.clause_id: r for r in self.rules}

    # --- who it is ---------------------------------------------------------------------

    @property
    def id(self) -> str:
        return self.declaration.id

    @property
    def version(self) -> str:
        return self.declaration.version

    def ref(self) -> PolicyRef:
        return PolicyRef(id=self.declaration.id, version=self.declaration.version,
                         effective=self.declaration.effective)

    @cached_property
    def wording(self) -> Wording:
        from rag.policy.wording import Wording

        return Wording(self)

    # --- facts ---------------------------------------------------------------------------

    def values(self, facts: BaseModel | Values) -> dict[str, str]:
        """Every declared fact's value (as text) in a facts model or a mapping."""
        if isinstance(facts, BaseModel):
            return {name: str(getattr(facts, name)) for name in self.fact_names}
        values = {name: str(facts.get(name, UNKNOWN)) for name in self.fact_names}
        for name, value in values.items():
            if value != UNKNOWN and value not in self.settled[name]:
                raise ValueError(f"{name} has no value {value!r} (its values: "
                                 f"{', '.join(self.settled[name])}, unknown)")
        return values

    def facts(self, **values: str) -> BaseModel:
        """A facts model with these values, the rest unknown."""
        return self.facts_model.model_validate(values)

    # --- rules ---------------------------------------------------------------------------

    def rule(self, clause_id: str) -> CompiledRule:
        return self._by_clause[clause_id]

    def rule_values(self, facts: BaseModel | Values) -> dict[str, Tri]:
        values = self.values(facts)
        return {r.clause_id: r.applies(values) for r in self.rules}

    def evaluations(self, facts: BaseModel | Values) -> list[RuleEvaluation]:
        """Each rule as evaluated, with the facts it read."""
        values = self.values(facts)
        return [
            RuleEvaluation(clause_id=r.clause_id, value=str(r.applies(values)),
                           reads={name: values[name] for name in r.reads})
            for r in self.rules
        ]

    # --- the decision --------------------------------------------------------------------

    def decide(self, facts: BaseModel | Values) -> Decision:
        """The verdict for a question that asks whether a use is allowed."""
        values = self.values(facts)
        by_rule = self._rule_values(values)
        verdict = _verdict_of(by_rule)
        branches = list(self._branches(values, {})) if verdict is Verdict.depends else []
        open_facts: list[str] = []
        for branch in branches:
            for name in branch.when:
                if name not in open_facts:
                    open_facts.append(name)
        caveats = [c for test, clauses in self._caveats if test(values) is Tri.yes for c in clauses]
        return Decision(
            verdict=verdict,
            clauses=_yes(by_rule),
            rule_values=by_rule,
            open_facts=open_facts,
            branches=branches,
            caveats=list(dict.fromkeys(caveats)),
        )

    def _rule_values(self, values: Values) -> dict[str, Tri]:
        return {r.clause_id: r.applies(values) for r in self.rules}

    def _branches(self, values: Values, when: dict[str, str]) -> Iterator[Branch]:
        by_rule = self._rule_values(values)
        verdict = _verdict_of(by_rule)
        if verdict is not Verdict.depends:
            yield Branch(when=when, verdict=verdict, clauses=_yes(by_rule))
            return
        name = self._pivot(values, by_rule)
        for value in self.settled[name]:
            yield from self._branches({**values, name: value}, {**when, name: value})

    def _pivot(self, values: Values, by_rule: Mapping[str, Tri]) -> str:
        """The open fact that matters to the most undecided rules (ties: declaration order).

        Kleene logic can leave a rule unknown on a fact it no longer depends on (`a ∧ (b ∨
        (c ∧ d))` with `b` yes and `a` open is unknown, and reads `d`, which can no longer
        change it), so a fact counts for a rule only if some settling of the rule's other
        open facts makes its value change the rule.
        """
        counts: dict[str, int] = {}
        for rule in self.rules:
            if by_rule[rule.clause_id] is not Tri.unknown:
                continue
            for name in rule.reads:
                if values[name] == UNKNOWN and self._matters(rule, values, name):
                    counts[name] = counts.get(name, 0) + 1
        order = self.fact_names
        return max(order, key=lambda n: (counts.get(n, 0), -order.index(n)))

    def _matters(self, rule: CompiledRule, values: Values, name: str) -> bool:
        """Whether `name` changes `rule` under some settling of the rule's other open facts."""
        others = [n for n in rule.reads if n != name and values[n] == UNKNOWN]
        for combo in product(*(self.settled[n] for n in others)):
            settled = {**values, **dict(zip(others, combo, strict=True))}
            seen = {rule.applies({**settled, name: v}) for v in self.settled[name]}
            if len(seen) > 1:
                return True
        return False


def _verdict_of(values: Mapping[str, Tri]) -> Verdict:
    if Tri.yes in values.values():
        return Verdict.prohibited
    if Tri.unknown in values.values():
        return Verdict.depends
    return Verdict.not_prohibited


def _yes(values: Mapping[str, Tri]) -> list[str]:
    return [cid for cid, v in values.items() if v is Tri.yes]
