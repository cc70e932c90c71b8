"""The words that set each fact of POLICY_MODEL.md §2, as patterns over normalised text.

A `Cue` says: where this pattern matches, the fact takes this value (or, when the words
are negated, that one). Strong cues name the thing ("bodycam", "after the fact");
weak ones only hint at it ("later", "mugshots") and count only when no strong cue
speaks. Patterns run over `NormText.norm`: lower case, single spaces, hyphens as spaces.
Jurisdiction is read separately (`jurisdiction.py`), and identification from a verb and
its object (`identification.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["CUES", "DROP", "FLIP", "TYPO_TARGETS", "Cue"]

FLIP = "flip"  # negated: the opposite value
DROP = "drop"  # negated: says nothing

STRONG = 2
WEAK = 1


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


def _cue(
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


# --- shared word classes -----------------------------------------------------------------

PEOPLE = (
    r"(?:people|persons?|individuals?|someone|somebody|anyone|anybody|everyone|everybody|"
    r"suspects?|shoppers?|customers?|employees?|workers?|staff|visitors?|passengers?|"
    r"travell?ers?|students?|protest[eo]rs?|demonstrators?|citizens?|residents?|pedestrians?|"
    r"drivers?|motorists?|criminals?|offenders?|inmates?|prisoners?|strangers?|attendees?|"
    r"fans?|patients?|children|kids?|minors?|members?|users?|participants?|tenants?|guests?|"
    r"migrants?|immigrants?|refugees?|men|women|man|woman|perpetrators?|culprits?|"
    r"shoplifters?|callers?|offenders?|evaders?|regulars|pickpockets?|looters?|rioters?|vandals?|thieves|thief|robbers?|burglars?|activists?|journalists?|bystanders?|"
    r"passers? by|mourners|worshippers|voters|tourists?|commuters?|riders?|"
    r"applicants?|clients?|patrons?|spectators?|celebrit(?:y|ies)|politicians?|victims?|"
    r"witnesses?|fugitives?|felons?|parolees?|detainees?|arrestees?|him|her|them|subjects?|"
    r"targets?|gang members?|the public|individual's|person's|people's)"
)
# Organisations that are clearly not law enforcement when they act for themselves.
_NON_LE_ACTORS = (
    r"retailers?|retail|stores?|shops?|supermarkets?|grocer(?:y|ies|s)|malls?|casinos?|banks?|"
    r"schools?|universit(?:y|ies)|colleges?|hospitals?|clinics?|employers?|employees?|"
    r"workplaces?|landlords?|hotels?|airlines?|gyms?|nightclubs?|restaurants?|churche?s?|"
    r"museums?|(?:theme|amusement) parks?|event organi[sz]ers?|private security|"
    r"security guards?|bouncers?|homeowners?|dating apps?|marketers?|advertisers?|insurers?|"
    r"insurance compan(?:y|ies)|hr department|human resources|office buildings?|"
    r"civilians?|consumers?|shopping cent(?:re|er)s?|concert venues?|landlords?|"
    r"fitness (?:cent(?:re|er)s?|clubs?)|private (?:compan(?:y|ies)|business(?:es)?|firms?|citizens?|individuals?)|"
    r"compan(?:y|ies)|firms?|business(?:es)?|corporations?|operators?|(?:hotel|retail|restaurant) (?:groups?|chains?)|"
    r"startups?|manufacturers?|logistics|car rental|airports?|venues?|charit(?:y|ies)|ngos?|nonprofits?|"
    r"journalists?|reporters?|newsrooms?|private investigators?|developers?|hobbyists?|neighbou?rs?|rideshare|"
    r"ride share|taxis?|cafes?|café|coffee shops?|baker(?:y|ies)|apps?|hackathon|my own|personal (?:use|project)|"
    r"doorbells?"
)
_AGENCY_BEFORE_OFFICE = (
    "sheriff's",
    "sheriffs",
    "sheriff",
    "da's",
    "attorney's",
    "attorneys",
    "prosecutor's",
    "prosecutors",
    "marshal's",
    "field",
    "home",
    "post",
    "box",
    "back",
    "head",
    "district",
    "coroner's",
    "mayor's",
    "attorney",
    "prosecution",
    "police",
)
_MODS = (
    r"(?:(?:their|his|her|its|the|prior|explicit|express|valid|informed|written|full|signed|"
    r"verbal|documented|clear|affirmative|freely given|individual's|individuals'|people's|"
    r"person's|user's|users'|employee's|employees'|customer's|customers'|subject's|"
    r"subjects'|everyone's|all|appropriate|proper) )"
)

# "an office landlord", "a stadium operator", "the custody database": the place word
# describes an actor or a record, not where the use happens.
_PLACE_AS_MODIFIER = (
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


_LE = [
    _cue("law_enforcement", "yes", r"\bpolic(?:e[sd]?|ing|e(?:wo)?m[ae]n)\b"),
    _cue("law_enforcement", "yes", r"\bcops?\b|\bcoppers\b"),
    _cue("law_enforcement", "yes", r"\blaw enforcement\b|\blaw enforcers?\b"),
    _cue("law_enforcement", "yes", r"\bsheriff(?:'s|s'|s)?\b|\bdeput(?:y sheriffs?|ies)\b"),
    _cue(
        "law_enforcement", "yes", r"\btroopers?\b|\bdetectives?\b|\bconstab(?:les?|ular(?:y|ies))\b"
    ),
    _cue(
        "law_enforcement",
        "yes",
        r"\bgendarm(?:erie|es?)\b|\bcarabinieri\b|\bgard(?:a|ai|aí)\b|\b\w*polizei\b|"
        r"\bpolic[ií]a\b|\bpolitie\b|\b(?:inter|euro)pol\b|\bfrontex\b|\brcmp\b|\bmounties\b|"
        r"\bscotland yard\b|\bbundeskriminalamt\b|\b(?:department of )?public safety(?: department)?\b",
    ),
    _cue(
        "law_enforcement",
        "yes",
        r"\bfbi\b|\bdea\b|\batf\b|\bcbp\b|\bswat\b|\bprecincts?\b|\bmarshals\b|\bhomeland security\b|"
        r"\bborder (?:patrol|police|guards?|agents?|force|officers?|protection)\b|"
        r"\bimmigration (?:enforcement|officers?|agents?|police)\b|\bcustoms (?:officers?|agents?|officials|enforcement)\b|"
        r"\bfederal agents?\b",
    ),
    _cue("law_enforcement", "yes", r"\bprosecutors?\b|\bdistrict attorneys?\b|\bda's office\b"),
    _cue(
        "law_enforcement",
        "yes",
        r"\b(?:prison|jail|correctional|corrections) (?:officers?|guards?|department|authorities|service)\b|"
        r"\bdepartment of corrections\b",
    ),
    _cue(
        "law_enforcement",
        "yes",
        r"\bofficers?\b",
        not_after=(
            "security",
            "compliance",
            "privacy",
            "data",
            "protection",
            "chief",
            "executive",
            "information",
            "technology",
            "financial",
            "operating",
            "loan",
            "medical",
            "health",
            "safety",
            "hr",
            "press",
            "marketing",
            "customer",
            "welfare",
            "environmental",
            "commanding",
            "naval",
            "army",
            "military",
            "training",
            "program",
            "programme",
            "project",
            "contracting",
            "procurement",
            "ethics",
            "legal",
            "risk",
            "investment",
            "accounting",
            "admissions",
            "election",
            "elected",
            "company",
            "corporate",
            "bank",
            "branch",
            "flight",
            "petty",
            "warrant",
            "first",
            "career",
            "development",
            "responsible",
            "ai",
            "product",
            "science",
            "sales",
            "revenue",
            "finance",
        ),
    ),
    # Police as the recipient of someone else's results: only a hint that it is "for" them.
    _cue(
        "law_enforcement",
        "yes",
        r"\b(?:report(?:s|ed|ing)?|hand(?:s|ed|ing)?|pass(?:es|ed|ing)?|send(?:s|ing)?|sent|"
        r"forward(?:s|ed|ing)?)(?: [\w']+){0,3} (?:over )?to (?:the |local )?(?:police|cops|law enforcement)\b|"
        r"\b(?:call(?:s|ed|ing)?|alert(?:s|ed|ing)?|notif(?:y|ies|ied|ying)|tip(?:s|ped)? off|"
        r"contact(?:s|ed|ing)?) (?:the |local )?(?:police|cops|law enforcement)\b|"
        r"\bshar(?:e|es|ed|ing)(?: [\w']+){0,4} with (?:the |local )?(?:police|cops|law enforcement)\b",
        strength=WEAK,
        negated=DROP,
    ),
    _cue("law_enforcement", "no", rf"\b(?:{_NON_LE_ACTORS})\b", strength=WEAK),
    # A public body may or may not be law enforcement: it holds the fact open against a
    # weak "no" ("a company builds it for a government agency").
    _cue(
        "law_enforcement",
        "unknown",
        r"\b(?:agenc(?:y|ies)|governments?|ministr(?:y|ies)|authorit(?:y|ies)|councils?|municipalit(?:y|ies)|"
        r"public bod(?:y|ies)|government bod(?:y|ies)|departments?|state|federal|city hall)\b",
        strength=WEAK,
        negated=DROP,
    ),
    _cue(
        "law_enforcement",
        "no",
        r"\boffices?\b",
        strength=WEAK,
        not_after=_AGENCY_BEFORE_OFFICE,
        skip=_PLACE_AS_MODIFIER,
    ),
    # The actor says it is not police: "(not the police)", "I'm not law enforcement".
    _cue(
        "law_enforcement",
        "no",
        r"\b(?:i'm|i am|im|we're|we are|is|are|isn't|aren't|am|it's|that's|who are|which is) not "
        r"(?:a |an |the |part of (?:the |a )?)?(?:police|law enforcement|cops?)\b|"
        r"\(not (?:the |a )?(?:police|law enforcement|cops)\)|\bnot for (?:the )?(?:police|law enforcement)\b|"
        r"\bnon (?:police|law enforcement)\b|\bnot (?:a |the )?police (?:force|department|agency|body)\b",
        strength=3,
        negated=DROP,
    ),
    _cue("law_enforcement", "no", r"\bbadge in\b", strength=WEAK),
]

# "live" is the verb after these ("people who live in ..."; "go live" is a launch).
_LIVE_VERB_SUBJECTS = (
    "who",
    "that",
    "they",
    "we",
    "i",
    "you",
    "he",
    "she",
    "to",
    "where",
    "which",
    "still",
    "currently",
    "actually",
    "go",
    "goes",
    "going",
    "went",
    "gone",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "should",
    "shall",
    "also",
    "don't",
    "they'll",
    "we'll",
    "families",
    "residents",
    "citizens",
    "inhabitants",
    "usually",
)

# "many people live in Paris": a subject, then the verb.
_PEOPLE_LIVE_IN = (
    r"(?:^|[.!?;\n] ?|\b(?:the|many|most|some|all|these|those|local|our|their|who|where|and) )"
    rf"{PEOPLE} live (?:in|near|with|there|here|nearby|abroad|together|alone|on|at)\b"
)

_REAL_TIME = [
    _cue("real_time", "yes", r"\b(?:(?:near|nearly|almost|close to) )?real ?time\b"),
    _cue("real_time", "yes", r"\blive\b", not_after=_LIVE_VERB_SUBJECTS, skip=_PEOPLE_LIVE_IN),
    _cue(
        "real_time", "yes", r"\blive ?stream(?:s|ed|ing)?\b|\bstreaming (?:video|footage|feeds?)\b"
    ),
    _cue(
        "real_time",
        "yes",
        r"\bas (?:it|they|events?|things?) (?:happens?|unfolds?|occurs?)\b|\binstant(?:ly|aneous(?:ly)?)?\b|"
        r"\bon the (?:spot|fly)\b|\bin the moment\b|\bsplit second\b|"
        r"\bas (?:the |its |their )?(?:video|feed|footage|stream|camera) (?:streams?|plays?|comes? in|rolls?|runs?)\b",
    ),
    _cue(
        "real_time",
        "yes",
        rf"\bas (?:{PEOPLE}|they|we|he|she) (?:walk|walks|pass|passes|enter|enters|arrive|arrives|move|moves|approach|"
        r"approaches|go|goes|come|comes|drive|drives|board|boards|shop|shops|queue|queues)\b|"
        rf"\bwhile {PEOPLE} (?:are|is) (?:walking|passing|moving|driving|shopping)\b",
    ),
    # Checking people at a point of entry or service happens on the spot.
    _cue(
        "real_time",
        "yes",
        r"\bbadge in\b|\bcheck(?:s|ed|ing)? (?:[\w']+ ){0,2}?in\b|\baccess control\b|\bunlock(?:s|ing)?\b|"
        r"\b(?:at|through) (?:the |its |their |our |a |an )?(?:[\w']+ )?(?:doors?|entrances?|gates?|turnstiles?|"
        r"counters?|windows?|atms?|kiosks?)\b|\bboarding gates?\b|\bopens? the door\b|"
        r"\bas (?:they|he|she|people|\w+)(?:'re)? (?:are |get |is )?(?:processed|brought in|booked|checked in|scanned)\b|"
        r"\b(?:walks?|walking|comes?|coming) (?:past|by)\b|"
        r"\b(?:walks?|walking|comes?|coming) (?:in|into)(?= ?[.,;:!?()]| ?$| (?:the|a|an|my|our|their|its) "
        r"(?:doors?|stores?|shops?|buildings?|entrances?|gates?|lobby|cafe|premises|classrooms?|venue|station)\b)|"
        r"\bwithin seconds\b|\btake attendance\b|\b(?:camera|video|cctv) feeds?\b",
        strength=WEAK,
        negated=DROP,
    ),
    _cue("real_time", "no", r"\bafter the fact\b|\bafterwards?\b", negated=FLIP),
    _cue(
        "real_time",
        "no",
        r"\b(?:recorded|archived|stored|saved|historical|historic|old|past|uploaded|existing|"
        r"prerecorded|pre recorded|previously recorded|captured) (?:(?!a\b|an\b|the\b|their\b|his\b|her\b)[\w']+ )?"
        r"(?:footage|videos?|images?|photos?|"
        r"clips?|recordings?|material|stills|pictures|media|calls?|audio|conversations?|interviews?|cctv)\b|"
        r"\b(?:previously|already|was|were) recorded\b|\b(?:a|an|the|their|our|his|her) (?:[\w']+ )?recordings?\b|"
        r"\bretrospective(?:ly)?\b|\bpost (?:event|incident|hoc)\b|\bstills\b|\bstill (?:images?|photos?|frames?)\b|"
        r"\bafter (?:an?|the|each) (?:incident|event|arrest|crime|robbery|protest|shooting|burglary|theft|trip|"
        r"game|match|concert|festival|demonstration|riot|attack|meeting|visit)\b|"
        r"\b(?:hours|days|weeks|months) later\b|\bthe next day\b|\bforensics?\b|\bforensically\b|\barchives?\b",
        negated=FLIP,
    ),
    _cue("real_time", "no", r"\blater\b|\bbatch(?:es)?\b|\bovernight\b", strength=WEAK),
]

_MOBILE = [
    _cue(
        "mobile_camera",
        "yes",
        r"\bbody ?(?:worn|cams?|cameras?|mounted)\b|\bdash ?(?:cams?|cameras?|mounted|board cameras?)\b|"
        r"\b(?:in car|vehicle|car|cruiser|patrol car|squad car|helmet|police car|drone)s?'?s? (?:mounted )?"
        r"(?:cams?|cameras?)\b|\bvehicle mounted\b|\bhand ?held\b|\b(?:phone|smartphone|mobile) cam(?:era)?s?\b|"
        r"\bphone's cam(?:era)?\b",
    ),
    _cue(
        "mobile_camera",
        "yes",
        r"\bdrones?\b|\buavs?\b|\bquadcopters?\b|\bwearables?\b|\bwearable (?:cams?|cameras?|devices?)\b|"
        r"\bsmart ?glasses\b|\bmobile (?:cams?|cameras?|devices?|units?|video|recording)\b|"
        r"\bportable (?:cams?|cameras?|devices?)\b",
    ),
    # A phone named as a device: it may be the camera, or only where an alert goes.
    _cue(
        "mobile_camera",
        "yes",
        r"(?<!over the )(?<!by )\b(?:(?:mobile|cell|smart) )?phones?\b(?!'s)(?! (?:calls?|numbers?|lines?|locations?|"
        r"data|records?|photos?|pictures?|images?|videos?|footage|bills?|logs?|apps?))|\bsmartphones?\b|\biphones?\b|"
        r"\bon mobile\b",
        strength=WEAK,
    ),
    _cue(
        "mobile_camera",
        "no",
        r"\b(?:fixed|stationary|static|installed|permanent(?:ly)?(?: mounted)?) (?:cams?|cameras?|cctv)\b|"
        r"\b(?:wall|ceiling|pole|post|building|door|doorway|entrance|lamppost|mast) mounted\b|\bstationary\b|"
        r"\b(?:cams?|cameras?) (?:is |are |was |were |will be |stays? |remains? )?(?:fixed|static|"
        r"(?:wall |ceiling |pole )?(?:mounted|installed) (?:on|to|in|at|above|over) (?!(?:the |a |their |our |its )?"
        r"(?:[\w']+ )?(?:cars?|vehicles?|drones?|helmets?|officers?|uniforms?|dashboards?|bikes?|motorcycles?|vans?|"
        r"trucks?|cruisers?|vests?)\b))",
        negated=FLIP,
    ),
    _cue(
        "mobile_camera",
        "no",
        r"\bmounted (?:cams?|cameras?)\b",
        not_after=("dash", "body", "vehicle", "car", "helmet", "drone", "cruiser"),
        negated=FLIP,
    ),
    _cue(
        "mobile_camera",
        "no",
        r"\bcctv\b|\bkiosks?\b|\bwebcams?\b|"
        r"\b(?:security|store|shop|surveillance|doorbell|traffic|street|building|entrance|lobby|ceiling|"
        r"overhead|in store|checkout|gate|door|airport|station|city|red light|speed|cctv|room|classroom|hallway|"
        r"corridor|platform|atm|counter|jail|prison|cell|custody|office|warehouse|factory) (?:cams?|cameras?)\b|"
        r"\bcamera networks?\b",
    ),
    _cue(
        "mobile_camera",
        "no",
        # a photo compared with a gallery: no camera at work
        r"\b(?:photos?|photographs?|pictures?|images?) (?:against|with|to) (?:the |a |our )?(?:mug ?shots?|"
        r"(?:photo|image|mugshot|face) (?:databases?|archives?|galler(?:y|ies)))\b|"
        # cameras at a fixed place
        r"\b(?:cams?|cameras?|cctv) (?:at|in|on|inside|outside|above|over) (?:the |a |its |their |our |all |every |each )?"
        r"(?:[\w']+ )?(?:stations?|platforms?|stores?|shops?|entrances?|doors?|gates?|lobb(?:y|ies)|buildings?|offices?|"
        r"airports?|stadiums?|intersections?|schools?|classrooms?|hallways?|corridors?|malls?|counters?|checkpoints?|"
        r"premises|warehouses?|factor(?:y|ies)|branches|atms?)\b|\b(?:at|by) (?:the |its |an? )?(?:[\w']+ )?"
        r"(?:atms?|turnstiles?)\b",
        strength=WEAK,
        not_after=(
            "body",
            "dash",
            "phone",
            "drone",
            "helmet",
            "handheld",
            "held",
            "mobile",
            "wearable",
            "vehicle",
            "car",
            "cruiser",
            "smartphone",
            "to",
            "from",
        ),
    ),
]

_NON_PUBLIC_STATIONS = (
    "train",
    "subway",
    "metro",
    "bus",
    "railway",
    "rail",
    "underground",
    "tube",
    "gas",
    "petrol",
    "fire",
    "radio",
    "tv",
    "television",
    "space",
    "power",
    "weather",
    "charging",
    "work",
    "docking",
    "base",
    "service",
    "polling",
    "ranger",
    "research",
    "pumping",
    "filling",
    "ski",
    "coast",
    "guard",
    "lifeboat",
    "fuel",
    "relay",
    "tram",
)


def _place_cue(
    fact: str,
    value: str | None,
    regex: str,
    strength: int = STRONG,
    negated: str | None = None,
    not_after: tuple[str, ...] = (),
) -> Cue:
    return _cue(fact, value, regex, strength, negated, not_after, skip=_PLACE_AS_MODIFIER)


_UNCONTROLLED = [
    _place_cue(
        "uncontrolled",
        "yes",
        r"\bin the wild\b|\bstreets?\b|\bsidewalks?\b|\bin public\b|\bcrowds?\b|\bcrowded\b|"
        r"\bprotests?\b|\bprotest[eo]rs?\b|\bdemonstrations?\b|\bdemonstrators?\b|\brall(?:y|ies)\b|"
        r"\bfestivals?\b|\bconcerts?\b|\bstadiums?\b|"
        r"\b(?:football|soccer|baseball|basketball|hockey|rugby|cricket|sports?) (?:match(?:es)?|games?|events?|fixtures?)\b|\bcity cent(?:re|er)s?\b|\bdowntown\b|\btown square\b|"
        r"\bneighbou?rhoods?\b|\btraffic stops?\b|\broadside\b|\bin the field\b|\bout and about\b|"
        r"\bopen (?:spaces?|areas?|air)\b|\buncontrolled\b|\boutdoors?\b|\bpasser?s? ?by\b|\bpedestrians?\b|"
        r"\b(?:train|subway|metro|bus|railway|underground|tube) stations?\b|"
        r"\bpublic (?:places?|spaces?|areas?|squares?|parks?|roads?|streets?|transport|transit|events?|"
        r"gatherings?|settings?|spots?|locations?|venues?)\b",
    ),
    _place_cue(
        "uncontrolled",
        "yes",
        r"\bpatrol(?:s|ling|led|ing|men|man)?\b|\b(?:walk|walks|walking|on) the beat\b",
        not_after=("highway", "border"),
    ),
    _place_cue(
        "uncontrolled",
        "yes",
        r"\b(?:walk(?:s|ing)?|wander(?:s|ing)?|roam(?:s|ing)?|mov(?:e|es|ing)) (?:around|about)\b|\bcampus\b|"
        r"\bshopping (?:cent(?:re|er)s?|malls?|streets?|districts?|areas?|arcades?)\b|\bmalls?\b|"
        r"\b(?:on|at) (?:the )?platforms\b|\b(?:train|subway|metro|rail|railway|station|bus) platforms?\b",
        strength=WEAK,
    ),
    _place_cue(
        "uncontrolled",
        "no",
        r"\bstation(?:s|house)?\b|\bbooking(?: (?:rooms?|areas?|desks?|process|suites?))?\b|"
        r"\bcustody(?: (?:suites?|areas?|units?))?\b|\b(?:interview|interrogation|holding) (?:rooms?|cells?)\b|"
        r"\bback (?:office|room)s?\b|\b(?:locked|secure|closed|private|server|control|meeting|conference) rooms?\b|"
        r"\bcheckpoints?\b|"
        r"\b(?:checkpoint|border|security|passport|customs|immigration|ticket) (?:booths?|desks?|control|counters?|gates?|lanes?)\b|"
        r"\blab(?:s|oratory|oratories)?\b|\bindoors\b|\breception (?:desks?|areas?)\b|\bfront desk\b|"
        r"\bheadquarters\b|\bhq\b|\b(?:at|from) (?:a|the|his|her|their|my|our) desks?\b|\bdesk work\b|"
        r"\bjails?\b|\bprisons?\b|\bdetention (?:cent(?:re|er)s?|facilit(?:y|ies))\b",
        not_after=_NON_PUBLIC_STATIONS,
    ),
    _place_cue(
        "uncontrolled", "no", r"\boffices?\b", not_after=_AGENCY_BEFORE_OFFICE, strength=WEAK
    ),
    _place_cue(
        "uncontrolled",
        "no",
        r"\bcontrolled (?:environments?|settings?|conditions|areas?|spaces?|locations?|rooms?|facilit(?:y|ies)|"
        r"premises|zones?|sites?)\b",
        negated=FLIP,
    ),
    _place_cue(
        "uncontrolled",
        "no",
        r"\bbadge in\b|\brooms?\b|\bboarding gates?\b|"
        r"\b(?:medication|service|ticket|check in|front|reception|bank|airline|pharmacy|security) (?:windows?|counters?)\b",
        strength=WEAK,
    ),
]

_CONSENT = [
    # Bare "consent"/"permission" says something only when negated ("no consent").
    _cue("consent", None, r"\bconsent\b|\bpermission\b|\bagreement\b", negated="no"),
    _cue("consent", "yes", rf"\bwith {_MODS}{{0,3}}(?:consent|permission|agreement|approval)\b"),
    _cue("consent", "yes", r"\bconsent(?:ed|s|ing)\b|\bconsent(?:ed|s)? to\b"),
    _cue(
        "consent",
        "yes",
        rf"\b(?:{PEOPLE}|they|who|we|he|she) (?:all |each |both |have |had |must |will |do )?(?:consent|agree)\b|"
        r"\bwho (?:(?!not\b|never\b|don't\b|didn't\b|won't\b)[\w']+ ){0,4}?(?:consent|agree)\b|"
        r"\bagreed to (?:be|have|being|the|their|it|this|that)\b|"
        r"\bsign(?:s|ed|ing)? (?:a |an |the |their )?(?:written )?(?:consent forms?|agreements?|waivers?|releases?)\b|"
        rf"\b(?:who|they|{PEOPLE}) (?:have |had )?(?:voluntarily )?(?:enrolled|registered|signed up)\b|"
        r"\b(?:the |their |this |that )?consent is (?:valid|given|obtained|informed|freely given)\b",
    ),
    _cue(
        "consent",
        "yes",
        rf"\b(?:gave|give|gives|given|giving|grant(?:s|ed|ing)?|provided?|obtain(?:s|ed|ing)?|secured?|"
        rf"got) "
        rf"{_MODS}{{0,3}}(?:consent|permission)\b",
    ),
    _cue(
        "consent",
        "yes",
        r"\bconsent (?:was|is|has been|had been|were|have been) (?:given|obtained|granted|collected|provided|secured)\b",
    ),
    _cue("consent", "yes", r"\bopt(?:s|ed|ing)? ?in\b|\bopted in\b"),
    _cue(
        "consent",
        "yes",
        r"\b(?:who|they|all|employees|staff|users|customers|participants|people|volunteers|members|"
        r"students|subjects|individuals|workers|patrons|visitors|everyone) (?:have |had |all |each |both )?"
        r"(?:agreed|agree|signed up|volunteered|enrolled voluntarily)\b",
    ),
    _cue("consent", "yes", r"\bvoluntar(?:y|ily)\b|\bvolunteers\b", strength=WEAK),
    _cue(
        "consent",
        "no",
        r"\bwithout (?:[\w']+ ){0,2}?(?:telling|asking|informing|notifying|notice|notification|warning|"
        r"knowing|knowledge|awareness|letting|disclosure|disclosing)\b",
    ),
    _cue(
        "consent",
        "no",
        r"\bcovert(?:ly)?\b|\bsecret(?:ly)?\b(?! service)|\bsurreptitious(?:ly)?\b|\bhidden cameras?\b|"
        r"\bclandestine(?:ly)?\b|\bunbeknownst\b|\bbehind (?:their|his|her|people's) backs?\b|"
        r"\bnon ?consensual(?:ly)?\b|\binvoluntar(?:y|ily)\b|\bagainst (?:their|his|her) will\b|"
        r"\bunaware\b|\bunknowingly\b|\bunconsented\b|"
        r"\b(?:aren't|are not|weren't|were not|isn't|is not|wasn't|was not|never|not|nobody|no one|none)"
        r"(?: [\w']+){0,4}? (?:told|informed|notified|asked|consulted|warned)\b|"
        r"\bsigns? (?:are|is) not posted\b|\bno (?:signs?|notice|notices) (?:are |is )?posted\b|"
        rf"\b(?:{PEOPLE}|they|who|he|she) (?:didn't|didnt|did not|don't|dont|do not|never|have not|haven't|"
        r"won't|wouldn't|would not|will not) (?:agree|consent|opt in)\b|"
        r"\bconsent\w*,? but (?:[\w'-]+ ){0,8}?(?:did not|didn't|have not|haven't|do not|don't|does not|doesn't|"
        r"were not|weren't|was not|wasn't)\b",
    ),
    _cue(
        "consent",
        "no",
        rf"\b(?:refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|withdr(?:ew|awn|aw|aws)|revok(?:e|es|ed|ing)) "
        rf"{_MODS}{{0,3}}(?:consent|permission)\b|\bopt(?:s|ed|ing)? out\b|"
        r"\bconsent (?:was|is|has|had|were|have)(?: not|n't| never) (?:been )?(?:given|obtained|granted|"
        r"collected|provided|secured|sought|asked for|requested)\b|"
        r"\b(?!i\b|we\b|you\b)[\w']+ (?:don't|dont|do not|won't|will not|didn't|didnt|did not|"
        r"never|doesn't|doesnt|does not) (?:know|realize|realise|notice|find out)\b",
    ),
]

_USE = [
    _cue(
        "use",
        "facial_recognition",
        r"\bfac(?:e|es|ial) ?(?:recogni[sz]ing|recognition|matching|matches|match|id|ids|identification|"
        r"identifying|identify|verification|verifying|verify|search|searches|searching|scan|scans|scanning|"
        r"comparison|comparisons|compare|comparing|biometrics?|lookup|look up|surveillance|print|prints|"
        r"geometry|unlock|authentication|recognizer)\b|\bfaceid\b|\bclearview\b|\bfrt\b|"
        r"\b(?:identif\w+|recogni[sz]\w+|verif\w+|match(?:es|ed|ing)?|compar(?:e|es|ed|ing)) "
        r"(?:[\w']+ ){0,2}?faces?\b|"
        r"\b(?:identif\w+|recogni[sz]\w+|verif\w+|match\w*|authenticat\w+) (?:[\w']+ ){0,3}?by "
        r"(?:their |his |her |the |a )?(?:faces?|facial (?:features|images?|scans?))\b",
    ),
    _cue(
        "use",
        "other_biometric_identification",
        r"\b(?:gait|voice|voiceprint|voice print|speaker|iris|retina|retinal|fingerprint|finger print|palm|"
        r"palm print|palmprint|vein|ear|dna|keystroke|behaviou?ral) ?(?:recognition|identification|matching|"
        r"match|scans?|scanning|biometrics?|id|verification|authentication|prints?|comparison)\b|"
        r"\bfingerprint(?:s|ing)?\b|\bvoiceprints?\b|\bgait\b",
    ),
    _cue(
        "use",
        "surveillance_tracking",
        r"\b(?:track|tracks|tracked|tracking|trace|traces|tracing|follow|follows|following|monitor|monitors|"
        r"monitored|monitoring|surveil|surveils|surveilled|surveilling|watch|watches|watching|stalk|stalking|"
        r"locate|locating|keep tabs on|keeping tabs on|shadow|shadowing) (?:[\w']+ ){0,3}?"
        rf"(?:{PEOPLE}|their (?:movements?|locations?|whereabouts|activities|every move)|movements?|"
        r"whereabouts|locations? of)\b",
        not_after=("the", "a"),
    ),
    _cue(
        "use",
        "surveillance_tracking",
        r"\b(?:ongoing|persistent|continuous|constant|continual|mass|blanket|covert|permanent|round the clock|"
        r"24 7|long term|pervasive|dragnet|bulk|real time|live|location|movement|gps|cell ?phone|phone) "
        r"(?:surveillance|tracking|monitoring|tracing)\b|\bsurveillance of\b|"
        r"\b(?:licen[cs]e|number) plate (?:readers?|recognition|scanners?|tracking)\b|\balprs?\b|\banpr\b|"
        r"\bput (?:[\w']+ ){0,3}under surveillance\b|\bcomings and goings\b|\bevery move\b",
    ),
    _cue(
        "use",
        "surveillance_tracking",
        r"\bsurveil(?:s|led|ling|lance)?\b(?! (?:cams?|cameras?|footage|videos?|images?|stills|feeds?|systems?|"
        r"cctv|drones?|tapes?|recordings?|clips?|photos?|network|state))",
        strength=WEAK,
    ),
    _cue(
        "use",
        "non_biometric",
        r"\btranscri(?:b(?:e|es|ed|ing)|ptions?|pts?)\b|\bsummar(?:y|ies|i[sz](?:e|es|ed|ing|ation))\b|"
        r"\btranslat(?:e|es|ed|ing|ion|ions)\b|"
        r"\b(?:draft(?:s|ed|ing)?|write|writes|writing|wrote|generate|generates|generating|prepare|preparing) "
        r"(?:[\w']+ ){0,2}?(?:reports?|narratives?|emails?|letters?|documents?|notes?|summaries|memos?|"
        r"statements?|paperwork)\b|\breports? (?:writing|drafting)\b|\bpaperwork\b|\bincident reports?\b|"
        r"\bcase notes\b|\b(?:police |incident |case |arrest )?reports? drafts?\b|\bdraft (?:police |incident )?reports?\b|"
        r"\bredact(?:s|ed|ing|ion)?\b|\bblur(?:s|red|ring)?\b|\bpixelat(?:e|es|ed|ing|ion)\b|"
        r"\banonymi[sz](?:e|es|ed|ing|ation)\b|\bcaption(?:s|ing)?\b|\bspeech to text\b|\bdictation\b|"
        r"\bchatbots?\b|\bocr\b",
    ),
    _cue(
        "use",
        "non_biometric",
        r"\b(?:face|faces|people|person|pedestrian|crowd|head|vehicle|object|weapon) detection\b|"
        r"\bdetect(?:s|ed|ing)? (?:[\w']+ ){0,2}?(?:faces?|people|persons?|pedestrians?|humans?|presence|"
        r"objects?|weapons?|vehicles?)\b|"
        rf"\bcount(?:s|ed|ing)? (?:[\w']+ ){{0,2}}?(?:{PEOPLE}|crowds?|faces?|heads?|cars?|vehicles?)\b|"
        r"\b(?:sort|sorts|sorted|sorting|classify|classifies|classifying|categori[sz]e|categori[sz]ing) "
        r"(?:[\w']+ ){0,3}?(?:photos?|images?|pictures?|videos?|files|documents?|emails?)\b|"
        r"\b(?:crowd|people|head|foot traffic|visitor) ?counts?\b|\bheadcounts?\b|\bcrowd (?:size|density)\b|"
        r"\boccupancy\b|\b(?:speech|object|text|handwriting|optical character) recognition\b",
    ),
]

CUES: tuple[Cue, ...] = tuple(_LE + _REAL_TIME + _MOBILE + _UNCONTROLLED + _CONSENT + _USE)

# Words whose typos the reader mends (see spelling.Corrector). Topic words are here too
# so that a typo of "policy" is not read as "police".
TYPO_TARGETS: frozenset[str] = frozenset(
    [
        "police",
        "policing",
        "policeman",
        "policemen",
        "officer",
        "officers",
        "sheriff",
        "sheriffs",
        "trooper",
        "troopers",
        "detective",
        "detectives",
        "enforcement",
        "constable",
        "constabulary",
        "prosecutor",
        "prosecutors",
        "facial",
        "recognition",
        "recognize",
        "recognise",
        "identify",
        "identifies",
        "identifying",
        "identified",
        "identification",
        "verify",
        "verifying",
        "verification",
        "matching",
        "compare",
        "comparing",
        "camera",
        "cameras",
        "bodycam",
        "bodycams",
        "dashcam",
        "dashcams",
        "mounted",
        "surveillance",
        "tracking",
        "monitoring",
        "consent",
        "consented",
        "permission",
        "realtime",
        "live",
        "recorded",
        "footage",
        "afterwards",
        "afterward",
        "retrospective",
        "station",
        "patrol",
        "patrols",
        "patrolling",
        "street",
        "streets",
        "crowd",
        "crowds",
        "protest",
        "protests",
        "public",
        "mobile",
        "drone",
        "drones",
        "phone",
        "smartphone",
        "handheld",
        "stationary",
        "kiosk",
        "database",
        "mugshot",
        "mugshots",
        "suspect",
        "suspects",
        "transcribe",
        "summarize",
        "summarise",
        "summary",
        "translate",
        "translation",
        "report",
        "reports",
        "biometric",
        "fingerprint",
        "fingerprints",
        "without",
        "telling",
        "asking",
        "knowledge",
        "covertly",
        "secretly",
        "opted",
        "department",
        "agency",
        "federal",
        "county",
        "american",
        "european",
        "police's",
        "policy",
        "policies",
        "conduct",
        "microsoft",
        "azure",
        "openai",
        "prohibited",
        "allowed",
        "permitted",
        "banned",
        "prohibition",
        "restriction",
        "individuals",
        "people",
        "shoppers",
        "employees",
        "customers",
        "against",
        "watchlist",
        "immediately",
        "instantly",
        "wearable",
        "vehicle",
        "checkpoint",
        "booking",
        "office",
        "laboratory",
        "controlled",
        "uncontrolled",
        "environment",
    ]
)
