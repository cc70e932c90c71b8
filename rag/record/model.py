"""A decision record: everything an answer rests on, in a stable schema (`schema_version`).

Built from an Answer (`Answer.record()` or `build_record`), with the dialogue before the
question and the facts a what-if edit changed. The record is plain data; rag.record.markdown
and rag.record.html render it, and its JSON is `model_dump_json()` (schema:
docs/decision-record.schema.json, checked against this model by the tests).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal, cast

from pydantic import BaseModel, ConfigDict, Field

from rag.models import Span, Turn
from rag.wording import clause_name, describe_condition

if TYPE_CHECKING:
    from rag.models import Answer

__all__ = [
    "SCHEMA_VERSION",
    "VERDICT_LABELS",
    "DecisionRecord",
    "RecordCitation",
    "RecordClause",
    "RecordFact",
    "RecordRule",
    "build_record",
    "project_version",
]

# Bump on any change a reader of old records would notice (a field renamed, removed or
# retyped); adding an optional field is a change too, since the schema forbids extra ones.
SCHEMA_VERSION: Literal["1"] = "1"

VerdictName = Literal["prohibited", "depends", "not_prohibited", "informational", "out_of_scope"]

VERDICT_LABELS: dict[str, str] = {
    "prohibited": "Prohibited",
    "depends": "Depends",
    "not_prohibited": "Not prohibited by these clauses",
    "informational": "Information",
    "out_of_scope": "Out of scope",
}


class _Part(BaseModel):
    # Every field is written, so the schema (serialization mode) requires every field.
    model_config = ConfigDict(extra="forbid", json_schema_serialization_defaults_required=True)


class Generator(_Part):
    name: Literal["policyqa"] = "policyqa"
    version: str


class RecordPolicy(_Part):
    id: str
    version: str
    effective: str | None


class RecordClause(_Part):
    clause_id: str
    name: str | None = Field(description="the clause in plain words")
    text: str | None = Field(description="the clause's full text as cited; null if not cited")


class RecordFact(_Part):
    name: str
    value: str
    meaning: str | None = Field(description="the value in words; null when not stated")
    set_by: Literal["words", "what_if", "reader", "not_stated"] = Field(
        description="words: the words in `words` set it; what_if: the user chose it in the "
        "what-if panel; reader: read without pointing at words (a model, a clarifying "
        "answer); not_stated: unknown"
    )
    words: str | None = None
    span: Span | None = None


class RecordEdit(_Part):
    fact: str
    read: str = Field(description="the value read from the question")
    chosen: str = Field(description="the value the user set")


class RecordRule(_Part):
    clause_id: str
    name: str | None
    value: Literal["yes", "no", "unknown"]
    reads: dict[str, str] = Field(description="fact -> the value the rule read")


class RecordBranch(_Part):
    when: dict[str, str]
    verdict: VerdictName
    clauses: list[str]


class RecordQuestion(_Part):
    fact: str
    question: str
    options: list[str]


class RecordCitation(_Part):
    number: int
    kind: Literal["policy", "news", "document"]
    title: str
    publisher: str | None
    date: str | None
    source: str
    chunk_id: str
    clause_id: str | None
    quote: str


class RecordCheck(_Part):
    status: Literal["agrees", "disagrees"]
    model_verdict: VerdictName
    rule_verdict: VerdictName
    clauses: list[str]


class RecordDisagreement(_Part):
    fact: str
    readings: dict[str, str]
    decides: bool


class DecisionRecord(_Part):
    """One answer as a record to file."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    record_type: Literal["policyqa.decision-record"] = "policyqa.decision-record"
    created_at: str = Field(description="when the record was made, ISO 8601 UTC")
    generator: Generator
    policy: RecordPolicy | None = Field(description="the policy's id and version; null if unknown")
    question: str
    dialogue: list[Turn] = Field(
        description="the turns of the conversation before this answer (for a typed question, "
        "the turns before it)"
    )
    verdict: VerdictName
    verdict_label: str
    deciding_clauses: list[RecordClause]
    caveats: list[RecordClause]
    facts: list[RecordFact]
    what_if: list[RecordEdit] = Field(description="facts the user changed in a what-if edit")
    rules: list[RecordRule]
    branches: list[RecordBranch] = Field(description="depends: the verdict under each scenario")
    scenario_clauses: list[RecordClause] = Field(
        description="depends: the clauses the scenarios rest on, with their text"
    )
    open_questions: list[RecordQuestion]
    answer: str
    citations: list[RecordCitation]
    backend: str
    check: RecordCheck | None = Field(description="the LLM's verdict against the rules")
    disagreements: list[RecordDisagreement]
    notices: list[str]
    incomplete: bool


