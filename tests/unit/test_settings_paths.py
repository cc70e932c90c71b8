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


def test_keywords_outrank_the_environment_which_outranks_dotenv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text('POLICYQA_TOP_K=9\nexport POLICYQA_COLLECTION="from dotenv"\n# note\n'
                        "POLICYQA_PORT=1111\n", encoding="utf-8")
    monkeypatch.setenv("policyqa_port", "2222")  # any case, as pydantic-settings read it
    monkeypatch.delenv("POLICYQA_TOP_K", raising=False)
    monkeypatch.delenv("POLICYQA_COLLECTION", raising=False)
    settings = Settings(_env_file=env_file)
    assert (settings.top_k, settings.collection, settings.port) == (9, "from dotenv", 2222)
    assert Settings(_env_file=env_file, port=3333).port == 3333
    assert Settings(_env_file=env_file, POLICYQA_PORT=4444).port == 4444
    assert Settings(_env_file=None).top_k == 5  # no .env read
    assert Settings(_env_file=tmp_path / "missing.env").top_k == 5


def test_a_bad_value_names_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYQA_PORT", "not a port")
    with pytest.raises(ValueError, match="POLICYQA_PORT"):
        Settings(_env_file=None)
