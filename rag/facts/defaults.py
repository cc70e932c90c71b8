"""What POLICY_MODEL.md §2.1 settles from what a text leaves out.

- "With no camera involved, mobile_camera is no as well": a match on photos, records or
  audio, with no camera, video or device named and nothing live about it.
- People identified in a crowd or a public place, without their knowledge, did not
  consent, unless the text names a group that could have (its members, its staff).
- People the police track over time or across places are monitored against their
  interest: they did not consent, unless the text names a group that could have.
- Who asks about identifying their own customers, members or staff, or their own family
  photos, and names nothing of the police or the state, is a private operator: not law
  enforcement ("private security, employers, shops, venues, schools").
"""

from __future__ import annotations

import re

from rag.facts.text import NormText

__all__ = ["met_in_public", "no_camera_words", "operator_unread_for_identifying", "private_operator", "tracked_by_police"]

_CAPTURE = re.compile(
    r"\b(?:cams?|cameras?|cctv|footage|videos?|feeds?|streams?|streaming|livestreams?|bodycams?|dashcams?|"
    r"drones?|webcams?|lens(?:es)?|camcorders?|glasses|kiosks?|scanners?|phones?(?! (?:calls?|lines?|numbers?|banking))|"
    r"smartphones?|tablets?|"
    r"devices?|vans?|vehicles?|cars?|cruisers?|helmets?|uavs?|goggles|filmed|filming|recorders?|wearables?|"
    r"live|real ?time|on the spot|patrols?|patrolling)\b"
)
_MATERIAL = re.compile(
    r"\b(?:photos?|photographs?|pictures?|images?|mug ?shots?|stills|(?:an?|the|cctv|video) still|headshots?|portraits?|"
    r"databases?|records?|files?|documents?|reports?|transcripts?|audio|calls?|voices?|"
    r"recordings?|wiretaps?|intercepts?|emails?|messages?|fingerprints?|dna|gps|location data|"
    r"archives?|galler(?:y|ies))\b"
)


_LIVE = frozenset({"live", "real time", "realtime", "on the spot"})


def no_camera_words(nt: NormText, real_time: str = "unknown") -> tuple[int, int] | None:
    """The words that show no mobile camera is at work (norm offsets), or None. Words of
    timing count as capture only when the text does not say it is not live."""
    for capture in _CAPTURE.finditer(nt.norm):
        if real_time == "no" and capture.group() in _LIVE:
            continue
        return None
    material = _MATERIAL.search(nt.norm)
    return (material.start(), material.end()) if material else None


# A group with a standing relationship to the operator may have agreed; people met in
# public have not, unless the text says so (POLICY_MODEL.md §2.1: crowds, people
# identified without their knowledge).
_DEFINED_GROUP = re.compile(
    r"\b(?:employees?|staff|workers?|members?|students?|pupils?|patients?|tenants?|residents?|"
    r"guests?|subscribers?|volunteers?|participants?|account ?holders?|enrolled|enrol\w*|"
    r"registered|registrants?|ticket ?holders?|season ?ticket|loyalty|customers? who|users who|"
    r"officers?|our own|passengers who|travell?ers who)\b"
)
_IDENTIFYING = ("facial_recognition", "other_biometric_identification", "surveillance_tracking")


def _consent_unsaid(nt: NormText, values: dict[str, str]) -> bool:
    """No word on consent, and no group named that could have given it."""
    return "consent" not in values and _DEFINED_GROUP.search(nt.norm) is None


def met_in_public(nt: NormText, values: dict[str, str]) -> bool:
    """Whether the people identified or tracked are simply those who pass in a public
    place: no defined group, no word on their consent."""
    return (
        values.get("uncontrolled") == "yes"
        and values.get("use") in _IDENTIFYING
        and _consent_unsaid(nt, values)
    )


def tracked_by_police(nt: NormText, values: dict[str, str]) -> bool:
    """Whether law enforcement follows people over time (a subject's car across the city,
    a person's movements over weeks), with no word on their consent and no group of its
    own (its officers, its staff) that could have given it."""
    return (
        values.get("law_enforcement") == "yes"
        and values.get("use") == "surveillance_tracking"
        and _consent_unsaid(nt, values)
    )


