"""Token counts with the offline cl100k encoding (shared with ingest), and cutting to fit."""

from __future__ import annotations

from ingest.tokens import cl100k, count_tokens

__all__ = ["count_tokens", "truncate"]


def truncate(text: str, tokens: int) -> str:
    """The longest prefix of `text` within `tokens` tokens (cut at a token boundary)."""
    ids = cl100k().encode(text, disallowed_special=())
    if len(ids) <= tokens:
        return text
    return cl100k().decode(ids[: max(tokens, 0)])
