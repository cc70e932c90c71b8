"""The lexical reader: the seven facts of POLICY_MODEL.md §2 from the words of a text.

Each cue that matches gives a hit (fact, value, strength, words); negated words give the
cue's negated value or nothing. Per fact, the strongest hits decide: if they agree the
fact is settled and their first words are its span; if they disagree it stays unknown.
Nothing is inferred from what the text does not say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rag.facts.agencies import find_bodies
from rag.facts.context import Mentions
from rag.facts.cues import CUES, STRONG, TYPO_TARGETS, WEAK
from rag.facts.cues.base import DECLARED, ON_BEHALF, SAYS_NOTHING
from rag.facts.defaults import met_in_public, no_camera_words, private_operator, tracked_by_police
from rag.facts.gazetteer import gazetteer
from rag.facts.identification import UNSAID, IdentHit, find_identification, shows_images
from rag.facts.jurisdiction import find_mentions, resolve
from rag.facts.ocr import OcrMender
from rag.facts.reading import FactsReading
from rag.facts.scope import Polarity, polarity
from rag.facts.spelling import Corrector, is_known
from rag.facts.text import NormText, normalize
from rag.facts.undecided import (
    Scope,
    Scopes,
    open_choice,
    open_topics,
    open_topics_of,
    undecided_scopes,
)
from rag.models import Span
from rag.policy import Facts, decide

__all__ = ["glossed", "normalized", "read_lexical", "warm_up"]

# When several uses are named, the one the clauses reach first ("track suspects using
# face recognition" is facial recognition; "blur faces and summarise audio" non-biometric).
_USE_PRIORITY = (
    "facial_recognition",
    "other_biometric_identification",
    "surveillance_tracking",
    "non_biometric",
)


# Enough occurrences of one cue to see its polarities; more only cost time.
_MAX_HITS_PER_CUE = 12


@dataclass(frozen=True)
class _Hit:
    fact: str
    value: str
    strength: int
    start: int  # norm offsets of the words that set it (with the negator)
    end: int
    inferred: bool = False  # a use told by a verb and its object, not by its own name


@cache
def _corrector() -> Corrector:
    return Corrector(TYPO_TARGETS)


@cache
def _ocr_mender() -> OcrMender:
    return OcrMender(is_known, TYPO_TARGETS)


def warm_up() -> None:
    """Load the word list, the gazetteer, the typo index and the learned reader's weights
    now rather than on first use."""
    from rag.facts.agencies import find_bodies
    from rag.facts.gazetteer import gazetteer
    from rag.facts.gloss import glossary
    from rag.facts.learned import learned_reader

    _corrector()
    gazetteer()
    find_bodies(normalize("warm up"))
    glossary()
    learned_reader()


def normalized(text: str) -> NormText:
    """The text as the readers see it (lower case, hyphens as spaces, typos mended, and
    foreign words glossed in English, except in the names of bodies and places)."""
    return _normalized(text)[0]


def glossed(text: str) -> bool:
    """Were foreign words of `text` read through the glossary?"""
    return _normalized(text)[1]


# The reader, the learned reader and the language check all need the same view of a text.
@lru_cache(maxsize=1024)
def _normalized(text: str) -> tuple[NormText, bool]:
    from rag.facts.agencies import find_bodies
    from rag.facts.gloss import glossary

    mend = _ocr_mender()
    plain = normalize(text, _corrector(), mend)
    gloss = glossary()
    if not gloss.foreign(text):
        return plain, False
    bodies = find_bodies(plain)
    named = [(b.start, b.end) for b in bodies]
    # Names of places and bodies are kept ("Rio Grande do Sul", "Police nationale"); a
    # one-word one that is a word of the glossary is the word: "nada" is not Kobe's ward,
    # and "la policía" is police, for the language a question is written in says nothing
    # of where its police are.
    named += [
        (m.start, m.end) for m in find_mentions(plain, bodies)
        if not gloss.knows(plain.norm[m.start : m.end])
    ]
    keep = [plain.to_original(start, end) for start, end in named]
    read = normalize(text, _corrector(), lambda pieces: gloss.apply(mend(pieces), keep))
    return read, read.norm != plain.norm


# "is it banned for this, or only for American police?": a place the question sets beside the
# rule's reach, not where its own actor sits.
_SCOPE_BEFORE = re.compile(
    r"\b(?:or|than|not|vs|versus) (?:only |just |also |even )?(?:for |to |by |on )?(?:the )?$|"
    r"\b(?:is|are|was) (?:only|just) (?:for|about|on|against) (?:the )?$"
)
_SCOPE_AFTER = re.compile(r"^ (?:police|cops|agencies|departments|law enforcement|forces|officers)\b[^.!;\n]*\?")


def _rule_scope(nt: NormText, start: int, end: int) -> bool:
    return (_SCOPE_BEFORE.search(nt.norm, max(0, start - 30), start) is not None
            and _SCOPE_AFTER.match(nt.norm[end : end + 80]) is not None)


def _inside(pattern: re.Pattern[str], text: str, pos: int) -> bool:
    window = pattern.finditer(text, max(0, pos - 80), min(len(text), pos + 40))
    return any(m.start() <= pos < m.end() for m in window)


def _in_place_name(nt: NormText, start: int) -> bool:
    """ "a customs broker in Long Beach": the word is part of a town's name, not the place
    where the use happens."""
    i = nt.token_at(start)
    if i == 0 or not nt.tokens[i - 1].word:
        return False
    word, before = nt.original_word(i), nt.original_word(i - 1)
    if not (word[:1].isupper() and before[:1].isupper()):
        return False
    gaz = gazetteer()
    name = f"{before} {word}"
    return gaz.capitalised.get(name) is not None or gaz.folded.get(name.lower()) is not None


def _cue_hits(nt: NormText, idents: list[IdentHit]) -> list[_Hit]:
    """Every cue that speaks, and every identification the text tells the means of."""
    hits: list[_Hit] = []
    tokens = nt.tokens
    mentions = Mentions(nt)
    for cue in CUES:
        seen = 0
        for m in cue.pattern.finditer(nt.norm):
            seen += 1
            if seen > _MAX_HITS_PER_CUE:
                break  # a long text repeating the same words: the first ones decide
            if cue.not_after:
                first = nt.token_at(m.start())
                if first > 0 and tokens[first - 1].text in cue.not_after:
                    continue
            if cue.skip is not None and _inside(cue.skip, nt.norm, m.start()):
                continue
            if cue.fact == "uncontrolled" and _in_place_name(nt, m.start()):
                continue
            scope = polarity(nt, m.start(), m.end())
            if scope.polarity is Polarity.neutral:
                continue
            if scope.polarity is Polarity.negated:
                value = cue.negated_value()
                start = scope.negator_start if scope.negator_start is not None else m.start()
            else:
                value = cue.value
                start = m.start()
            if value is not None:
                strength = cue.strength
                if strength > WEAK and mentions.only_mentions(m.start()):
                    strength = WEAK
                hits.append(_Hit(cue.fact, value, strength, start, m.end()))
    for ident in idents:
        if not ident.negated and ident.value != UNSAID:
            strength = WEAK if mentions.only_mentions(ident.start) else STRONG
            hits.append(_Hit("use", ident.value, strength, ident.start, ident.end, inferred=True))
    return hits


_CIRCUMSTANCES = frozenset({"real_time", "mobile_camera", "uncontrolled", "consent"})
_FACE_WORDS = re.compile(r"\b(?:faces?|facial)\b")
_PICTURES = re.compile(r"\b(?:faces?|facial|footage|videos?|recordings?|photos?|images?|cctv|stills|clips?|feeds?)\b")


def _same_means(norm: str, scope: Scope) -> bool:
    """ "whether they'd check faces live or go through the footage after": both options work
    on pictures, so the choice is of timing, not of whether faces are used."""
    text = norm[scope.start : scope.end]
    left, sep, right = text.partition(" or ")
    return bool(sep) and _PICTURES.search(left) is not None and _PICTURES.search(right) is not None


_ACTOR_CHOICE = re.compile(
    r"\b(?:whether|if) (?:the |this |that |our )?(?:it|work|job|client|customer|buyer|end user|user|project|"
    r"request|order|contract|deal|they|he|she|firm|company)(?:'s|'re| is| are| was| were| would be| will be| might be)? "
    r"(?:really |actually |ultimately |also )?(?:for|from|on behalf of|working for|acting for|with|a|an)\b"
)


def _settled_only(nt: NormText, hits: list[_Hit], open_: Scopes) -> tuple[list[_Hit], set[str]]:
    """Drop the words of an undecided plan ("opt-in is under discussion"). Inside a choice
    ("not decided whether it runs on live feeds or on seized recordings") only the facts
    the choice offers are open: those named next to its "or", or, with no "or", the
    circumstances ("not decided whether it will be live"), not who does what."""
    dropped: set[int] = set()
    asked: set[int] = set()
    means_open: set[str] = set()
    for scope in open_.scopes:
        # "not sure yet if it would ever do the face part": whether faces are used at all is
        # open, so a use told only by its verb ("help ID suspects") is not settled.
        if scope.choice and _FACE_WORDS.search(nt.norm, scope.start, scope.end) and not _same_means(nt.norm, scope):
            means_open.add("use")
        inside = [i for i, h in enumerate(hits) if scope.covers(h.start, h.end)]
        if not scope.choice:
            dropped.update(inside)
            continue
        if scope.facts:  # an "A or B" naming one fact both ways
            if scope.answered:  # the answer after the question decides
                asked.update(i for i in inside if hits[i].fact in scope.facts)
            else:
                dropped.update(i for i in inside if hits[i].fact in scope.facts)
            continue
        options = open_choice(nt, scope)
        if options is None:
            # "they won't say whether the work is for a police department": a choice about
            # who it is for leaves the actor open too.
            about_actor = _ACTOR_CHOICE.search(nt.norm, scope.start, scope.end) is not None
            dropped.update(i for i in inside if hits[i].fact in _CIRCUMSTANCES
                           or (about_actor and hits[i].fact in ("law_enforcement", "united_states")))
            # "it'll be opt-in, but they haven't decided whether parents have to sign anything":
            # the circumstance the choice names stays open, whatever is said of it elsewhere.
            means_open |= {n for n in open_topics_of(nt, [(scope.start, scope.end)]) if n in _CIRCUMSTANCES}
            continue
        # A circumstance's words that reach into an option name it too ("only for berth
        # holders who sign up ... or for everyone"); a use must start inside one.
        named = {
            hits[i].fact for i in inside
            if any(a <= hits[i].start < b
                   or (hits[i].fact in _CIRCUMSTANCES and a < hits[i].end and hits[i].start < b)
                   for a, b in options)
        }
        # "not settled whether during the patrol or back at the brigade on the footage": the
        # options' words name the circumstance even where no cue reads them.
        named |= {name for name in open_topics_of(nt, options) if name in _CIRCUMSTANCES}
        dropped.update(i for i in inside if hits[i].fact in named)
        means_open |= named - {hits[i].fact for i in inside}
    kept = [h for i, h in enumerate(hits) if i not in dropped and i not in asked]
    return kept, {hits[i].fact for i in dropped} | means_open


def _longest_first(hits: list[_Hit]) -> list[_Hit]:
    """Drop a hit that overlaps a longer one for the same fact ("report it to the police"
    is one hint, not a hint and a mention of police). Linear in clusters of overlaps."""
    kept: list[_Hit] = []
    cluster: list[_Hit] = []
    cluster_end = -1
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        if cluster and hit.start >= cluster_end:
            kept.extend(_longest_in(cluster))
            cluster = []
        cluster.append(hit)
        cluster_end = max(cluster_end, hit.end) if len(cluster) > 1 else hit.end
    kept.extend(_longest_in(cluster))
    return sorted(kept, key=lambda h: h.start)


def _longest_in(cluster: list[_Hit]) -> list[_Hit]:
    chosen: list[_Hit] = []
    # Of two hits over the same words, the stronger reading stands.
    for hit in sorted(cluster, key=lambda h: (-(h.end - h.start), h.start, -h.strength)):
        if not any(hit.start < k.end and k.start < hit.end for k in chosen):
            chosen.append(hit)
    return chosen


_ALTERNATIVE = re.compile(r"\bor\b|\bvs\b|\bversus\b|\bnor\b|\beither\b|\bmaybe\b|\bperhaps\b")
_CLAUSE_BREAK = re.compile(r"[.!?;\n]")


def _alternative(nt: NormText, a: _Hit, b: _Hit) -> bool:
    """Two values offered as a choice in one clause ("live or on recordings")."""
    first, second = (a, b) if a.start <= b.start else (b, a)
    between = nt.norm[first.end : second.start]
    return _CLAUSE_BREAK.search(between) is None and _ALTERNATIVE.search(between) is not None


_HEDGE = re.compile(
    r"\b(?:might|may|could) (?:be|have been|also be)\b|\bmaybe\b|\bperhaps\b|\bpossibly\b|\beither\b|"
    r"\bnot sure (?:if|whether)\b|\bdon't know (?:if|whether)\b|\bno idea (?:if|whether)\b"
)


def _hedged_alternative(nt: NormText, a: _Hit, b: _Hit) -> bool:
    """ "might be A or B": two values joined by "or" in one clause, after a hedge a few
    words before the first of them."""
    between = nt.norm[a.end : b.start]
    if _CLAUSE_BREAK.search(between) or not re.search(r"\bor\b", between) or len(between) > 60:
        return False
    lead = nt.norm[max(0, a.start - 40) : a.start]
    lead = _CLAUSE_BREAK.split(lead)[-1]
    return _HEDGE.search(lead) is not None


def _offered(a: _Hit, b: _Hit) -> bool:
    """Two values a choice can offer: both told, or a "yes" against a body that may or may
    not be law enforcement."""
    values = (a.value, b.value)
    return a.value != b.value and ("yes" in values or "unknown" not in values)


_CHOICE = object()  # the strongest words offer the values as a choice ("live or recorded")


def _decide(nt: NormText, hits: list[_Hit]) -> tuple[_Hit | None, list[_Hit] | object]:
    """The hit that settles a fact, or none; and, when the strongest words state two
    values outright, those words (a contradiction to ask about), or _CHOICE when they
    offer them as a choice (open: no reader may settle it from these words)."""
    if not hits:
        return None, []
    # "he might be a private investigator or a detective with Houston PD": a hedged choice
    # leaves the fact open whatever the strength of the words on each side.
    # "either the Sheriff's Office or the county parks department": a body that may or may
    # not be law enforcement on one side is a choice too.
    told = [h for h in hits if h.strength > SAYS_NOTHING]
    if any(
        a.start < b.start and _offered(a, b) and _hedged_alternative(nt, a, b)
        for a in told for b in told
    ):
        return None, _CHOICE
    best = _strongest(hits)
    top = best[0].strength
    values = {h.value for h in best}
    if len(values) == 1:
        return best[0], []
    if "unknown" in values or top <= WEAK:
        return None, []  # hints that disagree, or a "could be either" cue: open, not a clash
    firsts = {h.value: h for h in reversed(best)}
    pairs = [(a, b) for a in best for b in best if a.value != b.value and a.start < b.start]
    if any(_alternative(nt, a, b) for a, b in pairs):
        return None, _CHOICE
    return None, list(firsts.values())


def _strongest(hits: list[_Hit]) -> list[_Hit]:
    """The hits of the greatest strength among `hits` (not empty)."""
    top = max(h.strength for h in hits)
    return [h for h in hits if h.strength == top]


def _decide_use(hits: list[_Hit]) -> _Hit | None:
    if not hits:
        return None
    return min(_strongest(hits), key=lambda h: (_USE_PRIORITY.index(h.value), h.start))


def _use_rivals(hits: list[_Hit]) -> list[_Hit]:
    """The strongest words' uses that identify or follow people, one hit per use."""
    if not hits:
        return []
    rivals: dict[str, _Hit] = {}
    for h in _strongest(hits):
        if h.value != "non_biometric":
            rivals.setdefault(h.value, h)
    return list(rivals.values())


