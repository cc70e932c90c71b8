"""Foreign words read as English: a word-for-word glossary for mixed-language questions.

The reader understands English only. When a question is written in, or mixes in, French,
Spanish, Portuguese, Italian, German or Dutch, its known foreign words and phrases are
replaced by English ones before it is read, longest phrase first. Each English word keeps
the offsets of the words it replaces, so spans still point at what the user wrote. Names of
bodies are never glossed: "Bundespolizei" stays Germany's federal police, not "federal police".

The glossary (`data/gloss/*.jsonl`) is data written from POLICY_MODEL.md's vocabulary.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from rag.facts.text import PIECE, Piece

__all__ = ["Glossary", "glossary"]

AMBIGUOUS_FILE = "ambiguous.jsonl"
NAMES = "names"  # foreign names of places ("Nueva York"), in every language
_APOSTROPHES = "'’"
_WORD = re.compile(r"[^\W\d_]+")
_MAX_WORDS = 5
# A text is glossed when it has at least this many words that only a foreign language has.
_FOREIGN_WORDS = 2
# A sentence is foreign when this share of its lower-case words belongs to a foreign language.
_DENSE = 0.3


def fold(word: str) -> str:
    """Lower case without accents: "Policía" and "policia" are one key."""
    decomposed = unicodedata.normalize("NFKD", word.lower().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Glossary:
    # lang -> words tuple -> English
    phrases: dict[str, dict[tuple[str, ...], str]]
    # single foreign words that are not English words: they decide whether to gloss
    foreign_only: dict[str, frozenset[str]]
    # foreign words spelled like English ones ("van", "die", "con"): glossed only in a
    # sentence mostly foreign
    ambiguous: dict[str, dict[str, str]] = field(default_factory=dict)

    def foreign(self, text: str) -> bool:
        """Has `text` enough foreign words to be glossed?"""
        return bool(self.languages_of([fold(w) for w in _WORD.findall(text)]))

    def knows(self, word: str) -> bool:
        """Is `word` a one-word entry of a language's glossary?"""
        key = (fold(word),)
        return any(key in table for lang, table in self.phrases.items() if lang != NAMES)

    def languages_of(self, words: Sequence[str]) -> list[str]:
        """The glossary's languages, the one with most foreign-only words in `words` first;
        empty when they are not foreign enough to gloss."""
        counts = Counter(
            lang for lang, only in self.foreign_only.items() for w in set(words) if w in only
        )
        total = len({w for w in words if any(w in only for only in self.foreign_only.values())})
        if total < _FOREIGN_WORDS:
            return []
        return sorted(
            (lang for lang in self.phrases if lang != NAMES), key=lambda lang: -counts[lang]
        )

    def apply(self, pieces: Sequence[Piece], keep: Iterable[tuple[int, int]] = ()) -> list[Piece]:
        """`pieces` with glossed words replaced; words inside a `keep` span (original
        offsets of a named body) are left as written."""
        kept = list(keep)
        split = _split_elisions(pieces, self)
        # Only words written in lower case outside names count: "Polícia Civil do Rio
        # Grande do Sul" in an English question is a name, not Portuguese to translate.
        langs = self.languages_of([fold(piece[0]) for piece in split if _plain_word(piece, kept)])
        if not langs:
            return list(pieces)
        # Places first, even where a shorter name was kept: "Nueva York" is New York, not York.
        pieces = self._replace(split, [NAMES], [], kept) if NAMES in self.phrases else split
        return self._replace(pieces, langs, kept, [], self._foreign_sentences(pieces, kept))

    def _foreign_sentences(self, pieces: Sequence[Piece], kept: list[tuple[int, int]]) -> set[int]:
        """Indices of the pieces in sentences whose lower-case words are mostly foreign."""
        only = frozenset().union(*self.foreign_only.values())
        dense: set[int] = set()
        sentence: list[int] = []
        words = foreign = 0
        for i, piece in enumerate([*pieces, (".", 0, 0)]):
            if any(c in piece[0] for c in ".!?;\n"):
                if words >= 3 and foreign >= _DENSE * words:
                    dense.update(sentence)
                sentence, words, foreign = [], 0, 0
                continue
            sentence.append(i)
            if _plain_word(piece, kept):
                words += 1
                foreign += fold(piece[0]) in only
        return dense

    def _replace(
        self,
        pieces: Sequence[Piece],
        langs: Sequence[str],
        kept: list[tuple[int, int]],
        mark: list[tuple[int, int]],
        dense: set[int] | None = None,
    ) -> list[Piece]:
        """`pieces` with the phrases of `langs` replaced (none inside `kept`); the spans
        replaced are added to `mark`."""
        out: list[Piece] = []
        i = 0
        while i < len(pieces):
            found = None
            if pieces[i][0][0].isalnum() and not _kept(pieces[i], kept):
                found = self._longest(pieces, i, langs, kept)
                if found is not None and found[1] > i:
                    # "con fotos viejas": a phrase starting at the next word that reaches
                    # further wins ("with" + "old photos", not "with photos" + "viejas").
                    nxt = next(k for k in range(i + 1, len(pieces)) if pieces[k][0][0].isalnum())
                    later = self._longest(pieces, nxt, langs, kept)
                    if later is not None and later[1] > found[1]:
                        found = self._longest(pieces, i, langs, kept, max_words=1)
                if found is None and dense and i in dense:
                    found = self._ambiguous(pieces, i, langs)
            if found is None:
                out.append(pieces[i])
                i += 1
                continue
            english, last = found
            start, end = pieces[i][1], pieces[last][2]
            mark.append((start, end))
            for k, word in enumerate(w for w in PIECE.findall(english) if not w.isspace()):
                if k:
                    out.append((" ", start, end))
                out.append((word, start, end))
            if not english.strip():
                out.append((" ", start, end))  # a word that carries nothing reads as a space
            i = last + 1
        return out

    def _longest(
        self, pieces: Sequence[Piece], i: int, langs: Sequence[str], kept: list[tuple[int, int]],
        max_words: int = _MAX_WORDS,
    ) -> tuple[str, int] | None:
        """(English, index of the last piece) of the longest phrase starting at piece i."""
        keys: list[str] = []
        ends: list[int] = []
        j = i
        while j < len(pieces) and len(keys) < max_words:
            piece = pieces[j]
            if not piece[0][0].isalnum() or _kept(piece, kept):
                break
            keys.append(fold(piece[0]))
            ends.append(j)
            j += 1
            while j < len(pieces) and _joins(pieces[j][0]):
                j += 1
        for n in range(len(keys), 0, -1):
            key = tuple(keys[:n])
            for lang in langs:
                english = self.phrases[lang].get(key)
                if english is not None:
                    return english, ends[n - 1]
        if keys and _plain_word(pieces[i], kept):
            for lang in (lang for lang in langs if lang != NAMES):
                english = self._inflected(keys[0], lang)
                if english is not None:
                    return english, i
        return None

    def _ambiguous(
        self, pieces: Sequence[Piece], i: int, langs: Sequence[str]
    ) -> tuple[str, int] | None:
        key = fold(pieces[i][0])
        for lang in langs:
            english = self.ambiguous.get(lang, {}).get(key)
            if english is not None:
                return english, i
        return None

    def _inflected(self, word: str, lang: str) -> str | None:
        """A gender or number the glossary lacks, read from one it has ("sospette" from
        "sospetti", "grabadas" from "grabados"): Romance endings swapped."""
        from rag.facts.spelling import is_known

        if len(word) < 5 or is_known(word):
            return None  # an English word in a mixed text is English
        table = self.phrases[lang]
        for ending in _ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                stem = word[: len(word) - len(ending)]
                for other in _ENDINGS:
                    if other != ending and (stem + other,) in table:
                        return table[(stem + other,)]
        return None


