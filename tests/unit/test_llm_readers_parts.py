"""The pure parts of issue 16: the facts-only reply read strictly and tolerantly, the schema
check, the model's quoted words located, the facts prompt's budget, the structured-output
ladder, and the eval's per-reader fact scores. No server, no index."""

from __future__ import annotations

import json

import httpx
import openai
import pytest

from evals.metrics import Outcome, Target, reader_facts
from evals.oracle import Facts, Tri, Use, Verdict
from evals.report import render_markdown
from ingest.tokens import count_tokens
from rag.llm.chain import prompt_text
from rag.llm.facts_call import FACTS_HISTORY_TOKENS, facts_inputs
from rag.llm.parse import parse_reply
from rag.llm.readers import model_reading
from rag.llm.retry import LLMUnavailable
from rag.llm.schema import response_schema
from rag.llm.structured import LADDER, Capability, modes_for, refused_format
from rag.llm.validate import schema_problems
from rag.models import Turn
from rag.settings import Settings
from tests.llm_server import facts_json

NYPD = "Can the NYPD identify a robbery suspect from CCTV stills after the fact?"


def test_a_facts_reply_is_read_with_its_words() -> None:
    raw = facts_json({"law_enforcement": "the NYPD", "use": "identify"},
                     law_enforcement="yes", use="facial_recognition")  # fmt: skip
    parsed = parse_reply(raw, keys={"facts"})
    assert parsed.structured and not parsed.problems
    assert parsed.reply.facts.law_enforcement is Tri.yes
    assert parsed.reply.facts.use is Use.facial_recognition
    assert parsed.reply.words == {"law_enforcement": "the NYPD", "use": "identify"}
    assert schema_problems(raw, response_schema("facts")) == []


def test_a_cut_off_facts_reply_keeps_the_whole_facts() -> None:
    raw = facts_json({"united_states": "NYPD"}, law_enforcement="yes", united_states="yes",
                     use="facial_recognition")  # fmt: skip
    cut = raw[: raw.index('"use"') + 12]
    parsed = parse_reply(cut, keys={"facts"})
    assert parsed.problems
    assert parsed.reply.facts.law_enforcement is Tri.yes
    assert parsed.reply.facts.united_states is Tri.yes
    assert parsed.reply.facts.use is Use.unknown  # its value never arrived
    assert schema_problems(cut, response_schema("facts"))


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d["facts"].pop("consent"),
        lambda d: d["facts"]["use"].update(value="face_matching"),
        lambda d: d["facts"]["law_enforcement"].update(extra="x"),
        lambda d: d.update(verdict="prohibited"),
    ],
    ids=["missing-fact", "value-outside-enum", "extra-key", "extra-top-level-key"],
)
def test_the_schema_check_finds_what_is_off(mutate: object) -> None:
    data = json.loads(facts_json())
    mutate(data)  # type: ignore[operator]
    assert schema_problems(json.dumps(data), response_schema("facts"))


def test_fenced_json_is_not_schema_valid_but_is_read() -> None:
    raw = "```json\n" + facts_json(law_enforcement="no") + "\n```"
    assert schema_problems(raw, response_schema("facts"))
    assert parse_reply(raw, keys={"facts"}).reply.facts.law_enforcement is Tri.no


def test_the_models_words_become_spans_only_where_they_stand() -> None:
    raw = facts_json({"law_enforcement": "the  nypd", "use": "scans irises", "real_time": ""},
                     law_enforcement="yes", use="facial_recognition", real_time="no")  # fmt: skip
    reading = model_reading(parse_reply(raw, keys={"facts"}).reply, NYPD)
    span = reading.spans["law_enforcement"]
    assert NYPD[span.start : span.end] == span.text == "the NYPD"
    assert "use" not in reading.spans  # words the question does not hold are no quote
    assert "real_time" not in reading.spans
    earlier = "Our sheriff's office wants it."
    follow = model_reading(
        parse_reply(facts_json({"law_enforcement": "sheriff's office"}, law_enforcement="yes"),
                    keys={"facts"}).reply,
        "And on patrol?",
        [earlier],
    )  # fmt: skip
    assert follow.spans["law_enforcement"].text == "sheriff's office"


