"""Fixtures for the security tests: a private copy of the corpus index (a test may damage
it), and an index of the corpus with the poisoned documents beside it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from rag.settings import Settings

POISONED = Path(__file__).resolve().parents[1] / "fixtures" / "poisoned"


@pytest.fixture
def copied_index(
    indexed_settings: Settings, make_settings: Callable[..., Settings], tmp_path: Path
) -> Settings:
    """Settings on a private copy of the session's corpus index (writable)."""
    data = tmp_path / "data"
    shutil.copytree(indexed_settings.data_dir, data, ignore=shutil.ignore_patterns("*.lock"))
    return make_settings(data)


@pytest.fixture(scope="session")
def poisoned_settings(
    tmp_path_factory: pytest.TempPathFactory, make_settings: Callable[..., Settings]
) -> Settings:
    """A fresh data dir holding corpus/ and tests/fixtures/poisoned/ in one index."""
    from ingest.pipeline import run_ingest

    settings = make_settings(tmp_path_factory.mktemp("poisoned") / "data")
    report = run_ingest(settings, [settings.corpus_dir, POISONED], progress=False)
    assert report.ok and not report.skipped, report.summary()
    return settings
