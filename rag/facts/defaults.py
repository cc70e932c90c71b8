"""What POLICY_MODEL.md §2.1 settles from what a text leaves out.

- "With no camera involved, mobile_camera is no as well": a match on photos, records or
  audio, with no camera, video or device named and nothing live about it.
- People identified in a crowd or a public place, without their knowledge, did not
  consent, unless the text names a group that could have (its members, its staff).
"""

from __future__ import annotations

import re

from rag.facts.text import NormText

__all__ = ["met_in_public", "no_camera_words"]

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


def met_in_public(nt: NormText, values: dict[str, str]) -> bool:
    """Whether the people identified or tracked are simply those who pass in a public
    place: no defined group, no word on their consent."""
    return (
        values.get("uncontrolled") == "yes"
        and values.get("use") in _IDENTIFYING
        and "consent" not in values
        and _DEFINED_GROUP.search(nt.norm) is None
    )
