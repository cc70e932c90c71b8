"""Plain-language wording of clauses, facts and clarifying questions (offline answers)."""

from __future__ import annotations

from rag.models import ClarifyingQuestion, Option

__all__ = [
    "CLAUSE_NAMES",
    "VERDICT_HEADLINES",
    "clarifying_question",
    "describe_condition",
    "describe_fact",
    "describe_scenario",
]

CLAUSE_NAMES: dict[str, str] = {
    "coc-2024.surveillance-without-consent": "surveillance or real-time identification without consent",
    "coc-2024.us-police-facial-recognition": "facial recognition by or for a US police department",
    "coc-2024.le-realtime-mobile-in-the-wild": (
        "real-time facial recognition on mobile cameras by any law enforcement, in the wild"
    ),
    "coc-prior.identify-verify-characteristics": (
        "earlier text: identifying or verifying people from their faces or other characteristics"
    ),
    "coc-prior.identify-verify-media": (
        "earlier text: identifying or verifying people from media containing their faces"
    ),
}

VERDICT_HEADLINES: dict[str, str] = {
    "prohibited": "Prohibited.",
    "depends": "It depends.",
    "not_prohibited": "Not prohibited by these clauses.",
    "informational": "",
    "out_of_scope": "Out of scope.",
}

# fact -> value -> the condition in words (used for branches and facts panels)
_CONDITIONS: dict[str, dict[str, str]] = {
    "law_enforcement": {
        "yes": "it is done by or for a law-enforcement agency",
        "no": "no law-enforcement agency is involved",
    },
    "united_states": {
        "yes": "the agency is in the United States",
        "no": "the agency is outside the United States (an international agency)",
    },
    "use": {
        "facial_recognition": "it identifies or verifies people from their faces",
        "other_biometric_identification": "it identifies people by other biometrics (gait, voice, fingerprints)",
        "surveillance_tracking": "it surveils or persistently tracks individuals",
        "non_biometric": "it identifies nobody (transcription, summaries, translation, face blurring)",
    },
    "real_time": {
        "yes": "it runs live, in real time",
        "no": "it runs on recorded footage afterwards",
    },
    "mobile_camera": {
        "yes": "the cameras are mobile (body-worn, dash-mounted, hand-held)",
        "no": "the cameras are fixed (stationary)",
    },
    "uncontrolled": {
        "yes": "it is used in uncontrolled public places (on patrol, streets, crowds)",
        "no": "it is used in a controlled environment (a station, booking room, back office)",
    },
    "consent": {
        "yes": "the people identified gave valid consent",
        "no": "the people identified did not consent",
    },
}

# Short forms for the scenarios of a `depends` answer ("If live, by law enforcement: ...").
_SHORT: dict[str, dict[str, str]] = {
    "law_enforcement": {"yes": "by or for law enforcement", "no": "not law enforcement"},
    "united_states": {"yes": "in the United States", "no": "outside the United States"},
    "use": {
        "facial_recognition": "identifying people by their faces",
        "other_biometric_identification": "identifying people by other biometrics",
        "surveillance_tracking": "tracking individuals",
        "non_biometric": "identifying nobody",
    },
    "real_time": {"yes": "live", "no": "on recorded footage afterwards"},
    "mobile_camera": {"yes": "on mobile cameras", "no": "on fixed cameras"},
    "uncontrolled": {"yes": "in public, uncontrolled places", "no": "in a controlled setting"},
    "consent": {"yes": "with valid consent", "no": "without consent"},
}

_QUESTIONS: dict[str, tuple[str, list[Option]]] = {
    "law_enforcement": (
        "Is it done by or for a police or other law-enforcement agency?",
        [
            Option(label="A police or law-enforcement agency", settles={"law_enforcement": "yes"}),
            Option(label="Not law enforcement", settles={"law_enforcement": "no"}),
        ],
    ),
    "united_states": (
        "Is the agency in the United States?",
        [
            Option(label="Yes, in the United States", settles={"united_states": "yes"}),
            Option(label="No, outside the United States", settles={"united_states": "no"}),
        ],
    ),
    "use": (
        "What does the system do with the images or data?",
        [
            Option(label="Identifies people by their faces", settles={"use": "facial_recognition"}),
            Option(
                label="Identifies people by gait, voice or fingerprints",
                settles={"use": "other_biometric_identification"},
            ),
            Option(label="Tracks individuals over time", settles={"use": "surveillance_tracking"}),
            Option(
                label="Identifies nobody (transcribes, summarizes, blurs)",
                settles={"use": "non_biometric"},
            ),
        ],
    ),
    "real_time": (
        "Does it run live, in real time, or on recorded footage afterwards?",
        [
            Option(label="It runs live", settles={"real_time": "yes"}),
            Option(label="On recorded footage afterwards", settles={"real_time": "no"}),
        ],
    ),
    "mobile_camera": (
        "Are the cameras mobile (body-worn, dash-mounted, hand-held) or fixed?",
        [
            Option(label="Body-worn, dash-mounted or hand-held cameras", settles={"mobile_camera": "yes"}),
            Option(label="Fixed cameras", settles={"mobile_camera": "no"}),
        ],
    ),
    "uncontrolled": (
        "Is it used in public, uncontrolled places (on patrol, streets, crowds) or in a controlled setting?",
        [
            Option(label="On patrol, in public places", settles={"uncontrolled": "yes"}),
            Option(label="At a station or back office", settles={"uncontrolled": "no"}),
        ],
    ),
    "consent": (
        "Have the people being identified or tracked given valid consent?",
        [
            Option(label="They gave valid consent", settles={"consent": "yes"}),
            Option(label="Without their consent", settles={"consent": "no"}),
        ],
    ),
}


def describe_condition(fact: str, value: str) -> str:
    return _CONDITIONS.get(fact, {}).get(value, f"{fact} is {value}")


def describe_scenario(when: dict[str, str]) -> str:
    """A branch's settled facts in a few words: "live, by or for law enforcement"."""
    return ", ".join(_SHORT.get(f, {}).get(v, f"{f} {v}") for f, v in when.items())


def describe_fact(fact: str) -> str:
    return fact.replace("_", " ")


def clarifying_question(fact: str) -> ClarifyingQuestion:
    question, options = _QUESTIONS[fact]
    return ClarifyingQuestion(fact=fact, question=question, options=list(options))
