"""The model's verdict checked against the rules, on the facts the model extracted.

The rules decide: `Answer.verdict` is the rule verdict, and a model verdict that differs
is shown as a disagreement, never hidden. Two cases need more than the rules:

- A model may call a question informational or out of scope; the rules have no verdict
  for those, so the model's stands ("agrees": the rules raise no objection) unless the
  rules find the facts it read prohibited.
- A safety floor: when the model's facts lead to a lenient verdict but the offline reader's
  facts lead the rules to `prohibited`, the stricter reading wins and the difference is
  shown. Answering not_prohibited where the policy prohibits is the costly error, and a
  model can be talked into misreading facts (prompt injection); the offline reader cannot.
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
_LENIENT = (Verdict.not_prohibited, Verdict.informational, Verdict.out_of_scope)


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


def _floor(judgement: Judgement, model: Verdict | None, offline_facts: Facts | None) -> Judgement:
    if judgement.verdict not in _LENIENT or offline_facts is None:
        return judgement
    strict = decide(offline_facts)
    if strict.verdict is not Verdict.prohibited:
        return judgement
    return Judgement(
        Verdict.prohibited,
        offline_facts,
        "offline",
        _check(model, strict) if model is not None else None,
        [
            "The model read the facts differently from the offline reader, and on the offline "
            f"reading the rules find this prohibited ({', '.join(strict.clauses)}); the "
            "stricter verdict is shown. Check the facts."
        ],
    )
