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

pytestmark = [pytest.mark.integration, pytest.mark.timeout(600)]

SECTIONS = (
    "machine",
    "ingest",
    "questions",
    "retrieval",
    "answers",
    "api",
    "chat_http",
    "ask_cold_start",
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


def test_every_section_ran(results: dict) -> None:
    assert results["errors"] == {}
    assert results["_exit_code"] == 0
    for section in SECTIONS:
        assert section in results, section
    assert results["quick"] is True


def test_outputs_are_written(results: dict) -> None:
    chart = Path(results["_out"]) / "chart.png"
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_ingest_numbers_are_consistent(results: dict) -> None:
    ingest = results["ingest"]
    assert ingest["chunks"] > 0
    assert ingest["cold_ingest_s"] > 0 and ingest["embed_only_cold_s"] > 0
    assert ingest["ingest_over_embed"] == pytest.approx(
        ingest["cold_ingest_s"] / ingest["embed_only_cold_s"], rel=0.05
    )
    assert "0 chunks added" in ingest["warm_summary"], "a re-ingest must embed nothing"


def test_recall_is_a_share_and_grows_with_k(results: dict) -> None:
    for evidence in ("informational", "clause_evidence"):
        block = results["retrieval"][evidence]
        for retriever in ("hybrid", "dense_langchain", "bm25"):
            r = block[retriever]
            assert 0.0 <= r["recall@1"] <= r["recall@3"] <= r["recall@5"] <= 1.0
    assert results["retrieval"]["clause_evidence"]["clauses"] > 0


def test_answer_scores_are_counts_of_the_questions_asked(results: dict) -> None:
    answers = results["answers"]
    total = sum(s["engine"]["questions"] for s in answers["suites"].values())
    assert answers["all"]["engine"]["questions"] == total > 0
    for system in ("engine", "retrieve_and_quote"):
        row = answers["all"][system]
        assert 0 <= row["correct"] <= row["questions"]
        assert row["accuracy"] == pytest.approx(row["correct"] / row["questions"], abs=1e-4)
        assert 0 <= row["dangerous_errors"] <= row["gold_prohibited"]


def test_latency_throughput_and_memory_are_measured(results: dict) -> None:
    latency = results["api"]["latency"]
    for summary in (latency["ask"], latency["embed_query"], results["chat_http"]["latency"]):
        assert 0 < summary["p50_ms"] <= summary["p95_ms"] <= summary["p99_ms"] <= summary["max_ms"]
    for section in ("api", "chat_http"):
        levels = results[section]["throughput"]["levels"]
        assert [run["clients"] for run in levels] == [1, 2, 4]
        assert all(run["answers_per_s"] > 0 and run["requests"] > 0 for run in levels)
    memory = results["chat_http"]["memory_after_load"]
    assert 0 < memory["rss_mb"] <= memory["peak_rss_mb"]
    assert results["chat_http"]["serve_cold_start"]["median_s"] > 0
    assert results["ask_cold_start"]["median_s"] > 0
    assert results["eval_suite"]["wall_s"] > 0


def test_every_target_is_judged(results: dict) -> None:
    rows = results["targets"]
    assert [r["target"] for r in rows] == [t.name for t in TARGETS]
    for row in rows:
        assert row["status"] in ("pass", "miss"), row
        if row["status"] == "miss":
            assert row["miss_by"]
