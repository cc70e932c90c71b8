"""The offline backend: facts parser -> rules -> composed, cited answer. No network, no key."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from evals.oracle import RULES, Facts, Tri, Use, Verdict, decide, rule_values
from rag.compose import Composer
from rag.facts import FactsReading, merge_readings, read_facts, warm_up
from rag.language import looks_english
from rag.models import Answer, PolicyRef, RuleEvaluation, Turn
from rag.topic import Topic, classify_topic
from rag.wording import clarifying_question

if TYPE_CHECKING:
    from rag.retrieval import Retriever
    from rag.settings import Settings

__all__ = ["OfflineBackend", "policy_trace", "read_conversation", "text_pieces"]


def _sets_anything(reading: FactsReading) -> bool:
    return bool(reading.spans)


def _starts_fresh(reading: FactsReading) -> bool:
    """A turn naming both the actor and the use describes a new scenario, not a follow-up."""
    f = reading.facts
    return f.use is not Use.unknown and f.law_enforcement is not Tri.unknown


def _fold(context: FactsReading | None, text: str) -> tuple[Topic, FactsReading, FactsReading | None]:
    """Read one user turn against the verdict context of the turns before it."""
    reading = read_facts(text)
    topic = classify_topic(text, reading)
    if topic == "verdict" and (context is None or _starts_fresh(reading)):
        return topic, reading, reading
    if context is not None and (topic == "verdict" or _sets_anything(reading)):
        merged = merge_readings(context, reading)
        return "verdict", merged, merged
    return topic, reading, context


def read_conversation(question: str, history: list[Turn]) -> tuple[Topic, FactsReading]:
    """The topic of the question and its facts, merged with the earlier turns' facts when the
    question continues a verdict dialogue ("it's live, on patrol")."""
    context: FactsReading | None = None
    for turn in history:
        if turn.role == "user":
            _, _, context = _fold(context, turn.content)
    topic, reading, _ = _fold(context, question)
    return topic, reading


def policy_trace(
    facts: Facts | None, retriever: Retriever
) -> tuple[list[RuleEvaluation], PolicyRef | None]:
    """Each rule as evaluated on `facts` (none for a question that asks no verdict) and the
    policy the rules belong to. Today the rules are the oracle's and the policy declares no
    id or version of its own: its id is the namespace of its clause ids
    (`coc-2024.<clause>`), its version the date in the front matter of the indexed clause
    document. The policy kernel replaces this function with its declared policy."""
    from ingest.errors import IngestError

    rules: list[RuleEvaluation] = []
    if facts is not None:
        values = rule_values(facts)
        rules = [
            RuleEvaluation(
                clause_id=rule.clause_id,
                value=str(values[rule.clause_id]),
                reads={name: str(getattr(facts, name)) for name in rule.facts},
            )
            for rule in RULES
        ]
    try:
        date = retriever.clause(RULES[0].clause_id).chunk.date
    except IngestError:  # an index without the clause document: no policy to name
        return rules, None
    policy = PolicyRef(id=RULES[0].clause_id.split(".")[0], version=date or "undated",
                       effective=date)
    return rules, policy


def text_pieces(text: str) -> Iterator[str]:
    """Split an answer into line-sized pieces for streaming."""
    yield from text.splitlines(keepends=True)


class OfflineBackend:
    name = "offline"

    def __init__(self, settings: Settings, retriever: Retriever) -> None:
        self.settings = settings
        self.retriever = retriever
        self.composer = Composer(retriever)

    def warm_up(self) -> None:
        """Load the gazetteer, the typo index and the ONNX session now, not on the first
        question (they cost seconds once)."""
        warm_up()
        self.retriever.embed("warm up")

    def answer(self, question: str, history: list[Turn]) -> Answer:
        started = time.perf_counter()
        topic, reading = read_conversation(question, history)
        parsed = time.perf_counter()
        if not looks_english(question):
            answer = Answer(question=question, verdict=Verdict.out_of_scope,
                            answer=self.composer.not_english(), facts=reading.readings())
        elif topic == "verdict":
            answer = self.decide_answer(question, reading)
        elif topic == "informational":
            text, citations = self.composer.informational(question)
            answer = Answer(question=question, verdict=Verdict.informational, answer=text,
                            citations=citations, facts=reading.readings())
        else:
            answer = Answer(question=question, verdict=Verdict.out_of_scope,
                            answer=self.composer.out_of_scope(), facts=reading.readings())
        done = time.perf_counter()
        answer.timings.update(
            parse=round((parsed - started) * 1000, 3),
            total=round((done - started) * 1000, 3),
        )
        answer.backend = self.name
        if answer.policy is None:  # questions that ask no verdict name the policy too
            answer.policy = policy_trace(None, self.retriever)[1]
        return answer

    def stream(self, question: str, history: list[Turn]) -> Iterator[str | Answer]:
        answer = self.answer(question, history)
        yield from text_pieces(answer.answer)
        yield answer

    def decide_answer(self, question: str, reading: FactsReading) -> Answer:
        """Rules and composition from given facts (also the what-if path)."""
        started = time.perf_counter()
        decision = decide(reading.facts)
        text, citations = self.composer.verdict(question, reading.facts, decision)
        rules, policy = policy_trace(reading.facts, self.retriever)
        return Answer(
            question=question,
            verdict=decision.verdict,
            answer=text,
            citations=citations,
            clauses=decision.clauses,
            caveats=decision.caveats,
            facts=reading.readings(),
            clarifying_questions=[clarifying_question(f) for f in decision.open_facts],
            branches=decision.branches,
            backend=self.name,
            rules=rules,
            policy=policy,
            timings={"compose": round((time.perf_counter() - started) * 1000, 3)},
        )

    def reconsider(self, question: str, facts: Facts) -> Answer:
        """The verdict for edited facts; spans kept where the question's reading agrees."""
        read = read_facts(question)
        spans = {
            name: span
            for name, span in read.spans.items()
            if getattr(read.facts, name) == getattr(facts, name)
        }
        return self.decide_answer(question, FactsReading(facts=facts, spans=spans))
