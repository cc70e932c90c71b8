"""The model's verdict checked against the rules, on the facts the model extracted.

The rules decide: `Answer.verdict` is the rule verdict, and a model verdict that differs
is shown as a disagreement, never hidden. Two cases need more than the rules:

- A model may call a question informational or out of scope; the rules have no verdict
  for those, so the model's stands ("agrees": the rules raise no objection) unless the
  rules find the facts it read prohibited.
- A safety floor: verdicts are ranked (prohibited > depends > not_prohibited). When the
  offline reader's facts lead the rules to a stricter verdict than the model's facts do,
  the stricter reading wins and the difference is shown. Answering more leniently than the
  policy is the costly error, and a model can be talked into misreading facts (prompt
  injection) or send half a reply; the offline reader cannot. An informational or
  out-of-scope reading is overridden only by `prohibited`, as the rules give no rank to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from evals.oracle import Decision, Facts, Verdict, decide
from rag.models import Check

if TYPE_CHECKING:
    from rag.llm.schema import ModelReply

__all__ = ["Judgement", "judge"]

_NO_RULES = (Verdict.informational, Verdict.out_of_scope)
# How strict a verdict is, for the floor; the no-rules verdicts rank only below prohibited.
_RANK = {Verdict.prohibited: 3, Verdict.depends: 2, Verdict.not_prohibited: 1}


@dataclass
class Judgement:
    """Which facts the verdict rests on, and how the model's verdict compares."""

    verdict: Verdict
    facts: Facts | None  # the facts the rules ran on; None for an accepted no-rules verdict
    basis: str  # "model", "offline" (the offline reader's facts) or "model-topic"
    check: Check | None
    notices: list[str] = field(default_factory=list)


def _label(verdict: Verdict) -> str:
    return verdict.value.replace("_", " ")


def _check(model: Verdict | None, rules: Decision) -> Check | None:
    if model is None:
        return None
    return Check(
        status="agrees" if model is rules.verdict else "disagrees",
        model_verdict=model,
        rule_verdict=rules.verdict,
        clauses=rules.clauses,
    )


def judge(reply: ModelReply, offline_facts: Facts | None) -> Judgement:
    """`offline_facts`: the offline reader's facts when it reads the question as asking for a
    verdict (None otherwise); they serve when the model gave no facts, and as the floor."""
    model = reply.verdict
    if not reply.facts_read:
        if offline_facts is None and model in _NO_RULES:
            return Judgement(
                model,
                None,
                "model-topic",
                None,
                [
                    "The model's reply held no facts; its reading of the question as "
                    f"{_label(model)} stands."
                ],
            )
        facts = offline_facts or Facts()
        rules = decide(facts)
        return Judgement(
            rules.verdict,
            facts,
            "offline",
            _check(model, rules),
            [
                "The model's reply held no readable facts; the verdict is the rules' on the "
                "offline reading of the question."
            ],
        )
    rules = decide(reply.facts)
    judgement = (
        Judgement(
            model,
            None,
            "model-topic",
            Check(status="agrees", model_verdict=model, rule_verdict=model),
        )
        if model in _NO_RULES and rules.verdict is not Verdict.prohibited
        else Judgement(rules.verdict, reply.facts, "model", _check(model, rules))
    )
    if judgement.check is not None and judgement.check.status == "disagrees":
        judgement.notices.append(
            f"The model's verdict ({_label(judgement.check.model_verdict)}) disagrees with the "
            f"rules ({_label(rules.verdict)}) on the facts it extracted; the verdict shown is "
            "the rules'."
        )
    return _floor(judgement, model, offline_facts)


def _stricter(offline: Verdict, current: Verdict) -> bool:
    if current in _NO_RULES:
        return offline is Verdict.prohibited
    return _RANK.get(offline, 0) > _RANK.get(current, 0)


def _floor(judgement: Judgement, model: Verdict | None, offline_facts: Facts | None) -> Judgement:
    if offline_facts is None:
        return judgement
    strict = decide(offline_facts)
    if not _stricter(strict.verdict, judgement.verdict):
        return judgement
    clauses = f" ({', '.join(strict.clauses)})" if strict.clauses else ""
    check = _check(model, strict) if model is not None else None
    if check is None or check.status == "agrees":
        # The model's verdict matches, but its facts do not: the reading is what disagrees.
        check = Check(
            status="disagrees",
            model_verdict=judgement.verdict,
            rule_verdict=strict.verdict,
            clauses=strict.clauses,
        )
    return Judgement(
        strict.verdict,
        offline_facts,
        "offline",
        check,
        [
            "The model read the facts differently from the offline reader, and on the offline "
            f"reading the rules give {_label(strict.verdict)}{clauses}, stricter than "
            f"{_label(judgement.verdict)} on the model's reading; the stricter verdict is "
            "shown. Check the facts."
        ],
    )
