"""The decision record's JSON Schema, committed as docs/decision-record.schema.json.

A test checks the committed file equals this; after a deliberate change of the record
(and a new SCHEMA_VERSION), rewrite it with `python -m rag.record.schema`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from rag.record.model import SCHEMA_VERSION, DecisionRecord

__all__ = ["SCHEMA_PATH", "json_schema", "schema_text"]

SCHEMA_PATH = Path("docs") / "decision-record.schema.json"


def json_schema() -> dict[str, Any]:
    schema = DecisionRecord.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:policyqa:decision-record:{SCHEMA_VERSION}",
        **schema,
    }


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else SCHEMA_PATH
    target.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {target}", file=sys.stderr)
