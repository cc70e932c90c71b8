"""The question as the reader sees it: lower case, hyphens as spaces, typos mended.

Patterns run over `NormText.norm`; every character of it maps back to the original
words, so a match becomes a `Span` of the text the user wrote.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from rag.models import Span

__all__ = ["PIECE", "NormText", "Piece", "Token", "normalize"]

# A word (letters/digits, with inner apostrophes as in "sheriff's"), a run of spaces,
# a run of joiners that read as a space (hyphens, dashes, slashes, underscores), or any
# other single character.
PIECE = _PIECE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\s+|[-‐‑‒–—―_/\\]+|.", re.S)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "`": "'"})
_LONE_QUOTES = frozenset({"'", "’", "‘", "`"})
BOUNDARY_PUNCT = frozenset('.,;:!?()[]{}"\n')
# Negations typed without their apostrophe read as negations ("we dont ask them").
_CONTRACTIONS = {
    w.replace("'", ""): w
    for w in (
        "don't", "doesn't", "didn't", "won't", "wouldn't", "couldn't", "shouldn't", "can't",
        "isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't", "hadn't", "mustn't",
        "needn't", "ain't",
    )
}
SENTENCE_PUNCT = frozenset(".!?;\n")


@dataclass(frozen=True)
class Token:
    text: str  # normalised
    start: int  # offsets into `norm`
    end: int
    word: bool  # False for punctuation


@dataclass
class NormText:
    original: str
    norm: str
    tokens: list[Token]
    _ostart: list[int] = field(repr=False)
    _oend: list[int] = field(repr=False)
    _starts: list[int] = field(repr=False)
    _breaks: list[int] | None = field(default=None, repr=False)
    # Words put in place of what was written (a foreign name glossed: "Nueva York" read as
    # "New York"), by token index, as a name should be looked up.
    _glossed: dict[int, str] = field(default_factory=dict, repr=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the words covering norm[start:end]."""
        end = max(end, start + 1)
        return self._ostart[start], self._oend[end - 1]

    def span(self, start: int, end: int) -> Span:
        ostart, oend = self.to_original(start, end)
        return Span(text=self.original[ostart:oend], start=ostart, end=oend)

    def token_at(self, pos: int) -> int:
        """Index of the token that starts at or covers norm position `pos`."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return max(i, 0)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Token indices [first, last+1) covering norm[start:end]."""
        first = self.token_at(start)
        last = bisect.bisect_left(self._starts, end)
        return first, max(last, first + 1)

    def written(self, first: int, last: int) -> str:
        """Tokens first..last as written, spaces normalised ("St. Louis"); glossed tokens as
        their gloss, capitalised as written."""
        if not any(i in self._glossed for i in range(first, last + 1)):
            ostart, oend = self.to_original(self.tokens[first].start, self.tokens[last].end)
            return " ".join(self.original[ostart:oend].split())
        out = ""
        for i in range(first, last + 1):
            tok = self.tokens[i]
            word = self._glossed.get(i) or self.original_word(i)
            out += word if (not tok.word or not out) else " " + word
        return out

    def original_word(self, index: int) -> str:
        tok = self.tokens[index]
        ostart, oend = self.to_original(tok.start, tok.end)
        return self.original[ostart:oend]

    def sentence(self, index: int) -> tuple[int, int]:
        """Token range [first, last+1) of the sentence holding token `index`."""
        if self._breaks is None:
            self._breaks = [
                i
                for i, t in enumerate(self.tokens)
                if not t.word and t.text in SENTENCE_PUNCT and not self._quoted_mid_sentence(i)
            ]
        k = bisect.bisect_left(self._breaks, index)
        first = self._breaks[k - 1] + 1 if k > 0 else 0
        last = self._breaks[k] if k < len(self._breaks) else len(self.tokens)
        return first, last

    def _quoted_mid_sentence(self, index: int) -> bool:
        """A stop inside a quotation the sentence goes on after: "shouting 'house!' from the
        floor" (the word after the closing quote is written in lower case)."""
        if self.tokens[index].text == "\n" or index + 2 >= len(self.tokens):
            return False
        quote, after = self.tokens[index + 1], self.tokens[index + 2]
        return (not quote.word and quote.text in ("'", '"') and after.word
                and self.original_word(index + 2)[:1].islower())

    def sentence_start(self, index: int) -> bool:
        """Whether token `index` opens a sentence."""
        j = index - 1
        return j < 0 or (not self.tokens[j].word and self.tokens[j].text in SENTENCE_PUNCT)


def _invisible(char: str) -> bool:
    """Control and format characters (NUL, BEL, zero-width space, bidi overrides) separate
    words like a space: they are invisible to the person who typed them."""
    return unicodedata.category(char) in ("Cc", "Cf")


Piece = tuple[str, int, int]  # a piece of text and its original offsets


def normalize(
    text: str,
    correct: Callable[[str], str | None] | None = None,
    rewrite: Callable[[list[Piece]], list[Piece]] | None = None,
) -> NormText:
    """Build the normalised view of `text`; `correct` mends a lower-case unknown word, and
    `rewrite` may replace pieces (foreign words glossed in English) before they are read."""
    out: list[str] = []
    ostart: list[int] = []
    oend: list[int] = []
    tokens: list[Token] = []
    pending: tuple[str, int, int] | None = None  # a separator waiting for the next token
    open_quotes = 0
    pos = 0
    glossed: dict[int, str] = {}
    pieces = [(m.group(), m.start(), m.end()) for m in _PIECE.finditer(text)]
    if rewrite is not None:
        pieces = rewrite(pieces)
    for piece, s, e in pieces:
        first = piece[0]
        if first.isspace() or first in "-‐‑‒–—―_/\\" or _invisible(first):
            sep = "\n" if "\n" in piece else " "
            if pending is None or sep == "\n":
                pending = (sep, s, e)
            continue
        # "flag 'persons of interest'": single quotes around words mark them, they do not
        # join them, so each stands as a token of its own between spaces. A quote right
        # after a word with none open is an apostrophe ("drivers' phones") and stays.
        quote = False
        if piece in _LONE_QUOTES:
            if pending is not None or not out:
                quote, open_quotes = True, open_quotes + 1
            elif open_quotes:
                quote, open_quotes = True, open_quotes - 1
                pending = (" ", s, s)
        if pending is not None and out:
            sep, ps, pe = pending
            out.append(sep)
            ostart.append(ps)
            oend.append(pe)
            if sep == "\n":
                tokens.append(Token("\n", pos, pos + 1, word=False))
            pos += 1
        pending = None
        is_word = first.isalnum()
        if is_word:
            if not piece.isascii():
                piece = unicodedata.normalize("NFKC", piece)  # "ＮＹＰＤ" -> "NYPD"
            norm = piece.translate(_QUOTES).lower()
            if norm in _CONTRACTIONS:
                norm = _CONTRACTIONS[norm]
            elif correct is not None:
                norm = correct(norm) or norm
        else:
            norm = piece.translate(_QUOTES)
        if is_word and piece != text[s:e]:
            glossed[len(tokens)] = piece[:1].upper() + piece[1:] if text[s:s + 1].isupper() else piece
        n = len(norm)
        out.append(norm)
        ostart.extend([s] * n)
        oend.extend([e] * n)
        tokens.append(Token(norm, pos, pos + n, word=is_word))
        if quote:
            pending = (" ", e, e)
        pos += n
    norm_text = "".join(out)
    return NormText(
        original=text,
        norm=norm_text,
        tokens=tokens,
        _ostart=ostart,
        _oend=oend,
        _starts=[t.start for t in tokens],
        _glossed=glossed,
    )
