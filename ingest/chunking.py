"""Token-aware chunking on sentence boundaries, with overlap, as character spans.

A chunk is `text[start:end]` of the cleaned text. It grows sentence by sentence while it
`fits` (cl100k tokens within the budget, and MiniLM word pieces within its window); the
next chunk starts with the last whole sentences of the previous one that fit in the
overlap budget, or failing that with the last words that do. A sentence too long for a
chunk of its own is cut between words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.tokens import count_tokens

__all__ = ["Fits", "chunk_spans", "sentence_spans", "token_budget"]

Span = tuple[int, int]
Fits = Callable[[str], bool]

_ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|Prof|Inc|Ltd|Co|Corp|St|vs|etc|No|Fig|Jan|Feb|Mar|Apr"
    r"|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e))\.$"
)
# End of a sentence: . ! ? (closing quotes/brackets) then space and a likely sentence start.
_SENTENCE_END = re.compile(r"[.!?…][\"'’”)\]]*(?=[ \t]+[\"'“‘(\[]?[A-Z0-9])")
_WORD = re.compile(r"\S+")


def token_budget(max_tokens: int, extra: Fits | None = None) -> Fits:
    """A `fits` test: at most `max_tokens` cl100k tokens, and `extra` when given."""

    def fits(text: str) -> bool:
        return count_tokens(text) <= max_tokens and (extra is None or extra(text))

    return fits


def sentence_spans(text: str) -> list[Span]:
    """Sentences of `text` (a line break always ends one); whitespace is left out."""
    spans: list[Span] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for end in _SENTENCE_END.finditer(text, line.start(), line.end()):
            stop = end.end()
            if _ABBREVIATION.search(text, start, stop):
                continue
            spans.append((start, stop))
            start = stop
        spans.append((start, line.end()))
    out = []
    for s, e in spans:
        chunk = text[s:e]
        s += len(chunk) - len(chunk.lstrip())
        e -= len(chunk) - len(chunk.rstrip())
        if e > s:
            out.append((s, e))
    return out


def _cut_long(text: str, span: Span, fits: Fits) -> list[Span]:
    """Split a span that does not fit into pieces that do: between words, or as a last
    resort inside a word (a URL or a run of symbols)."""
    if fits(text[span[0] : span[1]]):
        return [span]
    pieces: list[Span] = []
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, span[0], span[1])]
    start: int | None = None
    end = span[0]
    for ws, we in words:
        if start is not None and fits(text[start:we]):
            end = we
            continue
        if start is not None:
            pieces.append((start, end))
        if fits(text[ws:we]):
            start, end = ws, we
            continue
        # One word that alone does not fit: cut it by characters.
        pos = ws
        while pos < we:
            lo, hi = pos + 1, we
            while lo < hi:  # the longest prefix that fits (at least one character)
                mid = (lo + hi + 1) // 2
                if fits(text[pos:mid]):
                    lo = mid
                else:
                    hi = mid - 1
            pieces.append((pos, lo))
            pos = lo
        start = None
    if start is not None:
        pieces.append((start, end))
    return pieces


def _overlap_start(
    text: str, units: list[Span], first: int, last: int, floor: int, overlap: int
) -> int | None:
    """Where the next chunk starts: the earliest sentence start among units (first, last]
    whose tail up to units[last] fits in `overlap` tokens, else the earliest word start in
    the last unit that does; None when nothing fits (no overlap)."""
    end = units[last][1]
    if overlap <= 0:
        return None
    best: int | None = None
    for k in range(last, first, -1):
        if units[k][0] <= floor or count_tokens(text[units[k][0] : end]) > overlap:
            break
        best = units[k][0]
    if best is not None:
        return best
    for word in _WORD.finditer(text, max(units[last][0], floor + 1), end):
        if count_tokens(text[word.start() : end]) <= overlap:
            return word.start()
    return None


def chunk_spans(text: str, fits: Fits, overlap: int) -> list[Span]:
    """Spans of `text` that each satisfy `fits`, consecutive ones overlapping by up to
    `overlap` cl100k tokens."""
    units: list[Span] = []
    for sentence in sentence_spans(text):
        units.extend(_cut_long(text, sentence, fits))
    if not units:
        return []
    chunks: list[Span] = []
    first, start = 0, units[0][0]
    while True:
        last = first
        while last + 1 < len(units) and fits(text[start : units[last + 1][1]]):
            last += 1
        chunks.append((start, units[last][1]))
        if last + 1 == len(units):
            return chunks
        nxt = _overlap_start(text, units, first, last, start, overlap)
        # Only overlap when the next sentence still fits after it: progress comes first.
        if nxt is None or not fits(text[nxt : units[last + 1][1]]):
            first, start = last + 1, units[last + 1][0]
        else:
            first = (
                last
                if nxt >= units[last][0]
                else next(k for k in range(first + 1, last + 1) if units[k][0] == nxt)
            )
            start = nxt
