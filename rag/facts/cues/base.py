"""What a cue is: a pattern over normalised text that sets one fact to one value.

A `Cue` says: where this pattern matches, the fact takes this value (or, when the words
are negated, that one). Strong cues name the thing ("bodycam", "after the fact"); weak
ones only hint at it ("later") and count only when no strong cue speaks. Patterns run
over `NormText.norm`: lower case, single spaces, hyphens as spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = [
    "AGENCY_BEFORE_OFFICE",
    "DECLARED",
    "DROP",
    "FLIP",
    "ON_BEHALF",
    "PEOPLE",
    "PLACE_AS_MODIFIER",
    "SAYS_NOTHING",
    "STRONG",
    "WEAK",
    "Cue",
    "cue",
]

FLIP = "flip"  # negated: the opposite value
DROP = "drop"  # negated: says nothing

DECLARED = 3  # the text says it outright about the actor: "I'm not law enforcement"
# Working for police outranks not being police: "a lab, not itself a police department,
# that runs the searches at police request" acts for them (POLICY_MODEL.md §2.1).
ON_BEHALF = 4
STRONG = 2
WEAK = 1
# Words that name something without telling the fact: a longer match that swallows a cue
# word inside it ("photos the police gave us" says nothing of who runs the camera).
SAYS_NOTHING = 0


@dataclass(frozen=True)
class Cue:
    fact: str
    value: str | None  # None: the words say something only when negated ("no consent")
    pattern: re.Pattern[str]
    strength: int = STRONG
    negated: str = DROP  # FLIP, DROP or a value
    not_after: frozenset[str] = field(default_factory=frozenset)  # skip after these words
    skip: re.Pattern[str] | None = None  # skip a match that lies inside a match of this

    def negated_value(self) -> str | None:
        if self.negated == DROP:
            return None
        if self.negated == FLIP:
            return {"yes": "no", "no": "yes"}.get(self.value or "")
        return self.negated


def cue(
    fact: str,
    value: str | None,
    regex: str,
    strength: int = STRONG,
    negated: str | None = None,
    not_after: tuple[str, ...] = (),
    skip: str | None = None,
) -> Cue:
    if negated is None:
        negated = "no" if value == "yes" else DROP
    return Cue(
        fact,
        value,
        re.compile(regex),
        strength,
        negated,
        frozenset(not_after),
        re.compile(skip) if skip else None,
    )


PEOPLE = (
    # ("non-residents" are people, not a negation of residents)
    r"(?:non (?:residents?|members?|students?|staff|employees?|customers?|guests?|subscribers?|enrollees?)|people|persons?|individuals?|someone|somebody|anyone|anybody|everyone|everybody|"
    r"suspects?|shoppers?|customers?|employees?|workers?|staff|visitors?|passengers?|"
    r"travell?ers?|students?|protest[eo]rs?|demonstrators?|citizens?|residents?|pedestrians?|"
    r"drivers?|motorists?|criminals?|offenders?|inmates?|prisoners?|strangers?|attendees?|"
    r"fans?|patients?|children|kids?|minors?|members?|users?|participants?|tenants?|guests?|"
    r"migrants?|immigrants?|refugees?|men|women|man|woman|perpetrators?|culprits?|"
    r"shoplifters?|cheaters?|cheats|card counters?|advantage players?|callers?|offenders?|evaders?|regulars|pickpockets?|looters?|rioters?|vandals?|thieves|thief|robbers?|burglars?|activists?|journalists?|bystanders?|"
    r"passers? by|mourners|worshippers|voters|tourists?|commuters?|riders?|"
    r"actors?|actresses|celebrit(?:y|ies)|celebs?|athletes?|politicians?|classmates?|devotees?|relatives?|"
    r"applicants?|candidates?|exam takers?|test takers?|examinees?|clients?|patrons?|spectators?|celebrit(?:y|ies)|celebs?|politicians?|victims?|classmates?|"
    r"colleagues?|co ?workers?|diners?|couriers?|trespassers?|intruders?|poachers?|smugglers?|fishers?|anglers?|hikers?|campers?|"
    r"(?:fare )?dodgers?|litterers?|fly ?tippers?|husbands?|wives|wife|exes|(?:my |her |his |their |an |the )ex\b|spouses?|"
    r"boyfriends?|girlfriends?|players?|runners?|cyclists?|swimmers?|campers?|villagers?|farmers?|pupils?|lads|teenagers?|teens|learners?|trainees?|"
    r"witnesses?|fugitives?|felons?|parolees?|detainees?|arrestees?|him|her|them|subjects?|"
    r"targets?|gang members?|the public|individual's|person's|people's|ppl|folks|"
    # People named by what they do or own: "repeat loose-dog owners", "known scalpers",
    # "the trappers", "concert-goers", "ticket holders".
    r"owners?|sellers?|buyers?|bidders?|renters?|lodgers?|occupants?|squatters?|beggars?|panhandlers?|loiterers?|"
    r"troublemakers?|hooligans?|youths?|drunks?|punters?|gamblers?|bettors?|volunteers?|donors?|subscribers?|"
    r"scalpers?|touts?|trappers?|hunters?|neighbou?rs?|roommates?|flatmates?|housemates?|teammates?|parents?|"
    r"mothers?|fathers?|mums?|moms?|dads?|grandparents?|babies|toddlers?|infants?|seniors?|elders?|pensioners?|"
    r"adults?|boys?|girls?|guys?|blokes?|chaps?|ladies|gentlemen|newcomers?|outsiders?|foreigners?|locals?|"
    r"assailants?|attackers?|aggressors?|abusers?|stalkers?|harassers?|predators?|exhibitionists?|flashers?|"
    r"prowlers?|scammers?|fraudsters?|impostors?|imposters?|lowballers?|dine and dashers|dashers|no shows|"
    r"[a-z]+goers|(?:ticket|card|account|key|season ticket|pass|badge|licen[cs]e) ?holders?|registrants?|entrants?|"
    r"competitors?|racers?|contestants?|delegates?|cashiers?|pickers?|contractors?|interns?|staffers?|"
    r"friends?|family members?|(?:my|our|his|her|their|the) family|households?|loved ones|"
    r"child|teen|youngsters?)"
)
# Organisations that are clearly not law enforcement when they act for themselves.
# fmt: off
AGENCY_BEFORE_OFFICE = (
    "sheriff's", "sheriffs", "sheriff", "da's", "attorney's", "attorneys", "prosecutor's",
    "prosecutors", "marshal's", "field", "home", "post", "box", "back", "head", "district",
    "coroner's", "mayor's", "attorney", "prosecution", "police", "county", "city", "state",
)
# fmt: on
# "an office landlord", "a stadium operator", "the custody database": the place word
# describes an actor or a record, not where the use happens.
PLACE_AS_MODIFIER = (
    r"\b(?:(?:shopping |back )?(?:offices?|stadiums?|malls?|cent(?:re|er)s?)|(?:jail|prison)(?: booking)?|"
    r"festivals?|concerts?|stations?|labs?|campus|"
    r"custody|booking|streets?|"
    r"crowds?|protests?) (?:landlords?|operators?|owners?|managers?|compan(?:y|ies)|staff|workers?|employees|"
    r"organi[sz]ers?|security|chains?|groups?|databases?|records?|photos?|images?|data|systems?|software|"
    r"suites? database|management|work|tasks|jobs|duties|functions|roles?)\b|"
    r"\b(?:after|before) (?:a|an|the) (?:protests?|demonstrations?|rall(?:y|ies)|concerts?|festivals?|"
    r"(?:football |soccer )?match(?:es)?|games?)\b|"
    r"\b(?:photos?|images?|pictures?|captions?) of (?:the )?(?:crowds?|protests?|streets?)\b"
)
