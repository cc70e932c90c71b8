"""Mixed-language questions: foreign words glossed in English before the reader reads them.

The mechanics are tested on a small glossary built here; the shipped glossary on wordings
of this file's own (never a blind set's questions)."""

from __future__ import annotations

import json

import pytest

from rag.facts import read_facts
from rag.facts.gloss import Glossary, fold, glossary
from rag.facts.reader import read_lexical
from rag.facts.text import normalize

_TINY = Glossary(
    phrases={
        "es": {
            ("queremos",): "we want",
            ("comparar",): "compare",
            ("fotos",): "photos",
            ("nada", "en", "vivo"): "nothing live",
            ("en", "vivo"): "live",
            ("policia",): "police",
            ("la",): "the",
            ("de",): "of",
            ("ne",): "",
            ("grabados",): "recorded",
        },
        "fr": {("l'",): "the", ("identite",): "identity", ("la",): "the"},
    },
    foreign_only={"es": frozenset({"queremos", "comparar", "nada", "policia"}),
                  "fr": frozenset({"identite"})},
)


def _glossed(text: str, keep: list[tuple[int, int]] | None = None) -> str:
    return normalize(text, rewrite=lambda pieces: _TINY.apply(pieces, keep or [])).norm


def test_longest_phrase_wins_and_accents_fold() -> None:
    assert _glossed("Queremos comparar fotos, nada en vivo.") == "we want compare photos, nothing live."
    assert fold("Policía") == "policia"


def test_english_text_is_left_as_written() -> None:
    text = "We want to compare photos of la Liga players, nothing live."
    assert _glossed(text) == normalize(text).norm
    # Foreign words written as a name do not make the text foreign.
    text = "Officer of the Policia Comparar de Queremos Nada here: can we match faces?"
    assert _glossed(text) == normalize(text).norm


def test_glossed_words_keep_the_offsets_of_what_the_user_wrote() -> None:
    text = "queremos fotos en vivo de la policía"
    nt = normalize(text, rewrite=lambda pieces: _TINY.apply(pieces, []))
    at = nt.norm.index("live")
    assert nt.span(at, at + 4).text == "en vivo"
    at = nt.norm.index("police")
    assert nt.span(at, at + 6).text == "policía"


def test_named_bodies_are_not_glossed() -> None:
    text = "queremos comparar fotos de la Policía Nacional"
    start = text.index("Policía")
    assert _glossed(text, [(start, len(text))]).endswith("of the policía nacional")


def test_a_gender_or_number_the_glossary_lacks_is_read_from_one_it_has() -> None:
    assert _glossed("queremos comparar fotos grabadas") == "we want compare photos recorded"
    # An English word in a mixed text is never taken for a foreign inflection.
    assert _glossed("queremos comparar photos") == "we want compare photos"


def test_elisions_split_and_empty_words_read_as_spaces() -> None:
    assert "the identity" in _glossed("queremos comparar l'identité")
    assert _glossed("queremos ne comparar") == "we want compare"


def test_shipped_glossary_is_well_formed() -> None:
    gloss = glossary()
    assert {"es", "fr", "pt", "it", "de", "nl"} <= set(gloss.phrases)
    for lang, table in gloss.phrases.items():
        assert len(table) > (40 if lang == "names" else 200), lang
        assert all(isinstance(v, str) for v in table.values())
    # A foreign word that is a common English word is never glossed ("die", "son").
    assert not any(("die",) in t or ("son",) in t for t in gloss.phrases.values())
    assert json.dumps(sorted(gloss.phrases))


def test_plain_english_is_never_glossed() -> None:
    for text in (
        "Can the NYPD use face recognition on bodycam footage from last week?",
        "Our sheriff's office wants to compare mugshots with a photo, nothing live.",
        "A bank in Lisbon verifies customers' selfies against their passport photo.",
    ):
        assert not glossary().foreign(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Spanish: a county sheriff comparing suspects' photos with old mugshots, nothing live.
        ("Trabajo para la oficina del sheriff del condado de Maricopa. Queremos comparar las "
         "fotos de los sospechosos con fichas policiales antiguas, nada en tiempo real.",
         {"law_enforcement": "yes", "united_states": "yes", "use": "facial_recognition",
          "real_time": "no"}),
        # French: the gendarmerie, after the fact, in the office.
        ("La gendarmerie voudrait identifier une personne sur une vidéo enregistrée la semaine "
         "dernière, jamais en direct.", {"law_enforcement": "yes", "real_time": "no"}),
        # German: no face recognition at all, only text.
        ("Die Polizei in München möchte Berichte übersetzen lassen. Keine Gesichtserkennung, "
         "keine Bilder.", {"law_enforcement": "yes", "united_states": "no"}),
        # Foreign names of US places place the police; "York" alone would be England.
        ("¿Puede la policía de Nueva York identificar a un sospechoso con fotos viejas?",
         {"united_states": "yes", "use": "facial_recognition", "real_time": "no"}),
        # The language a question is written in says nothing of where its police are.
        ("La policía quiere comparar las fotos de los sospechosos con su base de datos.",
         {"law_enforcement": "yes", "united_states": "unknown"}),
        # Italian: a bank with explicit consent.
        ("Una banca vuole verificare il volto dei clienti con il consenso esplicito dei "
         "clienti.", {"consent": "yes"}),
    ],
)
def test_mixed_language_questions_are_read(text: str, expected: dict[str, str]) -> None:
    facts = read_facts(text).facts.model_dump(mode="json")
    got = {k: facts[k] for k in expected}
    assert got == expected


def test_a_word_spelled_like_english_is_foreign_only_in_a_foreign_sentence() -> None:
    # Dutch "van" is "of", not a vehicle carrying the camera ...
    dutch = read_lexical("De politie wil een verdachte achteraf identificeren aan de hand van camerabeelden.")
    assert dutch.value("mobile_camera") == "unknown"
    assert dutch.value("real_time") == "no"
    # ... but an English sentence beside a foreign one keeps its English words.
    mixed = read_lexical("Hola, somos la policía municipal. The van camera would match faces.")
    assert mixed.value("mobile_camera") == "yes"
