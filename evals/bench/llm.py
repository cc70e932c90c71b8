"""`policyqa bench --backend llm`: the configured model endpoint, in each LLM mode, on the
canonical questions: time to first token and latency per answer, prompt and completion
tokens, whether the reply matched the response schema, and whether the verdict is the rules'
on the answer's facts. Writes `llm.json`; prints one table per mode and a summary.

Nothing here judges the model's reading (that is `policyqa eval --backend llm`): these are
the costs of an answer and the checks that hold whatever the model reads.
"""

from __future__ import annotations

import json
import math
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evals.bench.machine import machine_info
from evals.datasets import load_suite
from evals.oracle import Verdict, decide

if TYPE_CHECKING:
    from rich.console import Console

    from rag.assistant import PolicyAssistant
    from rag.models import Answer
    from rag.settings import Settings

__all__ = ["MODES", "run_llm_bench"]

MODES = ("facts", "answer")
_VERDICTS = (Verdict.prohibited, Verdict.depends, Verdict.not_prohibited)
# Asked once per mode before the timed questions: the model loads, the server builds the
# grammar of the schema (not one of the measured questions).
WARM_UP = "Can a city council use face recognition on its own staff photos?"


def _ask(assistant: PolicyAssistant, question: str) -> tuple[Answer, float | None, float]:
    """The Answer, seconds to its first text piece, seconds in all (measured here)."""
    from rag.models import Answer

    started = time.perf_counter()
    first: float | None = None
    answer: Answer | None = None
    for item in assistant.stream(question):
        if isinstance(item, Answer):
            answer = item
        elif first is None and item:
            first = time.perf_counter() - started
    assert answer is not None
    return answer, first, time.perf_counter() - started


def _cl100k_prompt(mode: str, question: str) -> int | None:
    """The facts call's prompt in cl100k tokens, as the budget is set (the server's count is
    in its model's own tokens, chat template included). None in answer mode: its passages
    depend on retrieval."""
    if mode != "facts":
        return None
    from rag.llm.budget import count_tokens
    from rag.llm.chain import prompt_text
    from rag.llm.facts_call import facts_inputs

    return count_tokens(prompt_text("facts", **facts_inputs(question, [])))


def _row(
    mode: str, record: Any, answer: Answer, first: float | None, total: float
) -> dict[str, Any]:
    usage = answer.usage or {}
    rules_ok = (
        answer.verdict is decide(answer.fact_model()).verdict
        if answer.verdict in _VERDICTS
        else None
    )
    return {
        "id": record.id,
        "question": record.question,
        "gold": record.gold_verdict.value,
        "verdict": answer.verdict.value,
        "backend": answer.backend,
        "prompt_tokens": usage.get("prompt_tokens"),
        "prompt_tokens_cl100k": _cl100k_prompt(mode, record.question),
        "completion_tokens": usage.get("completion_tokens"),
        "usage_estimated": bool(usage.get("usage_estimated")),
        "schema_valid": usage.get("schema_valid"),
        "first_token_s": round(first, 3) if first is not None else None,
        "total_s": round(total, 3),
        "rules_verdict": rules_ok,
        "disagreements": [d.fact for d in answer.disagreements],
        "deciding": [d.fact for d in answer.disagreements if d.decides],
        "notices": len(answer.notices),
    }


def _nearest_rank(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(len(ordered) * q / 100) - 1)]


def _summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    def p(key: str, q: float) -> float | None:
        values = [r[key] for r in rows if r[key] is not None]
        return round(_nearest_rank(values, q), 3) if values else None

    return {
        "answers": len(rows),
        "by_model": sum(r["backend"] == "llm" for r in rows),
        "schema_valid": sum(r["schema_valid"] == 1 for r in rows),
        "rules_verdict": sum(r["rules_verdict"] is not False for r in rows),
        "prompt_tokens_p50": p("prompt_tokens", 50),
        "prompt_tokens_max": max((r["prompt_tokens"] or 0 for r in rows), default=0),
        "first_token_s_p50": p("first_token_s", 50),
        "first_token_s_max": p("first_token_s", 100),
        "total_s_p50": p("total_s", 50),
        "total_s_max": p("total_s", 100),
    }


