"""`policyqa doctor` says where state lives, and checking creates nothing there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from rag.settings import Settings

pytestmark = pytest.mark.integration

POLICYQA = str(Path(sys.executable).with_name("policyqa"))


def _doctor(cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([POLICYQA, "doctor"], cwd=cwd, env={**os.environ, **env},
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip


def test_doctor_prints_the_default_data_dir_and_creates_nothing(tmp_path: Path) -> None:
    share = tmp_path / "share"
    done = _doctor(tmp_path, XDG_DATA_HOME=str(share))
    assert done.returncode == 1  # no index yet
    data_dir = share / "policyqa"
    assert f"data dir         {data_dir} (the default" in done.stdout
    assert f"feedback db      {data_dir / 'feedback.sqlite3'}" in done.stdout
    assert "run `policyqa ingest`" in done.stdout
    assert not data_dir.exists()


def test_doctor_names_policyqa_data_dir_and_the_snapshot(
    indexed_settings: Settings, tmp_path: Path
) -> None:
    done = _doctor(tmp_path, POLICYQA_DATA_DIR=str(indexed_settings.data_dir))
    assert f"{indexed_settings.data_dir} (POLICYQA_DATA_DIR)" in done.stdout
    assert "fast start       ok:" in done.stdout, done.stdout
