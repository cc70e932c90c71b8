"""`policyqa bench --quick` end to end: every section runs and writes sane results.

No timing assertions: the numbers depend on the machine. What must hold is that every
section ran on a fresh index, the values are in their ranges, and the outputs exist.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from evals.bench import run_bench
from evals.bench.targets import TARGETS
from rag.settings import Settings

# The smoke run starts real processes (policyqa serve, ask, eval); the pure helpers below
# it are checked without them.
smoke = pytest.mark.integration
slow_setup = pytest.mark.timeout(600)  # the first test also waits for the whole quick run

SECTIONS = (
    "machine",
    "ingest",
    "questions",
    "retrieval",
    "answers",
    "api",
    "chat_http",
    "help_cold_start",
    "ask_cold_start",
    "ask_first_run",
    "eval_suite",
    "targets",
)


@pytest.fixture(scope="module")
def results(
    tmp_path_factory: pytest.TempPathFactory, make_settings: Callable[..., Settings]
) -> dict:
    settings = make_settings(tmp_path_factory.mktemp("bench-data") / "data")
    out = tmp_path_factory.mktemp("bench-out")
    code = run_bench(settings, out=out, quick=True)
    loaded = json.loads((out / "results.json").read_text(encoding="utf-8"))
    loaded["_exit_code"] = code
    loaded["_out"] = str(out)
    return loaded


@smoke
@slow_setup
def test_every_section_ran(results: dict) -> None:
    assert results["errors"] == {}
    assert results["_exit_code"] == 0
    for section in SECTIONS:
        assert section in results, section
    assert results["quick"] is True


@smoke
@slow_setup
def test_outputs_are_written(results: dict) -> None:
    chart = Path(results["_out"]) / "chart.png"
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@smoke
@slow_setup
def test_ingest_numbers_are_consistent(results: dict) -> None:
    ingest = results["ingest"]
    assert ingest["chunks"] > 0
    assert ingest["cold_ingest_s"] > 0 and ingest["embed_only_cold_s"] > 0
    assert ingest["ingest_over_embed"] == pytest.approx(
        ingest["cold_ingest_s"] / ingest["embed_only_cold_s"], rel=0.05
    )
    assert "0 chunks added" in ingest["warm_summary"], "a re-ingest must embed nothing"


@smoke
@slow_setup
def test_recall_is_a_share_and_grows_with_k(results: dict) -> None:
    for evidence in ("informational", "clause_evidence"):
        block = results["retrieval"][evidence]
        for retriever in ("hybrid", "dense_langchain", "bm25"):
            r = block[retriever]
            assert 0.0 <= r["recall@1"] <= r["recall@3"] <= r["recall@5"] <= 1.0
    assert results["retrieval"]["clause_evidence"]["clauses"] > 0


@smoke
@slow_setup
def test_answer_scores_are_counts_of_the_questions_asked(results: dict) -> None:
    answers = results["answers"]
    total = sum(s["engine"]["questions"] for s in answers["suites"].values())
    assert answers["all"]["engine"]["questions"] == total > 0
    for system in ("engine", "retrieve_and_quote"):
        row = answers["all"][system]
        assert 0 <= row["correct"] <= row["questions"]
        assert row["accuracy"] == pytest.approx(row["correct"] / row["questions"], abs=1e-4)
        assert 0 <= row["dangerous_errors"] <= row["gold_prohibited"]


@smoke
@slow_setup
def test_latency_throughput_and_memory_are_measured(results: dict) -> None:
    latency = results["api"]["latency"]
    for summary in (latency["ask"], latency["embed_query"], results["chat_http"]["latency"]):
        assert 0 < summary["p50_ms"] <= summary["p95_ms"] <= summary["p99_ms"] <= summary["max_ms"]
    for section in ("api", "chat_http"):
        levels = results[section]["throughput"]["levels"]
        assert [run["clients"] for run in levels] == [1, 2, 4]
        for level in levels:
            assert level["answers_per_s"] > 0
            assert [run["clients"] for run in level["runs"]] == [level["clients"]] * 2
            assert all(run["requests"] > 0 and run["cores_busy"] > 0 for run in level["runs"])
    memory = results["chat_http"]["memory_after_load"]
    assert 0 < memory["rss_mb"] <= memory["peak_rss_mb"]
    assert results["chat_http"]["serve_cold_start"]["median_s"] > 0
    assert results["ask_cold_start"]["median_s"] > 0
    assert 0 < results["help_cold_start"]["median_s"] < results["ask_cold_start"]["median_s"]
    assert results["ask_first_run"]["median_s"] > 0
    assert results["eval_suite"]["wall_s"] > 0


@smoke
@slow_setup
def test_every_target_is_judged(results: dict) -> None:
    rows = results["targets"]
    assert [r["target"] for r in rows] == [t.name for t in TARGETS]
    for row in rows:
        assert row["status"] in ("pass", "miss"), row
        if row["status"] == "miss":
            assert row["miss_by"]


# -- the helpers behind the numbers ----------------------------------------------------


def test_recall_counts_a_target_once_found_within_k() -> None:
    from evals.bench.retrieval_quality import _Target, recall_at

    ranking = {"q1": ["a", "b", "c", "d", "e"], "q2": ["x", "y", "z", "w", "v"]}
    targets = [
        _Target("q1", frozenset({"a"})),  # rank 1
        _Target("q1", frozenset({"d", "zz"})),  # rank 4
        _Target("q2", frozenset({"nowhere"})),  # never
        _Target("q2", frozenset({"y"})),  # rank 2
    ]
    asked: list[str] = []

    def search(question: str, k: int) -> list[str]:
        asked.append(question)
        return ranking[question][:k]

    assert recall_at(targets, search) == {"recall@1": 0.25, "recall@3": 0.5, "recall@5": 0.75}
    assert sorted(asked) == ["q1", "q2"], "one search per distinct question"


def test_quotes_match_across_curly_quotes_and_line_breaks() -> None:
    from evals.bench.retrieval_quality import normalise

    assert normalise("the   company\u2019s\n “policy”") in normalise(
        'So: The company\'s "policy" holds.'
    )


def test_targets_report_misses_with_their_size() -> None:
    from evals.bench.targets import check_targets

    results = {
        "ingest": {"ingest_over_embed": 1.8},
        "api": {"latency": {"ask": {"p50_ms": 10.0}, "ask_over_embed_p50": 2.0}},
    }
    rows = {r["target"]: r for r in check_targets(results)}
    ingest = rows["ingest / embedding-only time"]
    assert ingest["status"] == "miss" and ingest["miss_by"] == "0.3 over (+20%)"
    assert rows["warm answer p50 (Python API)"]["status"] == "pass"
    assert rows["served app peak RSS"]["status"] == "not measured"


def test_keyword_baseline_follows_its_stated_rules() -> None:
    from evals.bench.keyword_baseline import keyword_verdict
    from evals.oracle import Verdict

    ban = ["Integration with the service must not be used for facial recognition by police."]
    neutral = ["Police use the service to draft reports from recorded audio."]
    assert keyword_verdict("Cheapest flights to Lisbon?", ban) == Verdict.out_of_scope
    assert keyword_verdict("Which police rule changed?", ban) == Verdict.informational
    assert keyword_verdict("Can police run facial recognition?", ban) == Verdict.prohibited
    assert keyword_verdict("Can police run facial recognition?", neutral) == Verdict.depends
    assert keyword_verdict("Can police draft reports with it?", neutral) == Verdict.not_prohibited
