"""Decision records of real answers: what they hold (checked against the clause document and
the oracle, not against the engine), the JSON against the committed schema, hostile text
kept inert in Markdown and HTML, and `policyqa ask --record`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from evals.oracle import FACT_NAMES, RULES, rule_values
from ingest.clauses import clause_sections
from rag.assistant import PolicyAssistant
from rag.models import Answer, Citation, Turn
from rag.record import DecisionRecord, render_record
from rag.settings import Settings

REPO = Path(__file__).resolve().parents[2]
CLAUSES = REPO / "corpus" / "policy" / "coc-2024-clauses.md"
DECLARATION = REPO / "corpus" / "policy" / "coc-2024.policy.yaml"
SCHEMA = json.loads((REPO / "docs" / "decision-record.schema.json").read_text(encoding="utf-8"))
POLICYQA = str(Path(sys.executable).with_name("policyqa"))
FRENCH = ("French police want live face matching from body cameras on street patrols against "
          "a suspects database.")
QUESTIONS = (
    FRENCH,
    "Can a European agency use dashcam face matching?",
    "Can a US police department use GPT-4 on Azure to summarize body-camera audio into draft reports?",
    "What product did Axon announce?",
    "What is the best iPad deal this week?",
)
HOSTILE = (
    'Can US police use face recognition </style><script>alert(1)</script>'
    '<img src=x onerror="alert(2)"> [link](javascript:alert(3)) ![px](http://198.51.100.7/p.png)'
    ' <a href="http://198.51.100.7/">x</a> **bold** `code` | a | b | &lt;b&gt; on dashcams?'
)


def _clause_document() -> tuple[dict[str, str], dict[str, Any]]:
    text = CLAUSES.read_text(encoding="utf-8")
    _, front, body = text.split("---", 2)
    return {s.clause_id: body[s.start : s.end] for s in clause_sections(body)}, yaml.safe_load(front)


def _declared_policy() -> dict[str, str]:
    """id, version and effective date as the declaration states them (read here as YAML)."""
    data = yaml.safe_load(DECLARATION.read_text(encoding="utf-8"))
    return {key: str(data[key]) for key in ("id", "version", "effective")}


@pytest.fixture(scope="module")
def assistant(indexed_settings: Settings) -> PolicyAssistant:
    return PolicyAssistant.from_settings(indexed_settings, progress=False)


@pytest.fixture(scope="module")
def french(assistant: PolicyAssistant) -> Answer:
    return assistant.ask(FRENCH)


def test_the_answer_carries_each_rule_and_the_policy(french: Answer) -> None:
    expected = rule_values(french.fact_model())
    assert {r.clause_id: r.value for r in french.rules} == {k: str(v) for k, v in expected.items()}
    for rule, evaluated in zip(RULES, french.rules, strict=True):
        assert set(evaluated.reads) == set(rule.facts)
        assert all(evaluated.reads[n] == str(getattr(french.fact_model(), n)) for n in rule.facts)
    assert french.policy is not None
    declared = _declared_policy()
    assert (french.policy.id, french.policy.version, french.policy.effective) == (
        declared["id"], declared["version"], declared["effective"])
    assert all(r.clause_id.startswith(french.policy.id + ".") for r in RULES)


def test_markdown_record_holds_clause_text_facts_rules_and_policy(french: Answer) -> None:
    md = render_record(french.record(), "md")
    texts, _ = _clause_document()
    assert french.clauses, "the French police case is prohibited by at least one clause"
    for clause_id in french.clauses:
        assert f"`{clause_id}`" in md
        assert " ".join(texts[clause_id].split()) in " ".join(md.split())
    for fact in french.facts:
        assert f"`{fact.name}`" in md
        if fact.span is not None:
            assert f"“{fact.span.text}”" in md
            assert FRENCH[fact.span.start : fact.span.end] == fact.span.text
    for clause_id, value in rule_values(french.fact_model()).items():
        assert re.search(rf"\| `{re.escape(clause_id)}` \| \*\*{value}\*\* \|", md), clause_id
    assert f"version `{_declared_policy()['version']}`" in md
    assert re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", md)


def _records(assistant: PolicyAssistant) -> list[DecisionRecord]:
    out = [assistant.ask(q).record() for q in QUESTIONS]
    history = [Turn(role="user", content=QUESTIONS[1]), Turn(role="assistant", content="It depends.")]
    follow = assistant.ask("it's the national police, live, on patrol", history)
    out.append(follow.record(history=history))
    first = assistant.ask(QUESTIONS[1])
    edited = assistant.reconsider(first.question, first.fact_model().model_copy(update={"real_time": "yes"}))
    out.append(edited.record(changed={"real_time": ("unknown", "yes")}))
    return out


def test_json_records_validate_against_the_committed_schema(assistant: PolicyAssistant) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    validator = jsonschema.Draft202012Validator(SCHEMA)
    records = _records(assistant)
    assert {r.verdict for r in records} >= {"prohibited", "depends", "not_prohibited",
                                            "informational", "out_of_scope"}
    for record in records:
        data = json.loads(render_record(record, "json"))
        errors = sorted(validator.iter_errors(data), key=str)
        assert not errors, errors[0]
        assert data["schema_version"] == "1"
        assert DecisionRecord.model_validate(data) == record
    broken = json.loads(render_record(records[0], "json"))
    del broken["rules"]
    assert not validator.is_valid(broken)  # the schema does hold a record to its fields


def test_a_what_if_record_says_which_facts_the_user_changed(assistant: PolicyAssistant) -> None:
    first = assistant.ask(QUESTIONS[1])
    edited = assistant.reconsider(first.question, first.fact_model().model_copy(update={"real_time": "yes"}))
    record = edited.record(changed={"real_time": ("unknown", "yes"), "consent": ("no", "no")})
    assert [(e.fact, e.read, e.chosen) for e in record.what_if] == [("real_time", "unknown", "yes")]
    assert next(f for f in record.facts if f.name == "real_time").set_by == "what_if"
    md = render_record(record, "md")
    assert "What-if: facts the user changed" in md and "| `real_time` | `unknown` | `yes` |" in md
    assert "What-if" not in render_record(first.record(), "md")


def test_a_record_keeps_the_dialogue_before_the_question(assistant: PolicyAssistant) -> None:
    history = [Turn(role="user", content=QUESTIONS[1]), Turn(role="assistant", content="It depends.")]
    answer = assistant.ask("it's the national police, live, on patrol", history)
    md = render_record(answer.record(history=history), "md")
    assert "Dialogue before this answer" in md and QUESTIONS[1] in md


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _hostile_answer(assistant: PolicyAssistant) -> Answer:
    answer = assistant.ask(HOSTILE)
    # A poisoned document: its title, publisher and quote are as hostile as the question.
    poisoned = Citation(number=len(answer.citations) + 1, chunk_id="x", source="articles/x.md",
                        title=HOSTILE, publisher=HOSTILE, date=None, kind="news", quote=HOSTILE)
    return answer.model_copy(update={"citations": [*answer.citations, poisoned],
                                     "notices": [HOSTILE]})


def test_html_record_shows_hostile_text_as_text(assistant: PolicyAssistant) -> None:
    answer = _hostile_answer(assistant)
    page = render_record(answer.record(history=[Turn(role="user", content=HOSTILE)]), "html")
    parsed = _Tags()
    parsed.feed(page)
    names = [t for t, _ in parsed.tags]
    assert "script" not in names and "img" not in names and "a" not in names
    assert names.count("style") == 1
    for tag, attrs in parsed.tags:
        for name, _ in attrs:
            assert not name.startswith("on"), (tag, name)
            assert name not in ("src", "href"), (tag, name)
    assert HOSTILE in "".join(parsed.text)  # every character shown, as text
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_markdown_record_renders_hostile_text_inert(assistant: PolicyAssistant) -> None:
    from markdown_it import MarkdownIt

    answer = _hostile_answer(assistant)
    md = render_record(answer.record(history=[Turn(role="user", content=HOSTILE)]), "md")
    rendered = MarkdownIt("commonmark").enable("table").render(md)
    for tag in ("<script", "<img", "<a ", "<style"):
        assert tag not in rendered, tag
    assert "<strong>bold</strong>" not in rendered  # the user's emphasis is not ours
    parsed = _Tags()
    parsed.feed(rendered)
    assert HOSTILE in "".join(parsed.text).replace("\n", " ")


def _run(settings: Settings, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "POLICYQA_DATA_DIR": str(settings.data_dir), "POLICYQA_BACKEND": "offline"}
    return subprocess.run([POLICYQA, *args], capture_output=True, text=True, env=env, timeout=120,
                          cwd=cwd)


def test_ask_record_writes_each_format(indexed_settings: Settings, tmp_path: Path) -> None:
    texts, _ = _clause_document()
    for name in ("r.md", "r.json", "r.html"):
        out = _run(indexed_settings, "ask", FRENCH, "--record", name, cwd=tmp_path)
        assert out.returncode == 0, out.stderr
        assert "PROHIBITED" in out.stdout and f"record written to {name}" in out.stderr
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert data["policy"]["version"] == _declared_policy()["version"]
    deciding = {c["clause_id"]: c["text"] for c in data["deciding_clauses"]}
    assert deciding and all(text == texts[cid] for cid, text in deciding.items())
    assert {f["name"] for f in data["facts"]} == set(FACT_NAMES)
    assert any(f["words"] and f["span"] for f in data["facts"])
    assert {r["clause_id"] for r in data["rules"]} == {r.clause_id for r in RULES}
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and next(iter(deciding)) in page
    assert next(iter(deciding)) in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_ask_record_with_json_output_and_history(indexed_settings: Settings, tmp_path: Path) -> None:
    turns = tmp_path / "turns.json"
    turns.write_text(json.dumps([{"role": "user", "content": QUESTIONS[1]},
                                 {"role": "assistant", "content": "It depends."}]))
    out = _run(indexed_settings, "ask", "it's the national police, live, on patrol", "--json",
               "--history", str(turns), "--record", "d.json", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    answer = json.loads(out.stdout)
    record = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert record["verdict"] == answer["verdict"]
    assert [t["content"] for t in record["dialogue"]] == [QUESTIONS[1], "It depends."]


def test_ask_record_with_an_unknown_suffix_is_refused_first(indexed_settings: Settings, tmp_path: Path) -> None:
    out = _run(indexed_settings, "ask", FRENCH, "--record", "r.txt", cwd=tmp_path)
    assert out.returncode == 2
    assert ".md, .json or .html" in out.stderr and "Traceback" not in out.stderr
    assert out.stdout == "" and not (tmp_path / "r.txt").exists()
