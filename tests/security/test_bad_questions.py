"""Bad questions through the Python API and the CLI: a clear error for what cannot be
answered, an answer (no crash, bounded time) for everything else, and nothing in an answer
that would run or load in the chat or rewrite the terminal."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from evals.oracle import Facts, Verdict, decide
from rag import PolicyAssistant, QuestionError
from rag.models import Answer, Turn
from rag.settings import Settings
from tests.security.cli import policyqa

CLEAN = "Can the NYPD identify a robbery suspect from CCTV stills after the fact?"
# Hand-labelled (POLICY_MODEL.md §5, case 3): the same use, whatever the wording.
NYPD_FACTS = Facts.model_validate({"law_enforcement": "yes", "united_states": "yes",
                                   "use": "facial_recognition", "real_time": "no",
                                   "mobile_camera": "no"})  # fmt: skip
NYPD_VERDICT = decide(NYPD_FACTS).verdict

_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0/C1 controls but \t and \n


@pytest.fixture(scope="module")
def assistant(indexed_settings: Settings) -> PolicyAssistant:
    return PolicyAssistant.from_settings(indexed_settings, progress=False)


def _timed(assistant: PolicyAssistant, question: str, history: list[Turn] | None = None
           ) -> tuple[Answer, float]:  # fmt: skip
    started = time.monotonic()
    answer = assistant.ask(question, history)
    return answer, time.monotonic() - started


def _shown_text(answer: Answer) -> str:
    """Everything of an answer a front end prints: text, quotes, spans, notices."""
    spans = [f.span.text for f in answer.facts if f.span]
    return "\n".join([answer.answer, *(c.quote for c in answer.citations), *spans, *answer.notices])


# --- refused: empty and over-long -------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["\u200b\u200b", "\ufeff", "\u202e\u202c", "\u2060 \u200d", "\x00\u200b\n\x07"],
    ids=["zero-width-spaces", "bom", "bidi-controls-only", "joiners", "controls-and-zwsp"],
)
def test_invisible_questions_are_refused_as_empty(assistant: PolicyAssistant, question: str) -> None:
    """A question with no visible character is empty to the person who typed it."""
    with pytest.raises(QuestionError, match="empty"):
        assistant.ask(question)


def test_a_50000_character_question_is_refused_fast(assistant: PolicyAssistant) -> None:
    limit = assistant.settings.max_question_chars
    question = (CLEAN + " ") * (50_000 // (len(CLEAN) + 1) + 1)
    question = question[:50_000]
    for call in (
        lambda: assistant.ask(question),
        lambda: next(iter(assistant.stream(question))),
        lambda: assistant.reconsider(question, NYPD_FACTS),
    ):
        started = time.monotonic()
        with pytest.raises(QuestionError, match=f"{limit:,}") as info:
            call()
        assert time.monotonic() - started < 0.5
        assert "50,000" in str(info.value) and "POLICYQA_MAX_QUESTION_CHARS" in str(info.value)


@pytest.mark.parametrize(
    "filler",
    ["a", "police ", "(", "US police ", "NYPD identify live body camera ", "é́́ ", "🚓", "[1]"],
)
def test_questions_at_the_limit_are_answered_in_bounded_time(
    assistant: PolicyAssistant, filler: str
) -> None:
    """Pathological text right at the length limit: no catastrophic backtracking, no crash."""
    limit = assistant.settings.max_question_chars
    question = (filler * (limit // len(filler) + 1))[:limit]
    answer, seconds = _timed(assistant, question)
    assert answer.verdict in set(Verdict)
    assert seconds < 10, f"{seconds:.1f} s for {limit} characters of {filler!r}"


def test_a_long_history_costs_bounded_time(assistant: PolicyAssistant) -> None:
    """History comes from the client (the chat sends it, `--history` reads it): hundreds of
    long turns must not make one answer cost seconds of CPU (the cost grows with them)."""
    turn = ("Can the NYPD use face recognition on body cameras live? " * 80)[:4000]
    history = [Turn(role="user" if i % 2 == 0 else "assistant", content=turn) for i in range(300)]
    answer, seconds = _timed(assistant, "And on recorded footage afterwards?", history)
    assert answer.verdict in set(Verdict)
    assert seconds < 3, f"{seconds:.1f} s with a 300-turn history"


# --- answered: odd characters keep the reading of the words ------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Can the NYPD\ridentify a robbery suspect\x0bfrom CCTV stills\x0cafter the fact?",
        "Can the NYPD\x00identify a robbery\x07suspect from CCTV stills\x85after the fact?",
        "Can the NYPD identify a robbery suspect from CCTV stills after the fact?\x1b[2J\x1b]0;owned\x07",
        "Can the NYPD 🚓 identify a robbery suspect 🕵️‍♀️ from CCTV stills after the fact? 🤔",
        "Can the NYPD \u202eidentify\u202c a robbery suspect from CCTV stills after the fact?",
        "Can the ＮＹＰＤ identify a robbery suspect from CCTV stills after the fact?",
        "Can\u200bthe NYPD identify a robbery\u00a0suspect from CCTV stills after the fact?",
    ],
    ids=["cr-vt-ff-separators", "nul-bel-nel-separators", "ansi-escapes", "emoji",
         "bidi-override", "fullwidth", "zwsp-nbsp-separators"],
)  # fmt: skip
def test_odd_characters_keep_the_verdict(assistant: PolicyAssistant, question: str) -> None:
    answer, seconds = _timed(assistant, question)
    assert answer.verdict == NYPD_VERDICT == assistant.ask(CLEAN).verdict
    assert seconds < 5
    shown = _shown_text(answer) + answer.question
    assert not _HIDDEN.search(shown), "a control character reached the answer"
    assert not _BIDI.search(shown), "a bidi override reached the answer (reorders what is shown)"


@pytest.mark.parametrize(
    "question",
    [
        "هل يمكن لشرطة نيويورك التعرف على مشتبه به في عملية سطو من صور كاميرات المراقبة بعد الحادث؟",
        "האם משטרת ניו יורק יכולה לזהות חשוד בשוד מתמונות מצלמות אבטחה לאחר מעשה?",
        "La police de New York peut-elle identifier un suspect de vol à partir d'images de vidéosurveillance après coup ?",
        "¿Puede la policía de Nueva York identificar a un sospechoso de robo a partir de imágenes de CCTV después del hecho?",
        "Darf das NYPD einen Raubverdächtigen nachträglich anhand von Überwachungsbildern identifizieren?",
        "纽约警察局可以事后根据监控录像截图识别抢劫嫌疑人吗？",
    ],
    ids=["arabic", "hebrew", "french", "spanish", "german", "chinese"],
)
def test_other_languages_get_the_verdict_or_a_clear_english_only_answer(
    assistant: PolicyAssistant, question: str
) -> None:
    """The same NYPD question in another language: the rules' verdict, or an answer that
    says plainly that questions are read in English. Never the dangerous not_prohibited."""
    answer, seconds = _timed(assistant, question)
    assert seconds < 5
    assert answer.verdict is not Verdict.not_prohibited
    if answer.verdict != NYPD_VERDICT:
        assert "english" in answer.answer.lower(), (
            f"{answer.verdict}: neither the verdict nor a statement that only English is "
            f"read: {answer.answer[:200]!r}"
        )


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert('x')</script>",
        '<img src=x onerror="alert(1)">',
        "![track](https://attacker.example/pixel.png?q=1)",
        "[click](javascript:alert(1))",
        "<iframe src='https://attacker.example'></iframe>",
        "${alert(1)} {{7*7}}",
    ],
    ids=["script", "img-onerror", "md-image", "js-link", "iframe", "template"],
)
def test_markup_in_a_question_is_not_echoed_live(assistant: PolicyAssistant, payload: str) -> None:
    answer = assistant.ask(f"{payload} {CLEAN} {payload}")
    assert answer.verdict == NYPD_VERDICT
    text = answer.answer + "".join(c.quote for c in answer.citations)
    assert not re.search(r"<\s*(script|img|iframe)", text, re.I)
    assert "](http" not in text and "javascript:" not in text.lower()


def test_chat_rendering_of_hostile_text_is_inert() -> None:
    """ui.render, without a browser: hostile text in every field of an Answer renders as
    text. The chat markdown goes through a CommonMark renderer with raw HTML enabled (the
    worst case); the panels are HTML already."""
    from markdown_it import MarkdownIt

    from rag.models import Citation, FactReading, Span
    from ui import render

    evil = ("<script>alert(1)</script> <img src=x onerror=alert(2)> "
            "![t](https://attacker.example/p.png) [a](javascript:alert(3)) ${x} {{y}}")
    answer = Answer(
        question=evil, verdict=Verdict.informational, answer=f"{evil} [1]", backend=evil,
        citations=[Citation(number=1, chunk_id="c", source=evil, title=evil, publisher=evil,
                            date=evil, kind="news", quote=evil, clause_id=evil)],
        facts=[FactReading(name="use", value="facial_recognition",
                           span=Span(text=evil, start=0, end=5))],
        notices=[evil],
    )  # fmt: skip
    html = MarkdownIt("commonmark", {"html": True}).render(render.chat_text(answer))
    panels = [render.verdict_html(answer), render.sources_html(answer),
              render.status_html(answer, evil)]  # fmt: skip
    fact_md = MarkdownIt("commonmark", {"html": True}).render(render.fact_info(answer.facts[0]))
    for out in [html, fact_md, *panels]:
        assert not re.search(r"<\s*(script|img|iframe)\b", out, re.I), out
        assert not re.search(r"<a\s", out, re.I), out
    for out in panels:  # gr.HTML reads ${...} and {{...}} as templates
        assert "${" not in out and "{{" not in out, out
    assert "[1]" in html  # the citation marker itself survives


# --- the CLI ---------------------------------------------------------------------------

_CLI_ERRORS = {
    "50k": ("x " * 25_000, "limit"),
    "invisible": ("\u200b\u200b", "empty"),
}


@pytest.mark.integration
@pytest.mark.parametrize("name", list(_CLI_ERRORS))
def test_cli_refuses_with_a_clear_message(indexed_settings: Settings, tmp_path: Path, name: str) -> None:
    question, word = _CLI_ERRORS[name]
    run = policyqa("ask", question, settings=indexed_settings, cwd=tmp_path)
    assert run.returncode != 0
    assert word in run.stderr and "Traceback" not in run.stderr
    assert run.seconds < 60


@pytest.mark.integration
def test_cli_readable_output_carries_no_terminal_escapes(
    indexed_settings: Settings, tmp_path: Path
) -> None:
    question = CLEAN + "\x1b[2J\x1b]0;owned\x07\x1b[31m \u202eevil\u202c"
    run = policyqa("ask", question, settings=indexed_settings, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert "\x1b]" not in run.stdout and "\x1b[2J" not in run.stdout
    assert "PROHIBITED" in run.stdout


@pytest.mark.integration
@pytest.mark.parametrize(
    "question",
    [
        "هل يمكن لشرطة نيويورك التعرف على مشتبه به من صور كاميرات المراقبة؟ 🚓",
        "<script>alert(1)</script> ![t](https://attacker.example/p.png) " + CLEAN,
    ],
    ids=["arabic-emoji", "markup"],
)
def test_cli_json_answers_odd_questions(
    indexed_settings: Settings, tmp_path: Path, question: str
) -> None:
    run = policyqa("ask", question, "--json", settings=indexed_settings, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["verdict"] in {v.value for v in Verdict}
    assert "<script" not in data["answer"]


@pytest.mark.integration
def test_cli_search_with_a_huge_query_is_bounded(indexed_settings: Settings, tmp_path: Path) -> None:
    # 120,000 characters: just under the kernel's limit for one argument (128 KiB).
    query = ("facial recognition police " * 5000)[:120_000]
    run = policyqa("search", query, "--json", settings=indexed_settings, cwd=tmp_path)
    assert "Traceback" not in run.stderr
    if run.returncode == 0:
        assert isinstance(json.loads(run.stdout), list)
    else:
        assert "limit" in run.stderr or "long" in run.stderr
    assert run.seconds < 60

