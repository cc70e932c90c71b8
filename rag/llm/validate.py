"""Whether a reply is exactly what the response schema asks for: one JSON object, valid
against the schema, and nothing around it. The tolerant parser reads what it can either way;
this says whether it had to."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["schema_problems"]


def schema_problems(text: str, schema: dict[str, Any]) -> list[str]:
    """Empty when `text` is a JSON document valid against `schema`; else what is wrong
    (the first few violations)."""
    import jsonschema

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return [f"not a JSON document ({exc.msg} at character {exc.pos})"]
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))[:5]:
        where = "/".join(str(p) for p in error.absolute_path) or "(top)"
        problems.append(f"{where}: {error.message[:120]}")
    return problems
