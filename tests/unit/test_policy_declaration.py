"""Loading a declared policy: the shipped one passes every check; a malformed or
inconsistent one is refused with an error naming the file and the line of the problem."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from rag.policy import Facts, Use, default_policy, default_policy_path, load_policy
from rag.policy.loading import PolicyError, parse_declaration

REPO = Path(__file__).resolve().parents[2]
DRONES = REPO / "tests" / "fixtures" / "drones" / "policy"
DECLARATION = DRONES / "drones-2025.policy.yaml"


def test_the_shipped_declaration_loads_with_its_typed_facts() -> None:
    policy = default_policy()
    assert default_policy_path().is_file()
    assert policy.ref().model_dump() == {"id": "coc-2024", "version": "2024-05.1", "effective": "2024-05"}
    assert policy.fact_names == tuple(Facts.model_fields)
    assert policy.settled["use"] == tuple(u.value for u in Use if u is not Use.unknown)
    assert policy.facts_model is Facts


def test_the_shipped_sources_are_the_corpus_articles() -> None:
    declaration = default_policy().declaration
    for source in declaration.sources:
        assert source.file is not None and (REPO / "corpus" / source.file).is_file(), source.id


def _write(tmp_path: Path, text: str) -> Path:
    """The drone policy with `text` as its declaration, beside its clause document."""
    folder = tmp_path / "policy"
    folder.mkdir(exist_ok=True)
    shutil.copy(DRONES / "drones-2025-clauses.md", folder)
    path = folder / "drones-2025.policy.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _broken(tmp_path: Path, old: str, new: str, count: int = 1) -> tuple[Path, int]:
    """The declaration with one change, and the line of the change."""
    text = DECLARATION.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    changed = text.replace(old, new, count)
    line = changed[: changed.index(new)].count("\n") + 1 if new else text[: text.index(old)].count("\n") + 1
    return _write(tmp_path, changed), line


def _refused(path: Path, facts_model: type | None = None) -> PolicyError:
    with pytest.raises(PolicyError) as caught:
        load_policy(path, facts_model)
    return caught.value


def _lines(error: PolicyError) -> list[int | None]:
    return [line for line, _ in error.problems]


def test_the_drone_policy_loads(tmp_path: Path) -> None:
    policy = load_policy(_write(tmp_path, DECLARATION.read_text(encoding="utf-8")))
    assert policy.clause_ids == ("drones-2025.unlicensed", "drones-2025.night-over-dorms")


def test_yaml_that_does_not_parse_names_its_line(tmp_path: Path) -> None:
    path, line = _broken(tmp_path, "name: Campus Drone Rules\n", "name: [Campus Drone Rules\n")
    error = _refused(path)
    assert "not valid YAML" in str(error)
    assert error.problems[0][0] is not None and error.problems[0][0] >= line
    assert str(error).startswith(f"{path}:")


def test_a_missing_field_names_the_line_of_its_part(tmp_path: Path) -> None:
    path, _ = _broken(tmp_path, "    ask: Where will the drone fly?\n", "")
    error = _refused(path)
    assert "facts.1.ask: is required" in str(error)
    name_line = DECLARATION.read_text(encoding="utf-8").splitlines().index("  - name: area") + 1
    assert _lines(error) == [name_line]


def test_an_unknown_key_names_its_line(tmp_path: Path) -> None:
    path, line = _broken(tmp_path, "    label: At night\n", "    label: At night\n    colour: blue\n")
    error = _refused(path)
    assert re.search(rf":{line + 1}: facts\.2\.colour: is not a field here", str(error)), str(error)


def test_a_key_given_twice_names_its_line(tmp_path: Path) -> None:
    path, line = _broken(tmp_path, "short_name: Drone Rules\n", "short_name: Drone Rules\nshort_name: Drones\n")
    error = _refused(path)
    assert _lines(error) == [line + 1] and "given twice" in str(error)


def test_a_bad_condition_names_its_line(tmp_path: Path) -> None:
    path, line = _broken(tmp_path, "      is: no\n      words: does not hold",
                         "      is: no\n      in: [no]\n      words: does not hold")
    error = _refused(path)
    assert "exactly one of 'is: <value>' or 'in: [<values>]'" in str(error)
    assert _lines(error) == [line - 2]  # the condition's first line (fact: licensed)


def test_an_undeclared_fact_or_value_names_its_line(tmp_path: Path) -> None:
    path, line = _broken(tmp_path, "        - fact: night\n          is: yes",
                         "        - fact: night\n          is: maybe")
    error = _refused(path)
    assert _lines(error) == [line + 1] and "night has no value 'maybe'" in str(error)
    path, line = _broken(tmp_path, "        - fact: night\n", "        - fact: weather\n")
    error = _refused(path)
    assert _lines(error) == [line] and "no fact is declared as 'weather'" in str(error)


def test_a_rule_for_an_undeclared_clause_is_refused(tmp_path: Path) -> None:
    path, line = _broken(tmp_path, "  - clause: drones-2025.unlicensed\n", "  - clause: drones-2025.nowhere\n")
    error = _refused(path)
    assert _lines(error) == [line] and "no clause 'drones-2025.nowhere'" in str(error)


def test_lint_every_fact_is_read_by_some_rule(tmp_path: Path) -> None:
    text = DECLARATION.read_text(encoding="utf-8")
    text = text.replace("  - name: night\n", "  - name: weather\n    meaning: m\n    label: l\n    ask: a?\n"
                        "    values:\n      - {value: sunny, says: s, short: s, option: o}\n"
                        "      - {value: rainy, says: r, short: r, option: o}\n  - name: night\n")
    path = _write(tmp_path, text)
    error = _refused(path)
    line = text.splitlines().index("  - name: weather") + 1
    assert _lines(error) == [line] and "no rule reads weather" in str(error)


def test_lint_every_rule_can_apply(tmp_path: Path) -> None:
    path, _ = _broken(
        tmp_path,
        "        - fact: night\n          is: yes\n          words: at night … between sunset and sunrise\n",
        "        - fact: night\n          is: yes\n          words: at night … between sunset and sunrise\n"
        "        - fact: area\n          is: fields\n          words: over the dormitories\n",
    )
    error = _refused(path)
    assert "the rule for drones-2025.night-over-dorms can never apply" in str(error)
    when_line = DECLARATION.read_text(encoding="utf-8").splitlines().index("  - clause: drones-2025.night-over-dorms") + 2
    assert _lines(error) == [when_line]


def test_lint_quoted_words_occur_in_the_clause_text(tmp_path: Path) -> None:
    path, line = _broken(tmp_path, "words: over the dormitories", "words: above the dormitories")
    error = _refused(path)
    assert _lines(error) == [line] and "'above the dormitories' is not in the text of" in str(error)
    # Pieces joined by an ellipsis must occur in that order.
    path, line = _broken(tmp_path, "words: at night … between sunset and sunrise",
                         "words: between sunset and sunrise … at night")
    assert _lines(_refused(path)) == [line]


def test_a_rule_condition_must_quote_its_clause(tmp_path: Path) -> None:
    path, line = _broken(tmp_path, "      words: does not hold a valid pilot licence\n", "")
    error = _refused(path)
    assert "quotes the words of its clause" in str(error)
    assert _lines(error) == [line - 3]  # the rule's `when:`


def test_the_clause_document_must_hold_the_declared_clauses(tmp_path: Path) -> None:
    path = _write(tmp_path, DECLARATION.read_text(encoding="utf-8"))
    document = path.parent / "drones-2025-clauses.md"
    text = document.read_text(encoding="utf-8")
    document.write_text(text.replace("at night, between", "at night or between"), encoding="utf-8")
    error = _refused(path)
    text_line = DECLARATION.read_text(encoding="utf-8").splitlines().index(
        "    text: no drone may fly over the dormitories at night, between sunset and sunrise") + 1
    assert _lines(error) == [text_line] and "the text differs from drones-2025-clauses.md's" in str(error)
    document.write_text(text.replace("status: withdrawn", "status: in force"), encoding="utf-8")
    assert "says status 'in force'" in str(_refused(path))
    document.write_text(text + "\n## clause: drones-2025.extra\nstatus: in force\n\nmore words\n",
                        encoding="utf-8")
    assert "has a clause drones-2025.extra the declaration lacks" in str(_refused(path))
    document.unlink()
    assert "cannot read the clause document" in str(_refused(path))


def test_a_typed_facts_model_must_match_the_declared_facts(tmp_path: Path) -> None:
    path = _write(tmp_path, DECLARATION.read_text(encoding="utf-8"))
    error = _refused(path, Facts)
    assert "has the facts" in str(error) and "(same names, same order)" in str(error)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = DECLARATION.read_text(encoding="utf-8")
    text = text.replace("is: dorms\n", "is: dorm\n").replace("  - clause: drones-2025.unlicensed\n",
                                                           "  - clause: drones-2025.nowhere\n")
    error = _refused(_write(tmp_path, text))
    assert len(error.problems) == 2 and all(line for line in _lines(error))


def test_fact_values_are_text_whatever_yaml_1_1_thinks() -> None:
    located = parse_declaration(DECLARATION.read_text(encoding="utf-8"), "drones")
    licensed = located.declaration.fact("licensed")
    assert licensed is not None and licensed.settled == ("yes", "no")
    assert located.declaration.effective == "2025-01-15"


def test_a_file_that_is_not_a_mapping_is_refused() -> None:
    with pytest.raises(PolicyError, match=r"^x:1: a policy declaration is a mapping"):
        parse_declaration("- just\n- a list\n", "x")
