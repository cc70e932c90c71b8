"""What POLICY_MODEL.md §2.1 settles from what a text leaves out: "with no camera
involved, mobile_camera is no as well". A match on photos, records or audio, with no
camera, video or device named and nothing live about it, uses no mobile camera."""

from __future__ import annotations

import re

from rag.facts.text import NormText

__all__ = ["no_camera_words"]

_CAPTURE = re.compile(
    r"\b(?:cams?|cameras?|cctv|footage|videos?|feeds?|streams?|streaming|livestreams?|bodycams?|dashcams?|"
    r"drones?|webcams?|lens(?:es)?|camcorders?|glasses|kiosks?|scanners?|phones?|smartphones?|tablets?|"
    r"devices?|vans?|vehicles?|cars?|cruisers?|helmets?|uavs?|goggles|filmed|filming|recorders?|wearables?|"
    r"live|real ?time|on the spot|patrols?|patrolling)\b"
)
_MATERIAL = re.compile(
    r"\b(?:photos?|photographs?|pictures?|images?|mug ?shots?|stills?|headshots?|portraits?|"
    r"databases?|records?|files?|documents?|reports?|transcripts?|audio|calls?|voices?|"
    r"recordings?|wiretaps?|intercepts?|emails?|messages?|fingerprints?|dna|gps|location data|"
    r"archives?|galler(?:y|ies))\b"
)


def no_camera_words(nt: NormText) -> tuple[int, int] | None:
    """The words that show no mobile camera is at work (norm offsets), or None."""
    if _CAPTURE.search(nt.norm):
        return None
    m = _MATERIAL.search(nt.norm)
    return (m.start(), m.end()) if m else None
