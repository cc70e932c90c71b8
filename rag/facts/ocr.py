"""Text pasted from a scan or a screenshot, mended before it is read.

OCR writes "l" as "1", "o" as "0" and "m" as "rn", and breaks words in two ("fac ial",
"inci dent"). A question that reads "Po1ice Departrnent" means the police department,
so each such word is read as the English word it stands for: only when the mended word
is one the reader knows, and never a number or a code ("24/117", "win10", "b2b").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from rag.facts.text import Piece

__all__ = ["OcrMender"]

_DIGITS = str.maketrans({"1": "l", "0": "o"})
_INNER = re.compile(r"[^\W\d_][01]+[^\W\d_]")
# Word endings OCR splits off ("match ing", "persist ent"); a known word before one of
# them is still joined, since "match ing" is no English.
_SUFFIXES = frozenset({
    "ing", "ings", "ed", "er", "ers", "ent", "ents", "ence", "ance", "ment", "ments", "tion",
    "tions", "sion", "ial", "ual", "uals", "ity", "ly", "ness", "ous", "ive", "able", "ible",
    "ize", "ized", "ise", "ised",
})


class OcrMender:
    """A `normalize` rewrite: pieces of text in, the same pieces with OCR slips mended."""

    def __init__(self, known: Callable[[str], bool], vocabulary: Collection[str] = ()) -> None:
        self._is_known = known
        self._vocabulary = frozenset(vocabulary)

    def known(self, word: str) -> bool:
        low = word.lower()
        return low in self._vocabulary or self._is_known(low)

    def word(self, word: str) -> str | None:
        """The English word an OCR-damaged `word` stands for, or None."""
        if not word.isascii() or len(word) < 3:
            return None
        for mark in ("'s", "’s"):
            if word.endswith(mark):
                stem = self.word(word[: -len(mark)])
                return stem + mark if stem else None
        letters = sum(c.isalpha() for c in word)
        digits = sum(c in "01" for c in word)
        if digits and letters >= 2 and all(c.isalpha() or c in "01" for c in word):
            mapped = word.translate(_DIGITS)
            # A digit between letters is a slip ("Po1ice"); one at the edge may be a
            # version or a count ("web1", "win10"), so the word must be known.
            inner = _INNER.search(word) is not None
            if self.known(mapped) or (inner and letters >= 3 and digits < letters):
                return self.word(mapped) or mapped
            return None
        if word.isalpha() and "rn" in word.lower() and not self.known(word):
            mended = word.replace("rn", "m").replace("RN", "M")
            if self.known(mended):
                return mended
        return None

    def _joined(self, left: str, right: str, scanned: bool) -> str | None:
        if not (left.isalpha() and right.isalpha()):
            return None
        joined = left + right
        if not self.known(joined):
            return None
        if right.lower() in _SUFFIXES or not self.known(right):
            return joined
        # "inci dent" is OCR, but "facial rec on footage" is shorthand: a known word after
        # an unknown one is joined only in text that shows other OCR slips.
        if scanned and not self.known(left):
            return joined
        return None

    def __call__(self, pieces: list[Piece]) -> list[Piece]:
        mended: list[Piece] = []
        scanned = False
        for text, start, end in pieces:
            fixed = self.word(text) if text[:1].isalnum() else None
            scanned = scanned or fixed is not None
            mended.append((fixed or text, start, end))
        out: list[Piece] = []
        i = 0
        while i < len(mended):
            text, start, end = mended[i]
            if i + 2 < len(mended) and mended[i + 1][0] == " " and text[:1].isalpha():
                joined = self._joined(text, mended[i + 2][0], scanned)
                if joined is not None:
                    out.append((joined, start, mended[i + 2][2]))
                    i += 3
                    continue
            out.append((text, start, end))
            i += 1
        return out
