"""Law-enforcement bodies of the world by name, from data (`data/le_bodies.json`: name,
aliases, country, kind, whether it is law enforcement), not from regexes: "Polícia de
Segurança Pública", "KAPO", "MTA Police", "Bundeskriminalamt" place the actor and say
whether it is law enforcement (POLICY_MODEL.md §2.1, "jurisdiction from world knowledge").

An alias that is an ordinary word or another body's acronym in lower case ("ICE", "Met",
"AFP") matches only as written; generic names ("State Police", "National Police") name no
body in particular and are left to the cue lists.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from rag.facts.gazetteer import US_CODES
from rag.facts.text import NormText, normalize

__all__ = ["Body", "BodyMention", "find_bodies"]

# Words that name a kind of body, not a body: an alias made only of these is generic.
# fmt: off
_GENERIC = frozenset({
    "the", "of", "and", "for", "de", "la", "del", "di", "des", "du", "le", "les", "der", "die",
    "state", "states", "national", "federal", "city", "county", "municipal", "local", "regional",
    "metropolitan", "royal", "central", "general", "public", "police", "policía", "policia",
    "polizei", "polizia", "politie", "polícia", "department", "dept", "service", "services",
    "force", "forces", "office", "sheriff", "sheriff's", "sheriffs", "patrol", "highway",
    "border", "customs", "guard", "agency", "bureau", "investigation", "investigations",
    "criminal", "security", "ministry", "interior", "directorate", "prosecutor", "prosecutor's",
    "prosecutors", "attorney", "attorney's", "attorneys", "district", "transit", "campus",
    "university", "immigration", "enforcement", "law", "troopers", "trooper", "gendarmerie",
    "civil", "guardia", "nacional", "nationale", "judicial", "judiciary", "intelligence", "unit",
    "division", "command", "authority", "department's", "pd", "police's", "military",
})
# fmt: on
_GENERIC_NAME_WORDS = 3


@dataclass(frozen=True)
class Body:
    name: str
    country: str  # ISO 3166-1 alpha-2, or INT
    kind: str
    law_enforcement: bool | None  # None: debatable (prisons, civilian intelligence)

    @property
    def in_us(self) -> bool:
        return self.country in US_CODES


@dataclass(frozen=True)
class BodyMention:
    body: Body
    start: int  # norm offsets
    end: int


@dataclass(frozen=True)
class _Alias:
    words: tuple[str, ...]  # normalised words
    written: tuple[str, ...] | None  # the words as written, for case-sensitive aliases
    body: Body


def _words(text: str) -> tuple[str, ...]:
    return tuple(t.text for t in normalize(text).tokens if t.word)


def _written(text: str) -> tuple[str, ...]:
    nt = normalize(text)
    return tuple(nt.original_word(i) for i, t in enumerate(nt.tokens) if t.word)


@cache
def _index() -> dict[str, list[_Alias]]:
    """First word -> the aliases starting with it, longest first. Normalising 6,000 aliases
    takes most of a second: the table is kept between runs (rag.memo), keyed by the data."""
    import hashlib

    from rag.memo import memoised

    raw = resources.files("rag.facts").joinpath("data/le_bodies.json").read_bytes()
    name = "agencies-" + hashlib.sha256(raw).hexdigest()[:12]
    table = memoised(
        name,
        lambda: _table(raw),
        modules=["rag.facts.agencies", "rag.facts.text", "rag.facts.spelling"],
        packages=["pyspellchecker"],
        valid=lambda v: isinstance(v, dict) and all(isinstance(k, str) for k in v),
    )
    return {
        first: [_Alias(tuple(w), tuple(c) if c is not None else None, Body(*b)) for w, c, b in rows]
        for first, rows in table.items()
    }


def _table(raw: bytes) -> dict[str, list[tuple[Any, ...]]]:
    """The index as plain data: first word -> (words, written or None, body fields)."""
    from rag.facts.spelling import frequency

    entries = json.loads(raw.decode("utf-8"))
    # A name made only of generic words counts when it is long and written with its capitals
    # ("Royal Military Police", "Federal Bureau of Investigation"), and names one country.
    countries: dict[tuple[str, ...], set[str]] = {}
    for entry in entries:
        for alias in dict.fromkeys([entry["name"], *entry["aliases"]]):
            words = _words(alias)
            if len(words) >= _GENERIC_NAME_WORDS and all(w in _GENERIC for w in words):
                countries.setdefault(words, set()).add(entry["country"])
    table: dict[str, list[tuple[Any, ...]]] = {}
    for entry in entries:
        body = (entry["name"], entry["country"], entry["kind"], entry["law_enforcement"])
        cased = set(entry.get("case_sensitive") or [])
        for alias in dict.fromkeys([entry["name"], *entry["aliases"]]):
            words = _words(alias)
            if not words:
                continue
            if all(w in _GENERIC for w in words):
                if len(countries.get(words, ())) == 1:
                    table.setdefault(words[0], []).append((words, _written(alias), body))
                continue
            # A single everyday word ("Hawks") only counts as written, capitalised.
            common = len(words) == 1 and frequency(words[0]) > 300
            written = _written(alias) if alias in cased or common or len(words[0]) <= 2 else None
            table.setdefault(words[0], []).append((words, written, body))
    for rows in table.values():
        rows.sort(key=lambda r: -len(r[0]))  # longest first
    return table


def find_bodies(nt: NormText) -> list[BodyMention]:
    """Every body the text names, longest name first where names overlap."""
    index = _index()
    words = [i for i, t in enumerate(nt.tokens) if t.word]
    found: list[BodyMention] = []
    k = 0
    while k < len(words):
        i = words[k]
        matched = None
        for alias in index.get(nt.tokens[i].text, ()):
            n = len(alias.words)
            span = words[k : k + n]
            if len(span) < n or tuple(nt.tokens[j].text for j in span) != alias.words:
                continue
            if alias.written is not None and tuple(nt.original_word(j) for j in span) != alias.written:
                continue
            matched = (alias, span)
            break
        if matched is None:
            k += 1
            continue
        alias, span = matched
        found.append(BodyMention(alias.body, nt.tokens[span[0]].start, nt.tokens[span[-1]].end))
        k += len(span)
    return found
