"""The evaluation report: report.json, report.md, two PNG plots, and a terminal table."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from evals.metrics import Outcome

__all__ = [
    "failures",
    "mutation_line",
    "outcome_rows",
    "print_summary",
    "render_markdown",
    "write_report",
]

VERDICT_ORDER = (
    "prohibited",
    "depends",
    "not_prohibited",
    "informational",
    "out_of_scope",
    "error",
)
# (metric key, column title) for the per-suite tables.
COLUMNS = (
    ("n", "n"),
    ("verdict_accuracy", "accuracy"),
    ("single_accuracy", "singles"),
    ("turn_accuracy", "dialogue turns"),
    ("dangerous_errors", "dangerous"),
    ("lenient_errors", "lenient"),
    ("clause_recall", "clause recall"),
    ("clause_precision", "clause precision"),
    ("evidence_hit@1", "hit@1"),
    ("evidence_hit@3", "hit@3"),
    ("evidence_hit@5", "hit@5"),
    ("refusal_accuracy", "refusal"),
    ("clarification_rate", "asks open fact"),
    ("dialogue_success", "dialogues ok"),
)


# The terminal table keeps to 80 columns: rates in percent, without the sign.
TERMINAL_COLUMNS = (
    ("n", "n"),
    ("verdict_accuracy", "acc"),
    ("dangerous_errors", "danger"),
    ("clause_recall", "cite"),
    ("evidence_hit@3", "hit@3"),
    ("refusal_accuracy", "ref"),
    ("clarification_rate", "asks"),
)


def _cell(key: str, value: Any, sign: str = "%") -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{100 * value:.1f}{sign}"
    return str(value)


def _latency_cell(metrics: dict[str, Any], keys: Sequence[str] = ("p50", "p95", "p99")) -> str:
    lat = metrics.get("latency_ms") or {}
    return "/".join(f"{lat[k]:.0f}" for k in keys) if lat else "–"


def outcome_rows(outcomes: Sequence[Outcome]) -> list[dict[str, Any]]:
    """One compact row per question, for report.json (diffable between runs)."""
    return [
        {
            "id": o.target.id,
            "suite": o.target.suite,
            "gold": o.target.gold_verdict.value,
            "answered": o.predicted,
            "correct": o.correct,
            "gold_clauses": o.target.gold_clauses,
            "cited_clauses": o.cited_clauses,
            "asked": o.asked,
            "latency_ms": round(o.latency_ms, 2),
            **({"error": o.error} if o.error else {}),
            **({"readings": o.readings} if o.readings else {}),
        }
        for o in outcomes
    ]


def failures(outcomes: Sequence[Outcome], per_suite: int = 15) -> dict[str, list[dict[str, Any]]]:
    """The first wrong verdicts of each suite, with the question, for reading."""
    result: dict[str, list[dict[str, Any]]] = {}
    for o in outcomes:
        if o.correct:
            continue
        rows = result.setdefault(o.target.suite, [])
        if len(rows) < per_suite:
            rows.append(
                {
                    "id": o.target.id,
                    "question": o.target.question,
                    "gold": o.target.gold_verdict.value,
                    "answered": o.predicted,
                    **({"error": o.error} if o.error else {}),
                }
            )
    return result


def _table_md(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return lines


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _blind_section(report: dict[str, Any]) -> list[str]:
    """The blind sets lead: the latest one's first score (taken before any change it
    prompted) is the number to quote; today's score on each follows."""
    blind: dict[str, dict[str, Any]] = report.get("blind") or {}
    if not blind:
        return []
    out = [
        "## Blind sets: first scores",
        "",
        "Each set was written by a helper that read only POLICY_MODEL.md and the five "
        "articles, never the reader or the other datasets, and scored once before any "
        "change it prompted. The latest set's first score is the number to quote; after its "
        "first run a set is a development set.",
        "",
    ]
    header = ["set", "written", "first scored (commit)", "single questions", "dialogue turns",
              "dangerous", "lenient", "today: singles / turns"]
    rows: list[list[str]] = []
    suites = report["summary"]["suites"]
    for name in sorted(blind, key=lambda n: (len(n), n), reverse=True):
        info = blind[name]
        first = info.get("first_score") or {}
        now = suites.get(name, {})
        rows.append([
            f"**{name}**" if not rows else name,
            info.get("written", "–"),
            f"{first['date']} ({first['commit'][:9]})" if first else "not yet",
            f"{_pct(first.get('single_accuracy'))} of {first.get('singles', 0)}" if first else "–",
            f"{_pct(first.get('turn_accuracy'))} of {first.get('turns', 0)}" if first else "–",
            str(first.get("dangerous", "–")),
            str(first.get("lenient", "–")),
            f"{_pct(now.get('single_accuracy'))} / {_pct(now.get('turn_accuracy'))}",
        ])
    out += _table_md(header, rows)
    for name in sorted(blind, key=lambda n: (len(n), n), reverse=True):
        base = blind[name].get("baseline_score")
        if base:
            out.append(
                f"\n{name} on the earlier reader ({base['commit'][:9]}): singles "
                f"{_pct(base['single_accuracy'])}, turns {_pct(base['turn_accuracy'])}, "
                f"dangerous {base['dangerous']}, lenient {base['lenient']}."
            )
    return [*out, ""]


