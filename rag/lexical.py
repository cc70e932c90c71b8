"""Word normalisation shared by BM25 and extractive sentence scoring."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["content_terms", "stem"]

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    extra = {"can", "could", "would", "may", "might", "also", "does", "did", "use", "using"}
    return frozenset(STOPWORDS_EN) | extra


def stem(word: str) -> str:
    """A light suffix stripper: enough to match camera/cameras, identify/identifying."""
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + keep
    return word


def content_terms(text: str) -> list[str]:
    """Lower-cased, stemmed words without stopwords."""
    stop = _stopwords()
    words = _WORD.findall(text.lower().replace("’", "'"))
    return [stem(w) for w in words if w not in stop and len(w) > 1]