# The people a private operator serves, identified in its own name ("verify exam takers",
# "compare new sign-ups' selfies with banned accounts", "guests unlock their door by face").
_SERVED = re.compile(
    r"\b(?:customers?|users?|sign ?ups?|accounts?|account ?holders?|members?|membership|guests?|passengers?|pax|"
    r"patients?|employees?|staff|workers?|students?|pupils?|tenants?|residents?|visitors?|participants?|"
    r"exam ?takers?|test ?takers?|candidates?|applicants?|runners?|riders?|attendees?|subscribers?|shoppers?|"
    r"players?|couriers?|drivers?|volunteers?|speakers?|delegates?|ticket ?holders?|loyalty|"
    r"profile (?:photos?|pictures?|pics)|selfies?|(?:check|sign|log) ?ins?|registration|enrol\w*)\b"
)
# A private person's own material: "my grandmother's photos", "family photos on my NAS".
_PRIVATE_LIFE = re.compile(
    # ("my street festival photos": up to two words of what they show)
    r"\b(?:my|our) (?:own |old |family |personal |wedding |holiday |vacation |(?:[\w']+ ){1,2})?(?:photos?|pictures?|pics|albums?|"
    r"photo (?:library|collection|archive)s?|home videos?)\b|\bfamily (?:photos?|pictures?|albums?|archives?|videos?)\b|"
    r"\bmy (?:late )?(?:grand\w+|mother|father|mum|mom|dad|parents|husband|wife|partner|kids?|son|daughter|family)\b"
)
# People only a private operator has: its members, patients, guests, tenants, staff. They
# tell the operator even when the asker does not speak for it ("Urgent care in Arizona ...
# recognise returning patients").
_OWN_PEOPLE = re.compile(
    r"\b(?:members?|membership|patients?|guests?|tenants?|residents?|employees?|staff|new hires?|subbies|"
    r"subcontractors?|candidates?|applicants?|exam ?takers?|test ?takers?|shoppers?|customers?|loyalty|subscribers?|"
    r"account ?holders?)\b"
)
_FIRST_PERSON = re.compile(r"\b(?:we|we're|we'd|we'll|our|us|i|i'm|i'd|my|me)\b")
# Anything of the police, the state or criminal justice leaves the operator to the readers:
# an officer writes "we" too, and a public body may or may not be law enforcement.
_OFFICIAL = re.compile(
    r"\b(?:polic\w*|cops?|sheriffs?\w*|troopers?|deput\w*|detectives?|officers?|sergeants?|sgt|lieutenants?|"
    r"constab\w*|inspectors?|commissioners?|chiefs?|law|enforcement|agents?|agenc(?:y|ies)|governments?|gov|"
    r"ministr(?:y|ies)|departments?|dept|bureaus?|authorit(?:y|ies)|councils?|municipal\w*|city|county|counties|"
    r"state|federal|national|public (?:bod(?:y|ies)|sector|safety|services?|transport)|border|customs|immigration|"
    r"tsa|prisons?|jails?|correction\w*|inmates?|detainees?|parole\w*|probation|courts?|judges?|prosecut\w*|"
    r"attorneys?|lawyers?|military|army|navy|soldiers?|intelligence|task forces?|homeland|secret service|"
    # who answers to a court: "defendants out on bond", "parolees check in"
    r"defendants?|bail|bonds?|bondsm[ae]n|parolees?|probationers?|"
    r"suspects?|offenders?|wanted|warrants?|criminals?|crimes?|fugitives?|gangs?|investigat\w*|evidence|"
    r"arrest\w*|custody|booking|traffic stops?|stop and (?:search|frisk)|stopped (?:by|for)|pulled over|detain\w*|"
    r"patrol\w*|precincts?|station ?house|forces?|"
    r"bodycams?|body cams?|body worn|dashcams?|dash cams?|cruisers?|squad cars?|fbi|dhs|cbp|ice|nypd|lapd|"
    r"watch ?lists?|mugshots?|mug shots?|interpol|europol|guard|gendarm\w*|militia|contractors?|campus|"
    r"tender|procurement|rfp)\b"
)
_IDENTIFIES = frozenset(_IDENTIFYING)


def operator_unread_for_identifying(values: dict[str, str]) -> bool:
    """Whether `private_operator` could apply to these values at all: an identifying use,
    with the operator not yet read (checked before the text is read)."""
    return "law_enforcement" not in values and values.get("use") in _IDENTIFIES


def private_operator(nt: NormText, values: dict[str, str]) -> tuple[int, int] | None:
    """The words that show a private operator identifying its own people or a private
    person their own photos (norm offsets), or None."""
    if not operator_unread_for_identifying(values):
        return None
    if _OFFICIAL.search(nt.norm) is not None:
        return None
    if _FIRST_PERSON.search(nt.norm) is None:
        own = _OWN_PEOPLE.search(nt.norm)
        return (own.start(), own.end()) if own else None
    sign = _PRIVATE_LIFE.search(nt.norm) or _SERVED.search(nt.norm)
    return (sign.start(), sign.end()) if sign else None
