"""Words a text only mentions: the policy's own subject ("the restriction on facial
recognition"), quoted terms ("'facial recognition purposes'") and premises ("Given that
only live use is banned, ..."). Cues there count as hints, not as facts of the case."""

from __future__ import annotations

import re

from rag.facts.text import NormText

__all__ = ["Mentions"]

# Words that name the policy's own subject, not the user's case: "the restriction on
# facial recognition or policing", "the part about police", "'facial recognition purposes'".
_POLICY_PART = re.compile(
    r"\b(?:the |any of the |that |this )(?:[\w']+ ){0,3}?(?:stuff|parts?|bits?|sections?|rules?|language|ban) "
    r"(?:in|of) (?:the |this |microsoft's |azure's )?(?:code|policy|rules|terms)\b"
)
_POLICY_TOPIC = re.compile(
    r"\b(?:code(?: of conduct)?|polic(?:y|ies)|rules?|restrictions?|prohibitions?|clauses?|parts?|sections?|"
    r"language|provisions?|ban|bans|terms|wording)(?: (?!says?\b|said\b|states?\b|stated\b)[\w']+){0,3}? "
    r"(?:on|about|regarding|concerning|covering|"
    r"against|around)(?: [\w']+){0,4}? $"
)
# A premise states a claim about the policy, not the case: "Given that only live use is
# banned, may the Denver police ...", "Since the rules only cover police, a retailer ...".
_PREMISE = re.compile(
    r"(?:^|[.!?;,\n] ?)((?:given that|since|because|considering that|seeing that|now that|assuming that|"
    r"pretend|suppose that|i (?:already )?know|i keep reading that|i read that|i've read that|"
    r"(?:one|an|the|another|other) (?:article|source|report|piece|outlet)s? (?:says|said|claims|claimed|reports)|"
    r"another (?:one )?(?:says|said|claims)|everyone knows)\b[^,.;!?\n]*)"
)
# "the US police clause", "the 'in the wild' wording", "the surveillance clause": a
# clause named by its words; they describe the policy, not the user's case.
_CLAUSE_NAMED = re.compile(
    r"\b(?:the |this |that |its )(?:[\w']+ ){1,7}?(?:clauses?|wording|provisions?|restrictions?|prohibitions?)\b"
)
# "does blurring count as facial recognition?", "the clause only says facial recognition":
# a term asked about or quoted from the policy, not the user's use.
_DEFINITION = re.compile(
    r"\b(?:count|counts|counted|qualif(?:y|ies)|considered|classed|treated|amount to|amounts to) (?:as )?(?:a |an )?"
    r"(?:form of |kind of |type of )?(?:facial recognition|face recognition|biometric identification|surveillance|tracking)\b|"
    r"\bis (?:that|this|it) (?:still |even |really |actually )?(?:a form of |a kind of )?(?:facial recognition|face recognition|"
    r"biometric identification|surveillance)\b|"
    r"\b(?:clause|code|policy|rule|ban|text|wording) (?:only |just )?(?:says?|mentions?|covers?|talks about|names?) "
    r"[^.,;!?\n]{1,60}|"
    r"\b(?:the |its |microsoft's )?(?:facial|face) recognition (?:rules?|ban|bans|clauses?|restrictions?|policy|provisions?|change)\b"
)
_QUOTED = re.compile(r"\"[^\"\n]{1,200}\"|(?<!\w)'[^'\n]{1,120}'(?!\w)")


class Mentions:
    """Where a text only mentions things: quotes, premises, the policy's own subject."""

    def __init__(self, nt: NormText) -> None:
        self.nt = nt
        self.spans = [(m.start(), m.end()) for m in _QUOTED.finditer(nt.norm)]
        self.spans += [(m.start(1), m.end(1)) for m in _PREMISE.finditer(nt.norm)]
        self.spans += [(m.start(), m.end()) for m in _CLAUSE_NAMED.finditer(nt.norm)]
        self.spans += [(m.start(), m.end()) for m in _POLICY_PART.finditer(nt.norm)]
        self.spans += [(m.start(), m.end()) for m in _DEFINITION.finditer(nt.norm)]

    def only_mentions(self, start: int) -> bool:
        """Whether the words at norm offset `start` only name the policy's subject, quote
        it or state a premise: a hint ("do it" may point back at them), not a fact."""
        if any(s <= start < e for s, e in self.spans):
            return True
        nt = self.nt
        first = nt.sentence(nt.token_at(start))[0]
        clause_start = nt.tokens[first].start if first < len(nt.tokens) else 0
        before = nt.norm[max(clause_start, start - 120) : start]
        return _POLICY_TOPIC.search(before) is not None
