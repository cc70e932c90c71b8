"""`read_facts`: the lexical reader and the learned reader, combined fact by fact.

The lexical reader (`reader.py`) knows words: cues, negation and undecided scopes,
gazetteers; it is precise and says where it read each fact. The learned reader
(`learned/`) was trained on thousands of questions written from POLICY_MODEL.md alone and
reads meaning the cue lists miss. Per fact:

- a contradiction or an undecided plan the words state stays open, whatever the model says;
- the words settle a fact; if the model is confident of another value, the two readers
  disagree, and the disagreement is shown: when the verdict turns on it and the model's
  value is the stricter one, the fact is left open and asked about (the words never
  settle it to the lenient side against the model); otherwise the words' value stands;
- where the words are silent, the model settles a fact when it is confident enough: less
  confidence is needed for the stricter value of a fact than for the more lenient one, so
  the reader never drifts to the lenient side on a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rag.facts.learned import LearnedReader, Prediction, learned_reader
from rag.facts.reader import normalized, read_lexical
from rag.facts.reading import FactsReading
from rag.facts.text import NormText
from rag.models import Disagreement, Span
from rag.policy import FACT_NAMES, Facts, Tri, Use, decide

__all__ = ["LEARNED", "LEXICAL", "read_facts", "stricter_values"]

LEXICAL = "words"  # reader names, as shown in a disagreement
LEARNED = "trained"



@dataclass(frozen=True)
class Confidence:
    """How sure the learned reader must be (its probability) before its reading counts.
    Chosen on the development sets with `python -m evals.training --tune`."""

    strict: float = 0.8  # to settle a value that can only make a verdict stricter
    lenient: float = 0.9  # to settle a value that can make it more lenient
    use: float = 0.85  # to say what is done, when no word of the question names it
    actor: float = 0.9  # to say whether the actor is law enforcement: names are data's job
    contradict: float = 0.9  # to disagree with what the words say
    contradict_use: float = 0.99  # ... about what is done: the use cues are rarely wrong
    topic: float = 0.8  # for its question type to overrule the words'
    topic_over_off_topic: float = 0.97  # ... when the words find the question off-topic

    def to_fill(self, name: str, value: str) -> float | None:
        """The probability needed to settle `name` to `value` where the words are silent;
        None: the model never does (where a body sits is world knowledge, kept as data)."""
        if name == "united_states":
            return None
        base = self.strict if value in stricter_values(name) else self.lenient
        if name == "use":
            return max(base, self.use)
        if name == "law_enforcement":
            return max(base, self.actor)
        return base


DEFAULT_CONFIDENCE = Confidence()


# A use that tells or follows who people are needs some word of people seen, heard, named or
# followed; without one ("a man phoned saying he was from Microsoft ... is that genuine?")
# the model's identifying use is a guess from the topic, not a reading.
_WORK_ON_PEOPLE = re.compile(
    r"\b(?:fac(?:e|es|ial)|photo\w*|pictures?|pics?|images?|selfies?|headshots?|portraits?|mug ?shots?|cam(?:era)?s?|cctv|"
    r"footage|videos?|clips?|stills?|feeds?|streams?|recordings?|bodycams?|dashcams?|drones?|webcams?|lenses|"
    r"identif\w*|recogni[sz]\w*|match\w*|verif\w*|authenticat\w*|who|whom|names?|naming|voices?|speakers?|biometric\w*|"
    r"track\w*|follow\w*|monitor\w*|watch\w*|surveil\w*|gait|iris|irises|retina\w*|fingerprints?|palm\w*|scan\w*|"
    r"spot\w*|tag\w*|look(?:s|ed|ing)? up|find|finding|locat\w*|trac(?:e|es|ed|ing)|profil\w*|id|ids|"
    r"sightings?|whereabouts|movements?|location\w*|gps|enrol\w*|check ?ins?|lookalikes?|doppelgangers?|"
    # people looked for or seen: "comes into his field of view", "if that person is on our wanted list"
    r"wanted|lists?|watch ?lists?|databases?|registers?|records?|glasses|goggles|field of view|sees?|seen|sight|"
    r"point(?:s|ed|ing)? (?:a|the|an|their|his|her|our))\b"
)


def _identifies_by_words(nt: NormText, name: str, value: str) -> bool:
    return name != "use" or value in (Use.non_biometric.value, Use.unknown.value) or (
        _WORK_ON_PEOPLE.search(nt.norm) is not None
    )


def stricter_values(name: str) -> frozenset[str]:
    """The values of a fact under which more rules can apply (POLICY_MODEL.md §3)."""
    if name == "use":
        return frozenset(u.value for u in Use if u not in (Use.non_biometric, Use.unknown))
    return frozenset({Tri.no.value}) if name == "consent" else frozenset({Tri.yes.value})


def _best_settled(p: dict[str, float]) -> tuple[str, float]:
    settled = {v: q for v, q in p.items() if v != "unknown"}
    value = max(settled, key=lambda v: settled[v])
    return value, settled[value]


def _span(nt: NormText, pred: Prediction) -> Span | None:
    if pred.first < 0:
        return None
    return nt.span(nt.tokens[pred.first].start, nt.tokens[pred.last - 1].end)


def _with(facts: dict[str, str], name: str, value: str) -> Facts:
    return Facts.model_validate({**facts, name: value})


def combine(
    lexical: FactsReading,
    nt: NormText,
    model: LearnedReader,
    confidence: Confidence = DEFAULT_CONFIDENCE,
) -> FactsReading:
    preds = model.predict(nt)
    values: dict[str, str] = {}
    spans: dict[str, Span] = {}
    split: dict[str, dict[str, str]] = {}
    filled: set[str] = set()
    for name in FACT_NAMES:
        if name in lexical.conflicts or name in lexical.undecided:
            continue
        pred = preds[name]
        value, p = _best_settled(pred.probabilities)
        if lexical.settled(name):
            values[name] = lexical.value(name)
            if name in lexical.spans:
                spans[name] = lexical.spans[name]
            against = confidence.contradict_use if name == "use" else confidence.contradict
            if value != values[name] and p >= against:
                split[name] = {LEXICAL: values[name], LEARNED: value}
            continue
        needed = confidence.to_fill(name, value)
        span = _span(nt, pred)
        # A value the model cannot point to words for is a prior, not a reading.
        if needed is not None and p >= needed and span is not None and _identifies_by_words(nt, name, value):
            values[name] = value
            spans[name] = span
            filled.add(name)
    disagreements = []
    for name, readings in split.items():
        verdicts = {decide(_with(values, name, v)).verdict for v in readings.values()}
        decides = len(verdicts) > 1
        kept: str | None = values[name]
        # Where the model reads a stricter value than the words, the fact is left open and
        # asked about (never settled to the lenient side on the words alone); where it
        # reads a more lenient one, the words' stricter value stands.
        if decides and readings[LEARNED] in stricter_values(name):
            kept = None
            del values[name]
            spans.pop(name, None)
        disagreements.append(Disagreement(fact=name, readings=readings, decides=decides, kept=kept))
    topic = preds["topic"]
    return FactsReading(
        facts=Facts.model_validate(values),
        spans=spans,
        conflicts=dict(lexical.conflicts),
        undecided=lexical.undecided,
        disagreements=tuple(disagreements),
        topic=(topic.value, topic.probability),
        # The model's guess that a use identifies nobody, where the words are silent, never
        # replaces an earlier turn's use in a dialogue: that would settle to the lenient side
        # on no words ("keep her enrolled anyway, her hours count for the grant report").
        presumed=frozenset(n for n in lexical.presumed if values.get(n) == lexical.value(n))
        | ({"use"} & filled if values.get("use") == "non_biometric" else set()),
        identifies_unsaid=lexical.identifies_unsaid,
        shows_images=lexical.shows_images,
    )


def read_facts(text: str) -> FactsReading:
    """What `text` says about the seven facts, read by both readers; anything neither
    reads with enough confidence stays unknown."""
    cached = _read_cached(text)
    # Fresh containers: a caller that edits them must not edit the cache.
    return FactsReading(
        facts=cached.facts,
        spans=dict(cached.spans),
        conflicts=dict(cached.conflicts),
        undecided=cached.undecided,
        disagreements=cached.disagreements,
        topic=cached.topic,
        presumed=cached.presumed,
        identifies_unsaid=cached.identifies_unsaid,
        shows_images=cached.shows_images,
    )


# A chat re-reads its earlier turns with every question: remember recent texts.
@lru_cache(maxsize=2048)
def _read_cached(text: str) -> FactsReading:
    return combine(read_lexical(text), normalized(text), learned_reader())
