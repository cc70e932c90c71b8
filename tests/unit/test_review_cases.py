"""Reading use cases for `policyqa review`: a bad row is a case with a problem, never an
error for the whole file; a file that cannot be read at all is one clear error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.review import ReviewInputError, read_cases


def _write(path: Path, text: str | bytes) -> Path:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_csv_with_ids_blank_lines_and_quoted_newlines(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.csv", '\ufeffID, Question ,extra\na1,"Can police, in Ohio,\nmatch faces?",x\n\n,second,\nonly-id\n')
    cases, warnings = read_cases(path)
    assert warnings == []
    assert [(c.row, c.id, c.question, c.problem is not None) for c in cases] == [
        (1, "a1", "Can police, in Ohio,\nmatch faces?", False),
        (2, "2", "second", False),  # no id: the row number
        (3, "only-id", None, True),  # a short row has no question field
    ]


def test_csv_keeps_an_empty_or_huge_question_for_the_engine_to_refuse(tmp_path: Path) -> None:
    big = "x" * 300_000  # past csv's default field limit (131072)
    path = _write(tmp_path / "c.csv", f"question\n\"\"\n{big}\nok\n")
    cases, _ = read_cases(path)
    assert [c.question for c in cases] == ["", big, "ok"]
    assert all(c.problem is None for c in cases)


def test_csv_without_a_question_column_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ReviewInputError, match=r"no `question` column.*'id', 'text'"):
        read_cases(_write(tmp_path / "c.csv", "id,text\n1,hello\n"))
    with pytest.raises(ReviewInputError, match="empty"):
        read_cases(_write(tmp_path / "e.csv", ""))


def test_jsonl_bad_lines_are_cases_with_problems(tmp_path: Path) -> None:
    lines = [json.dumps({"id": 7, "question": "Can the NYPD match faces?"}), "{not json",
             json.dumps(["a list"]), json.dumps({"question": 3}), "", json.dumps({"question": "q2"})]
    cases, _ = read_cases(_write(tmp_path / "c.jsonl", "\n".join(lines) + "\n"))
    assert [c.id for c in cases] == ["7", "2", "3", "4", "5"]
    assert [c.problem is None for c in cases] == [True, False, False, False, True]
    assert "not valid JSON" in (cases[1].problem or "")


def test_unknown_suffix_missing_file_too_big_and_not_utf8(tmp_path: Path) -> None:
    with pytest.raises(ReviewInputError, match=r"\.csv.*\.jsonl"):
        read_cases(_write(tmp_path / "c.xlsx", "question\nq\n"))
    with pytest.raises(ReviewInputError, match="cannot read"):
        read_cases(tmp_path / "missing.csv")
    with pytest.raises(ReviewInputError, match="limit"):
        read_cases(_write(tmp_path / "big.csv", "question\n" + "q\n" * 100), max_bytes=50)
    cases, warnings = read_cases(_write(tmp_path / "latin.csv", "question\ncaf\xe9 police?\n".encode("latin-1")))
    assert cases[0].question == "caf\ufffd police?" and "not valid UTF-8" in warnings[0]
