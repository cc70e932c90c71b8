"""The words that set each fact of POLICY_MODEL.md §2, one module per fact.

Jurisdiction is read separately (`jurisdiction.py`), and identification from a verb and
its object (`identification.py`).
"""

from __future__ import annotations

from rag.facts.cues import actor, camera, consent, place, timing, use
from rag.facts.cues.base import DROP, FLIP, PEOPLE, STRONG, WEAK, Cue

__all__ = ["CUES", "DROP", "FLIP", "PEOPLE", "STRONG", "TYPO_TARGETS", "WEAK", "Cue"]

CUES: tuple[Cue, ...] = (
    *actor.CUES,
    *timing.CUES,
    *camera.CUES,
    *place.CUES,
    *consent.CUES,
    *use.CUES,
)

# Words whose typos the reader mends (see spelling.Corrector). Topic words are here too
# so that a typo of "policy" is not read as "police".
# fmt: off
TYPO_TARGETS: frozenset[str] = frozenset(
    [
        "police", "policing", "policeman", "policemen", "officer", "officers", "sheriff",
        "sheriffs", "trooper", "troopers", "detective", "detectives", "enforcement", "constable",
        "constabulary", "prosecutor", "prosecutors", "facial", "recognition", "recognize",
        "recognise", "identify", "identifies", "identifying", "identified", "identification",
        "verify", "verifying", "verification", "matching", "compare", "comparing", "camera",
        "cameras", "bodycam", "bodycams", "dashcam", "dashcams", "mounted", "surveillance",
        "tracking", "monitoring", "consent", "consented", "permission", "realtime", "live",
        "recorded", "footage", "afterwards", "afterward", "retrospective", "station", "patrol",
        "patrols", "patrolling", "street", "streets", "crowd", "crowds", "protest", "protests",
        "public", "mobile", "drone", "drones", "phone", "smartphone", "handheld", "stationary",
        "kiosk", "database", "mugshot", "mugshots", "suspect", "suspects", "transcribe",
        "summarize", "summarise", "summary", "translate", "translation", "report", "reports",
        "biometric", "fingerprint", "fingerprints", "without", "telling", "asking", "knowledge",
        "covertly", "secretly", "opted", "department", "agency", "federal", "county", "american",
        "european", "police's", "policy", "policies", "conduct", "microsoft", "azure", "openai",
        "prohibited", "allowed", "permitted", "banned", "prohibition", "restriction", "individuals",
        "people", "shoppers", "employees", "customers", "against", "watchlist", "immediately",
        "instantly", "wearable", "vehicle", "checkpoint", "booking", "office", "laboratory",
        "controlled", "uncontrolled", "environment",
    ]
)
# fmt: on