def render_markdown(report: dict[str, Any]) -> str:
    summary = report["summary"]
    out = [
        "# Evaluation report",
        "",
        *_blind_section(report),
        f"Backend `{report['backend']}`, {report['created']}; suites: {', '.join(report['suites_run'])}"
        + (f"; at most {report['limit']} questions per suite" if report.get("limit") else "")
        + f"; {report['seconds']:.1f} s.",
        "",
        "Dataset sizes (records): "
        + ", ".join(f"{k} {v}" for k, v in report["dataset_sizes"].items())
        + ". A dialogue is scored per turn.",
        "",
        "## Per suite",
        "",
    ]
    header = [title for _k, title in COLUMNS] + ["latency p50/p95/p99 ms"]
    rows = []
    for name, metrics in [*summary["suites"].items(), ("overall", summary["overall"])]:
        rows.append(
            [f"**{name}**" if name == "overall" else name]
            + [_cell(k, metrics.get(k)) for k, _t in COLUMNS]
            + [_latency_cell(metrics)]
        )
    out += _table_md(["suite", *header], rows)
    out += ["", "## Accuracy per gold verdict", ""]
    out += _table_md(
        ["verdict", "accuracy"], [[v, _cell("", a)] for v, a in summary["by_verdict"].items()]
    )
    out += [
        "",
        "## Confusion matrix (rows: gold, columns: answered)",
        "",
        "![confusion](confusion.png)",
        "",
    ]
    cols = [v for v in VERDICT_ORDER if any(v in row for row in summary["confusion"].values())]
    out += _table_md(
        ["gold \\ answered", *cols],
        [
            [gold, *(str(summary["confusion"][gold].get(c, 0)) for c in cols)]
            for gold in VERDICT_ORDER
            if gold in summary["confusion"]
        ],
    )
    out += ["", "## Latency", "", "![latency](latency.png)", ""]
    out += ["## Fact readings that agree with the gold facts (diagnostic)", ""]
    out += _table_md(
        ["fact", "agreement"], [[f, _cell("", a)] for f, a in summary["fact_agreement"].items()]
    )
    out += _readers_md(summary.get("reader_facts") or {})
    out += ["", "## Dangerous errors (gold prohibited, answered not_prohibited)", ""]
    out += [f"- {i}" for i in summary["dangerous"]] or ["None."]
    out += ["", "## Lenient errors (gold prohibited or depends, answered not_prohibited)", ""]
    out += [f"- {i}" for i in summary.get("lenient", [])] or ["None."]
    out += ["", "## Canonical cases answered wrong", ""]
    out += [f"- {i}" for i in summary["canonical_wrong"]] or ["None."]
    out += _mutation_md(report.get("mutation"))
    if report.get("gate"):
        gate = report["gate"]
        out += ["", "## Gate", "", "Passed." if gate["passed"] else "FAILED:"]
        out += [f"- {r}" for r in gate["reasons"]] + [f"- note: {n}" for n in gate["notes"]]
    out += ["", "## First wrong answers per suite", ""]
    for suite, rows_ in report["failures"].items():
        out += [f"### {suite}", ""]
        out += _table_md(
            ["id", "gold", "answered", "question"],
            [[r["id"], r["gold"], r["answered"], r["question"].replace("|", "/")] for r in rows_],
        )
        out.append("")
    return "\n".join(out) + "\n"


def mutation_line(mutation: dict[str, Any]) -> str:
    scored = mutation["mutants"] - len(mutation["equivalent"])
    return (f"mutation score {_pct(mutation['score'])}: {mutation['killed']} of {scored} mutants "
            f"of the declared rules killed by {mutation['cases']:,} distinct gold fact sets")


def _mutation_md(mutation: dict[str, Any] | None) -> list[str]:
    """Would the suites notice a wrong rule? (evals.mutation)"""
    if not mutation:
        return []
    out = ["", "## Mutation testing of the declared rules", "",
           f"M{mutation_line(mutation)[1:]} (each mutant: one condition of one rule dropped, "
           "a value flipped, or and/or swapped; killed when a case gets another verdict or "
           "other deciding clauses). It must stay at 100%.", ""]
    rows = [[kind, f"{k} / {n}"] for kind, (k, n) in sorted(mutation["by_kind"].items())]
    out += _table_md(["mutation", "killed / mutants"], rows)
    out += ["", "Surviving mutants:", ""]
    out += [f"- {d}" for d in mutation["survivors"]] or ["None."]
    if mutation["equivalent"]:
        out += ["", "Equivalent mutants (they change no combination of facts; not scored):", ""]
        out += [f"- {d}" for d in mutation["equivalent"]]
    return out