_SEVERITY = {"prohibited": 0, "depends": 1, "not_prohibited": 2}


def _strictest_use(values: dict[str, str], rivals: list[_Hit]) -> _Hit:
    """ "match a subject's face across months of archives to map where they've been" is
    face matching and tracking: of two uses the words name, the one more rules reach is
    kept, so the reading never settles on the lenient side (POLICY_MODEL.md §2.1)."""
    def severity(hit: _Hit) -> tuple[int, int]:
        verdict = decide(Facts.model_validate({**values, "use": hit.value})).verdict.value
        return _SEVERITY.get(verdict, 1), _USE_PRIORITY.index(hit.value)

    return min(rivals, key=severity)


def values_of(by_fact: dict[str, list[_Hit]], fact: str) -> set[str]:
    return {h.value for h in by_fact.get(fact, [])}


def read_lexical(text: str) -> FactsReading:
    """What the words of `text` say about the seven facts (cues, scopes, gazetteers);
    anything they do not say stays unknown."""
    cached = _read_cached(text)
    # A fresh dict: a caller that edits the spans must not edit the cache.
    return FactsReading(
        facts=cached.facts, spans=dict(cached.spans), conflicts=dict(cached.conflicts),
        undecided=cached.undecided, presumed=cached.presumed,
        identifies_unsaid=cached.identifies_unsaid, shows_images=cached.shows_images,
    )


