"""The chat's HTML: hostile text from documents or models is shown, never run; what a user
must not miss (notices, a model/rules disagreement) is on screen."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from evals.oracle import Verdict
from rag.models import Answer, Check, Citation
from ui.feedback import FeedbackStore
from ui.render import answer_markdown, esc, sources_html, status_html, verdict_html

HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script> ${alert(3)} {{x}} `y`'


def _citation(number: int, kind: str, text: str = HOSTILE) -> Citation:
    return Citation(number=number, chunk_id=f"c{number}", source="corpus/x.md", title=text,
                    publisher=text, date="2024-05-02", kind=kind, quote=text,  # type: ignore[arg-type]
                    clause_id="coc-2024.us-police-facial-recognition" if kind == "policy" else None)


def _inert(html: str) -> None:
    assert "<img" not in html and "<script" not in html
    assert "${" not in html and "{{" not in html and "`" not in html


def test_esc_leaves_no_markup_or_template() -> None:
    _inert(esc(HOSTILE))


def test_sources_escape_documents_and_tell_policy_from_news() -> None:
    answer = Answer(question="q", verdict=Verdict.informational, answer="a [1] [2]",
                    citations=[_citation(2, "news"), _citation(1, "policy")])
    html = sources_html(answer)
    _inert(html)
    cards = re.findall(r'<li class="pq-source pq-kind-(\w+)"', html)
    assert cards == ["policy", "news"]  # in citation order
    assert "Policy text" in html and "News article" in html
    assert 'data-clause="coc-2024.us-police-facial-recognition"' in html


def test_status_shows_backend_notices_and_a_disagreement() -> None:
    answer = Answer(question="q", verdict=Verdict.prohibited, answer="a", backend="llm",
                    notices=[HOSTILE],
                    check=Check(status="disagrees", model_verdict=Verdict.not_prohibited,
                                rule_verdict=Verdict.prohibited))
    html = status_html(answer, "offline")
    _inert(html)
    assert "backend: llm" in html
    assert "pq-notice" in html and "pq-disagree" in html
    assert "Not prohibited by these clauses" in html and "Prohibited" in html


def test_verdict_badge_carries_the_verdict() -> None:
    for verdict in Verdict:
        html = verdict_html(Answer(question="q", verdict=verdict, answer="a"))
        assert f'data-verdict="{verdict}"' in html and f"pq-{verdict}" in html


def test_answer_markdown_disarms_html_links_and_images() -> None:
    text = answer_markdown("See [1][2]. ![p](http://198.51.100.7/p.png) [l](javascript:x) <b>x</b>")
    assert "<b>" not in text and "](" not in text and "![" not in text
    assert "**\\[1\\]\\[2\\]**" in text  # a run of markers in one bold span


def test_feedback_round_trip_and_only_up_or_down(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "sub" / "feedback.sqlite3")
    store.record(vote="up", question="q?", answer="a", verdict="depends", backend="offline")
    store.record(vote="down", question="q2?", answer="b", verdict="prohibited", backend="llm")
    rows = store.rows()
    assert [(r.vote, r.question, r.verdict, r.backend) for r in rows] == [
        ("up", "q?", "depends", "offline"), ("down", "q2?", "prohibited", "llm")]
    assert all(r.created_at for r in rows)
    with pytest.raises(sqlite3.IntegrityError):
        store.record(vote="sideways", question="q", answer="a", verdict="depends",  # type: ignore[arg-type]
                     backend="offline")