def _readers_table(readers: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    header = ["fact", "readers agree", *(f"{who} vs gold" for who in readers["readers"])]
    rows = [
        [name, _cell("", share), *(_cell("", readers["accuracy"][who][name]) for who in readers["readers"])]
        for name, share in readers["agreement"].items()
    ]
    return header, rows


def _readers_md(readers: dict[str, Any]) -> list[str]:
    """Per fact: how often the two readers agree, and how often each matches the gold facts."""
    if not readers:
        return []
    header, rows = _readers_table(readers)
    return [
        "",
        f"## The readers compared ({readers['n']} verdict questions with gold facts)",
        "",
        *_table_md(header, rows),
    ]


def _plot_confusion(confusion: dict[str, dict[str, int]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    golds = [v for v in VERDICT_ORDER if v in confusion]
    answered = [v for v in VERDICT_ORDER if any(v in row for row in confusion.values())]
    grid = [[confusion[g].get(a, 0) for a in answered] for g in golds]
    # Shade by share of the row: the grid suite would otherwise drown the small suites.
    shares = [[n / (sum(row) or 1) for n in row] for row in grid]
    fig, ax = plt.subplots(figsize=(1.6 * len(answered) + 2, 1.1 * len(golds) + 1.5))
    ax.imshow(shares, cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(len(answered)), labels=answered, rotation=30, ha="right")
    ax.set_yticks(range(len(golds)), labels=golds)
    ax.set_xlabel("answered")
    ax.set_ylabel("gold")
    top = max((max(r) for r in grid if r), default=0)
    for i, row in enumerate(grid):
        for j, n in enumerate(row):
            ax.text(
                j, i, str(n), ha="center", va="center", color="white" if n > top / 2 else "black"
            )
    ax.set_title("Verdict confusion matrix")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _plot_latency(values: Sequence[float], latency: dict[str, float], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4))
    ax.hist(values, bins=50, color="#4477aa")
    for key, style in (("p50", "--"), ("p95", ":")):
        if key in latency:
            ax.axvline(
                latency[key], color="black", linestyle=style, label=f"{key} {latency[key]:.0f} ms"
            )
    ax.set_xlabel("answer latency (ms)")
    ax.set_ylabel("questions")
    ax.set_title("Latency per answer")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_report(out: Path, report: dict[str, Any], outcomes: Sequence[Outcome]) -> list[Path]:
    """report.json (with every outcome), report.md, confusion.png, latency.png."""
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "report.json", out / "report.md", out / "confusion.png", out / "latency.png"]
    # One outcome a line keeps report.json small and diffable.
    rows = ",\n".join(json.dumps(r, ensure_ascii=False) for r in outcome_rows(outcomes))
    text = json.dumps({**report, "outcomes": "OUTCOMES"}, indent=1, ensure_ascii=False)
    text = text.replace('"OUTCOMES"', f"[\n{rows}\n]")
    paths[0].write_text(text + "\n", encoding="utf-8")
    paths[1].write_text(render_markdown(report), encoding="utf-8")
    _plot_confusion(report["summary"]["confusion"], paths[2])
    _plot_latency(
        [o.latency_ms for o in outcomes],
        report["summary"]["overall"].get("latency_ms", {}),
        paths[3],
    )
    return paths


def print_summary(report: dict[str, Any], console: Console) -> None:
    from rich import box

    summary = report["summary"]
    title = f"policyqa eval, {report['backend']} backend (rates in %)"
    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    table.add_column("suite", no_wrap=True)
    for _k, header in TERMINAL_COLUMNS:
        table.add_column(header, justify="right", no_wrap=True)
    table.add_column("p50/95ms", justify="right", no_wrap=True)
    for name, metrics in [*summary["suites"].items(), ("overall", summary["overall"])]:
        style = "bold" if name == "overall" else None
        cells = [_cell(k, metrics.get(k), sign="") for k, _t in TERMINAL_COLUMNS]
        table.add_row(name, *cells, _latency_cell(metrics, ("p50", "p95")), style=style)
    console.print(table)
    if report.get("mutation"):
        console.print(mutation_line(report["mutation"]))
    readers = summary.get("reader_facts") or {}
    if readers:
        columns, rows = _readers_table(readers)
        facts = Table(title=f"readers per fact, {readers['n']} questions (%)", box=box.SIMPLE_HEAD,
                      pad_edge=False, collapse_padding=True)  # fmt: skip
        for i, column in enumerate(columns):
            facts.add_column(column, justify="left" if i == 0 else "right", no_wrap=True)
        for row in rows:
            facts.add_row(*(cell.rstrip("%") for cell in row))
        console.print(facts)
