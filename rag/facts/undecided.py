"""Words that leave a fact open: an undecided plan or an open alternative.

"Live or batch is not chosen yet", "opt-in is under discussion", "we don't know yet
whether the sheriff's office or the parks department will run it", "either stored clips
or the stream, TBD": the words naming the options ("live", "opt-in", "sheriff") settle
nothing (POLICY_MODEL.md §2.1). As in ConText (clinical NLP), a trigger opens a scope:
backwards over what is undecided ("X is not decided"), or forwards over the choice it
introduces ("not decided whether X or Y"), never past a clause break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.facts.text import NormText

__all__ = ["Scope", "Scopes", "open_choice", "open_topics", "open_topics_of", "undecided_scopes"]

_NOT = r"(?:not|\w+n't|dont|doesnt|didnt|havent|hasnt|isnt|arent|wasnt|werent|never)"
_DECIDED = (
    r"(?:decided|determined|chosen|settled|confirmed|finali[sz]ed|worked out|figured out|"
    r"defined|specified|fixed|clear|certain|sure|known|made up|signed off|scoped|planned|made|agreed on|agreed upon|"
    r"sorted out|sorted(?! (?:the|our|their|my|your|through|by)\b)|ironed out|nailed down|pinned down|locked in|locked down|"
    # ("haven't said a word to the candidates" keeps people in the dark; it opens no choice)
    r"said(?! (?:a word|anything) (?:to|about)\b)|stated|mentioned|told us|indicated|voted on|voted|ruled on|"
    # "the vendor hasn't disclosed whether shoppers see a notice" (not "hasn't disclosed it
    # to shoppers": people kept in the dark)
    r"(?:disclosed|revealed|shared)(?= (?:yet )?(?:whether|if|which|who|how|what)\b))"
)
_DECIDE = r"(?:decide|determine|choose|settle|confirm|finali[sz]e|work out|figure out|pick|say|disclose|reveal|mention|specify)"
# Words for a detail not given; who was "told nothing" is left to `_TOLD`, below.
_UNSAID_WORDS = r"nothing|no word|no mention|not a word|no info(?:rmation)?|no details?"
_TRIGGER = re.compile(
    rf"\b(?:{_NOT} (?:yet |been |be |fully |really |entirely |completely )*{_DECIDED}|"
    rf"{_NOT} (?:yet |really |even )?{_DECIDE}|{_NOT} know (?:yet|(?:yet )?(?:whether|if|which))|"
    # "whether ... or by checking old photos later I honestly dont know": a bare "don't know"
    # ending its clause looks back over the choice.
    # (the asker's own: "they wouldn't know" is people not told, not a choice open)
    rf"\b(?:i|we)(?: really| honestly| just| genuinely)? {_NOT} (?:really |honestly )?know(?= ?[.!?,;)]| ?$)|"
    r"dunno (?:yet )?(?:if|whether|which|who)|(?:(?:have|has|had) )?no idea (?:yet )?(?:if|whether|which|who)|"
    r"not that (?:anyone|anybody|we|they|the \w+)(?:'s| has| have|'ve)? (?:decided|agreed|chosen|signed off)|"
    # "whether residents have to agree is going to a board vote"; "I wouldn't say it definitely is"
    r"(?:going|goes|went) to (?:a |the )?(?:board |council |member |members' |public )?vote|up for (?:a )?vote|"
    r"put to (?:a |the )?vote|(?:wouldn't|would not|can't|cannot) say (?:it |that |they )?(?:definitely|for sure|either way)|"
    # "the plan is staff opt in, but HR hasn't signed that off"
    rf"{_NOT} (?:yet )?(?:signed|sign) (?:that |it |this |them )?off|"
    # "the client won't tell us if they are police" (not "we won't tell them": not informing)
    rf"{_NOT} (?:yet |even )?tell (?:us|me)(?= (?:whether|if|which|who)\b)|"
    rf"(?:yet|still) to (?:be )?(?:{_DECIDE}|{_DECIDED})|"
    # "opt-in? - haven't asked yet": a step still to come answers nothing.
    rf"{_NOT} (?:yet )?(?:asked|checked|raised it|brought it up)(?: (?:them|her|him|people|anyone|the [\w']+))? yet|"
    # ("nobody told us" alone is people not informed, not a choice left open: it needs a
    # "which" or "whether" after it)
    rf"(?:nobody|no one|noone|none of us) (?:has |have |had )?(?:yet )?(?:(?!(?:said|stated|mentioned|told us|indicated)\b){_DECIDED}|decided)|"
    r"(?:nobody|no one|noone|none of us)(?:'s| has| have| had)? (?:yet )?(?:said|stated|mentioned|told (?:us|me)|indicated)"
    r"(?= (?:whether|if|which|who|how|what)\b)|"
    rf"{_NOT} (?:yet |really )?(?:thought about|considered|looked at|figured) (?=whether|if|which)|idk (?:yet )?(?=if|whether|which)|"
    # A detail the ask leaves out: "nothing in the ask about opt-in either way", "no mention
    # of consent in the RFP" (a detail not given is not a "no"; "told nothing about it" is
    # people kept in the dark, and the cue readers take it).
    rf"(?:{_UNSAID_WORDS})"
    r"(?= (?:(?:in|from) (?:the |their |his |her |our |this )?[\w']+ )?(?:about|on|regarding|of|as to) (?:[\w'-]+ ){1,4}?either way\b)|"
    r"no mention (?=of\b)|"
    r"leaning (?:toward|towards)|still need(?:s)? (?:a )?sign ?off|pending sign ?off|"
    r"(?:to be|still being|being) (?:hashed out|ironed out|sorted out|thrashed out|"
    r"decided|determined|confirmed|discussed|debated|worked out|settled|figured out|"
    r"argued|weighed|considered|reviewed|negotiated)(?: (?:internally|over|about))?|"
    r"undecided|unsure|uncertain|unclear|undetermined|unconfirmed|unresolved|tbd|tba|tbc|"
    # "legal is still arguing about whether", "we are debating whether": a choice still open.
    r"(?:still |are |is |currently |now )?(?:debating|arguing|discussing|deliberating|weighing(?: up)?|"
    r"going back and forth|torn|negotiating|deciding|voting on|working out|figuring out|looking at)"
    r"(?: (?:internally|over|about|on))?(?= (?:whether|if|which|who|how)\b)|"
    # "... or only those who opt in - the airline is deciding": the choice told before.
    r"(?:is|are|still) (?:deciding|negotiating|debating|discussing)(?= ?[.;!?)-]| ?$)|"
    # "consent approach: still debating a loyalty-app opt-in": the option debated is open.
    r"still (?:debating|weighing)(?= (?:a|an|the|our|their|some)\b)|"
    # "legal is still drafting the wording where applicants agree": a text not yet written.
    r"still (?:drafting|writing|working on|preparing|finali[sz]ing)(?= (?:the|a|an|our|their)\b)|"
    r"under (?:discussion|consideration|review|evaluation|debate)|"
    # "whether staff get asked to opt in is 'a later decision'"
    r"(?:later|future|pending|separate|outstanding) decision|decision for later|decided later|decide later|"
    # A spec value still to come: "visitor consent: pending", "consent screen: planned".
    r"(?<=[:|] )(?:pending|planned|proposed|open|in progress|not written|to come|later)(?= ?(?:[,.;)\n/|]|$))|"
    r"(?<=[:|] )\?|"
    r"(?:is|are|remains?|still) (?:an )?open(?: question)?|open question|"
    r"up in the air|up for debate|(?:might|may) or (?:might|may) not|no decision|"
    r"(?:have|has|had) (?:not )?(?:yet )?to (?:decide|choose)|"
    r"depend(?:s|ing)? on (?:what|which|whether|who|how|the (?:client|customer|contract|budget))|"
    r"(?:one|either) or the other|whichever|both options|(?:could|can|might|may) be either|"
    r"(?:could|can|might|may) go either way|(?:is|are|was|were) silent (?:on|about)|"
    rf"{_NOT} (?:yet )?(?:checked|asked|verified|tested|established|looked into|found out) (?:whether|if)|(?:still )?(?:checking|looking into|reviewing|confirming|verifying) (?:whether|if)|(?:can't|cannot|can not|couldn't|could not) (?:really )?(?:tell|say|see) "
    r"(?:(?:from|in) (?:the |their |a )?[\w']+ )?(?:if|whether|what|which|who|how)|withheld|(?:is|are) not (?:disclosed|known))\b"
)
_UNSAID = re.compile(_UNSAID_WORDS)
_TOLD = re.compile(r"\b(?:told|tell|tells|telling|said|say|says|inform\w*|notif\w*|gave|give|given)\b(?: [\w']+){0,2}\s*$")
_TOLD_REACH = 25
# After these a trigger's scope runs forwards over the choice: "not decided whether ...".
_CHOICE = re.compile(r"[^\w.!?;\n]*(?:yet |still )?(?:on |about )?(?:whether|if|which|who|how|what|where|when|between)\b")
# "haven't figured out the consent part": an undecided verb followed by its object.
_OBJECT = re.compile(r" (?:yet |still )?(?:the|a|an|our|their|its|this|that|any|exactly) ")
_NEW_SUBJECT = re.compile(r",? and (?:we|they|i|he|she|nobody|no one)\b")
# "maybe transcription, maybe the face stuff": a list of possibilities settles none of them.
_MAYBE = r"(?:maybe|perhaps|possibly|might be|could be|may be|might have to|may have to|might need to)"
_MAYBES = re.compile(rf"\b{_MAYBE}\b[^.!?;:\n]{{1,80}}?,? (?:or )?{_MAYBE}\b[^.!?;:\n]{{0,80}}")
# "blur the faces, and possibly also tag them across videos": the addition is a possibility.
_MAYBE_ALSO = re.compile(rf"\b(?:{_MAYBE}|and maybe|or maybe) (?:also|even|later)\b[^.!?;:\n]{{0,80}}")
# Clause breaks: a scope never crosses them.
# "we're adding a sign, and maybe an app opt-in later", "perhaps an opt-in": an addition
# still hedged names its fact but settles nothing.
_MAYBE_LATER = re.compile(
    rf"\b{_MAYBE} (?:[\w']+ ){{0,4}}?(?:later|eventually|down the line|(?:in )?(?:the )?future|some ?day|next year|"
    r"at some point)\b|"
    rf"\b{_MAYBE} (?:[\w']+ ){{0,3}}?(?:opt ?ins?|consent|sign ?ups?|enrol(?:l)?(?:ment|ing|ed|s)?|agreement)\b|"
    # "down the road we might teach it to tell faces apart": a later step still hedged.
    rf"\b(?:down the (?:road|line)|later on|eventually|some ?day|one day|in (?:the )?future|next year),? "
    r"(?:[\w']+ ){0,2}?(?:might|may|could|maybe|perhaps|possibly)\b[^.!?;:\n]{0,120}"
)
_HEDGED_NEXT = re.compile(r"[.!;]\s+((?:it|they|we|that|this|the \w+) (?:might|may|could|possibly|perhaps))\b")
_BREAK = re.compile(r"(?<!\bvs)(?<!\bv)[.!?;:\n]|\bbut\b|\bhowever\b|\balthough\b")
_BACK_WORDS = 8
_ANSWER_REACH = 30  # characters from a question to the trigger of its answer
_ANSWER_WORDS = 3  # words between them: a speaker's name and a pronoun ("Anna: they haven't said")
_KEY_WORDS = 5  # words in a spec line's key ("consent/opt-in flow:")
_RUN_ON_KEY = 2  # words of a key with no line of its own
_BARE_ITEM = re.compile(r"\s*(?:(?:still|yet|all|both|everything|but|is|are|that's|thats|it's|its) )*")
_BARE = re.compile(r"tbd|tba|tbc|unconfirmed|undetermined|unknown|pending|planned|proposed|open|in progress|"
                   r"not written|to come|later|\?")


@dataclass(frozen=True)
class Scope:
    start: int  # norm offsets of the undecided words
    end: int
    choice: bool  # a choice the trigger introduces ("not decided whether X or Y")
    facts: frozenset[str] = frozenset()  # the facts it leaves open; empty: any named in it
    # A choice asked and then answered ("Ravi: live or after the shift? Jo: after."): its
    # options' words settle nothing, but the answer does.
    answered: bool = False

    def covers(self, start: int, end: int) -> bool:
        # A cue may take in the full stop that ends the scope's clause ("... to agree.").
        return self.start <= start and end <= self.end + 1


@dataclass(frozen=True)
class Scopes:
    scopes: tuple[Scope, ...] = ()

    def covers(self, start: int, end: int) -> bool:
        return any(s.covers(start, end) for s in self.scopes)


def _clause(norm: str, pos: int) -> tuple[int, int]:
    """The clause around norm position `pos`: between the nearest breaks."""
    start = 0
    for m in _BREAK.finditer(norm, 0, pos):
        start = m.end()
    after = _BREAK.search(norm, pos)
    return start, (after.start() if after else len(norm))


def _back(norm: str, start: int, limit: int) -> int:
    """Up to _BACK_WORDS words before `start`, not before `limit`."""
    words = list(re.finditer(r"\S+", norm[limit:start]))
    if len(words) > _BACK_WORDS:
        return limit + words[-_BACK_WORDS].start()
    return limit


def undecided_scopes(nt: NormText) -> Scopes:
    norm = nt.norm
    scopes: list[Scope] = []
    for m in _TRIGGER.finditer(norm):
        first, last = _clause(norm, m.start())
        chooses = re.search(r"\b(?:whether|if|which|who|what|how)$", m.group()) is not None
        if chooses or _CHOICE.match(norm, m.end()) or m.group().startswith("depend"):
            scopes.append(Scope(m.start(), last, choice=True))
            # "Whether it runs live or the next morning depends on how many analysts we
            # have": the choice runs back to its "whether".
            whether = norm.rfind("whether ", first, m.start())
            if m.group().startswith("depend") and whether >= 0 and (whether == 0 or not norm[whether - 1].isalnum()):
                scopes.append(Scope(whether, m.start(), choice=False))
        elif _UNSAID.match(m.group()):
            # "no mention of consent in the RFP": the detail left out follows. ("we told
            # them nothing about it" keeps people in the dark: no choice open.)
            if _TOLD.search(norm, max(0, m.start() - _TOLD_REACH), m.start()) is None:
                scopes.append(Scope(m.start(), last, choice=False))
        elif m.group().startswith(("might or", "may or")):
            # "we may or may not ask them to agree": the open choice follows.
            scopes.append(Scope(m.start(), last, choice=True))
        else:
            # "- consent/opt-in flow: under discussion": a spec line's key, before its colon,
            # is what is undecided.
            if first > 0 and norm[first - 1] == ":":
                line = max(norm.rfind("\n", 0, first - 1), norm.rfind(" - ", 0, first - 1)) + 1
                if len(norm[line : first - 1].split()) <= _KEY_WORDS:
                    first = line
                else:
                    # A key run into the line before it ("... by name / opt-in: TBD"): its
                    # last words.
                    words = list(re.finditer(r"\S+", norm[line : first - 1]))
                    first = line + words[-_RUN_ON_KEY].start() if len(words) >= _RUN_ON_KEY else line
            # "the plan is staff opt in, but HR hasn't signed that off": a pronoun object
            # points back at the clause before.
            if first > 0 and re.search(r"\b(?:that|it|this)\b", m.group()):
                first = _clause(norm, max(0, first - 2))[0]
            back = _back(norm, m.start(), first)
            # An answer to the question just asked: "Luis: live or after? Anna: they haven't
            # said" leaves the question's options open.
            asked = norm.rfind("?", max(0, m.start() - _ANSWER_REACH), m.start())
            if (asked > 0 and len(norm[asked + 1 : m.start()].split()) <= _ANSWER_WORDS
                    and len(norm[m.end() : last].split()) <= 1):  # a bare answer, not "not sure he's right"
                back = _clause(norm, asked)[0]
            # "national police force, country TBD": a bare TBD binds to its own list item.
            if _BARE.fullmatch(m.group()):
                item = norm.rfind(",", first, m.start())
                # "live alerts or a nightly report, still TBD": a TBD alone in its item
                # binds to the item before.
                # (A cell of a row, ",TBD,", stays its own item.)
                cell = norm[m.end() : m.end() + 1] == ","
                if item >= 0 and (cell or not _BARE_ITEM.fullmatch(norm[item + 1 : m.start()])):
                    back = max(back, item + 1)
            # "Whether it'll be run by the state police or by the gaming commission hasn't
            # been decided": the undecided subject runs back to its "whether".
            whether = norm.rfind("whether ", first, m.start())
            if whether >= 0 and (whether == 0 or not norm[whether - 1].isalnum()):
                back = min(back, whether)
            # The trigger's own words name no fact ("a later decision" is not about timing).
            scopes.append(Scope(back, max(m.start(), back + 1), choice=False))
            if _OBJECT.match(norm, m.end()):
                # "still drafting the wording where they agree and we haven't picked ...":
                # the object ends where a new subject starts.
                nxt = _NEW_SUBJECT.search(norm, m.end(), last)
                scopes.append(Scope(m.start(), nxt.start() if nxt else last, choice=True))
            # "we haven't decided that part. It might only run on the footage after the
            # shift": the hedged sentence after the trigger is the option still open.
            hedged = _HEDGED_NEXT.match(norm, last)
            if hedged is not None:
                scopes.append(Scope(hedged.start(1), _clause(norm, hedged.end())[1], choice=True))
            # "not decided: live or recorded": what follows a trigger that ends its
            # clause with a colon is the open choice.
            if norm[m.end() : m.end() + 1] == ":":
                nxt_first, nxt_last = _clause(norm, min(len(norm), m.end() + 1))
                scopes.append(Scope(nxt_first, nxt_last, choice=True))
    # The facts a list of possibilities is about are the ones its words name.
    scopes.extend(
        Scope(m.start(), m.end(), choice=False,
              facts=frozenset(n for n, p in _TOPICS.items() if p.search(m.group())))
        for m in [*_MAYBES.finditer(norm), *_MAYBE_ALSO.finditer(norm), *_MAYBE_LATER.finditer(norm)]
    )
    scopes.extend(_alternatives(nt))
    scopes.extend(_labelled_options(nt))
    scopes.extend(Scope(m.start(), m.end(), choice=False) for m in _RIVAL_WANTS.finditer(norm))
    return Scopes(tuple(scopes))


# "Marketing wants it opt-in, ops wants it on for everyone by default": two wishes, one fact.
_WANT = r"(?:wants?|prefers?|favou?rs?|pushes for|is pushing for|argues for|would rather)"
_RIVAL_WANTS = re.compile(
    # ("members want out, but the sergeant wants to keep checking them": a refusal, not a wish
    # for the plan)
    rf"\b[\w']+ {_WANT} (?!(?:to (?:be )?)?(?:out|removed|deleted|taken off|left out|opted out|excluded|no part)\b)(?:it )?[^.;!?\n]{{1,60}}?,? (?:while |but |and |whereas )?(?:the )?[\w']+(?: team)? {_WANT} (?:it )?[^.;!?\n]{{1,60}}"
)
# "Option A: live face checks at the doors. Option B: only review CCTV after incidents.":
# options laid out side by side are alternatives, unless the text says which was taken.
_LABEL = r"(?:option|plan|scenario|alternative|approach|variant|proposal) (?:a|b|c|1|2|3|one|two|three)\b"
_OPTION = re.compile(rf"\b{_LABEL}")
_TAKEN = re.compile(
    r"\b(?:chose|chosen|picked|went with|gone with|going with|decided on|settled on|opted for|approved|signed off on) "
    rf"(?:the )?{_LABEL}"
)


def _labelled_options(nt: NormText) -> list[Scope]:
    norm = nt.norm
    labels = list(_OPTION.finditer(norm))
    if len(labels) < 2 or _TAKEN.search(norm):
        return []
    # The last option runs to the end of its clause (past the colon after its label).
    last = labels[-1]
    end = _clause(norm, min(len(norm), last.end() + 2))[1]
    return [Scope(labels[0].start(), end, choice=True, facts=frozenset(
        name for name, pattern in _TOPICS.items()
        if sum(1 for a, b in zip(labels, [*labels[1:], None], strict=False)
               if pattern.search(norm, a.end(), b.start() if b else end)) >= 2
    ))]


def _alternatives(nt: NormText) -> list[Scope]:
    """ "live or recorded?", "body cams or fixed cameras": both sides of an "or" name the
    same fact, so the question offers it as a choice, cue words or not."""
    norm = nt.norm
    found = []
    side = _BACK_WORDS // 2
    for m in _OR.finditer(norm):
        first, last = _clause(norm, m.start())
        before = list(re.finditer(r"\S+", norm[first : m.start()]))[-side:]
        after = list(re.finditer(r"\S+", norm[m.end() : last]))[:side]
        if not before or not after:
            continue
        left = (first + before[0].start(), m.start())
        # "either only redact the faces ..., or also identify ...": the left option runs
        # back to its "either".
        either = norm.rfind("either ", first, m.start())
        if either >= 0 and (either == 0 or not norm[either - 1].isalnum()):
            left = (either, m.start())
        else:
            either = -1
        right = (m.end(), m.end() + after[-1].end())
        # "nobody asked us or told us", "without telling or asking them": people denied a
        # say are offered no choice ("never said live or recorded" still is one).
        if _DENIED.search(norm, *left):
            continue
        # "either in the car or in the evidence system later": after "either" the choice is
        # about what one option names.
        both = either < 0 or norm.find(" or ", either, m.start()) >= 0
        facts = frozenset(
            name for name, pattern in _TOPICS.items()
            if (pattern.search(norm, *left) and pattern.search(norm, *right))
            or (not both and name in _CHOICE_FACTS
                and (pattern.search(norm, *left) or pattern.search(norm, *right)))
        )
        answered = _answered(norm, last)
        if answered:
            # Asked and answered: the question's words for a circumstance are options either side.
            facts |= {name for name in _CHOICE_FACTS
                      if _TOPICS[name].search(norm, *left) or _TOPICS[name].search(norm, *right)}
        if facts:
            found.append(Scope(left[0], right[1], True, frozenset(facts), answered=answered))
    return found


def _answered(norm: str, last: int) -> bool:
    """Whether the question ending at `last` is followed by a statement: its answer."""
    if norm[last : last + 1] != "?":
        return False
    rest = norm[last + 1 : last + 1 + _ANSWER_SPAN]
    nxt = re.match(r"\s*(?:[\w']+ ){0,2}?(?:\d\d:\d\d\s*)?(?:[\w']+:\s*)?([^?\n]*?)([.!\n]|$)", rest)
    # ("Luis: not decided, PM wants live" answers that nothing is settled)
    return (nxt is not None and len(nxt.group(1).split()) >= 1 and nxt.group(2) != ""
            and _TRIGGER.search(nxt.group(1)) is None)


_ANSWER_SPAN = 120


_OR = re.compile(r"\bor\b|\bvs\b|\bversus\b")
_DENIED = re.compile(
    r"\b(?:nobody|no one|noone|never|not|neither|without|\w+n't|dont|didnt|doesnt|wont|cant|wouldnt) (?:[\w']+ )?"
    r"(?:asked|told|informed|notified|warned|consulted|agreed|consented|signed|opted|asking|telling|informing|"
    r"notifying|warning|consulting|agreeing|consenting)\b"
)
# What an "either ... or" names on one side only: the circumstances of a use.
_CHOICE_FACTS = frozenset({"real_time", "mobile_camera", "uncontrolled", "consent"})
_NEAR_OR = 6  # words on each side of "or" that name the options
_OPENER = re.compile(r"\b(?:whether|if|between)\b")
_LONG_OPTION = 15


def open_choice(nt: NormText, scope: Scope) -> list[tuple[int, int]] | None:
    """The norm spans naming the options of a choice: a few words either side of each
    "or" in it; None when the choice has no "or"."""
    norm = nt.norm
    spans = []
    for m in _OR.finditer(norm, scope.start, scope.end):
        before = list(re.finditer(r"\S+", norm[scope.start : m.start()]))
        after = list(re.finditer(r"\S+", norm[m.end() : scope.end]))
        # The first option is about as long as the second: "whether it would follow specific
        # people who go into the closure or only count how many are in there" offers two
        # uses, "whether the face matching would run on live feeds or on recordings" two
        # timings (the face matching is not an option). Never back past the "whether".
        left = min(_LONG_OPTION, max(_NEAR_OR, len(after) + 2))
        a = scope.start + before[-left].start() if len(before) >= left else scope.start
        for w in _OPENER.finditer(norm, scope.start, m.start()):
            a = max(a, w.end())
        b = m.end() + after[_NEAR_OR - 1].end() if len(after) >= _NEAR_OR else scope.end
        spans.append((a, b))
    return spans or None


# Words that name what a fact is about, cue or not: "whether consent would be obtained
# has not been settled" leaves consent open even though no cue there sets it.
_TOPICS = {
    "consent": re.compile(r"\b(?:consent\w*|opt(?:s|ed|ing)? (?:in|out)|opt ?ins?|permission|agree\w*|enrol\w*|"
                          r"sign(?:s|ed|ing)? up|sign ?ups?|sign (?:anything|a form|forms|the form|a waiver)|by default|default (?:on|off)|findable|discoverable|"
                          r"(?:switch|turn)(?:es|s|ed|ing)? (?:it |this |that )?on|"
                          r"told|tell|informed|inform|notified|notify|notice|asked|aware)\b"),
    "real_time": re.compile(r"\b(?:live|real ?time|batch\w*|recorded|recordings?|footage|streams?|feeds?|"
                            r"after the fact|afterwards|later|timing|while|inside|review\w*|evening|overnight|"
                            r"next day|daily|nightly|weekly|monthly|end of (?:the )?(?:day|shift|week|month)|next morning|on entry|as they|during)\b"),
    "mobile_camera": re.compile(r"\b(?:cams?|cameras?|body ?worn|dash\w*|drones?|fixed|mounted|cctv)\b"),
    "uncontrolled": re.compile(r"\b(?:streets?|patrols?|public|in the wild|stations?|offices?|where)\b"),
    "use": re.compile(r"\b(?:identif\w+|recogni[sz]\w+|match\w*|redact\w*|blur\w*|counting|headcounts?|track\w*|follow\w*|"
                      r"transcri\w+|summar\w+|faces?|clothing|clothes|gait|voices?|audio|fingerprints?|sorting|"
                      r"detect\w*|verif\w+|name|names|naming)\b"),
    "united_states": re.compile(r"\b(?:country|countries|jurisdictions?|markets?|which state|where (?:it|they|the))\b"),
    "law_enforcement": re.compile(r"\b(?:police|sheriff\w*|law enforcement|operators?|contractors?|vendors?|"
                                  r"private (?:compan(?:y|ies)|firms?|security)|run it|runs it|"
                                  r"which (?:[\w']+ )?(?:team|agency|department|unit|customer|client|office|body|force)|"
                                  # "I can't say who the client is"
                                  r"who (?:the |our |my |their )?(?:end )?(?:client|customer|buyer|user|operator)s? (?:is|are|will be|would be)|"
                                  r"who(?:'d|'ll| would| will| is going to)? (?:run|operate|use|control)s?)\b"),
}


def open_topics_of(nt: NormText, spans: list[tuple[int, int]]) -> set[str]:
    """The facts the words of these norm spans name."""
    return {name for name, pattern in _TOPICS.items() for a, b in spans if pattern.search(nt.norm, a, b)}


def open_topics(nt: NormText, scopes: Scopes) -> set[str]:
    """The facts an undecided plan or open choice is about, by their words."""
    found: set[str] = set()
    for scope in scopes.scopes:
        spans = open_choice(nt, scope) if scope.choice else None
        for start, end in spans or [(scope.start, scope.end)]:
            text = nt.norm[start:end]
            found.update(name for name, pattern in _TOPICS.items() if pattern.search(text))
    return found
