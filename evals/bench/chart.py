"""chart.png: latency against its floor and targets, recall@5 per retriever, verdict accuracy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["write_chart"]

COLOURS = {"ours": "#4f46e5", "base1": "#94a3b8", "base2": "#cbd5e1"}


def write_chart(results: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3, figsize=(15, 4.6))
    _latency(axes[0], results)
    _recall(axes[1], results)
    _accuracy(axes[2], results)
    m = results["machine"]
    fig.suptitle(
        f"policyqa bench: {m['cores']} cores, {m['cpu_model']}, {m['date'][:10]}"
        + (" (quick)" if results.get("quick") else ""),
        fontsize=11,
    )
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _latency(ax: Any, r: dict[str, Any]) -> None:
    bars: list[tuple[str, float, str]] = []
    lat = r.get("api", {}).get("latency")
    if lat:
        bars += [
            ("embed query\n(floor) p50", lat["embed_query"]["p50_ms"], COLOURS["base1"]),
            ("answer p50\nPython API", lat["ask"]["p50_ms"], COLOURS["ours"]),
            ("answer p95\nPython API", lat["ask"]["p95_ms"], COLOURS["ours"]),
        ]
    http = r.get("chat_http", {}).get("latency")
    if http:
        bars += [
            ("answer p50\nchat HTTP", http["p50_ms"], COLOURS["ours"]),
            ("answer p95\nchat HTTP", http["p95_ms"], COLOURS["ours"]),
        ]
    if not bars:
        ax.set_axis_off()
        return
    labels, values, colours = zip(*bars, strict=True)
    ax.bar(labels, values, color=colours)
    ax.set_yscale("log")
    from matplotlib.ticker import LogLocator, ScalarFormatter

    ax.yaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
    ax.yaxis.set_major_formatter(ScalarFormatter())
    ax.yaxis.set_minor_formatter(ScalarFormatter(useOffset=False))
    ax.yaxis.set_minor_locator(LogLocator(subs=()))
    ax.axhline(25, color="#16a34a", linestyle="--", linewidth=1, label="target: API p50 25 ms")
    ax.axhline(300, color="#dc2626", linestyle=":", linewidth=1, label="target: HTTP p50 300 ms")
    for i, v in enumerate(values):
        ax.text(i, v * 1.08, f"{v:.1f}", ha="center", fontsize=8)
    ax.set_ylabel("milliseconds (log)")
    ax.set_title("Warm answer latency")
    ax.legend(fontsize=7, loc="upper left")
    ax.tick_params(axis="x", labelsize=7)


def _grouped(
    ax: Any, groups: list[str], series: list[tuple[str, list[float], str]], title: str
) -> None:
    width = 0.8 / max(len(series), 1)
    for i, (label, values, colour) in enumerate(series):
        xs = [g + (i - (len(series) - 1) / 2) * width for g in range(len(groups))]
        ax.bar(xs, values, width, label=label, color=colour)
        for x, v in zip(xs, values, strict=True):
            ax.text(x, v + 0.01, f"{v:.2f}", ha="center", fontsize=7)
    ax.set_xticks(range(len(groups)), groups)
    ax.set_ylim(0, 1.3)
    ax.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    ax.set_title(title)
    ax.legend(fontsize=7, loc="upper center", ncol=len(series), frameon=False)


def _recall(ax: Any, r: dict[str, Any]) -> None:
    retrieval = r.get("retrieval")
    if not retrieval:
        ax.set_axis_off()
        return
    groups = [g for g in ("informational", "clause_evidence") if g in retrieval]
    series = [
        (label, [retrieval[g][key]["recall@5"] for g in groups], colour)
        for key, label, colour in (
            ("hybrid", "hybrid (ours)", COLOURS["ours"]),
            ("dense_langchain", "dense (LangChain Chroma)", COLOURS["base1"]),
            ("bm25", "BM25 only", COLOURS["base2"]),
        )
    ]
    _grouped(ax, [g.replace("_", " ") for g in groups], series, "Evidence recall@5")


def _accuracy(ax: Any, r: dict[str, Any]) -> None:
    answers = r.get("answers")
    if not answers:
        ax.set_axis_off()
        return
    names = [*answers["suites"], "all"]
    rows = [*answers["suites"].values(), answers["all"]]
    groups = [
        f"{name}\n{row['engine']['dangerous_errors']} vs {row['retrieve_and_quote']['dangerous_errors']} dangerous"
        for name, row in zip(names, rows, strict=True)
    ]
    series = [
        ("offline engine (rules)", [row["engine"]["accuracy"] for row in rows], COLOURS["ours"]),
        (
            "retrieve-and-quote",
            [row["retrieve_and_quote"]["accuracy"] for row in rows],
            COLOURS["base1"],
        ),
    ]
    _grouped(ax, groups, series, "Verdict accuracy (and dangerous errors)")
    ax.tick_params(axis="x", labelsize=7)