def _mode_run(
    settings: Settings, mode: str, records: list[Any], console: Console
) -> dict[str, Any]:
    from rag.assistant import PolicyAssistant

    assistant = PolicyAssistant.from_settings(
        settings.model_copy(update={"backend": "llm", "llm_mode": mode}), progress=False
    )
    console.print(f"bench llm: {mode} mode, warming up…")
    _ask(assistant, WARM_UP)
    rows = []
    for n, record in enumerate(records, 1):
        answer, first, total = _ask(assistant, record.question)
        rows.append(_row(mode, record, answer, first, total))
        console.print(
            f"bench llm: {mode} {n}/{len(records)} {record.id}: {total:.1f} s, "
            f"{rows[-1]['prompt_tokens']} prompt tokens, {answer.verdict.value}"
        )
    capability = getattr(assistant.backend, "capability", None)
    return {
        "mode": mode,
        "structured_output": capability.accepted if capability is not None else None,
        "rows": rows,
        "summary": _summary(rows),
    }


def _print(results: dict[str, Any], console: Console) -> None:
    from rich import box
    from rich.table import Table

    for run in results["modes"]:
        table = Table(
            title=f"{run['mode']} mode ({run['structured_output'] or 'no'} structured output)",
            box=box.SIMPLE_HEAD,
        )
        for column in ("#", "prompt tok", "cl100k", "compl. tok", "first token s", "total s",
                       "schema", "verdict", "rules", "readers disagree"):  # fmt: skip
            table.add_column(column, justify="left" if column in ("#", "verdict") else "right")
        for r in run["rows"]:
            table.add_row(
                r["id"].removeprefix("canonical-"),
                str(r["prompt_tokens"]) + ("*" if r["usage_estimated"] else ""),
                str(r.get("prompt_tokens_cl100k") or "–"),
                str(r["completion_tokens"]),
                f"{r['first_token_s']:.2f}" if r["first_token_s"] is not None else "–",
                f"{r['total_s']:.2f}",
                {1: "valid", 0: "INVALID"}.get(r["schema_valid"], "–"),
                r["verdict"] + ("" if r["backend"] == "llm" else f" ({r['backend']})"),
                {True: "yes", False: "NO", None: "–"}[r["rules_verdict"]],
                ", ".join(f + ("!" if f in r["deciding"] else "") for f in r["disagreements"])
                or "–",
            )  # fmt: skip
        console.print(table)
        s = run["summary"]
        console.print(
            f"{run['mode']}: {s['by_model']}/{s['answers']} answered by the model, "
            f"{s['schema_valid']} schema-valid, {s['rules_verdict']} with the rules' verdict; "
            f"prompt tokens p50 {s['prompt_tokens_p50']} (max {s['prompt_tokens_max']}); "
            f"first token p50 {s['first_token_s_p50']} s; answer p50 {s['total_s_p50']} s "
            f"(max {s['total_s_max']} s)"
        )
    console.print("(prompt tok: as the server counts them, in its model's tokens; cl100k: the "
                  "facts prompt as our budget counts it; * the server reported none; "
                  "'!': a disagreement the verdict turns on)")  # fmt: skip


def run_llm_bench(
    settings: Settings,
    *,
    out: Path,
    modes: tuple[str, ...] = MODES,
    suite: str = "canonical",
    limit: int | None = None,
) -> int:
    """0 when every mode ran; the numbers are reported, not judged."""
    from rich.console import Console

    from rag.llm.provider import LLMConfigError, resolve_endpoint

    console = Console(stderr=True)
    try:
        endpoint = resolve_endpoint(settings)
    except LLMConfigError as exc:
        console.print(f"[red]error:[/] {exc}")
        return 2
    records = load_suite(suite)[:limit]
    results: dict[str, Any] = {
        "command": "policyqa bench --backend llm",
        "machine": machine_info(),
        "endpoint": {"url": endpoint.url, "model": endpoint.model},
        "suite": suite,
        "modes": [],
    }
    for mode in modes:
        results["modes"].append(_mode_run(settings, mode, records, console))
    out.mkdir(parents=True, exist_ok=True)
    path = out / "llm.json"
    path.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    _print(results, Console())
    console.print(f"bench llm: wrote {path}")
    return 0
