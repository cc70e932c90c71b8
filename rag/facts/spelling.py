"""English word frequencies (from pyspellchecker's shipped list) and typo mending.

Two uses: a word that is common English is never taken for a city ("Mobile", "Nice",
"Reading"), and an unknown word one or two edits away from a word the reader looks
for is read as that word ("polce" -> "police", "recogntion" -> "recognition").
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from functools import cache
from importlib import resources

__all__ = ["Corrector", "distance", "frequency", "is_known", "within"]

# Entries at the list's floor (50) are mostly noise and misspellings ("concent").
_KNOWN_ABOVE = 50


@cache
def _frequencies() -> dict[str, int]:
    from rag.memo import memoised

    # Reading the gzipped JSON costs a quarter of a second; the memo, a tenth of that.
    return memoised("en-frequencies", _read_frequencies, modules=[__name__],
                    packages=["pyspellchecker"], valid=lambda v: isinstance(v, dict))  # fmt: skip


def _read_frequencies() -> dict[str, int]:
    raw = (resources.files("spellchecker") / "resources" / "en.json.gz").read_bytes()
    data: dict[str, int] = json.loads(gzip.decompress(raw))
    return data


def frequency(word: str) -> int:
    """How often the lower-case `word` occurs in the English list (0 when absent)."""
    return _frequencies().get(word.lower(), 0)


def is_known(word: str) -> bool:
    return word in _known()


@cache
def _known() -> frozenset[str]:
    """The words above the floor: all `is_known` needs, a fifth of the list to load."""
    from rag.memo import memoised

    def build() -> frozenset[str]:
        return frozenset(w for w, n in _frequencies().items() if n > _KNOWN_ABOVE)

    return memoised("en-known-words", build, modules=[__name__], packages=["pyspellchecker"],
                    valid=lambda v: isinstance(v, frozenset))  # fmt: skip


def _max_edits(word: str) -> int:
    return 1 if len(word) < 8 else 2


def _deletes(word: str, depth: int) -> set[str]:
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def _single(word: str) -> str:
    """The word with each run of one letter written once ("sheriff" -> "sherif")."""
    return "".join(c for i, c in enumerate(word) if i == 0 or word[i - 1] != c)


def distance(a: str, b: str) -> int:
    """Optimal string alignment distance (Levenshtein plus adjacent transpositions)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def within(a: str, b: str, k: int) -> bool:
    """Whether distance(a, b) <= k; gives up as soon as a whole row exceeds k."""
    if abs(len(a) - len(b)) > k:
        return False
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            best = prev[j - 1] if ca == cb else prev[j - 1] + 1
            if prev[j] + 1 < best:
                best = prev[j] + 1
            if cur[j - 1] + 1 < best:
                best = cur[j - 1] + 1
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb and prev2[j - 2] + 1 < best:
                best = prev2[j - 2] + 1
            cur[j] = best
        if min(cur) > k:
            return False
        prev2, prev = prev, cur
    return prev[-1] <= k


_SUFFIXES = ("s", "es", "d", "ed", "ing")
# British spellings the US word list lacks: "recognised", "anonymising", "colour".
_BRITISH = (("is", "iz"), ("ys", "yz"), ("our", "or"), ("tre", "ter"), ("ogue", "og"))


def _a_form_of_known(word: str, targets: frozenset[str]) -> bool:
    """ "recognised", "recognises": an inflection or a British spelling of a word the reader
    knows is that word, not a typo of another one."""
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and (stem in targets or stem + "e" in targets):
            return True
    return any(uk in word and is_known(word.replace(uk, us)) for uk, us in _BRITISH)


class Corrector:
    """Mends unknown words toward a fixed vocabulary (symmetric-delete lookup)."""

    def __init__(self, targets: Iterable[str]) -> None:
        self.targets = frozenset(t for t in targets if len(t) >= 4)
        index: dict[str, set[str]] = {}
        for target in self.targets:
            for d in _deletes(target, _max_edits(target)):
                index.setdefault(d, set()).add(target)
        self._index = index

    def __call__(self, word: str) -> str | None:
        """The vocabulary word `word` is a typo of, or None (known, ambiguous or far)."""
        if word.endswith("'s"):
            stem = self(word[:-2])
            return stem + "'s" if stem else None
        if not (4 <= len(word) <= 24) or not word.isascii() or not word.isalpha():
            return None
        if word in self.targets or is_known(word) or _a_form_of_known(word, self.targets):
            return None
        limit = _max_edits(word)
        candidates: set[str] = set()
        for d in _deletes(word, limit):
            candidates |= self._index.get(d, set())
        best: dict[int, set[str]] = {}
        for cand in candidates:
            dist = distance(word, cand)
            if _single(word) == _single(cand):
                dist = min(dist, 1)  # a doubled letter moved is one slip ("sherrif", "recomend")
            if dist <= min(limit, _max_edits(cand)):
                best.setdefault(dist, set()).add(cand)
        if not best:
            return None
        closest = best[min(best)]
        return next(iter(closest)) if len(closest) == 1 else None
