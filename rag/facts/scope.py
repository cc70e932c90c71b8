"""Negation and its scope: does a negator govern the words that set a fact?

"not in real time", "never live", "without their consent", "no police involvement",
"recorded footage rather than live" negate; "can't", "may not" and a sentence-opening
"Isn't ..." speak of permission or ask a question and negate nothing;
"with or without consent", "whether or not it is live" settle nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from rag.facts.text import BOUNDARY_PUNCT, NormText

__all__ = ["Polarity", "Scope", "polarity"]

# Negators over a short noun phrase: "without their consent", "no live feed".
_NP_NEGATORS = frozenset({"no", "without", "nor", "neither", "unless", "lacking", "absent"})
# A prefix negates only the next word: "non-police" but not "non-US police".
_PREFIX_NEGATORS = frozenset({"non", "un"})
# Negators over a verb phrase: "not in real time", "never on patrol".
_VP_NEGATORS = frozenset({"not", "never", "nothing", "nobody", "none", "nobody's", "noone's"})
# Two-word negators, keyed by their second word.
_PAIR_NEGATORS = {"than": "rather", "of": "instead", "longer": "no"}
# Negation of a modal is about permission, not about the facts of the use.
# ("shall not" is left out: in a specification it states what the system does.)
_DEONTIC = frozenset({"can", "may", "must", "should", "could", "might", "cannot", "ought"})
_DEONTIC_NT = frozenset(
    {"can't", "mustn't", "shouldn't", "couldn't", "mightn't", "shan't", "needn't", "oughtn't"}
)
# Words between "not" and the cue that show the negation is about permission or intent.
_INTENT = frozenset(
    {
        "allowed",
        "permitted",
        "able",
        "supposed",
        "prohibited",
        "banned",
        "forbidden",
        "barred",
        "need",
        "needs",
        "needed",
        "required",
        "meant",
        "legal",
        "ok",
        "okay",
        "fine",
        "clear",
        "covered",
        "subject",
        # "I'm not saying the sheriff's office isn't interested": nothing asserted.
        "saying",
        "claiming",
        "suggesting",
        "implying",
        # "It's not that the Tokyo police aren't police": a denial denied, nothing said.
        "that",
    }
)
# "not necessarily live", "not only afterwards": the fact is left open.
_HEDGES = frozenset({"necessarily", "always", "only", "just", "exactly", "sure", "certain"})
_PREPOSITIONS = frozenset(
    {
        "in",
        "on",
        "at",
        "from",
        "for",
        "to",
        "with",
        "by",
        "of",
        "into",
        "during",
        "via",
        "through",
        "against",
        "after",
        "before",
        "over",
        "under",
        "onto",
        "across",
        "using",
        "while",
        "when",
        "if",
    }
)
_BOUNDARY_WORDS = frozenset(
    {
        "but",
        "and",
        "or",
        "however",
        "although",
        "though",
        "whereas",
        "because",
        "so",
        "yet",
        "then",
        "which",
        "since",
        "unlike",
    }
)
# "Isn't it ...?", "Why can't ...", "so don't ..." open a question, not a negated fact.
_QUESTION_OPENERS = frozenset({"why", "so", "but", "and", "well", "then", "surely", "now"})
_POST_NEG_PARTICIPLES = frozenset(
    {
        "given",
        "obtained",
        "sought",
        "asked",
        "involved",
        "granted",
        "provided",
        "collected",
        "requested",
        "present",
        "included",
        "secured",
    }
)
_AUX = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "be",
        "been",
        "being",
        "'s",
        "will",
        "get",
        "gets",
    }
)
_LOOK_BACK = 5
_NP_GAP = 2
_VP_GAP = 3


class Polarity(Enum):
    plain = "plain"
    negated = "negated"
    neutral = "neutral"  # "with or without", "whether or not": the fact stays open


@dataclass(frozen=True)
class Scope:
    polarity: Polarity
    negator_start: int | None = None  # norm offset of the negating word, for the span


def _possessive(word: str) -> bool:
    """ "students'", "the driver's": a determiner of the noun the negator governs."""
    return word.endswith("'") or word.endswith("'s")


def _is_nt(word: str) -> bool:
    return word.endswith("n't") or word in {
        "dont",
        "doesnt",
        "didnt",
        "isnt",
        "arent",
        "wasnt",
        "werent",
        "wont",
        "havent",
        "hasnt",
        "hadnt",
        "wouldnt",
    }


def _boundary(nt: NormText, i: int) -> bool:
    tok = nt.tokens[i]
    if not tok.word:
        return tok.text in BOUNDARY_PUNCT
    return tok.text in _BOUNDARY_WORDS


def _opens_question(nt: NormText, i: int) -> bool:
    """A negated auxiliary that opens a sentence ("Isn't ...", "Why don't ...")."""
    if nt.sentence_start(i):
        return True
    j = i - 1
    return j >= 0 and nt.tokens[j].text in _QUESTION_OPENERS and nt.sentence_start(j)


def _neutral(nt: NormText, first: int, last: int) -> bool:
    words: list[str] = []
    for i in range(first - 1, max(-1, first - 7), -1):
        if not nt.tokens[i].word and nt.tokens[i].text in BOUNDARY_PUNCT:
            break
        words.insert(0, nt.tokens[i].text)
    before = " ".join(words)
    if any(
        k in before
        for k in (
            "with or without",
            "whether or not",
            "regardless of",
            "irrespective of",
            "no matter",
        )
    ):
        return True
    after: list[str] = []
    for i in range(last, min(len(nt.tokens), last + 3)):
        if not nt.tokens[i].word and nt.tokens[i].text in BOUNDARY_PUNCT:
            break
        after.append(nt.tokens[i].text)
    # "whether they consent or not", "live or not": right after the cue only; "can cops
    # use it or not?" asks about the whole question, not about the police.
    return after[:2] == ["or", "not"] or after[1:3] == ["or", "not"]


# "Real-time use is out of scope", "live matching is ruled out": the words after say no.
_RULED_OUT = (
    ("out", "of", "scope"), ("ruled", "out"), ("excluded",), ("off", "the", "table"),
    ("not", "planned"), ("not", "an", "option"), ("not", "needed"), ("not", "intended"),
    # "live matching isn't on the table", "real time is not on the cards"
    ("not", "on", "the", "table"), ("not", "on", "the", "cards"), ("not", "on", "the", "agenda"),
    ("not", "on", "the", "roadmap"), ("not", "happening"), ("not", "in", "scope"), ("not", "part", "of", "the", "plan"),
)
# "isn't", "aren't", "won't be" read as their "not" for the phrases above.
_NOT_FORMS = frozenset({"isn't", "isnt", "aren't", "arent", "wasn't", "weren't", "won't", "wont", "not"})
_RULED_OUT_HEADS = frozenset({"use", "uses", "mode", "matching", "use case", "option", "processing", "scanning",
                               "recognition", "identification", "checks", "check", "alerts", "feature", "part",
                               "piece", "component", "version", "stuff"})


def _ruled_out(nt: NormText, last: int) -> bool:
    i, n = last, len(nt.tokens)
    while i < n and nt.tokens[i].text in _RULED_OUT_HEADS:
        i += 1
    if i < n and nt.tokens[i].text in _AUX:
        i += 1
    words = tuple(t.text for t in nt.tokens[i : i + 5] if t.word)
    if words and words[0] in _NOT_FORMS:
        words = ("not", *words[1:])
        if len(words) > 1 and words[1] == "be":  # "won't be on the table"
            words = ("not", *tuple(t.text for t in nt.tokens[i + 2 : i + 6] if t.word))
    return any(words[: len(p)] == p for p in _RULED_OUT)


def _post_negated(nt: NormText, last: int) -> bool:
    """ "consent was not obtained", "police are not involved", "real-time use is out of
    scope"."""
    if _ruled_out(nt, last):
        return True
    i = last
    n = len(nt.tokens)
    skipped = 0
    while i < n and nt.tokens[i].text in _AUX and skipped < 2:
        i += 1
        skipped += 1
    if i >= n:
        return False
    word = nt.tokens[i].text
    if not (word in _VP_NEGATORS or (_is_nt(word) and word not in _DEONTIC_NT)):
        return False
    i += 1
    if i < n and nt.tokens[i].text in {"been", "be", "being"}:
        i += 1
    return i < n and nt.tokens[i].text in _POST_NEG_PARTICIPLES


