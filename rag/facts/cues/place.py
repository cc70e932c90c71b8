"""uncontrolled: "in the wild" (streets, patrols, crowds, public places); or controlled places
(station, booking room, back office, checkpoint booth, lab)."""

from __future__ import annotations

from functools import partial

from rag.facts.cues.base import (
    AGENCY_BEFORE_OFFICE,
    FLIP,
    PLACE_AS_MODIFIER,
    WEAK,
    cue,
)

__all__ = ["CUES"]

# fmt: off
_NON_PUBLIC_STATIONS = (
    "train", "subway", "metro", "bus", "railway", "rail", "underground", "tube", "gas", "petrol",
    "fire", "radio", "tv", "television", "space", "power", "weather", "charging", "work", "docking",
    "base", "service", "polling", "ranger", "research", "pumping", "filling", "ski", "coast",
    "guard", "lifeboat", "fuel", "relay", "tram", "aid", "feed", "water", "first", "medical", "weigh",
)
# fmt: on


# Every place cue ignores a place word that only describes an actor or a record.
_place_cue = partial(cue, skip=PLACE_AS_MODIFIER)


CUES = [
    # Out of doors where anyone may be: wharves, beaches, trails, forests, the open sea. A
    # hint: "the customs office on the quay" is the office.
    _place_cue(
        "uncontrolled",
        "yes",
        r"\b(?:wharf|wharves|piers?|quays?|quaysides?|jett(?:y|ies)|boardwalks?|beach(?:es)?|trails?|trailheads?|"
        r"campgrounds?|campsites?|forests?|woods|at sea|on the water|open water|mountains?|hills|moors?|"
        r"wilderness|allotments?|countryside|(?:missing|lost) (?:hikers?|climbers?|walkers?|skiers?))\b",
        strength=WEAK,
        skip=PLACE_AS_MODIFIER + r"|\b(?:offices?|buildings?|halls?|sheds?|stations?|terminals?|huts?|cabins?|rooms?) "
        r"(?:on|at|by|near|beside|overlooking|in) (?:the |a )?(?:[\w']+ )?(?:wharf|wharves|piers?|quays?|quaysides?|"
        r"jett(?:y|ies)|beach(?:es)?|forests?|woods)\b",
    ),
    _place_cue(
        "uncontrolled",
        "yes",
        r"\bin the wild\b|\bstreets?\b|\bsidewalks?\b|\bin public\b|\bcrowds?\b|\bcrowded\b|"
        r"\bprotests?\b|\bprotest[eo]rs?\b|\bdemonstrations?\b|\bdemonstrators?\b|\brall(?:y|ies)\b|"
        r"\bfestivals?\b|\bconcerts?\b(?! (?:halls?|venues?|subscri\w+))|\bstadiums?\b|"
        # Events that fill streets and open ground: "at the Caribana parade", "along the marathon route".
        r"\b(?:bus|cycle|bike|carpool|hov) lanes?\b|\bparades?\b|\bcarnivals?\b|\bstreet (?:fairs?|parties|party|markets?)\b|\bmarch(?:es)? through\b|"
        r"\b(?:marathon|race|parade|procession|cycling) (?:routes?|courses?)\b|\bconcourses?\b|"
        r"\b(?:football|soccer|baseball|basketball|hockey|rugby|cricket|sports?) (?:match(?:es)?|games?|events?|fixtures?)\b|\bcity cent(?:re|er)s?\b|\bdowntown\b|\btown square\b|"
        r"\bneighbou?rhoods?\b|\btraffic stops?\b|\broadside\b|\bin the field\b|\bout and about\b|"
        # Where people come and go or drive past: "on the close", "round the estate", "every
        # plate I pass", "on our back roads".
        r"\b(?:on|along|up|down|round|around|through) (?:the|our|my) (?:close|estate|cul de sac|block|back roads?|roads?|"
        r"highways?|motorways?|lanes?)\b|\bback roads\b|\bevery (?:plate|car|driver|vehicle) (?:i|we|it|they) pass\b|"
        r"\bopen (?:spaces?|areas?|air)\b|\buncontrolled\b|\boutdoors?\b|\bpasser?s? ?by\b|\bpedestrians?\b|"
        r"\b(?:train|subway|metro|bus|railway|underground|tube) stations?\b|"
        r"\bpublic (?:places?|spaces?|areas?|squares?|parks?|roads?|streets?|transport|transit|events?|"
        r"gatherings?|settings?|spots?|locations?|venues?)\b|"
        r"\bhigh streets?\b|\bpiazzas?\b|\bplazas?\b|\b(?:main|central|market|city|public|village) squares?\b|\b(?:bus|coach|ferry|train|airport|passenger) terminals?\b|\barrivals? halls?\b|\b(?:across|around|throughout) (?:the |a |our )?(?:city|town|metro area|region)\b|"
        r"\bcity ?wide\b|\bcity cameras?\b|\btown cent(?:re|er)s?\b|"
        r"\b(?:downtown|business|shopping|commercial|historic|entertainment|nightlife|financial|"
        r"harbou?r|old town|city|central|baixa|red light) districts?\b|\b[a-z]+'s [a-z]+ district\b",
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
        r"\b(?:on|at) (?:the )?platforms\b|\b(?:train|subway|metro|rail|railway|station|bus) platforms?\b|"
        r"\b(?:in|at|around|through) (?:the )?(?:[\w']+ ){0,2}?(?:markets?|bazaars?|souks?|marketplaces?)\b"
        r"(?! (?:for|share|research|value|price|prices|cap|segment|leader|data))",
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
        "uncontrolled", "no", r"\boffices?\b", not_after=AGENCY_BEFORE_OFFICE, strength=WEAK
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
        r"\bbadge in\b|\brooms?\b|\bboarding gates?\b|\b(?:hospital |psychiatric |rehab |maternity |care )?wards?\b|"
        r"\bicu\b|\bemergency (?:rooms?|departments?)\b|\bcell ?blocks?\b|\bcabinets?\b|\boperating theat(?:re|er)s?\b|"
        r"\b(?:smart|e|automated|electronic|passport) gates?\b|\bsmartgates?\b|\btime ?clocks?\b|\bclock(?:s|ing)? in\b|"
        r"\b(?:entrance|ticket|toll|check ?in|security|guard|admissions?) (?:booths?|gates?|kiosks?)\b|"
        r"\bat the (?:site |factory |warehouse |front |main )?gates?\b|"
        # A check at a point of entry or service: "recognised at the door", "the camera at
        # reception", "a selfie at the turnstile".
        r"\b(?:at|through) (?:the |our |its |their |each |every )?(?:front |main |side |back |entrance |pool |club |"
        r"venue |lobby )?(?:doors?|doorways?|entrances?|entry|turnstiles?|reception|counters?|tills?|kiosks?|"
        r"front desk|check ?in|checkouts?|ticket barriers?|box office)\b|\bdoor (?:systems?|entry|access|checks?)\b|"
        r"\b(?:entry|entrance|door|gate|turnstile|reception) (?:cams?|cameras?)\b|"
        r"\b(?:medication|service|ticket|check in|front|reception|bank|airline|pharmacy|security) (?:windows?|counters?)\b",
        strength=WEAK,
    ),
]
