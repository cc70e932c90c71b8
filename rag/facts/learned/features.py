"""Features of a text for the learned reader: what the trainer and the runtime both use.

Words come from the lexical reader's normalisation (lower case, hyphens as spaces, typos
mended), so both readers see the same words. A word under a negator ("not live", "dont
tell them", "without consent") is marked, so that "live" and "not live" are different
features; word pairs and triples keep short phrases; character 4-grams carry unseen
spellings and names. Each feature remembers the tokens it came from, for spans.
"""

from __future__ import annotations

from dataclasses import dataclass

from rag.facts.text import NormText

__all__ = ["FEATURES_VERSION", "Feature", "featurize"]

# Bump when the features change: a model trained on other features is refused.
FEATURES_VERSION = 1

_NEGATORS = frozenset(
    {"not", "no", "never", "without", "nobody", "none", "neither", "nor", "nothing", "noone",
     "cannot", "cant", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wont",
     "wouldnt", "havent", "hasnt", "hadnt", "shouldnt", "couldnt", "aint", "non", "un"}
)
# A negation reaches this many words, up to a clause break.
_NEG_REACH = 4
_CLAUSE_WORDS = frozenset({"but", "and", "or", "however", "although", "though", "while",
                           "whereas", "because", "so", "yet", "then", "which", "if", "when"})
_CLAUSE_PUNCT = frozenset(".,;:!?()[]{}\"\n")


@dataclass(frozen=True)
class Feature:
    name: str
    first: int  # token range [first, last) it came from; -1 for whole-text features
    last: int


def _negator(word: str) -> bool:
    return word in _NEGATORS or word.endswith("n't")


def _words(nt: NormText) -> list[tuple[int, str, bool]]:
    """(token index, word, under a negator) for each word token."""
    out: list[tuple[int, str, bool]] = []
    reach = 0
    for i, tok in enumerate(nt.tokens):
        if not tok.word:
            if tok.text in _CLAUSE_PUNCT:
                reach = 0
            continue
        word = tok.text
        if word in _CLAUSE_WORDS:
            reach = 0
        negated = reach > 0
        out.append((i, word, negated))
        if _negator(word):
            reach = _NEG_REACH
        elif reach:
            reach -= 1
    return out


def featurize(nt: NormText) -> list[Feature]:
    words = _words(nt)
    feats: list[Feature] = []
    for k, (i, word, negated) in enumerate(words):
        feats.append(Feature(("n:" if negated else "w:") + word, i, i + 1))
        if k + 1 < len(words):
            j, nxt, _ = words[k + 1]
            feats.append(Feature(f"b:{word} {nxt}", i, j + 1))
            if k + 2 < len(words):
                m, third, _ = words[k + 2]
                feats.append(Feature(f"t:{word} {nxt} {third}", i, m + 1))
        padded = f"<{word}>"
        if len(padded) > 4:
            for s in range(len(padded) - 3):
                feats.append(Feature("c:" + padded[s : s + 4], i, i + 1))
    n = len(words)
    feats.append(Feature("len:" + ("short" if n <= 6 else "medium" if n <= 25 else "long"), -1, -1))
    if words:
        feats.append(Feature("first:" + words[0][1], words[0][0], words[0][0] + 1))
    if nt.original.rstrip().endswith("?"):
        feats.append(Feature("mark:question", -1, -1))
    return feats
