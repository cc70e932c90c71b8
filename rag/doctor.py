"""`policyqa doctor`: the resolved configuration (secrets masked) and live checks of the
index and, for the llm backend, of the model endpoint. Exit code 0 when all checks pass."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rag.settings import Settings

__all__ = ["check_endpoint", "check_index", "run_doctor"]

# The endpoint check asks for a handful of tokens: enough for any model to answer. It is sent
# with the response format the backend will ask for, so the same request says which
# structured-output mode the endpoint accepts (JSON mode wants the word JSON in the prompt).
_PING_TOKENS = 16
_PING = 'Reply with the JSON object {"ok": true}, or the single word OK.'


def _row(name: str, value: str) -> str:
    return f"  {name:<17}{value}"


def check_index(settings: Settings) -> tuple[bool, str]:
    from ingest.errors import IngestError
    from ingest.store import ChunkStore, open_store

    if not settings.uses_server and not (settings.chroma_dir / "chroma.sqlite3").is_file():
        # Opening the embedded client would create the folders: a check must not.
        missing = ChunkStore(settings, model_id="").missing_error()
        return False, f"FAIL: {missing}"
    try:
        store = open_store(settings)
        count = store.count()
    except IngestError as exc:
        return False, f"FAIL: {exc}"
    kind = "server" if settings.uses_server else "embedded"
    return True, f"ok: {count} chunks in {store.location} ({kind})"


def _data_dir_origin(settings: Settings) -> str:
    from rag.settings import default_data_dir

    if settings.data_dir == default_data_dir():
        return " (the default: this platform's user data directory)"
    return " (POLICYQA_DATA_DIR)"


def _snapshot_status(settings: Settings) -> str:
    from ingest.snapshot import open_snapshot, snapshot_path

    snapshot = open_snapshot(settings)
    if snapshot is None:
        return "no snapshot of the index: run `policyqa ingest` once (ask/search then skip chromadb)"
    return f"ok: {snapshot.count()} chunks in {snapshot_path(settings).name}"


def check_endpoint(settings: Settings) -> tuple[bool, str, str]:
    """One tiny completion, without retries: does the endpoint answer, how fast, and which
    structured-output mode it accepts (a refused response format steps down, as the backend
    does). Returns (ok, endpoint status, structured-output status)."""
    from rag.llm.provider import LLMConfigError, build_chat_model
    from rag.llm.retry import describe_error
    from rag.llm.schema import response_schema
    from rag.llm.structured import LABELS, modes_for, refused_format, response_format

    try:
        model = build_chat_model(settings, max_tokens=_PING_TOKENS)
    except LLMConfigError as exc:
        return False, f"FAIL: {exc}", "not checked"
    modes = modes_for(settings)
    refused: list[str] = []
    for i, mode in enumerate(modes):
        body = response_format(mode, f"policy_{settings.llm_mode}", response_schema(settings.llm_mode))
        bound = model.bind(extra_body={"response_format": body}) if body else model
        started = time.perf_counter()
        try:
            reply = bound.invoke(_PING)
        except Exception as exc:  # any failure is the finding: report it, do not crash
            reason = describe_error(exc, settings.llm_timeout_s)
            if refused_format(exc) and i + 1 < len(modes):
                refused.append(f"{mode} refused: {reason}")
                continue
            return False, f"FAIL: {reason}", "; ".join(refused) or "not checked"
        ms = (time.perf_counter() - started) * 1000
        served = reply.response_metadata.get("model_name") or "not stated"
        structured = f"{mode} ({LABELS[mode]}) accepted" + (
            f"; {'; '.join(refused)}" if refused else ""
        )
        return True, f"ok: answered in {ms:.0f} ms (model {served})", structured
    return False, "FAIL: no mode to try", "not checked"


def _ladder(settings: Settings) -> str:
    from rag.llm.structured import modes_for

    modes = modes_for(settings)
    if len(modes) == 1:
        return modes[0]
    return f"{settings.llm_structured}: " + ", then ".join(modes)


def _mode(settings: Settings) -> str:
    if settings.llm_mode != "facts":
        return "answer (facts, verdict and text from the model, with the passages)"
    from rag.llm.budget import count_tokens
    from rag.llm.chain import prompt_text
    from rag.llm.facts_call import facts_inputs

    size = count_tokens(prompt_text("facts", **facts_inputs("", [])))
    return f"facts (one short call; prompt {size} tokens + the question and earlier turns)"


def run_doctor(settings: Settings) -> int:
    from rag.llm.provider import LLMConfigError, resolve_endpoint

    ok = True
    lines = ["policyqa doctor", _row("backend", settings.backend)]
    lines.append(_row("data dir", f"{settings.data_dir}{_data_dir_origin(settings)}"))
    lines.append(_row("feedback db", str(settings.feedback_db)))
    lines.append(_row("corpus", str(settings.corpus_dir)))
    if settings.uses_server:
        lines.append(_row("chroma", f"server {settings.chroma_host}:{settings.chroma_port}"))
    index_ok, index_status = check_index(settings)
    ok &= index_ok
    lines.append(_row("index", index_status))
    if not settings.uses_server and index_ok:
        lines.append(_row("fast start", _snapshot_status(settings)))

    llm_used = settings.backend == "llm"
    lines.append(_row("llm provider", settings.llm_provider + ("" if llm_used else " (not used)")))
    try:
        endpoint = resolve_endpoint(settings)
    except LLMConfigError as exc:
        endpoint = None
        lines.append(_row("llm config", f"{'FAIL' if llm_used else 'incomplete'}: {exc}"))
        ok &= not llm_used
    if endpoint is not None:
        label = "deployment" if endpoint.provider == "azure" else "model"
        lines += [
            _row(label, endpoint.model),
            _row("endpoint", endpoint.url),
            _row("auth", endpoint.auth),
        ]
    lines += [
        _row(
            "timeout/retries", f"{settings.llm_timeout_s:g} s, {settings.llm_max_retries} retries"
        ),
        _row("llm mode", _mode(settings)),
        _row("response format", _ladder(settings)),
        _row("context budget", f"{settings.llm_context_tokens} tokens"),
    ]
    if llm_used and endpoint is not None:
        endpoint_ok, status, structured = check_endpoint(settings)
        ok &= endpoint_ok
        lines.append(_row("endpoint check", status))
        lines.append(_row("format accepted", structured))
    lines.append("all checks passed" if ok else "some checks failed")
    print("\n".join(lines))
    return 0 if ok else 1
