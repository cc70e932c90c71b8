"""Reading a `*.policy.yaml`: YAML -> plain data (remembering the line of every part) ->
the pydantic declaration. Any problem is a `PolicyError` naming the file and line.

Every scalar is read as text: `yes`, `no`, `000` and `2024-05` stay the strings they look
like (YAML 1.1 would make booleans, numbers and dates of them), so a policy author never
has to quote a fact value. An empty value is null.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from rag.policy.declaration import CONDITION_TAGS, PolicyDeclaration

__all__ = ["Located", "PolicyError", "Problem", "load_declaration", "parse_declaration"]

Path_ = tuple[str | int, ...]  # a place in the data: keys and list indices
_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a declaration, at a place in its data."""

    where: Path_
    message: str


class PolicyError(ValueError):
    """A declaration that cannot be used; each line of the message is `file:line: what`."""

    def __init__(self, source: str, problems: Sequence[tuple[int | None, str]]) -> None:
        self.source = source
        self.problems = list(problems)
        lines = [f"{source}:{line}: {msg}" if line else f"{source}: {msg}" for line, msg in problems]
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class Located:
    """A declaration with the line of each part of it, for messages."""

    declaration: PolicyDeclaration
    source: str
    lines: dict[Path_, int]

    def line(self, where: Path_) -> int | None:
        """The line of the deepest part of `where` the file has."""
        return _line(self.lines, where)

    def error(self, problems: Sequence[Problem]) -> PolicyError:
        return PolicyError(self.source, [(self.line(p.where), p.message) for p in problems])


def _line(lines: dict[Path_, int], where: Path_) -> int | None:
    for end in range(len(where), -1, -1):
        if where[:end] in lines:
            return lines[where[:end]]
    return None


def _plain(node: yaml.Node, where: Path_, lines: dict[Path_, int], source: str) -> Any:
    lines.setdefault(where, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise PolicyError(source, [(key_node.start_mark.line + 1, "a key must be a plain word")])
            key = str(key_node.value)
            if key in out:
                raise PolicyError(source, [(key_node.start_mark.line + 1, f"{key!r} is given twice")])
            lines[(*where, key)] = key_node.start_mark.line + 1
            out[key] = _plain(value_node, (*where, key), lines, source)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, (*where, i), lines, source) for i, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)
    if node.style is None and node.value in _NULLS:
        return None
    return str(node.value)


def _follow(data: Any, loc: Sequence[str | int]) -> Path_:
    """The part of pydantic's error location that exists in the data (it inserts the tags
    of the kind of condition; its aliases are the file's own keys)."""
    where: list[str | int] = []
    for key in loc:
        if key in CONDITION_TAGS:
            continue
        if isinstance(data, dict) and isinstance(key, str):
            if key not in data:
                where.append(key)  # a missing or unexpected key: report at its mapping
                break
            data = data[key]
        elif isinstance(data, list) and isinstance(key, int) and 0 <= key < len(data):
            data = data[key]
        else:
            continue  # inside a scalar: the error is about it
        where.append(key)
    return tuple(where)


def _describe(error: Any, where: Path_) -> str:
    place = ".".join(str(k) for k in where) or "the file"
    message = str(error["msg"])
    if error["type"] == "missing":
        return f"{place}: is required"
    if error["type"] == "extra_forbidden":
        return f"{place}: is not a field here"
    return f"{place}: {message}"


def parse_declaration(text: str, source: str = "<policy>") -> Located:
    """A declaration from YAML text; `source` names it in messages."""
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        message = f"not valid YAML: {exc.problem or exc}"
        if exc.context and exc.context_mark is not None and exc.context_mark.line + 1 != line:
            message += f" ({exc.context} on line {exc.context_mark.line + 1})"
        raise PolicyError(source, [(line, message)]) from exc
    except yaml.YAMLError as exc:
        raise PolicyError(source, [(None, f"not valid YAML: {exc}")]) from exc
    if root is None or not isinstance(root, yaml.MappingNode):
        raise PolicyError(source, [(1, "a policy declaration is a mapping (id:, version:, ...)")])
    lines: dict[Path_, int] = {}
    data = _plain(root, (), lines, source)
    try:
        declaration = PolicyDeclaration.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            where = _follow(data, error["loc"])
            problems.append((_line(lines, where), _describe(error, where)))
        raise PolicyError(source, problems) from None
    return Located(declaration, source, lines)


def load_declaration(path: Path) -> Located:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(str(path), [(None, f"cannot read it: {exc}")]) from exc
    return parse_declaration(text, str(path))
