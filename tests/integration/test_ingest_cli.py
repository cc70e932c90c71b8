"""`policyqa ingest` as a user runs it: summary on stderr and the exit status."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from rag.settings import Settings

pytestmark = pytest.mark.integration


def _policyqa(args: list[str], settings: Settings, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(
        POLICYQA_DATA_DIR=str(settings.data_dir),
        POLICYQA_CORPUS_DIR=str(settings.corpus_dir),
        POLICYQA_COLLECTION=settings.collection,
    )
    if settings.chroma_host:
        env.update(CHROMA_HOST=settings.chroma_host, CHROMA_PORT=str(settings.chroma_port))
    exe = Path(sys.executable).parent / "policyqa"
    # cwd is a scratch folder: a developer's .env in the checkout is not read.
    return subprocess.run(
        [str(exe), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_ingest_exit_status_and_summary(store_settings: Settings, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "x.bin").write_bytes(b"\x00\x01")
    (inbox / "empty.md").write_text("", encoding="utf-8")

    done = _policyqa(
        ["ingest", str(store_settings.corpus_dir), str(inbox)], store_settings, tmp_path
    )
    assert done.returncode == 0, done.stderr
    summary = done.stderr.strip().splitlines()[-1]
    assert summary.startswith("ingested 6 documents:") and "2 skipped" in summary
    assert "x.bin: unsupported type (.bin)" in summary and "empty.md: empty file" in summary
    assert done.stdout == ""

    again = _policyqa(["ingest", "--no-progress"], store_settings, tmp_path)
    assert again.returncode == 0, again.stderr
    assert "0 chunks added" in again.stderr and "0 removed" in again.stderr


def test_nothing_ingestible_exits_non_zero(tmp_settings: Settings, tmp_path: Path) -> None:
    (tmp_path / "a.bin").write_bytes(b"\x00")
    done = _policyqa(
        ["ingest", str(tmp_path / "a.bin"), str(tmp_path / "missing-dir")], tmp_settings, tmp_path
    )
    assert done.returncode == 1
    assert "missing-dir: does not exist" in done.stderr
    assert "ingested 0 documents" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_policy_declaration_is_never_indexed(tmp_settings: Settings, tmp_path: Path) -> None:
    """The corpus holds corpus/policy/coc-2024.policy.yaml: a folder walk leaves it out (the
    corpus run above skips only the two bad files); named on its own it is skipped, saying why."""
    declaration = tmp_settings.corpus_dir / "policy" / "coc-2024.policy.yaml"
    assert declaration.is_file()
    done = _policyqa(["ingest", str(declaration)], tmp_settings, tmp_path)
    assert done.returncode == 1
    assert "coc-2024.policy.yaml: a policy declaration (rules and facts), not a document" in done.stderr


def test_ingest_help(tmp_settings: Settings, tmp_path: Path) -> None:
    done = _policyqa(["ingest", "--help"], tmp_settings, tmp_path)
    assert done.returncode == 0 and "PATH" in done.stdout.upper()
