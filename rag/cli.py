"""The `policyqa` command: a thin layer over ingest, rag, ui and evals.

Heavy modules are imported inside each command so that `policyqa --help` and
`policyqa ask` stay fast. Status goes to stderr; data (JSON) to stdout.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

if TYPE_CHECKING:  # pydantic costs a tenth of a second: not for --help
    from rag.settings import Settings

if TYPE_CHECKING:
    from rag.models import Answer, Turn

app = typer.Typer(
    name="policyqa",
    help=(
        "Answers questions about the Azure OpenAI Service Code of Conduct on facial "
        "recognition and law enforcement: a verdict, the clause it rests on, citations.\n\n"
        "Configuration comes from environment variables or a .env file (see README)."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _settings() -> Settings:
    from pydantic import ValidationError

    from rag.settings import Settings

    try:
        return Settings()
    except ValidationError as exc:  # a bad POLICYQA_PORT=abc: one line per variable
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise _fail(f"bad setting ({problems})") from None


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(code)


@app.command()
def ingest(
    paths: Annotated[
        Optional[list[Path]],  # noqa: UP045 - typer needs Optional here
        typer.Argument(help="Files or folders to ingest. Default: the shipped corpus/."),
    ] = None,
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = True,
) -> None:
    """Load, clean, chunk, embed and upsert documents into Chroma (idempotent).

    Markdown (with front matter), plain text, HTML and PDF are read; other files are
    skipped with a warning. Re-running on unchanged files adds nothing; a changed file
    replaces its chunks; a file removed from a folder loses its chunks.
    """
    from ingest.errors import IngestError
    from ingest.pipeline import run_ingest

    settings = _settings()
    try:
        report = run_ingest(settings, list(paths) if paths else None, progress=progress)
    except IngestError as exc:
        raise _fail(str(exc)) from exc
    typer.echo(report.summary(), err=True)
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="What to look for.")],
    k: Annotated[int, typer.Option("--k", min=1, max=50, help="How many chunks.")] = 5,
    kind: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Only chunks of this kind: policy, news or document."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show the chunks nearest to QUERY (hybrid dense + BM25) with their metadata."""
    from ingest.errors import IngestError
    from rag.retrieval import Retriever

    settings = _settings()
    if not query.strip():
        raise _fail("the query is empty")
    try:
        retriever = Retriever.from_settings(settings, ensure_index=True)
        hits = retriever.search(query, k=k, kind=kind)
    except IngestError as exc:
        raise _fail(str(exc)) from exc
    if as_json:
        typer.echo(json.dumps([h.as_json() for h in hits], indent=2, ensure_ascii=False))
        return
    from rag.render import print_hits

    print_hits(hits)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The question, in quotes.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the Answer as JSON.")] = False,
    history: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            help='Earlier turns: a JSON list of {"role": "user"|"assistant", "content": ...}.'
        ),
    ] = None,
    backend: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="offline (default) or llm; overrides POLICYQA_BACKEND."),
    ] = None,
    record: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            help="Also write a decision record of the answer to this file: Markdown (.md), "
            "JSON (.json) or a printable HTML page (.html), from its suffix."
        ),
    ] = None,
) -> None:
    """Answer QUESTION with a verdict, the deciding clauses and citations."""
    from ingest.errors import IngestError
    from rag.assistant import PolicyAssistant
    from rag.errors import QuestionError
    from rag.models import Turn

    if record is not None:
        from rag.record import record_format

        try:
            record_format(record)
        except ValueError as exc:
            raise _fail(str(exc)) from exc
    settings = _settings()
    if backend:
        settings = settings.model_copy(update={"backend": backend})
    turns: list[Turn] | None = None
    if history is not None:
        try:
            raw = json.loads(history.read_text(encoding="utf-8"))
            turns = [Turn.model_validate(t) for t in raw]
        except (OSError, ValueError) as exc:
            raise _fail(f"cannot read history {history}: {exc}") from exc
    try:
        assistant = PolicyAssistant.from_settings(settings)
        final: Answer | None
        if as_json:
            final = assistant.ask(question, history=turns)
            typer.echo(final.model_dump_json(indent=2))
        else:
            from rag.render import print_answer, stream_to_console

            final = stream_to_console(assistant.stream(question, history=turns))
            if final is not None:
                print_answer(final)
        if record is not None and final is not None:
            _write_record(final, turns or [], record)
    except QuestionError as exc:
        raise _fail(str(exc)) from exc
    except IngestError as exc:
        raise _fail(str(exc)) from exc


def _write_record(answer: Answer, turns: list[Turn], path: Path) -> None:
    from rag.record import write_record

    try:
        write_record(answer.record(history=turns), path)
    except OSError as exc:
        raise _fail(f"cannot write the record to {path}: {exc.strerror or exc}") from exc
    typer.echo(f"record written to {path}", err=True)


@app.command()
def review(
    file: Annotated[
        Path,
        typer.Argument(help="Use cases: a .csv with a `question` column (and optional `id`), "
                       'or a .jsonl of {"question": ..., "id": ...} objects.'),
    ],
    out: Annotated[Path, typer.Option(help="Where the table and the records go.")] = Path(
        "review"
    ),
    record_format: Annotated[
        str, typer.Option("--format", help="Format of the record per row: html, md or json.")
    ] = "html",
    backend: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="offline (default) or llm; overrides POLICYQA_BACKEND."),
    ] = None,
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = True,
) -> None:
    """Answer every use case in FILE: a table (OUT/review.csv, OUT/review.html: id,
    question, verdict, deciding clauses, open facts) and one decision record per row
    (OUT/records/).

    A row that cannot be answered (empty, too long, not English, unreadable) is reported
    in its row and the run goes on. Exit status 1 only if no row could be answered.
    """
    from rag.review.command import run_review_command

    settings = _settings()
    if backend:
        settings = settings.model_copy(update={"backend": backend})
    raise typer.Exit(run_review_command(settings, file, out, record_format, progress=progress))


