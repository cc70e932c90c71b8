"""Hostile files through ingest: a clear reason for each, bounded time and memory, and
nothing else lost (the rest ingested, the index that was there intact)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest.pipeline import run_ingest
from ingest.store import open_store
from rag.settings import Settings
from tests.security import hostile_files as hf
from tests.security.cli import policyqa

pytestmark = pytest.mark.integration


def _hostile_folder(folder: Path, settings: Settings) -> dict[str, str]:
    """Write one file of each hostile kind; returns {file name: expected reason fragment}."""
    folder.mkdir(parents=True)
    hf.write_non_utf8(folder / "latin1.txt")  # read, with a warning
    hf.good_markdown(folder / "good.md")
    hf.write_binary_md(folder / "binary.md")
    hf.write_empty(folder / "empty.md")
    hf.write_corrupt_pdf(folder / "corrupt.pdf")
    hf.write_huge(folder / "huge.md", settings.max_file_bytes + 5_000_000)
    (folder / "setup.exe").write_bytes(b"MZ\x90\x00" + bytes(512))
    return {
        "binary.md": "binary content",
        "empty.md": "empty file",
        "corrupt.pdf": "corrupt or unreadable PDF",
        "huge.md": "too large",
        "setup.exe": "unsupported type",
    }


def _squeezed(text: str) -> str:
    """Without whitespace: rich wraps long paths on stderr (at 80 columns off a terminal)."""
    return "".join(text.split())


def _ids(settings: Settings) -> set[str]:
    return {c.id for c in open_store(settings).all_chunks()}


def test_hostile_folder_into_an_existing_index(copied_index: Settings, tmp_path: Path) -> None:
    before = _ids(copied_index)
    expected = _hostile_folder(tmp_path / "inbox", copied_index)

    started = time.monotonic()
    report = run_ingest(copied_index, [tmp_path / "inbox"], progress=False)
    elapsed = time.monotonic() - started

    reasons = {Path(path).name: reason for path, reason in report.skipped}
    assert set(reasons) == set(expected)
    for name, fragment in expected.items():
        assert fragment in reasons[name], (name, reasons[name])
    assert str(copied_index.max_file_bytes) in reasons["huge.md"].replace(",", "")
    assert any(Path(p).name == "latin1.txt" and "UTF-8" in w for p, w in report.warnings)
    assert report.documents == 2 and report.ok

    chunks = open_store(copied_index).all_chunks()
    assert before <= {c.id for c in chunks}, "a hostile file cost the index existing chunks"
    new = [c for c in chunks if c.id not in before]
    assert {Path(c.source).name for c in new} == {"good.md", "latin1.txt"}
    assert any(hf.GOOD_DOC_MARKER in c.text for c in new)
    assert len(chunks) == len(before) + report.added
    # The 25 MB file is refused on its size, not read: the whole run stays short.
    assert elapsed < 30, f"ingest of small files took {elapsed:.1f} s"


def test_pdf_that_never_finishes_is_cut_off(copied_index: Settings, tmp_path: Path) -> None:
    settings = copied_index.model_copy(update={"pdf_timeout_s": 3.0})
    before = _ids(settings)
    (tmp_path / "inbox").mkdir()
    hf.write_slow_pdf(tmp_path / "inbox" / "slow.pdf")
    hf.good_markdown(tmp_path / "inbox" / "good.md")

    started = time.monotonic()
    report = run_ingest(settings, [tmp_path / "inbox"], progress=False)
    elapsed = time.monotonic() - started

    assert elapsed < settings.pdf_timeout_s + 20, f"ingest took {elapsed:.1f} s"
    reasons = {Path(path).name: reason for path, reason in report.skipped}
    assert "slow.pdf" in reasons and "longer than 3 s" in reasons["slow.pdf"]
    assert report.documents == 1  # good.md
    assert before < _ids(settings)


def test_the_slow_pdf_really_is_slow_for_pypdf(tmp_path: Path) -> None:
    """The control for the test above: unbounded, pypdf does not finish its first page in
    twice the time limit that ingest applies."""
    slow = hf.write_slow_pdf(tmp_path / "slow.pdf")
    code = ("import sys, pypdf; r = pypdf.PdfReader(sys.argv[1]); "
            "print(len(r.pages[0].extract_text()))")
    with pytest.raises(subprocess.TimeoutExpired):
        subprocess.run([sys.executable, "-c", code, str(slow)], capture_output=True, timeout=6)


def test_pdf_with_a_huge_page_count_reads_only_the_page_cap(
    copied_index: Settings, tmp_path: Path
) -> None:
    settings = copied_index.model_copy(update={"pdf_max_pages": 50})
    pdf = hf.write_many_pages_pdf(tmp_path / "report.pdf", pages=5_000)
    assert pdf.stat().st_size < settings.max_file_bytes

    started = time.monotonic()
    report = run_ingest(settings, [pdf], progress=False)
    elapsed = time.monotonic() - started

    assert elapsed < settings.pdf_timeout_s + 20, f"ingest took {elapsed:.1f} s"
    assert report.documents == 1, report.summary()
    assert any("only the first 50 of 5000 pages" in w for _, w in report.warnings)


def test_a_file_that_turns_corrupt_keeps_its_old_chunks(
    copied_index: Settings, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    good = hf.good_markdown(folder / "note.md")
    assert run_ingest(copied_index, [folder], progress=False).added >= 1
    kept = _ids(copied_index)

    hf.write_binary_md(good)  # same name, now garbage
    report = run_ingest(copied_index, [folder], progress=False)

    assert [Path(p).name for p, _ in report.skipped] == ["note.md"]
    assert report.removed == 0
    assert _ids(copied_index) == kept


def test_cli_ingest_of_hostile_files_reports_each_and_bounds_memory(
    copied_index: Settings, tmp_path: Path
) -> None:
    """`policyqa ingest` on hostile files: exit 0 (something was ingested), every skip named
    on stderr, no traceback, bounded time and peak memory (ingest and its PDF children)."""
    expected = _hostile_folder(tmp_path / "inbox", copied_index)
    hf.write_slow_pdf(tmp_path / "inbox" / "slow.pdf")
    run = policyqa(
        "ingest", "--no-progress", str(tmp_path / "inbox"),
        settings=copied_index, cwd=tmp_path, measure_memory=True, POLICYQA_PDF_TIMEOUT="3",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    for name in [*expected, "slow.pdf"]:
        assert f"{name}:" in _squeezed(run.stderr), name
    assert run.seconds < 3 + 60, f"{run.seconds:.1f} s"
    assert run.peak_mb is not None and run.peak_mb < 1500, f"peak memory {run.peak_mb:.0f} MB"


def test_cli_ingest_of_nothing_usable_fails_clearly_and_keeps_the_index(
    copied_index: Settings, tmp_path: Path
) -> None:
    before = _ids(copied_index)
    folder = tmp_path / "junk"
    folder.mkdir()
    hf.write_binary_md(folder / "a.md")
    hf.write_empty(folder / "b.txt")
    run = policyqa(
        "ingest", "--no-progress", str(folder), str(tmp_path / "no-such-dir"),
        settings=copied_index, cwd=tmp_path,
    )  # fmt: skip
    assert run.returncode != 0
    assert "Traceback" not in run.stderr
    err = _squeezed(run.stderr)
    assert "no-such-dir:doesnotexist" in err
    assert "a.md:binarycontent" in err and "b.txt:emptyfile" in err
    assert _ids(copied_index) == before
