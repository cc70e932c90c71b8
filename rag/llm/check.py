"""The model's verdict checked against the rules, on the facts the two readers read.

The model's reading of the facts and the offline reader's are reconciled fact by fact
(`rag.llm.readers`); a fact they read differently is reported, and when the verdict turns on
it, it is left open and asked about. The rules decide: `Answer.verdict` is the rule verdict
on the reconciled facts, and a model verdict that differs is shown as a disagreement, never
hidden. Two cases need more than the rules:

- A model may call a question informational or out of scope; the rules have no verdict
  for those, so the model's stands ("agrees": the rules raise no objection) unless the
  rules find the facts it read prohibited.
- A safety floor: verdicts are ranked (prohibited > depends > not_prohibited). When the
  offline reader's facts lead the rules to a stricter verdict than the reconciled facts do,
  the stricter reading wins and the difference is shown. Answering more leniently than the
  policy is the costly error, and a model can be talked into misreading facts (prompt
  injection) or send half a reply; the offline reader cannot. An informational or
  out-of-scope reading is overridden only by `prohibited`, as the rules give no rank to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rag.facts.reading import FactsReading
from rag.llm.readers import OFFLINE, compare, model_reading, values_of
from rag.models import Check, Disagreement
from rag.policy import Decision, Facts, Verdict, decide

if TYPE_CHECKING:
    from rag.llm.schema import ModelReply

__all__ = ["Judgement", "judge", "rules_verdict"]

_NO_RULES = (Verdict.informational, Verdict.out_of_scope)
# How strict a verdict is, for the floor; the no-rules verdicts rank only below prohibited.
_RANK = {Verdict.prohibited: 3, Verdict.depends: 2, Verdict.not_prohibited: 1}


@dataclass
class Judgement:
    """Which facts the verdict rests on, and how the model's verdict compares."""

    verdict: Verdict
    reading: FactsReading | None  # what the rules ran on; None for an accepted no-rules verdict
    basis: str  # "readers" (the two readings reconciled), "offline" or "model-topic"
    check: Check | None
    notices: list[str] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    readings: dict[str, dict[str, str]] = field(default_factory=dict)  # reader -> fact -> value

    @property
    def facts(self) -> Facts | None:
        return self.reading.facts if self.reading is not None else None


def rules_verdict(facts: Facts) -> Verdict:
    return decide(facts).verdict


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


def judge(
    reply: ModelReply,
    offline: FactsReading | None,
    question: str = "",
    earlier: Sequence[str] = (),
) -> Judgement:
    """`offline`: the offline reader's reading when it reads the question as asking for a
    verdict (None otherwise); it is the second reader, it serves when the model gave no
    facts, and it sets the floor. `question` and `earlier` (the user's earlier turns) are
    where the model's quoted words are looked for."""
    model = reply.verdict
    if not reply.facts_read:
        if offline is None and model in _NO_RULES:
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
        reading = offline or FactsReading()
        rules = decide(reading.facts)
        return Judgement(
            rules.verdict,
            reading,
            "offline",
            _check(model, rules),
            [
                "The model's reply held no readable facts; the verdict is the rules' on the "
                "offline reading of the question."
            ],
            readings={OFFLINE: values_of(reading)} if offline is not None else {},
        )
    readers = compare(model_reading(reply, question, earlier), offline, rules_verdict)
    rules = decide(readers.reading.facts)
    judgement = (
        Judgement(
            model,
            None,
            "model-topic",
            Check(status="agrees", model_verdict=model, rule_verdict=model),
        )
        if model in _NO_RULES and rules.verdict is not Verdict.prohibited
        else Judgement(rules.verdict, readers.reading, "readers", _check(model, rules))
    )
    judgement.disagreements = readers.disagreements
    judgement.readings = readers.readings
    if judgement.check is not None and judgement.check.status == "disagrees":
        judgement.notices.append(
            f"The model's verdict ({_label(judgement.check.model_verdict)}) disagrees with the "
            f"rules ({_label(rules.verdict)}) on the facts read; the verdict shown is the rules'."
        )
    deciding = [d.fact.replace("_", " ") for d in readers.disagreements if d.decides]
    if deciding:
        judgement.notices.append(
            "The model and the offline reader read "
            + ", ".join(deciding)
            + " differently, and the verdict turns on it: it is asked about, not taken from "
            "either reader."
        )
    return _floor(judgement, model, offline)


def _stricter(offline: Verdict, current: Verdict) -> bool:
    if current in _NO_RULES:
        return offline is Verdict.prohibited
    return _RANK.get(offline, 0) > _RANK.get(current, 0)


def _floor(judgement: Judgement, model: Verdict | None, offline: FactsReading | None) -> Judgement:
    if offline is None:
        return judgement
    strict = decide(offline.facts)
    if not _stricter(strict.verdict, judgement.verdict):
        return judgement
    clauses = f" ({', '.join(strict.clauses)})" if strict.clauses else ""
    check = _check(model, strict) if model is not None else None
    if check is None or check.status == "agrees":
        # The model's verdict matches, but its facts do not: the reading is what disagrees.
        check = Check(
            status="disagrees",
            model_verdict=model if model is not None else judgement.verdict,
            rule_verdict=strict.verdict,
            clauses=strict.clauses,
        )
    return Judgement(
        strict.verdict,
        offline,
        "offline",
        check,
        [
            *judgement.notices,
            f"On the offline reader's facts the rules give {_label(strict.verdict)}{clauses}, "
            f"stricter than the {_label(judgement.verdict)} that the facts read with the model "
            "give; the stricter verdict is shown. Check the facts.",
        ],
        judgement.disagreements,
        judgement.readings or {OFFLINE: values_of(offline)},
    )

