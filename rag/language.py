"""Is a question in English? The offline reader only understands English."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["looks_english"]

_WORD = re.compile(r"[^\W\d_]+")
# The commonest function words of the European languages a user is likeliest to write in
# (French, Spanish, German, Italian, Portuguese, Dutch); none is also an English word.
_FOREIGN = frozenset(
    word
    for line in (
        "le la les des du une est peut pour avec dans sur qui que pas ce cette sont",  # fr
        "el los las una por para con del es puede pero como",  # es
        "der das und ist ein eine nicht mit von zu den dem wird oder auch darf",  # de
        "il di che per non della sono",  # it
        "um uma não com são pode",  # pt
        "het een van niet zijn kan",  # nl
    )
    for word in line.split()
)


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    from rag.lexical import STOPWORDS_EN

    return STOPWORDS_EN | {"can", "may", "could", "would", "should", "does", "did"}


def looks_english(text: str) -> bool:
    """Mostly Latin letters, and not more foreign function words than English ones.

    Keyword-style English ("NYPD CCTV stills face match allowed?") has few function words
    of either kind and passes.
    """
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    if sum(c.isascii() for c in letters) / len(letters) < 0.6:
        return False
    words = [w.lower() for w in _WORD.findall(text)]
    foreign = sum(w in _FOREIGN for w in words)
    english = sum(w in _english() for w in words)
    return foreign < 2 or english > foreign
