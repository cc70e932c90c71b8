"""The bench's outputs: rich tables on the terminal, Markdown for the README, results.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

__all__ = ["markdown", "print_tables", "write_json"]

RETRIEVERS = (
    ("hybrid", "hybrid (ours)"),
    ("dense_langchain", "dense: LangChain Chroma"),
    ("bm25", "BM25 only"),
)
SYSTEMS = (("engine", "offline engine (rules)"), ("retrieve_and_quote", "retrieve-and-quote"))


def _fmt(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "s":
        return f"{value:.2f} s"
    return f"{value:.2f}" if value % 1 else f"{value:.0f}"


def _rows(results: dict[str, Any]) -> dict[str, list[list[str]]]:
    """Every table as rows of strings (shared by the terminal and the Markdown)."""
    tables: dict[str, list[list[str]]] = {}
    retrieval = results.get("retrieval", {})
    tables["retrieval"] = [
        [
            evidence.replace("_", " "),
            label,
            *(f"{retrieval[evidence][key][f'recall@{k}']:.2f}" for k in (1, 3, 5)),
        ]
        for evidence in ("informational", "clause_evidence")
        if evidence in retrieval
        for key, label in RETRIEVERS
    ]
    answers = results.get("answers", {})
    tables["answers"] = [
        [
            suite,
            label,
            f"{row[key]['accuracy']:.1%}",
            str(row[key]["dangerous_errors"]),
            str(row[key]["questions"]),
        ]
        for suite, row in [
            *answers.get("suites", {}).items(),
            *([("all", answers["all"])] if "all" in answers else []),
        ]
        for key, label in SYSTEMS
    ]
    tables["speed"] = _speed_rows(results)
    tables["targets"] = [
        [
            t["target"],
            _fmt(t["measured"], t["unit"]) if "measured" in t else "-",
            f"{t['op']} {_fmt(t['limit'], t['unit'])}" if "limit" in t else "-",
            t["status"]
            + (f": {t['miss_by']}" if "miss_by" in t else "")
            + (f" ({t['note']})" if "note" in t else ""),
        ]
        for t in results.get("targets", [])
    ]
    return tables


def _speed_rows(r: dict[str, Any]) -> list[list[str]]:
    rows: list[list[str]] = []
    ing = r.get("ingest", {})
    if "cold_ingest_s" in ing:
        rows += [
            ["cold ingest of corpus/ (chunks)", f"{ing['cold_ingest_s']:.2f} s ({ing['chunks']})"],
            [
                "embedding the same chunks alone (cold / warm)",
                f"{ing['embed_only_cold_s']:.2f} s / {ing['embed_only_warm_s']:.2f} s",
            ],
            ["warm re-ingest (nothing changed)", f"{ing['warm_reingest_s']:.2f} s"],
        ]
    lat = r.get("api", {}).get("latency", {})
    if lat:
        a, e = lat["ask"], lat["embed_query"]
        rows += [
            [
                "answer, Python API p50 / p95 / p99",
                f"{a['p50_ms']:.1f} / {a['p95_ms']:.1f} / {a['p99_ms']:.1f} ms",
            ],
            ["query embedding alone p50 / p95", f"{e['p50_ms']:.1f} / {e['p95_ms']:.1f} ms"],
            [
                "answer, same questions again (query vectors cached) p50",
                f"{lat['ask_repeated_question']['p50_ms']:.1f} ms",
            ],
        ]
    http = r.get("chat_http", {})
    if "latency" in http:
        h = http["latency"]
        rows.append(
            [
                "answer, chat HTTP /ask (gradio_client) p50 / p95 / p99",
                f"{h['p50_ms']:.1f} / {h['p95_ms']:.1f} / {h['p99_ms']:.1f} ms",
            ]
        )
    if "latency_raw_httpx" in http:
        h = http["latency_raw_httpx"]
        rows.append(
            [
                "answer, chat HTTP /ask (plain httpx: POST + event stream) p50 / p95",
                f"{h['p50_ms']:.1f} / {h['p95_ms']:.1f} ms",
            ]
        )
    for section, key, label in (
        ("api", "throughput", "Python API"),
        ("chat_http", "throughput", "chat HTTP (gradio_client)"),
        ("chat_http", "throughput_raw_httpx", "chat HTTP (plain httpx)"),
    ):
        levels = r.get(section, {}).get(key, {}).get("levels", [])
        if levels:
            rows.append(
                [
                    f"answers/s with 1 / 2 / 4 clients, {label}",
                    " / ".join(f"{run['answers_per_s']:.1f}" for run in levels),
                ]
            )
    from evals.bench.cli_timing import BEFORE_ISSUE_14 as before

    if "median_s" in r.get("help_cold_start", {}):
        rows.append(
            [
                "cold start: policyqa --help (median)",
                f"{r['help_cold_start']['median_s']:.2f} s (before issue 14: {before['help_s']:.2f} s)",
            ]
        )
    if "ask_cold_start" in r and "median_s" in r["ask_cold_start"]:
        rows.append(
            [
                "cold start: policyqa ask (median)",
                f"{r['ask_cold_start']['median_s']:.2f} s (before issue 14: {before['ask_s']:.2f} s)",
            ]
        )
    if "median_s" in r.get("ask_first_run", {}):
        rows.append(
            [
                "first policyqa ask after installing (empty user cache)",
                f"{r['ask_first_run']['median_s']:.2f} s",
            ]
        )
    if "serve_cold_start" in http:
        rows.append(
            [
                "cold start: policyqa serve until HTTP 200 (median)",
                f"{http['serve_cold_start']['median_s']:.2f} s",
            ]
        )
    if "memory_after_load" in http:
        rows.append(
            [
                "served app RSS after ready / peak after load",
                f"{http['memory_after_ready']['rss_mb']:.0f} / {http['memory_after_load']['peak_rss_mb']:.0f} MB",
            ]
        )
    ev = r.get("eval_suite", {})
    if "wall_s" in ev:
        rows.append([f"eval suite runtime ({ev['command']})", f"{ev['wall_s']:.1f} s"])
    return rows


HEADERS = {
    "retrieval": ["evidence", "retriever", "recall@1", "recall@3", "recall@5"],
    "answers": ["suite", "system", "verdict accuracy", "dangerous errors", "questions"],
    "speed": ["measure", "value"],
    "targets": ["target", "measured", "target", "result"],
}
TITLES = {
    "retrieval": "Retrieval: evidence recall@k",
    "answers": "Answers: verdict accuracy",
    "speed": "Speed and memory",
    "targets": "Targets",
}


def print_tables(results: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=False)
    m = results["machine"]
    console.print(
        f"[bold]policyqa bench[/] on {m['cores']} cores, {m['cpu_model']}, "
        f"Python {m['python']}, {m['date']}{' (quick)' if results.get('quick') else ''}; "
        f"other processes kept {m.get('other_processes_cores_busy', '?')} cores busy on average"
    )
    for name, rows in _rows(results).items():
        if not rows:
            continue
        table = Table(title=TITLES[name], title_justify="left")
        for header in HEADERS[name]:
            table.add_column(header)
        for row in rows:
            style = None
            if name == "targets":
                result = row[-1]
                style = (
                    "red"
                    if result.startswith("miss")
                    else "yellow"
                    if "(" in result or not result.startswith("pass")
                    else "green"
                )
            table.add_row(*row, style=style)
        console.print(table)
    for name, error in results.get("errors", {}).items():
        console.print(f"[red]section {name} failed:[/] {error}")


def markdown(results: dict[str, Any]) -> str:
    """The README's Performance tables, from a results.json."""
    m = results["machine"]
    parts = [
        f"Measured on {m['cores']} cores ({m['cpu_model']}), {m.get('memory_mb', '?')} MB RAM, "
        f"Python {m['python']}, {m['date'][:10]}; other processes kept "
        f"{m.get('other_processes_cores_busy', '?')} cores busy on average during the run."
    ]
    for name, rows in _rows(results).items():
        if not rows:
            continue
        head = HEADERS[name]
        parts.append(
            f"**{TITLES[name]}**\n\n| "
            + " | ".join(head)
            + " |\n|"
            + "---|" * len(head)
            + "\n"
            + "\n".join("| " + " | ".join(row) + " |" for row in rows)
        )
    return "\n\n".join(parts) + "\n"


def write_json(results: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":  # python -m evals.bench.report [results.json]: the README tables
    import sys

    source = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).with_name("results.json"))
    print(markdown(json.loads(source.read_text(encoding="utf-8"))))