@app.command()
def feedback(
    export: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(help="Write the thumbs-down answers to this .jsonl file in the "
                     "evaluation's dataset format (facts as read), to correct into test cases."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the rows as JSON.")] = False,
) -> None:
    """List the answers users gave a thumbs-down in the chat: question, verdict, facts,
    which facts they said were wrong, and when."""
    from rag.feedback.command import run_feedback_command

    raise typer.Exit(run_feedback_command(_settings(), export=export, as_json=as_json))


@app.command()
def policy(
    table: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Print the full truth table instead, as md or csv: every combination "
                     "of fact values (unknown included) -> verdict, deciding clauses, open facts."),
    ] = None,
    file: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(help="Another declaration (*.policy.yaml) to check and print; default: "
                     "the shipped one."),
    ] = None,
) -> None:
    """Print the declared policy: its version, clauses, facts, and rules (each condition
    beside the words of its clause it rests on), and caveats; or, with --table, its truth
    table. Loading checks the declaration: a problem is reported with its line."""
    from rag.policy import default_policy, load_policy
    from rag.policy.describe import policy_markdown, table_csv, table_markdown, truth_table
    from rag.policy.loading import PolicyError

    if table is not None and table not in ("md", "csv"):
        raise _fail(f"--table takes md or csv, not {table!r}")
    try:
        declared = load_policy(file) if file is not None else default_policy()
    except PolicyError as exc:
        raise _fail(f"the policy declaration is not usable:\n{exc}") from None
    if table is None:
        sys.stdout.write(policy_markdown(declared))
    else:
        render = table_markdown if table == "md" else table_csv
        sys.stdout.write(render(declared, truth_table(declared)))


@app.command()
def serve(
    host: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Interface to bind (default 127.0.0.1; POLICYQA_HOST)."),
    ] = None,
    port: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(help="Port (default 7860; POLICYQA_PORT)."),
    ] = None,
) -> None:
    """Run the Gradio chat (builds the index first if there is none)."""
    from ui.app import serve as serve_app

    settings = _settings()
    update = {k: v for k, v in {"host": host, "port": port}.items() if v is not None}
    serve_app(settings.model_copy(update=update))


@app.command(name="eval")
def eval_(
    backend: Annotated[str, typer.Option(help="offline or llm.")] = "offline",
    suite: Annotated[str, typer.Option(help="A dataset name, or all.")] = "all",
    out: Annotated[Path, typer.Option(help="Where report.md/json and plots go.")] = Path(
        "evals/report"
    ),
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
    gate: Annotated[
        bool, typer.Option(help="Compare with evals/baseline.json; non-zero exit on regression.")
    ] = False,
    update_baseline: Annotated[
        bool, typer.Option(help="Write these results as the new evals/baseline.json.")
    ] = False,
    limit: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(help="At most this many questions per suite (quick runs)."),
    ] = None,
) -> None:
    """Score the answering engine against the rule oracle on the evaluation datasets."""
    from evals.runner import run_eval_command

    code = run_eval_command(
        _settings(),
        backend=backend,
        suite=suite,
        out=out,
        as_json=as_json,
        gate=gate,
        update_baseline=update_baseline,
        limit=limit,
    )
    raise typer.Exit(code)


@app.command()
def bench(
    out: Annotated[Path, typer.Option(help="Where results.json and the chart go.")] = Path(
        "evals/bench"
    ),
    quick: Annotated[bool, typer.Option(help="Fewer repetitions (a smoke run).")] = False,
    backend: Annotated[
        str,
        typer.Option(help="offline: the full bench; llm: the configured model endpoint, per "
                     "LLM mode, on the canonical questions (writes llm.json)."),
    ] = "offline",
    mode: Annotated[
        str, typer.Option(help="With --backend llm: facts, answer or both.")
    ] = "both",
    limit: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(help="With --backend llm: at most this many questions."),
    ] = None,
) -> None:
    """Measure speed, retrieval and answer quality against baseline recipes; with
    --backend llm, time to first token and latency per answer of the model endpoint."""
    if backend == "llm":
        from evals.bench.llm import MODES, run_llm_bench

        if mode not in (*MODES, "both"):
            raise _fail(f"unknown mode {mode!r}: use facts, answer or both")
        modes = MODES if mode == "both" else (mode,)
        raise typer.Exit(run_llm_bench(_settings(), out=out, modes=modes, limit=limit))
    if backend != "offline":
        raise _fail(f"unknown backend {backend!r}: use offline or llm")
    from evals.bench import run_bench

    raise typer.Exit(run_bench(_settings(), out=out, quick=quick))


@app.command()
def doctor() -> None:
    """Show the resolved configuration and check the index and the LLM endpoint."""
    from rag.doctor import run_doctor

    raise typer.Exit(run_doctor(_settings()))


def main() -> None:
    from ingest.errors import IngestError

    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except IngestError as exc:  # e.g. a missing model package: one line, not a traceback
        typer.secho(f"error: {exc}", err=True, fg=typer.colors.RED)
        sys.exit(2)