def polarity(
    nt: NormText, start: int, end: int, extra_negators: frozenset[str] = frozenset()
) -> Scope:
    """The polarity of the cue at norm[start:end]."""
    first, last = nt.token_range(start, end)
    if _neutral(nt, first, last):
        return Scope(Polarity.neutral)
    between: list[str] = []  # words between a candidate negator and the cue
    i = first
    while i > 0 and len(between) < _LOOK_BACK:
        i -= 1
        if nt.tokens[i].text in ("or", "nor"):
            continue  # "without identifying or following anyone": one negator, both verbs
        if _boundary(nt, i):
            break
        if not nt.tokens[i].word:
            continue  # other punctuation ("individuals' consent") neither counts nor stops
        word = nt.tokens[i].text
        if i + 1 < len(nt.tokens) and nt.tokens[i + 1].text == "'":
            word += "'"  # "students'": the apostrophe is a token of its own
        gap = len([w for w in between if not _possessive(w)])
        between.insert(0, word)
        between_words = between[1:]
        prev = nt.tokens[i - 1].text if i > 0 else ""
        if word in _PAIR_NEGATORS and prev == _PAIR_NEGATORS[word]:
            if gap <= _NP_GAP:
                return Scope(Polarity.negated, nt.tokens[i - 1].start)
            continue
        if word in _PREFIX_NEGATORS:
            if gap == 0:
                return Scope(Polarity.negated, nt.tokens[i].start)
            continue
        if word in _NP_NEGATORS or word in extra_negators:
            if gap <= _NP_GAP and not any(w in _PREPOSITIONS for w in between_words):
                return Scope(Polarity.negated, nt.tokens[i].start)
            continue
        if word in _VP_NEGATORS or _is_nt(word):
            if word in _DEONTIC_NT or prev in _DEONTIC:
                return Scope(Polarity.plain)
            if _is_nt(word) and _opens_question(nt, i):
                return Scope(Polarity.plain)
            if any(w in _HEDGES for w in between_words):
                return Scope(Polarity.neutral)
            if gap <= _VP_GAP and not any(w in _INTENT for w in between_words):
                return Scope(Polarity.negated, nt.tokens[i].start)
            return Scope(Polarity.plain)
        if word == "cannot":
            return Scope(Polarity.plain)
    if _post_negated(nt, last):
        return Scope(Polarity.negated, None)
    return Scope(Polarity.plain)
