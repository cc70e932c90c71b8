"""Two processes ingesting into one embedded index: the second waits, nothing breaks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.store import open_store
from rag.settings import Settings

pytestmark = pytest.mark.integration

SCRIPT = """
import sys
from rag.settings import Settings
from ingest.pipeline import run_ingest
settings = Settings(_env_file=None, data_dir=sys.argv[1], corpus_dir=sys.argv[2])
report = run_ingest(settings, None, progress=False)
print(report.added, report.unchanged, flush=True)
"""


def test_concurrent_ingests_serialise(tmp_settings: Settings, tmp_path: Path) -> None:
    args = [sys.executable, "-c", SCRIPT, str(tmp_settings.data_dir), str(tmp_settings.corpus_dir)]
    procs = [
        subprocess.Popen(args, cwd=tmp_path, env=dict(os.environ), stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]  # fmt: skip
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        added, unchanged = map(int, out.split())
        results.append((added, unchanged))
    total = open_store(tmp_settings).count()
    # One process built the index, the other waited and found everything up to date.
    assert sorted(results) == [(0, total), (total, 0)]