# Gender and number endings of Spanish, Portuguese, Italian and French nouns and adjectives.
_ENDINGS = ("os", "as", "es", "o", "a", "i", "e", "s")


def _plain_word(piece: Piece, kept: list[tuple[int, int]]) -> bool:
    return piece[0][0].isalpha() and piece[0][0].islower() and not _kept(piece, kept)


def _joins(piece: str) -> bool:
    """Spaces on one line and hyphens join the words of a phrase ("suis-je", "en vivo")."""
    return (piece.isspace() and "\n" not in piece) or all(c in "-‐‑" for c in piece)


def _kept(piece: Piece, kept: list[tuple[int, int]]) -> bool:
    return any(s <= piece[1] < e for s, e in kept)


def _split_elisions(pieces: Sequence[Piece], gloss: Glossary) -> list[Piece]:
    """ "l'identité" -> "l'" + "identité" when "l'" is a glossed elision."""
    out: list[Piece] = []
    for text, s, e in pieces:
        cut = next((k for k, c in enumerate(text) if c in _APOSTROPHES), -1)
        if cut > 0 and text[0].isalnum():
            head = fold(text[: cut + 1])
            if any((head,) in table for table in gloss.phrases.values()) and cut + 1 < len(text):
                out.append((text[: cut + 1], s, s + cut + 1))
                out.append((" ", s + cut + 1, s + cut + 1))
                out.append((text[cut + 1 :], s + cut + 1, e))
                continue
        out.append((text, s, e))
    return out