def _verdict(value: object) -> VerdictName:
    name = str(value)
    if name not in VERDICT_LABELS:
        raise ValueError(f"not a verdict: {name!r}")
    return cast(VerdictName, name)


def project_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("policyqa")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _clause_texts(answer: Answer) -> dict[str, str]:
    """Each clause's text as the answer cites it from the policy (the longest quote: a
    clause is cited whole)."""
    texts: dict[str, str] = {}
    for c in answer.citations:
        if c.kind == "policy" and c.clause_id and len(c.quote) > len(texts.get(c.clause_id, "")):
            texts[c.clause_id] = c.quote
    return texts


def _clause(clause_id: str, texts: Mapping[str, str]) -> RecordClause:
    return RecordClause(clause_id=clause_id, name=clause_name(clause_id),
                        text=texts.get(clause_id))


def _facts(answer: Answer, edited: Mapping[str, tuple[str, str]]) -> list[RecordFact]:
    out = []
    for f in answer.facts:
        stated = f.value != "unknown"
        if f.name in edited:
            set_by = "what_if"
        elif not stated:
            set_by = "not_stated"
        elif f.span is not None:
            set_by = "words"
        else:
            set_by = "reader"
        out.append(RecordFact(
            name=f.name, value=f.value,
            meaning=describe_condition(f.name, f.value) if stated else None,
            set_by=set_by,  # type: ignore[arg-type]
            words=f.span.text if f.span is not None and set_by == "words" else None,
            span=f.span if set_by == "words" else None,
        ))
    return out


def build_record(
    answer: Answer,
    *,
    history: Sequence[Turn] = (),
    changed: Mapping[str, tuple[str, str]] | None = None,
    now: datetime | None = None,
) -> DecisionRecord:
    """The record of `answer`. `history`: the turns before its question; `changed`: fact ->
    (value read, value chosen) for the facts a what-if edit set."""
    edited = {k: v for k, v in (changed or {}).items() if v[0] != v[1]}
    texts = _clause_texts(answer)
    created = (now or datetime.now(UTC)).astimezone(UTC)
    return DecisionRecord(
        created_at=created.isoformat(timespec="seconds").replace("+00:00", "Z"),
        generator=Generator(version=project_version()),
        policy=None if answer.policy is None else RecordPolicy(
            id=answer.policy.id, version=answer.policy.version, effective=answer.policy.effective
        ),
        question=answer.question,
        dialogue=[Turn(role=t.role, content=t.content) for t in history],
        verdict=_verdict(answer.verdict),
        verdict_label=VERDICT_LABELS[str(answer.verdict)],
        deciding_clauses=[_clause(c, texts) for c in answer.clauses],
        caveats=[_clause(c, texts) for c in answer.caveats],
        facts=_facts(answer, edited),
        what_if=[RecordEdit(fact=k, read=v[0], chosen=v[1]) for k, v in edited.items()],
        rules=[
            RecordRule(clause_id=r.clause_id, name=clause_name(r.clause_id),
                       value=r.value, reads=dict(r.reads))  # type: ignore[arg-type]
            for r in answer.rules
        ],
        branches=[
            RecordBranch(when=dict(b.when), verdict=_verdict(b.verdict), clauses=list(b.clauses))
            for b in answer.branches
        ],
        scenario_clauses=[
            _clause(c, texts)
            for c in dict.fromkeys(c for b in answer.branches for c in b.clauses)
        ],
        open_questions=[
            RecordQuestion(fact=q.fact, question=q.question, options=[o.label for o in q.options])
            for q in answer.clarifying_questions
        ],
        answer=answer.answer,
        citations=[
            RecordCitation(
                number=c.number, kind=c.kind, title=c.title, publisher=c.publisher,
                date=c.date, source=c.source, chunk_id=c.chunk_id, clause_id=c.clause_id,
                quote=c.quote,
            )
            for c in sorted(answer.citations, key=lambda c: c.number)
        ],
        backend=answer.backend,
        check=None if answer.check is None else RecordCheck(
            status=answer.check.status, model_verdict=_verdict(answer.check.model_verdict),
            rule_verdict=_verdict(answer.check.rule_verdict), clauses=list(answer.check.clauses),
        ),
        disagreements=[
            RecordDisagreement(fact=d.fact, readings=dict(d.readings), decides=d.decides)
            for d in answer.disagreements
        ],
        notices=list(answer.notices),
        incomplete=answer.incomplete,
    )
