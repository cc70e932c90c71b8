"""Checks on the model's own text before it is the answer.

- Prompt leak: a model told to print its instructions may obey. Any sentence of 40+
  characters from our prompt files found in its text (case and whitespace aside) means
  the text is withdrawn.
- Echo: a model may repeat an injected passage as its own words. A sentence that copies
  6+ consecutive words, or a long code-like token (a canary), from a passage that is not
  a policy clause is dropped, unless the copy sits inside quotation marks and the sentence
  carries that passage's marker: a cited quote, which the reader can see for what it is.
  Words the passage shares with a policy clause do not count (articles quote the clauses).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources

__all__ = ["drop_echoes", "leaks_prompt"]

_N = 6  # consecutive words that make a copy
_WORD = re.compile(r"\w+")
# A token of 12+ characters mixing letters and digits: a reference, key or canary.
_TOKEN = re.compile(r"[A-Za-z0-9][\w-]{11,}")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")
_MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


@cache
def _prompt_sentences() -> tuple[str, ...]:
    """The unmistakable sentences of every prompt file, normalised (loaded once)."""
    out: list[str] = []
    for path in (resources.files("rag") / "prompts").iterdir():
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            for sentence in re.split(r"(?<=[.:;])\s+", line.strip()):
                if len(sentence) >= 40:
                    out.append(_norm(sentence))
    return tuple(out)


def leaks_prompt(text: str) -> bool:
    shown = _norm(text)
    return any(sentence in shown for sentence in _prompt_sentences())


def _tokens(text: str) -> set[str]:
    return {
        t.lower() for t in _TOKEN.findall(text) if re.search(r"\d", t) and re.search(r"[A-Za-z]", t)
    }


def _grams(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + _N]) for i in range(len(words) - _N + 1)}


def _copies(text: str, grams: set[tuple[str, ...]], tokens: set[str]) -> bool:
    return bool(_grams(text) & grams or _tokens(text) & tokens)


def drop_echoes(
    text: str, sources: Sequence[tuple[int | None, str]], policy: Iterable[str]
) -> tuple[str, int]:
    """`text` without the sentences that echo a source; and how many were dropped.

    `sources`: (the marker number shown for the passage, or None when it is not cited; its
    text) for each passage that is not a policy clause; `policy`: the clause texts.
    """
    clause_text = " ".join(policy)
    common_grams, common_tokens = _grams(clause_text), _tokens(clause_text)
    prints = [
        (shown, _grams(body) - common_grams, _tokens(body) - common_tokens)
        for shown, body in sources
    ]
    kept: list[str] = []
    dropped = 0
    for sentence in _SENTENCE.split(text):
        outside = _QUOTED.sub(" ", sentence)
        cited = {int(n) for m in _MARKER.finditer(sentence) for n in re.findall(r"\d+", m[1])}
        echo = False
        for shown, grams, tokens in prints:
            if _copies(outside, grams, tokens):
                echo = True  # own words copying the source
            elif _copies(sentence, grams, tokens) and shown not in cited:
                echo = True  # a quote, but not marked as this source's
        if echo:
            dropped += 1
        else:
            kept.append(sentence)
    return (" ".join(kept), dropped) if dropped else (text, 0)
