"""Where state and the corpus are found: the platform's user data dir unless
POLICYQA_DATA_DIR says otherwise; the corpus from the package (in a clone, the checkout's)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

from rag.settings import Settings, default_corpus_dir, default_data_dir
from tests.conftest import CORPUS


def test_the_data_dir_follows_the_platform(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.delenv("POLICYQA_DATA_DIR", raising=False)
    settings = Settings(_env_file=None)
    assert settings.data_dir == default_data_dir() == tmp_path / "share" / "policyqa"
    assert settings.feedback_db == tmp_path / "share" / "policyqa" / "feedback.sqlite3"
    assert settings.chroma_dir.parent == settings.data_dir


def test_policyqa_data_dir_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("POLICYQA_DATA_DIR", str(tmp_path / "mine"))
    settings = Settings(_env_file=None)
    assert settings.data_dir == tmp_path / "mine"
    assert settings.feedback_db == tmp_path / "mine" / "feedback.sqlite3"


def test_the_corpus_is_package_data_and_in_a_clone_the_checkouts() -> None:
    corpus = default_corpus_dir()
    assert corpus == Path(str(files("rag") / "corpus")).resolve()
    assert corpus == CORPUS.resolve()  # this is a clone: rag/corpus links to corpus/
    assert (corpus / "policy" / "coc-2024-clauses.md").is_file()
    assert sorted(p.name for p in (corpus / "articles").glob("*.md"))
    assert Settings(_env_file=None).corpus_dir == corpus
