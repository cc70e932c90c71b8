"""Question clean-up and the English check, without an index."""

from __future__ import annotations

import pytest

from evals.datasets import load_suite
from rag.assistant import clean_question
from rag.errors import QuestionError
from rag.language import looks_english


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Can the ＮＹＰＤ do it?", "Can the NYPD do it?"),
        ("police\x00live\x07now", "police live now"),
        ("face\u200bmatching \u202elive\u202c", "facematching live"),
        ("  spaced\u00a0out\t\tquestion  ", "spaced out question"),
        ("line one\nline two", "line one\nline two"),
    ],
)
def test_clean_question_folds_odd_characters(raw: str, clean: str) -> None:
    assert clean_question(raw, 1000) == clean


@pytest.mark.parametrize("raw", ["", "  ", "\u200b\u200b", "\ufeff", "\u202e\u202c", "\x00\x01\n"])
def test_invisible_questions_are_empty(raw: str) -> None:
    with pytest.raises(QuestionError, match="empty"):
        clean_question(raw, 1000)


def test_the_length_cap_names_the_setting() -> None:
    with pytest.raises(QuestionError, match="POLICYQA_MAX_QUESTION_CHARS"):
        clean_question("x" * 11, 10)


@pytest.mark.parametrize(
    "question",
    [
        "La police de New York peut-elle identifier un suspect à partir des images ?",
        "¿Puede la policía de Nueva York identificar a un sospechoso con las cámaras?",
        "Darf das NYPD einen Verdächtigen nachträglich anhand von Bildern identifizieren?",
        "纽约警察局可以事后根据监控录像截图识别抢劫嫌疑人吗？",
        "هل يمكن لشرطة نيويورك التعرف على مشتبه به؟",
    ],
)
def test_other_languages_are_recognised(question: str) -> None:
    assert not looks_english(question)


def test_every_english_dataset_question_reads_as_english() -> None:
    suites = ("canonical", "grid", "curated", "informational", "adversarial", "dialogues")
    questions = [r.question for s in suites for r in load_suite(s)]
    questions += [t.user for r in load_suite("dialogues") for t in r.turns]
    misread = [q for q in questions if not looks_english(q)]
    assert not misread, misread[:5]
