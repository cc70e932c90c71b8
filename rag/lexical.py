"""Word normalisation shared by BM25 and extractive sentence scoring."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["content_terms", "stem"]

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    extra = {"can", "could", "would", "may", "might", "also", "does", "did", "use", "using",
             "what", "which", "who", "whom", "when", "where", "why", "how", "tell", "say", "said"}
    return frozenset(STOPWORDS_EN) | extra


_SUFFIXES = (("ments", ""), ("ment", ""), ("ies", "y"), ("ied", "y"), ("ings", ""),
             ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


def stem(word: str) -> str:
    """A light suffix stripper: announce/announced/announcement, camera/cameras share a stem."""
    for suffix, keep in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + keep
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def content_terms(text: str) -> list[str]:
    """Lower-cased, stemmed words without stopwords."""
    stop = _stopwords()
    words = _WORD.findall(text.lower().replace("’", "'"))
    return [stem(w) for w in words if w not in stop and len(w) > 1]