# A chat re-reads its earlier turns with every question: remember recent texts.
@lru_cache(maxsize=2048)
def _read_cached(text: str) -> FactsReading:
    return _read(text)


# After a body's name: its records, matched against ("DMV photos", "the sheriff's booking
# photos"); before a role: a role left behind ("ex sheriff's deputy"); after an actor: a
# report of what someone else does ("the landlord says").
_AS_SOURCE = re.compile(
    r"(?:'s|s')? (?:[\w']+ )?(?:photos?|pictures?|pics|images?|headshots?|records?|database|db|data|files?|archives?|"
    r"galler(?:y|ies)|registry|register|lists?)\b"
)
_LE_RECORDS = re.compile(
    r"(?:'s|s')? (?:booking (?:photos?|pictures?|images?|database)|mug ?shots?(?: database| db| archive)?|"
    r"(?:photo |mugshot |booking |arrest )?(?:database|db|archive|records))\b"
)
_FORMER = re.compile(r"\b(?:ex|former|retired|one time|onetime)(?: [\w']+)? $")
_REPORTS = re.compile(
    r" (?:now |also |just |then |still |later )?(?:says?|said|claims?|claimed|insists?|insisted|reckons?|admits?|admitted|"
    r"argues?|argued|swears?|swore|tells (?:us|me|them)|told (?:us|me|them))\b"
)