def test_the_facts_prompt_stays_short() -> None:
    history = [Turn(role="user", content="We are a police department in Ohio. " * 30),
               Turn(role="assistant", content="A long answer. " * 200),
               Turn(role="user", content="It runs live.")]  # fmt: skip
    inputs = facts_inputs(NYPD, history)
    assert "A long answer" not in inputs["history"]
    assert "It runs live." in inputs["history"]
    assert count_tokens(inputs["history"]) <= FACTS_HISTORY_TOKENS
    assert count_tokens(prompt_text("facts", **inputs)) < 600


def test_fences_in_the_question_are_defused() -> None:
    inputs = facts_inputs("x </question> y </earlier> z", [])
    assert "</question>" not in inputs["question"] and "</earlier>" not in inputs["question"]


def _refusal(status: int, message: str) -> LLMUnavailable:
    request = httpx.Request("POST", "http://127.0.0.1/v1/chat/completions")
    response = httpx.Response(status, request=request)
    cause = openai.APIStatusError(message, response=response, body=None)
    try:
        raise LLMUnavailable("refused", 1) from cause
    except LLMUnavailable as exc:
        return exc


def test_what_counts_as_a_refused_format() -> None:
    assert refused_format(_refusal(400, "response_format json_schema is not supported"))
    assert refused_format(_refusal(422, "Unknown field: response_format"))
    assert not refused_format(_refusal(400, "maximum context length exceeded"))
    assert not refused_format(_refusal(401, "bad key"))
    assert not refused_format(_refusal(500, "response_format broke the server"))


def test_the_ladder_per_setting() -> None:
    def settings(**kw: object) -> Settings:
        return Settings(_env_file=None, **kw)  # type: ignore[arg-type]

    assert modes_for(settings()) == LADDER
    assert modes_for(settings(POLICYQA_LLM_JSON_MODE=False)) == ("none",)
    assert modes_for(settings(POLICYQA_LLM_STRUCTURED="json_object")) == ("json_object",)
    capability = Capability(LADDER)
    assert capability.tried_from() == LADDER and capability.accepted is None
    capability.accept("json_object")
    assert capability.tried_from() == ("json_object", "none")
    capability.accept("json_schema")  # never climbs back above what was refused
    assert capability.tried_from() == ("json_object", "none")


def _outcome(gold: dict[str, str], **readings: dict[str, str]) -> Outcome:
    target = Target(id="t", suite="s", question="q", gold_facts=Facts.model_validate(gold),
                    gold_verdict=Verdict.prohibited)  # fmt: skip
    return Outcome(target=target, verdict=Verdict.prohibited, readings=readings)


def test_reader_facts_scores_agreement_and_each_reader() -> None:
    gold = {"law_enforcement": "yes", "united_states": "yes"}
    outcomes = [
        _outcome(gold, offline={"law_enforcement": "yes", "united_states": "yes"},
                 model={"law_enforcement": "yes", "united_states": "no"}),
        _outcome(gold, offline={"law_enforcement": "yes", "united_states": "unknown"},
                 model={"law_enforcement": "no", "united_states": "unknown"}),
        _outcome(gold),  # one reader only (the offline backend): not counted
    ]  # fmt: skip
    scores = reader_facts(outcomes)
    assert scores["n"] == 2 and scores["readers"] == ["model", "offline"]
    assert scores["agreement"]["law_enforcement"] == 0.5
    assert scores["agreement"]["united_states"] == 0.5
    assert scores["agreement"]["consent"] == 1.0  # both unknown, as the gold
    assert scores["accuracy"]["offline"]["law_enforcement"] == 1.0
    assert scores["accuracy"]["model"]["law_enforcement"] == 0.5
    assert scores["accuracy"]["offline"]["united_states"] == 0.5
    assert scores["accuracy"]["model"]["united_states"] == 0.0
    assert reader_facts(outcomes[2:]) == {}


def test_the_report_has_the_readers_table() -> None:
    summary = {"suites": {}, "overall": {}, "by_verdict": {}, "confusion": {},
               "fact_agreement": {}, "dangerous": [], "canonical_wrong": [],
               "reader_facts": {"n": 2, "readers": ["model", "offline"],
                                "agreement": {"use": 0.5},
                                "accuracy": {"model": {"use": 0.0}, "offline": {"use": 1.0}}}}
    report = {"summary": summary, "backend": "llm", "created": "now", "suites_run": ["canonical"],
              "seconds": 1.0, "dataset_sizes": {"canonical": 12}, "failures": {}}  # fmt: skip
    text = render_markdown(report)
    assert "## The readers compared (2 verdict questions with gold facts)" in text
    assert "| use | 50.0% | 0.0% | 100.0% |" in text
