"""The ingest report: one summary line, and when a run counts as a success."""

from __future__ import annotations

from ingest.report import IngestReport


def test_summary_line() -> None:
    report = IngestReport(
        documents=6, added=31, unchanged=0, removed=0, skipped=[("x.bin", "unsupported type (.bin)")],
        seconds=2.14,
    )  # fmt: skip
    assert report.summary() == (
        "ingested 6 documents: 31 chunks added, 0 unchanged, 0 removed, "
        "1 skipped (x.bin: unsupported type (.bin)) in 2.1 s"
    )
    assert report.ok


def test_summary_singular_and_many_skips() -> None:
    skipped = [(f"f{i}.bin", "unsupported type (.bin)") for i in range(7)]
    report = IngestReport(documents=1, added=1, skipped=skipped)
    line = report.summary()
    assert line.startswith("ingested 1 document: 1 chunk added")
    assert "7 skipped (f0.bin" in line and "and 2 more" in line
    assert "\n" not in line


def test_ok_means_something_was_ingested_or_up_to_date() -> None:
    assert IngestReport(documents=3, unchanged=12).ok
    assert not IngestReport(documents=0, skipped=[("a.pdf", "corrupt")]).ok
