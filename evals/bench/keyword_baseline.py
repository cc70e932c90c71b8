"""The "retrieve-and-quote" baseline: what a RAG app without rules would conclude.

It retrieves the top passages for the question and infers a verdict from keywords only:
- nothing of the question's content words appears in the passages -> out_of_scope;
- the question does not ask for permission -> informational (quote the passages);
- it asks about identifying, matching or tracking people and a passage states a ban
  -> prohibited; such a use with no ban among the passages -> depends;
- any other use asked about -> not_prohibited.
Written once from this description and not tuned on the datasets: it shows what keyword
matching over retrieved text can do, so the value of the facts-and-rules step is a number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from evals.oracle import Verdict
from rag.lexical import content_terms

__all__ = ["KeywordVerdict", "keyword_verdict", "retrieve_and_quote"]

# Words with which people ask whether something may be done.
_ASKS_PERMISSION = re.compile(
    r"\b(can|could|may|might|allowed|allow|allows|permitted|permit|legal|ok|okay|"
    r"prohibited|banned|forbidden|covered|cover|covers|apply|applies)\b",
    re.IGNORECASE,
)
# Uses that identify, match or follow people.
_RESTRICTED_USE = re.compile(
    r"\b(face|faces|facial|recogni[sz]\w*|biometric\w*|identify\w*|identification|"
    r"match|matches|matching|surveil\w*|track|tracks|tracking|gait|iris|fingerprints?)\b",
    re.IGNORECASE,
)
# Passage language that states a prohibition.
_BAN = re.compile(
    r"\b(must not|prohibit\w*|bans?|banned|bars?|barred|not be used|no longer)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class KeywordVerdict:
    verdict: Verdict
    passages: list[str]


def keyword_verdict(question: str, passages: Sequence[str]) -> Verdict:
    asked = set(content_terms(question))
    found = set()
    for passage in passages:
        found |= set(content_terms(passage))
    if not asked & found:
        return Verdict.out_of_scope
    if not _ASKS_PERMISSION.search(question):
        return Verdict.informational
    if _RESTRICTED_USE.search(question):
        if any(_BAN.search(p) for p in passages):
            return Verdict.prohibited
        return Verdict.depends
    return Verdict.not_prohibited


def retrieve_and_quote(
    search: Callable[[str, int], list[str]], k: int = 3
) -> Callable[[str], KeywordVerdict]:
    """The baseline answerer over any search that returns passage texts, best first."""

    def answer(question: str) -> KeywordVerdict:
        passages = search(question, k)
        return KeywordVerdict(keyword_verdict(question, passages), passages)

    return answer
