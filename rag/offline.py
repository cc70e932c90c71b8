"""The offline backend: facts parser -> rules -> composed, cited answer. No network, no key."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from rag.compose import Composer
from rag.facts import FactsReading, merge_readings, read_facts, warm_up
from rag.facts.combine import DEFAULT_CONFIDENCE, Confidence
from rag.facts.defaults import operator_unread_for_identifying, private_operator
from rag.facts.reader import glossed, normalized
from rag.language import looks_english
from rag.models import Answer, Disagreement, Turn
from rag.policy import FACT_NAMES, Facts, Tri, Use, Verdict, default_policy
from rag.topic import Topic, classify_topic

if TYPE_CHECKING:
    from rag.policy.engine import Policy
    from rag.retrieval import Retriever
    from rag.settings import Settings

__all__ = ["OfflineBackend", "read_conversation", "reading_doubts", "text_pieces"]


def _sets_anything(reading: FactsReading) -> bool:
    return bool(reading.spans) or bool(reading.conflicts) or bool(reading.undecided)


def _has_scenario(reading: FactsReading) -> bool:
    """Who does it, or what is done: enough for a follow-up to continue it."""
    return reading.settled("use") or reading.settled("law_enforcement")


# A turn that opens like this continues the scenario before it ("and if it ran live?").
_FOLLOW_UP = re.compile(
    r"^\W*(?:and|but|or|so|also|plus|then|now|ok(?:ay)?|well|what if|what about|how about|"
    r"suppose|assume|say|same|instead|actually|wait|oh|sorry|no|yes|yeah|nope|right|only|still|"
    r"if|even if|in that case|y si|e se|et si|und wenn|en als|y|e|et|und|"
    # A turn that opens on a pronoun points back at the scenario: "It is for drivers ...".
    r"it(?:'s| is| was| would| will)|this (?:is|would|will)|the same)\b",
    re.IGNORECASE,
)
# A short turn that points back at the scenario from anywhere in it: "the families signed
# off on it, does that help?", "would that change anything?".
_POINTS_BACK = re.compile(
    r"\b(?:does|do|would|will|could|can|did) (?:that|this|it|any of that|any of this) (?:still )?"
    r"(?:help|change|matter|make (?:a|any) difference|count|work|affect|alter|fix|solve)\b|"
    r"\b(?:in|for) (?:that|this) (?:case|scenario|set ?up|situation)\b|\b(?:signed|agreed|consented) (?:off )?(?:on|to) it\b",
    re.IGNORECASE,
)
# A short turn that speaks of "it" or "them" in a dialogue with a scenario speaks of the
# scenario: "tbh it'd be better if it texted me the second it spotted them", "just tell me
# it's fine". A turn on another topic names its own subject ("this" and "that" are left out:
# "the best deal this week" points at nothing).
_REFERS_BACK = re.compile(r"\b(?:it|it's|its|itd|it'd|it'll|them|they|they'd|him|her|he|she)\b", re.IGNORECASE)
_SHORT_TURN_WORDS = 30
_NEW_SCENARIO_WORDS = 12
# A turn that takes back the last one's supposition: "ok, finally they will not ask", "forget
# that", "scrap the drone idea". The scenario goes back to what it was before that turn.
_WITHDRAWS = re.compile(
    r"\b(?:forget (?:that|it|the last|what i (?:just )?said)|scrap (?:that|the last)|never ?mind|cancel that|"
    r"(?:they|he|she|it)(?: will|'ll| would|'d)? (?:not|n't|never) (?:ask|happen|be involved|go ahead)"
    r"(?: after all)?(?![\w ]*\b(?:them|for|to)\b)|(?:they|he|she)(?:'re| are) not (?:asking|involved) after all|"
    r"back to (?:the|our|my) (?:original|first|earlier) (?:plan|idea|case|question)|"
    # "ok forget the Border Guard. Back to just our own boarding": the supposition named.
    r"(?:^|[.!?,;] ?|\b(?:ok|okay|so|right|fine|alright),? )(?:forget|drop|scrap|skip) (?:about )?(?:the|that|this) [\w' ]{1,40}?(?=[.,;!?]| back to\b)|"
    r"back to (?:just )?(?:the|our|my) (?:own )?[\w']+(?: [\w']+)? (?:only|alone|then)?(?=[.,;!?-]| but\b|$))",
    re.IGNORECASE,
)


def _starts_fresh(text: str, reading: FactsReading, context: FactsReading) -> bool:
    """A long turn naming both the actor and the use, not worded as a follow-up, describes
    a new scenario rather than continuing the last one, when it names another actor or
    another place. The same actor with no place ("we'd have the AI search the footage the
    detectives give us", after "HPD detectives ask our building in Houston") goes on with
    the scenario: it keeps where it is."""
    f, before = reading.facts, context.facts
    # An actor presumed from what the turn lacks ("tell us who the students are") is no
    # other actor named.
    actor = f.law_enforcement if "law_enforcement" not in reading.presumed else Tri.unknown
    other = ((actor is not Tri.unknown and actor is not before.law_enforcement)
             or (f.united_states is not Tri.unknown and f.united_states is not before.united_states))
    return (
        f.use is not Use.unknown
        and actor is not Tri.unknown
        and len(text.split()) >= _NEW_SCENARIO_WORDS
        and _FOLLOW_UP.match(text) is None
        and other
    )


# A turn that checks each person against their own document, or against no list at all,
# speaks of other people than the suspects or the watchlist before it: "what if it only
# checked that the traveller at the counter matches their own passport, nothing against any
# list?". Their agreement is not the earlier people's refusal.
_OWN_DOCUMENT = re.compile(
    r"\b(?:against|to|with) (?:their|his|her|its) own (?:[\w']+ )?(?:passports?|ids?|id cards?|licen[cs]es?|badges?|"
    r"photos?|pictures?|tickets?|documents?|cards?|chips?|enrol(?:l)?ment|records?|selfies?)\b|"
    r"\bnothing against (?:any|a|the) (?:[\w']+ )?(?:lists?|databases?|watch ?lists?|galler(?:y|ies))\b|"
    r"\bno (?:watch ?)?list(?:s)? (?:at all|involved|check)\b",
    re.IGNORECASE,
)


def _new_people(merged: FactsReading, turn: FactsReading, text: str) -> FactsReading:
    """An earlier "they did not agree" does not follow the scenario onto people checked
    against their own document; the turn's own word on consent still counts."""
    if (turn.settled("consent") or merged.facts.consent is not Tri.no
            or _OWN_DOCUMENT.search(text) is None):
        return merged
    spans = {k: v for k, v in merged.spans.items() if k != "consent"}
    turns = {k: v for k, v in merged.turns.items() if k != "consent"}
    return replace(merged, facts=merged.facts.model_copy(update={"consent": Tri.unknown}),
                   spans=spans, turns=turns)


def _numbered(reading: FactsReading, turn: int) -> FactsReading:
    """The reading with each settled fact marked as set by user turn `turn`."""
    turns = {name: turn for name in FACT_NAMES if reading.settled(name)}
    return replace(reading, turns=turns)


Read = Callable[[str], FactsReading]


def _fold(
    context: FactsReading | None, text: str, turn: int, read: Read, confidence: Confidence
) -> tuple[Topic, FactsReading, FactsReading | None]:
    """Read one user turn against the scenario of the turns before it.

    In a dialogue with a scenario, any turn that says something about its facts (or is
    worded as a follow-up) continues it: a later value replaces an earlier one, and a
    short follow-up is never out of scope (POLICY_MODEL.md §2.1). A first turn that only
    names an actor or a use still opens a scenario for the follow-ups.
    """
    # What a turn takes back is not said again: "forget the coast guard" names no operator.
    withdraws = _WITHDRAWS.search(text) is not None
    said = _WITHDRAWS.sub(" ", text).strip() if withdraws else text
    reading = _numbered(read(said), turn)
    topic = classify_topic(said, reading, confidence)
    if context is None or (topic == "verdict" and _starts_fresh(text, reading, context)):
        opened = reading if topic == "verdict" or _has_scenario(reading) else None
        return topic, reading, opened
    short = len(text.split()) <= _SHORT_TURN_WORDS
    points_back = short and (
        _POINTS_BACK.search(text) is not None
        or (topic == "out_of_scope" and _REFERS_BACK.search(text) is not None)
    )
    if (topic == "verdict" or _sets_anything(reading) or _FOLLOW_UP.match(text)
            or withdraws or points_back):
        merged = _new_people(merge_readings(context, reading), reading, said)
        return "verdict", merged, merged
    return topic, reading, context


def read_conversation(
    question: str,
    history: list[Turn],
    *,
    read: Read = read_facts,
    confidence: Confidence = DEFAULT_CONFIDENCE,
) -> tuple[Topic, FactsReading]:
    """The topic of the question and its facts, merged with the earlier turns' facts when the
    question continues a verdict dialogue ("it's live, on patrol"). Each fact records the
    user turn that set it. (`read` and `confidence` let the tuner try other settings.)"""
    context: FactsReading | None = None
    before: FactsReading | None = None  # the scenario before the last turn changed it
    turn = 0
    for item in history:
        if item.role == "user":
            turn += 1
            base = before if _WITHDRAWS.search(item.content) and before is not None else context
            _, _, folded = _fold(base, item.content, turn, read, confidence)
            before, context = (context if folded is not context else before), folded
    base = before if _WITHDRAWS.search(question) and before is not None else context
    topic, reading, _ = _fold(base, question, turn + 1, read, confidence)
    if topic == "verdict" and turn:
        said = [item.content for item in history if item.role == "user"] + [question]
        reading = _private_in_dialogue(reading, said, turn + 1)
    return topic, reading


def _private_in_dialogue(reading: FactsReading, said: list[str], turn: int) -> FactsReading:
    """A dialogue whose turns together show a private operator identifying its own people
    ("we'd check our players at the desk", then "players agree to it in the registration
    form"), with nothing of the police or the state in any turn, is not law enforcement,
    though no single turn says both (POLICY_MODEL.md §2.1). A presumption: a later turn
    naming an actor replaces it."""
    name = "law_enforcement"
    if reading.settled(name) or name in reading.undecided or name in reading.conflicts:
        return reading
    values = {n: reading.value(n) for n in FACT_NAMES if reading.settled(n)}
    # The whole dialogue is normalised (spelling, glossary) only when it could matter.
    if not operator_unread_for_identifying(values):
        return reading
    if private_operator(normalized(" . ".join(said)), values) is None:
        return reading
    facts = reading.facts.model_copy(update={name: Tri.no})
    return replace(reading, facts=facts, presumed=reading.presumed | {name},
                   turns={**reading.turns, name: turn})


def reading_doubts(reading: FactsReading) -> list[Disagreement]:
    """What the reading could not settle on its own: facts the readers read differently,
    and facts the question states both ways."""
    doubts = list(reading.disagreements)
    for name, words in reading.conflicts.items():
        doubts.append(
            Disagreement(
                fact=name,
                readings={f"“{span.text}”": value for value, span in words.items()},
                decides=True,
                kind="contradiction",
            )
        )
    return doubts


def _readable(question: str) -> bool:
    """English, or English enough once its foreign words are glossed."""
    return looks_english(question) or looks_english(normalized(question).norm)


def text_pieces(text: str) -> Iterator[str]:
    """Split an answer into line-sized pieces for streaming."""
    yield from text.splitlines(keepends=True)


class OfflineBackend:
    name = "offline"

    def __init__(self, settings: Settings, retriever: Retriever, policy: Policy | None = None) -> None:
        self.settings = settings
        self.retriever = retriever
        self.policy = policy or default_policy()
        self.composer = Composer(retriever, self.policy)

    def warm_up(self) -> None:
        """Load the gazetteer, the typo index and the ONNX session now, not on the first
        question (they cost seconds once)."""
        warm_up()
        self.retriever.warm_up()

    def answer(self, question: str, history: list[Turn]) -> Answer:
        started = time.perf_counter()
        topic, reading = read_conversation(question, history)
        parsed = time.perf_counter()
        # A follow-up in another language that still states a fact of the scenario ("y si
        # es con videos grabados?") continues it; any other non-English text is declined.
        own = read_facts(question)
        continues = bool(history) and topic == "verdict" and any(own.settled(n) for n in FACT_NAMES)
        if not continues and not _readable(question):
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
        if glossed(question) and answer.verdict is not Verdict.out_of_scope:
            head, _, rest = answer.answer.partition("\n\n")
            answer.answer = "\n\n".join(p for p in (head, self.composer.glossed_note(), rest) if p)
        done = time.perf_counter()
        answer.timings.update(
            parse=round((parsed - started) * 1000, 3),
            total=round((done - started) * 1000, 3),
        )
        answer.backend = self.name
        if answer.policy is None:  # questions that ask no verdict name the policy too
            answer.policy = self.policy.ref()
        return answer

    def stream(self, question: str, history: list[Turn]) -> Iterator[str | Answer]:
        answer = self.answer(question, history)
        yield from text_pieces(answer.answer)
        yield answer

    def decide_answer(self, question: str, reading: FactsReading) -> Answer:
        """Rules and composition from given facts (also the what-if path)."""
        started = time.perf_counter()
        decision = self.policy.decide(reading.facts)
        doubts = reading_doubts(reading)
        text, citations = self.composer.verdict(question, reading.facts, decision, doubts)
        ask = self.policy.wording.clarifying_question
        return Answer(
            question=question,
            verdict=decision.verdict,
            answer=text,
            citations=citations,
            clauses=decision.clauses,
            caveats=decision.caveats,
            facts=reading.readings(),
            clarifying_questions=[ask(f) for f in decision.open_facts],
            branches=decision.branches,
            backend=self.name,
            rules=self.policy.evaluations(reading.facts),
            policy=self.policy.ref(),
            timings={"compose": round((time.perf_counter() - started) * 1000, 3)},
            disagreements=doubts,
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