@cache
def glossary() -> Glossary:
    """The glossary as shipped. Foreign words spelled like common English ones ("die",
    "son", "come", "van") are kept apart in `ambiguous.jsonl`, read only in foreign
    sentences; the English list also holds foreign names, so "de" and "la" are not among them.

    Built once and kept by `rag.memo` (a cold `policyqa ask` reads it in milliseconds); the
    memo's name carries a digest of the data files, so an edited glossary is rebuilt."""
    import hashlib

    from rag.memo import memoised

    folder = resources.files("rag.facts") / "data" / "gloss"
    digest = hashlib.sha256()
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".jsonl"):
            digest.update(entry.name.encode() + entry.read_bytes())
    phrases, foreign, ambiguous = memoised(
        f"gloss-{digest.hexdigest()[:16]}", _build, modules=[__name__, "rag.facts.spelling"],
        packages=["pyspellchecker"], valid=lambda v: isinstance(v, tuple) and len(v) == 3,
    )
    return Glossary(phrases=phrases, foreign_only=foreign, ambiguous=ambiguous)


_Tables = tuple[
    dict[str, dict[tuple[str, ...], str]], dict[str, frozenset[str]], dict[str, dict[str, str]]
]


def _build() -> _Tables:
    phrases: dict[str, dict[tuple[str, ...], str]] = {}
    foreign: dict[str, set[str]] = {}
    folder = resources.files("rag.facts") / "data" / "gloss"
    ambiguous: dict[str, dict[str, str]] = {}
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name == AMBIGUOUS_FILE:
            for line in entry.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    ambiguous.setdefault(row["lang"], {})[fold(row["foreign"])] = row[
                        "english"
                    ].lower()
            continue
        if not entry.name.endswith(".jsonl"):
            continue
        lang = entry.name.removesuffix(".jsonl")
        table = phrases.setdefault(lang, {})
        only = foreign.setdefault(lang, set())
        for line in entry.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            words = tuple(fold(w) for w in _words(row["foreign"]))
            if not words:
                continue
            english = row["english"].strip().lower()
            if len(words) == 1 and words[0] in _ENGLISH_CHAT:
                ambiguous.setdefault(lang, {}).setdefault(words[0], english)
                continue
            table.setdefault(words, english)
            if lang != NAMES and len(words) == 1 and _foreign_only(words[0], english):
                only.add(words[0])
    return phrases, {k: frozenset(v) for k, v in foreign.items()}, ambiguous


# English typed without apostrophes or in chat, spelled like foreign words (German "im").
_ENGLISH_CHAT = frozenset(
    [
        "im",
        "ive",
        "id",
        "ill",
        "youre",
        "theyre",
        "thats",
        "whats",
        "dont",
        "cant",
        "wont",
        "isnt",
        "lol",
        "pls",
        "plz",
        "thx",
        "u",
        "ur",
        "ok",
    ]
)


def _foreign_only(word: str, english: str) -> bool:
    """A word only a foreign language has: not an English word, and not an English loanword
    the glossary merely spells out ("dashcam" -> "dash camera")."""
    from rag.facts.spelling import is_known

    if word.endswith("'") or is_known(word):
        return False
    return not english.replace(" ", "").replace("-", "").startswith(word[:5])


def _words(phrase: str) -> list[str]:
    """A glossary phrase split as the text's pieces are (elisions on their own)."""
    out: list[str] = []
    for word in phrase.replace("’", "'").replace("-", " ").split():
        cut = word.find("'")
        if 0 < cut < len(word) - 1:
            out += [word[: cut + 1], word[cut + 1 :]]
        else:
            out.append(word)
    return out