def _read(text: str) -> FactsReading:
    nt = normalized(text)
    open_ = undecided_scopes(nt)
    bodies = find_bodies(nt)
    found = find_mentions(nt, bodies)
    # Where a body or place sits is a fact of its own: an undecided operator leaves it open.
    places, open_places = _settled_only(
        nt, [_Hit("united_states", m.value, STRONG, m.start, m.end) for m in found
             if not _rule_scope(nt, m.start, m.end)], open_
    )
    kept = {(h.start, h.end) for h in places}
    mentions = [m for m in found if (m.start, m.end) in kept]
    # "a state police agency (the memo does not say which country)": an open question of
    # where outranks a hint of it.
    topics = open_topics(nt, open_)
    if "united_states" in open_places | topics:
        mentions = [m for m in mentions if not m.weak]
    agencies = [
        _Hit("law_enforcement", "yes", STRONG, m.start, m.end)
        for m in found
        if m.agency and m.le and m.value in ("yes", "no")
    ]
    # Bodies that are not law enforcement ("a state DMV") hint no; debatable ones
    # ("the prison service") hold the fact open against such hints.
    # (A body whose records are matched against, "DMV photos", is a source, not the actor.)
    agencies += [
        _Hit("law_enforcement", "no" if b.body.law_enforcement is False else "unknown",
             WEAK, b.start, b.end)
        for b in bodies
        if b.body.law_enforcement is not True and not _AS_SOURCE.match(nt.norm, b.end)
    ]
    by_fact: dict[str, list[_Hit]] = {}
    idents = find_identification(nt)
    all_hits = [
        h for h in [*_cue_hits(nt, idents), *agencies]
        # "our security contractor (ex sheriff's deputy, now private)": a role left behind.
        if not (h.fact == "law_enforcement" and h.value == "yes"
                 and _FORMER.search(nt.norm, max(0, h.start - 20), h.start))
        # "compares faces ... with the county sheriff's booking photos": the police's records
        # matched against say nothing of who matches.
        and not (h.fact == "law_enforcement" and h.value == "yes" and _LE_RECORDS.match(nt.norm, h.end))
    ]
    kept_hits, open_facts = _settled_only(nt, all_hits, open_)
    # "blur bystanders' faces, and possibly also tag the same faces across videos - that
    # isn't settled": a stricter use still open leaves the use open, not the milder one.
    kept_ids = {id(h) for h in kept_hits}
    # (so does people picked out by unsaid means inside the open plan: "count the crowd, and
    # maybe later pick out known troublemakers too, haven't decided that part")
    unsaid_open = any(i.value == UNSAID and not i.negated and sc.covers(i.start, i.end)
                      for i in idents for sc in open_.scopes if not sc.choice)
    if unsaid_open or any(h.fact == "use" and h.value != "non_biometric" and id(h) not in kept_ids for h in all_hits):
        kept_hits = [h for h in kept_hits if not (h.fact == "use" and h.value == "non_biometric")]
        open_facts.add("use")
    # An open choice about a fact outranks a hint at it elsewhere: "matched at a stadium
    # gate ... it is unclear whether live or afterwards" leaves the timing open.
    # So does an open choice of means ("might be faces, might be the audio") over a use told
    # only by its verb ("figure out who's who").
    # An open choice of circumstance outranks any word for it elsewhere: "we haven't decided
    # if it is nightly batches or instant lookups" is not settled by "our photo archive".
    held_open = open_facts.union(*(s.facts for s in open_.scopes if not s.answered))
    # "not sure yet who'd operate it": an open operator outranks any body named as a
    # candidate, unless the text says outright who does or does not run it.
    # (Said by an undecided trigger; "police of the world or only of the US" is a choice of
    # where, not of who.)
    triggered = Scopes(tuple(sc for sc in open_.scopes if not sc.facts))
    operator_open = "law_enforcement" in open_topics(nt, triggered)
    kept_hits = [
        h for h in kept_hits
        if not (h.fact in held_open
                and (h.strength <= WEAK or h.inferred or h.fact in _CIRCUMSTANCES))
        and not (operator_open and h.fact == "law_enforcement" and h.strength < DECLARED)
    ]
    for hit in kept_hits:
        by_fact.setdefault(hit.fact, []).append(hit)

    # The words naming the police, for attaching a place to them ("police in Ohio"); not
    # the long "sells it to police forces" phrases.
    le_spans = [
        (h.start, h.end)
        for h in by_fact.get("law_enforcement", [])
        if h.value == "yes" and h.strength < ON_BEHALF
    ]

    values: dict[str, str] = {}
    spans: dict[str, Span] = {}
    conflicts: dict[str, dict[str, Span]] = {}
    presumed: set[str] = set()
    if values_of(by_fact, "use") and "mobile_camera" not in by_fact:
        timing = values_of(by_fact, "real_time")
        material = no_camera_words(nt, timing.pop() if len(timing) == 1 else "unknown")
        if material is not None:
            by_fact["mobile_camera"] = [_Hit("mobile_camera", "no", WEAK, *material)]
            presumed.add("mobile_camera")
    rivals: list[_Hit] = []
    for fact, hits in by_fact.items():
        hits = _longest_first(hits)
        clash: list[_Hit] | object = []
        if fact == "use":
            chosen = _decide_use(hits)
            rivals = _use_rivals(hits)
        else:
            chosen, clash = _decide(nt, hits)
        if chosen is not None and chosen.value != "unknown":
            values[fact] = chosen.value
            spans[fact] = nt.span(chosen.start, chosen.end)
            # Who only reports what is done is not thereby who does it: "Landlord now says it
            # only runs on saved footage" does not replace the operator (the NYPD) of an
            # earlier turn, though alone it still tells who asks.
            if fact == "law_enforcement" and chosen.value == "no" and _REPORTS.match(nt.norm, chosen.end):
                presumed.add(fact)
        elif chosen is not None and chosen.strength > WEAK:
            # Words that hold the fact open ("agree to be filmed in the ticket terms") outrank
            # a presumption from elsewhere (a festival crowd), not only the cues.
            open_facts.add(fact)
        if clash is _CHOICE:
            open_facts.add(fact)
        elif isinstance(clash, list) and clash:
            conflicts[fact] = {h.value: nt.span(h.start, h.end) for h in clash}
    where = resolve(nt, mentions, le_spans)
    if where is not None:
        values["united_states"] = where.value
        spans["united_states"] = nt.span(where.start, where.end)
    if len(rivals) > 1:
        strictest = _strictest_use(values, rivals)
        values["use"] = strictest.value
        spans["use"] = nt.span(strictest.start, strictest.end)
    undecided = {f for f in open_facts | open_places | topics if f not in values}
    consent_open = "consent" in undecided or "consent" in conflicts
    if not consent_open and met_in_public(nt, values):
        values["consent"] = "no"
        spans["consent"] = spans["uncontrolled"]
    elif not consent_open and tracked_by_police(nt, values):
        values["consent"] = "no"
        spans["consent"] = spans["use"]
        presumed.add("consent")
    # Only where no word of the text speaks of the operator at all.
    actor_unsaid = "law_enforcement" not in undecided | set(conflicts) and not any(
        h.fact == "law_enforcement" for h in all_hits
    )
    operator = private_operator(nt, values) if actor_unsaid else None
    if operator is not None:
        values["law_enforcement"] = "no"
        spans["law_enforcement"] = nt.span(*operator)
        presumed.add("law_enforcement")
    unsaid = any(i.value == UNSAID and not i.negated for i in idents)
    return FactsReading(
        facts=Facts.model_validate(values), spans=spans, conflicts=conflicts,
        undecided=frozenset(undecided), presumed=frozenset(n for n in presumed if n in values),
        identifies_unsaid=unsaid, shows_images=shows_images(nt),
    )
