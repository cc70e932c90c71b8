"""Word normalisation shared by BM25 and extractive sentence scoring."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["content_terms", "stem"]

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    extra = {"can", "could", "would", "may", "might", "also", "does", "did", "use", "using",
             "what", "which", "about", "who", "whom", "when", "where", "why", "how", "tell", "say", "said"}
    return frozenset(STOPWORDS_EN) | extra


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer  # PyStemmer: Snowball English, C speed

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball stem: announce/announced/announcement, bias/biases share one."""
    return str(_stemmer().stemWord(word))


def content_terms(text: str) -> list[str]:
    """Lower-cased, stemmed words without stopwords."""
    stop = _stopwords()
    words = _WORD.findall(text.lower().replace("’", "'"))
    return [stem(w) for w in words if w not in stop and len(w) > 1]
