"""The `grid` suite: questions generated from the fact grid, labelled by the oracle.

Each question is composed from phrasing templates and paraphrase lexicons; every lexicon
entry states some facts, and a fact no phrase states stays unknown in the gold facts.
The facts follow POLICY_MODEL.md §2.1 (reading a question): a phrase can state more than the
fact it is drawn for ("match faces against a watchlist" also says consent no; "on photos" says
no camera and photos taken earlier; "write incident report drafts" with no media says no
camera), people identified or tracked in the wild, or tracked by the police anywhere, are taken
as not consenting unless a phrase says they agreed, and a draft whose phrases contradict each other is dropped.
Deterministic (fixed seed): `python -m evals.generate` rewrites evals/datasets/grid.jsonl.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from evals.datasets import Record, label, write_suite
from evals.oracle import Facts, Verdict, decide

__all__ = ["GRID_SIZE", "SEED", "TEMPLATES", "generate_grid", "main"]

SEED = 20240503
GRID_SIZE = 2100

Said = dict[str, str]  # facts a phrase states


@dataclass(frozen=True)
class Phrase:
    text: str
    facts: Said = field(default_factory=dict)

    @property
    def plural(self) -> bool:
        """Collective nouns ("police", "cops", "troopers") take a plural verb; "a force" not."""
        words = set(self.text.split())
        collective = {"police", "cops", "detectives", "troopers", "officers", "Carabinieri"}
        counted = {"a", "an", "department", "force", "unit", "agency"}
        return bool(words & collective) and not words & counted


# --- Who: police and agencies, in and outside the US --------------------------------

US_CITIES = (
    "New York", "Los Angeles", "Chicago", "Houston", "Phoenix", "Philadelphia", "San Diego",
    "Dallas", "Seattle", "Denver", "Boston", "Detroit", "Atlanta", "Miami", "Baltimore",
    "Minneapolis", "New Orleans", "Oakland", "Nashville", "Milwaukee", "Albuquerque",
    "Tucson", "Sacramento", "Pittsburgh", "Cleveland", "Kansas City", "Salt Lake City",
)  # fmt: skip
US_STATES = (
    "Texas", "California", "Ohio", "Florida", "Arizona", "Michigan", "Illinois", "Nevada",
    "Oregon", "Virginia", "Pennsylvania", "Minnesota", "Colorado", "Louisiana", "Tennessee",
    "Alabama", "Kentucky", "Utah", "Iowa", "New Jersey", "Missouri", "Wisconsin",
    "North Carolina", "Oklahoma", "Maryland",
)  # fmt: skip
US_AGENCIES = (
    "the NYPD", "the LAPD", "the Chicago Police Department", "the FBI", "the DEA",
    "U.S. Customs and Border Protection", "ICE", "the US Marshals Service",
    "the Texas Department of Public Safety", "the Las Vegas Metropolitan Police Department",
    "the Miami-Dade Sheriff's Office", "the Cook County Sheriff's Office",
    "the California Highway Patrol", "the Boston Police Department", "the U.S. Capitol Police",
    "the Philadelphia Police Department", "the Maricopa County Sheriff's Office",
)  # fmt: skip
# (country, adjective) outside the US.
COUNTRIES = (
    ("France", "French"), ("Germany", "German"), ("the UK", "British"), ("Spain", "Spanish"),
    ("Italy", "Italian"), ("the Netherlands", "Dutch"), ("Poland", "Polish"),
    ("Sweden", "Swedish"), ("Ireland", "Irish"), ("Canada", "Canadian"), ("Mexico", "Mexican"),
    ("Brazil", "Brazilian"), ("India", "Indian"), ("Japan", "Japanese"),
    ("Australia", "Australian"), ("South Africa", "South African"), ("Nigeria", "Nigerian"),
    ("Kenya", "Kenyan"), ("Singapore", "Singaporean"), ("Israel", "Israeli"),
    ("Turkey", "Turkish"), ("Norway", "Norwegian"), ("Denmark", "Danish"),
    ("Belgium", "Belgian"), ("Portugal", "Portuguese"), ("Greece", "Greek"),
    ("Argentina", "Argentinian"), ("New Zealand", "New Zealand"), ("Austria", "Austrian"),
    ("South Korea", "South Korean"),
)  # fmt: skip
WORLD_CITIES = (
    "Paris", "Berlin", "London", "Madrid", "Rome", "Amsterdam", "Warsaw", "Stockholm",
    "Dublin", "Toronto", "Vancouver", "Mexico City", "São Paulo", "Mumbai", "Tokyo",
    "Sydney", "Johannesburg", "Lagos", "Nairobi", "Tel Aviv", "Istanbul", "Oslo",
    "Copenhagen", "Brussels", "Lisbon", "Athens", "Buenos Aires", "Auckland", "Lyon",
    "Munich", "Milan", "Vienna", "Zurich", "Seoul", "Glasgow", "Marseille",
)  # fmt: skip
WORLD_AGENCIES = (
    "Europol", "Interpol", "Scotland Yard", "the Metropolitan Police in London",
    "the French Gendarmerie", "the Gendarmerie nationale", "the German Bundespolizei",
    "the Guardia Civil", "the Carabinieri", "the Royal Canadian Mounted Police",
    "the Garda Síochána", "the Dutch National Police", "the Australian Federal Police",
    "Brazil's Federal Police", "the Tokyo Metropolitan Police Department",
    "the Singapore Police Force", "the Police Service of Northern Ireland",
    "Police Scotland", "the Ontario Provincial Police", "the Spanish Policía Nacional",
)  # fmt: skip
PRIVATE = (
    "a retailer", "a supermarket chain", "a bank", "an airline", "a hospital", "a university",
    "a gym chain", "a stadium operator", "a casino", "an office landlord", "a hotel group",
    "a car-rental company", "a theme park", "a logistics company", "an insurance company",
)  # fmt: skip
GENERIC_POLICE = (
    "police", "the police", "a police department", "law enforcement", "a police force",
    "cops", "a law-enforcement agency", "detectives", "our local police",
    "a vendor building software for police", "a contractor working for law enforcement",
    "traffic police", "a police unit", "officers",
)  # fmt: skip
GENERIC_AGENCY = (
    "an agency", "a government agency", "a public authority", "a public body",
    "a municipal department", "a ministry",
)  # fmt: skip


def _actors(rng: random.Random, kind: str) -> Phrase:
    """A who-phrase of one kind; each kind states law_enforcement / united_states."""
    le_us = {"law_enforcement": "yes", "united_states": "yes"}
    le_world = {"law_enforcement": "yes", "united_states": "no"}
    country, adj = rng.choice(COUNTRIES)
    city, state = rng.choice(WORLD_CITIES), rng.choice(US_STATES)
    us_city = rng.choice(US_CITIES)
    if kind == "us_police":
        text = rng.choice(
            [
                rng.choice(US_AGENCIES),
                f"the {us_city} police department",
                f"police in {us_city}",
                f"a sheriff's office in {state}",
                f"{state} state troopers",
                f"a county sheriff's department in {state}",
                f"a small-town police department in {state}",
                f"a contractor working for the {us_city} police",
                "US police",
                "an American police department",
            ]
        )
        return Phrase(text, le_us)
    if kind == "world_police":
        text = rng.choice(
            [
                rng.choice(WORLD_AGENCIES),
                f"{adj} police",
                f"the police in {city}",
                f"the national police of {country}",
                f"a regional police force in {country}",
                f"border police in {country}",
                f"a vendor building software for the {adj} police",
                f"{city} police",
            ]
        )
        return Phrase(text, le_world)
    if kind == "police":
        return Phrase(rng.choice(GENERIC_POLICE), {"law_enforcement": "yes"})
    if kind == "us_agency":
        text = rng.choice(
            [
                "a US federal agency",
                f"a state agency in {state}",
                f"the city government of {us_city}",
                "an American government agency",
                f"a public agency in {state}",
            ]
        )
        return Phrase(text, {"united_states": "yes"})
    if kind == "world_agency":
        text = rng.choice(
            [
                "a European agency",
                f"a {adj} government agency",
                f"a public agency in {country}",
                f"a government body in {city}",
                "an EU agency",
            ]
        )
        return Phrase(text, {"united_states": "no"})
    if kind == "agency":
        return Phrase(rng.choice(GENERIC_AGENCY))
    if kind == "us_private":
        org = rng.choice(PRIVATE)
        place = rng.choice([us_city, state])
        return Phrase(f"{org} in {place}", {"law_enforcement": "no", "united_states": "yes"})
    if kind == "world_private":
        org = rng.choice(PRIVATE)
        return Phrase(f"{org} in {city}", {"law_enforcement": "no", "united_states": "no"})
    return Phrase(rng.choice(PRIVATE), {"law_enforcement": "no"})


ACTOR_KINDS = (
    "us_police", "world_police", "police", "us_agency", "world_agency", "agency",
    "us_private", "world_private", "private",
)  # fmt: skip


# --- What: the use, as a verb phrase and its gerund ------------------------------------


@dataclass(frozen=True)
class UsePhrase:
    verb: str
    ing: str
    said: Said = field(default_factory=dict)  # facts the phrase states besides `use` (§2.1)
    why: str = ""  # why, for the record's notes
    camera: bool = True  # False: works on text or sound; with no media phrase, no camera at all


def _u(
    verb: str, ing: str, said: Said | None = None, why: str = "", camera: bool = True
) -> UsePhrase:
    return UsePhrase(verb, ing, said or {}, why, camera)


# §2.1: people matched against suspects, wanted lists, watchlists or records of offenders are
# identified against their interest: consent no.
_AGAINST_INTEREST: Said = {"consent": "no"}
# §2.1: recordings reviewed afterwards are not real time.
_RECORDED: Said = {"real_time": "no"}


USES: dict[str, tuple[UsePhrase, ...]] = {
    "facial_recognition": (
        _u("identify people from their faces", "identifying people from their faces"),
        _u("match faces against a watchlist", "matching faces against a watchlist", _AGAINST_INTEREST, "a watchlist"),
        _u("run facial recognition", "running facial recognition"),
        _u("do face matching", "doing face matching"),
        _u("check faces against a mugshot database", "checking faces against a mugshot database", _AGAINST_INTEREST, "a mugshot database"),
        _u("verify who someone is by their face", "verifying who someone is by their face"),
        _u("use face recognition to find suspects", "using face recognition to find suspects", _AGAINST_INTEREST, "suspects"),
        _u("recognize faces", "recognizing faces"),
        _u("identify suspects with FRT", "identifying suspects with FRT", _AGAINST_INTEREST, "suspects"),
        _u("match faces against a database of prior inmates", "matching faces against a database of prior inmates", _AGAINST_INTEREST, "a database of prior inmates"),
    ),
    "other_biometric_identification": (
        _u("identify people by their gait", "identifying people by their gait"),
        _u("recognize people by their voice", "recognizing people by their voice", camera=False),
        _u("match fingerprints", "matching fingerprints", camera=False),
        _u("identify people from iris scans", "identifying people from iris scans"),
        _u("recognize individuals by the way they walk", "recognizing individuals by the way they walk"),
        _u("identify speakers by voiceprint", "identifying speakers by voiceprint", camera=False),
    ),
    "surveillance_tracking": (
        _u("track specific people across cameras", "tracking specific people across cameras"),
        _u("keep individuals under ongoing surveillance", "keeping individuals under ongoing surveillance"),
        _u("persistently track people's movements", "persistently tracking people's movements"),
        _u("follow people from camera to camera", "following people from camera to camera"),
        _u("monitor where particular people go", "monitoring where particular people go"),
    ),
    "non_biometric": (
        _u("transcribe the audio", "transcribing the audio"),
        _u("summarize audio into draft reports", "summarizing audio into draft reports"),
        _u("translate witness statements", "translating witness statements", camera=False),
        _u("blur faces before release", "blurring faces before release", _RECORDED, "footage blurred before release is recorded"),
        _u("detect faces only to blur them", "detecting faces only to blur them"),
        _u("write incident report drafts", "writing incident report drafts", camera=False),
        _u("redact bystanders' faces", "redacting bystanders' faces"),
        _u("caption the video for the record", "captioning the video for the record"),
    ),
    "unknown": (
        _u("run GPT-4 Turbo with Vision", "running GPT-4 Turbo with Vision"),
        _u("apply Azure OpenAI's image models", "applying Azure OpenAI's image models"),
        _u("do AI-assisted analysis of people", "doing AI-assisted analysis of people"),
        _u("deploy a GPT-4 based tool", "deploying a GPT-4 based tool"),
        _u("use AI", "using AI"),
    ),
}  # fmt: skip

# --- How, when, where, with whose consent -----------------------------------------------

MEDIA: dict[str, tuple[str, ...]] = {
    "yes": (
        "on dashcam video", "from body-worn cameras", "using smartphones",
        "with a drone camera", "from dash-mounted cameras", "via bodycams",
        "on hand-held cameras", "from phone cameras", "with body cams", "from a dashcam",
    ),
    "no": (
        "from fixed CCTV cameras", "on CCTV", "from a stationary camera",
        "using wall-mounted cameras", "from ceiling-mounted security cameras", "on fixed cameras",
    ),
    "unknown": ("on video", "from camera images", "on photos", "", "", ""),
}  # fmt: skip
# Media phrases that settle more than their lexicon's value (§2.1): photos are examined with
# no camera operated and were taken earlier.
PHRASE_FACTS: dict[str, tuple[Said, str]] = {
    "on photos": (
        {"mobile_camera": "no", "real_time": "no"},
        "photos: no camera operated and taken earlier",
    ),
}
WHEN: dict[str, tuple[str, ...]] = {
    "yes": (
        "in real time", "live", "live, as the video streams", "in near real time",
        "as it happens", "on the fly", "in real-time",
    ),
    "no": (
        "after the fact", "afterwards", "on recorded footage", "later, from the recordings",
        "on stored video after the event", "retrospectively", "the next day from archived recordings",
    ),
    "unknown": ("",),
}  # fmt: skip
# Police-specific places only follow a law-enforcement actor.
WHERE_POLICE: dict[str, tuple[str, ...]] = {
    "yes": ("on patrol", "during street patrols", "while on patrol"),
    "no": (
        "back at the station", "in the booking room", "in a back office",
        "at a checkpoint booth", "in an interview room", "in the custody suite",
    ),
}  # fmt: skip
WHERE: dict[str, tuple[str, ...]] = {
    "yes": (
        "on the streets", "in crowds", "at a protest", "in public places",
        "in a busy shopping street", "at a football match",
    ),
    "no": ("in a back office", "in a controlled room", "inside a locked back room"),
    "unknown": ("",),
}  # fmt: skip
CONSENT: dict[str, tuple[str, ...]] = {
    "yes": (
        "with the people's consent", "with their valid consent", "for people who opted in",
        "with everyone's consent", "only for people who agreed to it",
    ),
    "no": (
        "without the people's consent", "without asking anyone's consent",
        "covertly, without consent", "without telling people", "without the individuals' consent",
    ),
    "unknown": ("",),
}  # fmt: skip

# --- Templates: {actor} {Actor} {verb} {ing} {detail} -----------------------------------

TEMPLATES: tuple[str, ...] = (
    "Can {actor} use Azure OpenAI to {verb}{detail}?",
    "{Is_} {actor} allowed to {verb}{detail} with Azure OpenAI Service?",
    "{Actor} {wants} to {verb}{detail}. Is that prohibited by Microsoft's code of conduct?",
    "Would it violate the Azure OpenAI Code of Conduct for {actor} to {verb}{detail}?",
    "Our client is {actor}. They plan to {verb}{detail}. Can they do this on Azure OpenAI?",
    "{Ing}{detail}, done by {actor}: allowed or not under the Azure OpenAI rules?",
    "Does Microsoft permit {actor} to {verb}{detail} using GPT-4 on Azure?",
    "quick question - can {actor} {verb}{detail}?",
    "Is it OK for {actor} to {verb}{detail}?",
    "We're building a tool for {actor} that would {verb}{detail}. Does the Azure OpenAI code of conduct allow that?",
    "Under the Azure OpenAI Service code of conduct, may {actor} {verb}{detail}?",
    "Is {ing}{detail} by {actor} banned under Microsoft's Azure OpenAI policy?",
    "Hypothetically, if {actor} used Azure OpenAI to {verb}{detail}, would that be against the rules?",
    "{Actor} {is_} looking at Azure OpenAI to {verb}{detail}. Any policy problem?",
    "can {actor} {verb}{detail} with azure openai or is that banned",
    "I'm advising {actor}. They'd like to {verb}{detail}. What does the Azure OpenAI code of conduct say?",
    "Would Microsoft's rules let {actor} {verb}{detail}?",
    "Is there anything in the Azure OpenAI terms stopping {actor} from {ing}{detail}?",
    "Procurement question: {is_} {actor} permitted to {verb}{detail} on Azure OpenAI Service?",
    "What does the code of conduct say about {actor} {ing}{detail}?",
    "Could {actor} run GPT-4 on Azure to {verb}{detail}, or does the policy forbid it?",
    "Azure OpenAI + {actor} + {ing}{detail}: is this allowed?",
    "My team works with {actor}. Can we help them {verb}{detail} using Azure OpenAI?",
    "{Is_} {actor} {ing}{detail} compliant with the Azure OpenAI Code of Conduct?",
)  # fmt: skip

# Uses that identify or track people: in the wild, those people are taken as not consenting
# unless a consent phrase says they agreed (§2.1: crowds, people identified without their
# knowledge). Face detection, counting, transcription and unknown uses identify nobody.
IDENTIFYING = ("facial_recognition", "other_biometric_identification", "surveillance_tracking")

# How often each fact is stated (else left unknown), and the values when stated.
STATE_WEIGHTS = {"yes": 4, "no": 4, "unknown": 3}
USE_WEIGHTS = {
    "facial_recognition": 6,
    "other_biometric_identification": 2,
    "surveillance_tracking": 2,
    "non_biometric": 3,
    "unknown": 2,
}


@dataclass
class Draft:
    said: Said
    question: str
    template: int
    why: list[str] = field(default_factory=list)  # the §2.1 readings beyond the lexicon values
    contradiction: bool = False  # two phrases state different values for one fact


def _imply(draft: Draft, facts: Said, why: str) -> None:
    for name, value in facts.items():
        if draft.said.get(name, value) != value:
            draft.contradiction = True
        elif name not in draft.said:
            draft.said[name] = value
            draft.why.append(f"{name} {value} ({why})")


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _draft(rng: random.Random) -> Draft:
    actor = _actors(rng, rng.choice(ACTOR_KINDS))
    said: Said = dict(actor.facts)
    use = _pick(rng, USE_WEIGHTS)
    phrase = rng.choice(USES[use])
    if use != "unknown":
        said["use"] = use
    parts: list[tuple[str, str]] = []  # (fact, text)
    police = actor.facts.get("law_enforcement") == "yes"
    for fact, lexicon in (("mobile_camera", MEDIA), ("real_time", WHEN)):
        value = _pick(rng, STATE_WEIGHTS)
        parts.append((fact, rng.choice(lexicon[value])))
        if value != "unknown":
            said[fact] = value
    value = _pick(rng, STATE_WEIGHTS)
    places = WHERE_POLICE if police and value != "unknown" and rng.random() < 0.6 else WHERE
    parts.append(("uncontrolled", rng.choice(places[value])))
    if value != "unknown":
        said["uncontrolled"] = value
    value = _pick(rng, STATE_WEIGHTS)
    consent = rng.choice(CONSENT[value])
    if value != "unknown":
        said["consent"] = value
    if rng.random() < 0.3:  # vary the order of the circumstances
        rng.shuffle(parts)
    words = [text for _fact, text in parts if text]
    detail = (" " + " ".join(words)) if words else ""
    if consent:
        detail += f", {consent}"
    template = rng.randrange(len(TEMPLATES))
    draft = Draft(said, "", template)
    _imply(draft, phrase.said, phrase.why)
    media = dict(parts)["mobile_camera"]
    if media in PHRASE_FACTS:
        _imply(draft, *PHRASE_FACTS[media])
    if not phrase.camera and not media:
        _imply(draft, {"mobile_camera": "no"}, "no camera involved")
    if said.get("uncontrolled") == "yes" and use in IDENTIFYING and "consent" not in said:
        _imply(draft, {"consent": "no"}, "identified in the wild and not said to agree")
    # §2.1: people the police follow over time are monitored against their interest (the
    # blind sets' independent labellers read it so in 39 of 42 such cases).
    if police and use == "surveillance_tracking" and "consent" not in said:
        _imply(draft, {"consent": "no"}, "tracked by law enforcement and not said to agree")
    if consent and TEMPLATES[template].split("{detail}")[1].startswith(" "):
        detail += ","  # the sentence goes on after the consent phrase
    plural = actor.plural
    question = TEMPLATES[template].format(
        is_="are" if plural else "is",
        Is_="Are" if plural else "Is",
        wants="want" if plural else "wants",
        actor=actor.text,
        Actor=actor.text[0].upper() + actor.text[1:],
        verb=phrase.verb,
        ing=phrase.ing,
        Ing=phrase.ing[0].upper() + phrase.ing[1:],
        detail=detail,
    )
    draft.question = question
    return draft


def _drafts(rng: random.Random) -> Iterator[Draft]:
    while True:
        yield _draft(rng)


def generate_grid(size: int = GRID_SIZE, seed: int = SEED) -> list[Record]:
    """`size` unique questions, balanced across prohibited / depends / not prohibited."""
    rng = random.Random(seed)
    targets = [Verdict.prohibited, Verdict.depends, Verdict.not_prohibited]
    wanted = {v: size // 3 + (1 if i < size % 3 else 0) for i, v in enumerate(targets)}
    seen: set[str] = set()
    records: list[Record] = []
    for draft in _drafts(rng):
        if len(records) == size:
            break
        if draft.contradiction:
            continue  # e.g. "on photos" with "live", or a watchlist "with everyone's consent"
        facts = Facts.model_validate(draft.said)
        verdict = decide(facts).verdict
        if wanted[verdict] == 0 or draft.question in seen:
            continue
        wanted[verdict] -= 1
        seen.add(draft.question)
        records.append(
            Record(
                id=f"grid-{len(records) + 1:04d}",
                suite="grid",
                question=draft.question,
                notes=f"template {draft.template}"
                + (f"; §2.1: {'; '.join(draft.why)}" if draft.why else ""),
                **label(facts),
            )
        )
    return records


def main() -> None:
    path = write_suite(generate_grid(), "grid")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
