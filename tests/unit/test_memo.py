"""Tables kept on disk between runs (rag.memo): built once, read back, rebuilt when the
file is bad or the code changed, and never a failure when the cache cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.memo import cache_dir, memoised


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "policyqa"


class Counter:
    def __init__(self, value: object) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def _memo(build: Counter, modules: list[str] | None = None) -> object:
    return memoised("table", build, modules=modules or ["rag.memo"], packages=["numpy"],
                    valid=lambda v: isinstance(v, dict))  # fmt: skip


def test_builds_once_then_reads_the_file(cache_home: Path) -> None:
    assert cache_dir() == cache_home
    build = Counter({"a": (1, "x", None, True)})
    assert _memo(build) == {"a": (1, "x", None, True)}
    assert _memo(build) == {"a": (1, "x", None, True)}
    assert build.calls == 1
    assert len(list(cache_home.glob("table-*.marshal"))) == 1


def test_a_damaged_or_wrong_file_is_rebuilt(cache_home: Path) -> None:
    build = Counter({"a": 1})
    _memo(build)
    (path,) = cache_home.glob("table-*.marshal")
    path.write_bytes(b"\x00garbage")
    assert _memo(build) == {"a": 1} and build.calls == 2
    import marshal

    path.write_bytes(marshal.dumps(["not", "a", "dict"]))
    assert _memo(build) == {"a": 1} and build.calls == 3


def test_other_code_gets_its_own_file_and_a_month_old_one_goes(cache_home: Path) -> None:
    import os
    import time

    _memo(Counter({"a": 1}))
    (first,) = cache_home.glob("table-*.marshal")
    # Another version still in use keeps its file: the two do not rebuild each other's.
    assert _memo(Counter({"b": 2}), modules=["rag.memo", "rag.settings"]) == {"b": 2}
    assert len(list(cache_home.glob("table-*.marshal"))) == 2
    build = Counter({"a": 1})
    assert _memo(build) == {"a": 1} and build.calls == 0
    month_ago = time.time() - 31 * 24 * 3600
    os.utime(first, (month_ago, month_ago))
    _memo(Counter({"c": 3}), modules=["rag.memo", "rag.models"])
    assert not first.exists() and len(list(cache_home.glob("table-*.marshal"))) == 2


def test_an_unwritable_cache_dir_path_only_costs_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # mkdir under a file fails, as root too
    build = Counter({"a": 1})
    assert _memo(build) == {"a": 1} and _memo(build) == {"a": 1}
    assert build.calls == 2


def test_the_memoised_gazetteer_is_the_built_one(cache_home: Path) -> None:
    from rag.facts import gazetteer as gz

    gz.gazetteer.cache_clear()
    try:
        built = gz.gazetteer()  # builds and writes the memo
        assert list(cache_home.glob("gazetteer-*.marshal"))
        gz.gazetteer.cache_clear()
        read = gz.gazetteer()  # from the file
    finally:
        gz.gazetteer.cache_clear()
    assert read == built
    assert read.folded["texas"] == gz.Place("Texas", True, "state")
    assert read.capitalised_firsts and read.max_words == built.max_words
