"""Terminal rendering for the CLI (rich): streamed answer text, then verdict, sources, facts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from rag.models import Answer

if TYPE_CHECKING:
    from rich.console import Console

    from rag.retrieval import Hit

__all__ = ["print_answer", "print_hits", "stream_to_console"]

VERDICT_STYLE = {
    "prohibited": ("PROHIBITED", "bold white on red"),
    "depends": ("DEPENDS", "bold black on yellow"),
    "not_prohibited": ("NOT PROHIBITED BY THESE CLAUSES", "bold white on green"),
    "informational": ("INFORMATION", "bold white on blue"),
    "out_of_scope": ("OUT OF SCOPE", "bold white on grey37"),
}


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def stream_to_console(stream: Iterator[str | Answer] | Iterable[str | Answer]) -> Answer | None:
    """Print text pieces as they arrive; return the final Answer."""
    console = _console()
    final: Answer | None = None
    for item in stream:
        if isinstance(item, Answer):
            final = item
        else:
            console.print(item, end="", markup=False)
    console.print()
    return final


def print_answer(answer: Answer) -> None:
    """Everything but the text (already streamed): verdict, sources, facts, questions."""
    from rich.table import Table

    console = _console()
    label, style = VERDICT_STYLE[answer.verdict]
    console.print(f"[{style}] {label} [/]  backend: {answer.backend}"
                  f"  ({answer.timings.get('total', 0):.0f} ms)")
    if answer.clauses:
        console.print("deciding clauses: " + ", ".join(answer.clauses))
    for notice in answer.notices:
        console.print(f"[yellow]notice:[/] {notice}", markup=True)
    if answer.check and answer.check.status == "disagrees":
        console.print(f"[bold red]the model said {answer.check.model_verdict}; the rules say "
                      f"{answer.check.rule_verdict}[/]")
    for d in answer.disagreements:
        readings = ", ".join(f"{who} {value}" for who, value in d.readings.items())
        what = "decides the verdict: asked below" if d.decides else "the verdict is the same either way"
        console.print(f"[bold yellow]readers disagree:[/] {d.fact} ({readings}); {what}",
                      markup=True)
    if answer.citations:
        table = Table(title="Sources", show_lines=False, expand=True)
        for col in ("#", "kind", "title / clause", "quote"):
            table.add_column(col, overflow="fold")
        for c in answer.citations:
            where = c.clause_id or f"{c.title} ({c.publisher or 'publisher not stated'}, {c.date or 'n.d.'})"
            table.add_row(str(c.number), c.kind, where, c.quote)
        console.print(table)
    known = [f for f in answer.facts if f.value != "unknown"]
    if known:
        console.print("understood: " + "; ".join(
            f"{f.name}={f.value}" + (f" (“{f.span.text}”)" if f.span else "") for f in known))
    for q in answer.clarifying_questions:
        console.print(f"[bold]?[/] {q.question}  " + " | ".join(o.label for o in q.options))


def print_hits(hits: list[Hit]) -> None:
    """One block per chunk: rank, score, provenance, then the text (readable at any width)."""
    console = _console()
    for rank, h in enumerate(hits, 1):
        c = h.chunk
        label = c.clause_id or c.title
        console.print(f"[bold]{rank}.[/] {h.score:.4f}  [cyan]{c.kind}[/]  {c.source}  "
                      f"[dim]chars {c.start}-{c.end}[/]")
        console.print(f"   {label}", style="bold", markup=False)
        console.print(f"   {c.text}", markup=False)
