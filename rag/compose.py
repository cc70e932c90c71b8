"""The offline answer: verdict first, then why (quoting the clause), with numbered citations."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rag.lexical import content_terms
from rag.models import Citation, Disagreement
from rag.policy import UNKNOWN, Decision, Tri, Verdict, default_policy
from rag.policy.engine import compile_condition
from rag.policy.wording import VERDICT_HEADLINES, Wording

if TYPE_CHECKING:
    from pydantic import BaseModel

    from rag.policy.engine import Policy
    from rag.retrieval import Hit, Retriever

__all__ = ["Citations", "Composer", "best_sentences", "citation_from", "split_sentences"]

# Below this cosine similarity (and with no shared content word) a passage is not evidence.
MIN_DENSE = 0.35
# Statements quoted in an informational answer.
INFORMATIONAL_QUOTES = 3
# How many depends scenarios are spelled out in the text (all are in Answer.branches).
MAX_BRANCHES_IN_TEXT = 8
# A claim of the coverage is pointed out only when the passage found is close to it.
MIN_OVERSTATEMENT_DENSE = 0.5
_COUNTS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[A-Z0-9“\"(])|\n+")
_STRIP = " \t•–-"


def _spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or line, trimmed of bullets and blanks."""
    spans, start = [], 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip(_STRIP))
        tail = len(piece.rstrip(_STRIP))
        if tail - lead > 2:
            spans.append((start + lead, start + tail))
        start = match.end() if match else end
    return spans


def split_sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in _spans(text)]


def _units(text: str) -> list[str]:
    """Quotable statements, each an exact substring of `text`: sentences; a heading ending
    in ':' with the list it introduces (up to three items); a short title line with the
    sentence under it."""
    spans = _spans(text)
    units = []
    for i, (a, b) in enumerate(spans):
        piece = text[a:b]
        words = len(piece.split())
        if piece.endswith(":") and i + 1 < len(spans):
            units.append(text[a : spans[min(i + 3, len(spans) - 1)][1]])
        elif words < 5 and piece[-1].isalnum() and i + 1 < len(spans):
            units.append(text[a : spans[i + 1][1]])
        elif not piece.endswith("?") and words >= 5:
            units.append(piece)
    return units or [text[a:b] for a, b in spans]


def _unit_score(unit: str, wanted: set[str], weigh: Callable[[str], float]) -> float:
    terms = content_terms(unit)
    return sum(weigh(t) for t in wanted & set(terms)) / (1 + len(terms)) ** 0.15


def best_sentences(
    text: str, query: str, n: int = 1, weight: Callable[[str], float] | None = None
) -> list[str]:
    """The statements of `text` that share the most telling words with `query`, in text
    order. `weight` scores a word (idf); questions and fragments are not evidence."""
    wanted = set(content_terms(query))
    weigh = weight or (lambda _t: 1.0)
    units = _units(text)
    scored = [(_unit_score(u, wanted, weigh), i, u) for i, u in enumerate(units)]
    top = sorted(scored, key=lambda t: (-t[0], t[1]))[:n]
    return [u for score, _, u in sorted(top, key=lambda t: t[1]) if score > 0] or units[:n]


def citation_from(hit: Hit, number: int, quote: str | None = None) -> Citation:
    chunk = hit.chunk
    return Citation(
        number=number,
        chunk_id=chunk.id,
        source=chunk.source,
        title=chunk.title,
        publisher=chunk.publisher,
        date=chunk.date,
        kind=chunk.kind,
        quote=quote if quote is not None else chunk.text,
        clause_id=chunk.clause_id,
        score=round(hit.score, 5),
    )


@dataclass
class Citations:
    """Numbers passages in order of first mention; a passage cited twice keeps its number."""

    items: list[Citation] = field(default_factory=list)

    def cite(self, hit: Hit, quote: str | None = None) -> str:
        for c in self.items:
            if c.chunk_id == hit.chunk.id and (quote is None or c.quote == quote):
                return f"[{c.number}]"
        citation = citation_from(hit, len(self.items) + 1, quote)
        self.items.append(citation)
        return f"[{citation.number}]"


def _relevant(hit: Hit, query: str) -> bool:
    """Evidence, not noise: semantically close and sharing a word, or sharing most words."""
    wanted = set(content_terms(query))
    shared = wanted & set(content_terms(hit.chunk.text))
    if not shared:
        return False
    return (hit.dense or 0.0) >= MIN_DENSE or len(shared) >= max(2, len(wanted) / 2)


# How each reader is named to the user.
_READER_NAMES = {
    "words": "the wording",
    "trained": "the trained reader",
    "offline": "the offline reader",
    "model": "the language model",
}


def _doubts(doubts: Sequence[Disagreement], words: Wording) -> list[str]:
    """Say what could not be read with certainty, before the reasons: a fact the question
    states both ways, or one the two readers read differently."""
    describe_condition = words.describe_condition
    lines = []
    for d in doubts:
        fact = words.describe_fact(d.fact)
        if d.kind == "contradiction":
            said = " and ".join(f"{quoted} ({describe_condition(d.fact, v)})" for quoted, v in d.readings.items())
            lines.append(f"The question says both {said}, so *{fact}* is left open: which is it?")
        elif d.decides:
            views = "; ".join(
                f"{_READER_NAMES.get(who, who)}: {describe_condition(d.fact, v)}"
                for who, v in d.readings.items()
            )
            outcome = (
                "so it is left open and asked about below" if d.kept is None
                else "so the stricter reading is kept"
            )
            lines.append(
                f"*{fact.capitalize()}* is read two ways here ({views}) and the verdict turns "
                f"on it, {outcome}."
            )
    return lines


def _reasons_rule_is_no(policy: Policy, values: dict[str, str], clause_id: str) -> list[str]:
    """The settled facts that keep a rule from applying, in words.

    First the facts that alone make it `no`; else those whose unsettling lifts the `no`;
    else every settled fact the rule reads (several facts each suffice).
    """
    rule = policy.rule(clause_id)
    settled = [n for n in rule.reads if values[n] != UNKNOWN]
    blank = dict.fromkeys(policy.fact_names, UNKNOWN)
    alone = [n for n in settled if rule.applies({**blank, n: values[n]}) is Tri.no]
    lifting = [n for n in settled if rule.applies({**values, n: UNKNOWN}) is not Tri.no]
    names = alone or lifting or settled
    return [policy.wording.describe_condition(n, values[n]) for n in names]


class Composer:
    """Writes the offline answer for a policy (by default the shipped one) from its
    declared clauses, facts and wording."""

    def __init__(self, retriever: Retriever, policy: Policy | None = None) -> None:
        self.retriever = retriever
        self.policy = policy or default_policy()
        self.words = self.policy.wording
        self._overstatements = [
            (compile_condition(o.when), o) for o in self.policy.declaration.overstatements
        ]

    # --- verdict questions ---------------------------------------------------------

    def verdict(
        self,
        question: str,
        facts: BaseModel,
        decision: Decision,
        doubts: Sequence[Disagreement] = (),
    ) -> tuple[str, list[Citation]]:
        values = self.policy.values(facts)
        cites = Citations()
        parts = [f"**{VERDICT_HEADLINES[decision.verdict]}**", *_doubts(doubts, self.words)]
        if decision.verdict is Verdict.prohibited:
            parts += self._prohibited(values, decision, cites)
        elif decision.verdict is Verdict.depends:
            parts += self._depends(decision, cites)
        else:
            parts += self._not_prohibited(values, cites)
        parts += self._caveats(decision, cites)
        parts += self._overstatement(values, decision, cites)
        parts += self._context(question, values, cites)
        return "\n\n".join(p for p in parts if p), cites.items

    def _quote_clause(self, clause_id: str, cites: Citations) -> str:
        hit = self.retriever.clause(clause_id)
        return f"{self.policy.declaration.quote_lead} “{hit.chunk.text}” {cites.cite(hit)}"

    def _prohibited(self, values: dict[str, str], decision: Decision, cites: Citations) -> list[str]:
        lines = []
        for cid in decision.clauses:
            why = [
                self.words.describe_condition(n, values[n])
                for n in self.policy.rule(cid).reads
                if values[n] != UNKNOWN
            ]
            lines.append(
                f"It falls under the clause on *{self.words.clause_names[cid]}* (`{cid}`): "
                f"{self._quote_clause(cid, cites)}. It applies because {'; '.join(why)}."
            )
        return lines

    def _depends(self, decision: Decision, cites: Citations) -> list[str]:
        open_words = ", ".join(self.words.describe_fact(f) for f in decision.open_facts)
        lines = [f"No clause applies on what the question says; it turns on: {open_words}."]
        bullets = []
        for branch in decision.branches[:MAX_BRANCHES_IN_TEXT]:
            when = self.words.describe_scenario(branch.when)
            if branch.verdict is Verdict.prohibited:
                refs = "".join(cites.cite(self.retriever.clause(c)) for c in branch.clauses)
                names = "; ".join(f"*{self.words.clause_names[c]}*" for c in branch.clauses)
                bullets.append(f"- If {when}: prohibited by the clause on {names} {refs}.")
            else:
                bullets.append(f"- If {when}: not prohibited by these clauses.")
        hidden = len(decision.branches) - MAX_BRANCHES_IN_TEXT
        if hidden > 0:
            bullets.append(f"- ({hidden} more scenarios are listed with the answer.)")
        lines.append("\n".join(bullets))
        return lines

    def _not_prohibited(self, values: dict[str, str], cites: Citations) -> list[str]:
        d = self.policy.declaration
        reasons = [
            f"*{self.words.clause_names[cid]}* does not apply: "
            f"{'; '.join(_reasons_rule_is_no(self.policy, values, cid))}."
            for cid, v in self.policy.rule_values(values).items()
            if v is Tri.no
        ]
        count = len(self.policy.rules)
        if count == 1:
            head = f"The {d.short_name} clause on this subject does not apply.\n"
        elif count == 2:
            head = f"Neither of the two {d.short_name} clauses on this subject applies.\n"
        else:
            number = _COUNTS[count] if count < len(_COUNTS) else str(count)
            head = f"None of the {number} {d.short_name} clauses on this subject applies.\n"
        return [
            head + "\n".join(f"- {r}" for r in reasons),
            f"This is not an approval: {d.general_requirements}.",
        ]

    def _caveats(self, decision: Decision, cites: Citations) -> list[str]:
        lines = []
        for caveat in self.policy.declaration.caveats:
            shown = [c for c in caveat.clauses if c in decision.caveats]
            if shown:
                refs = "".join(cites.cite(self.retriever.clause(c)) for c in shown)
                lines.append(f"Caveat: {caveat.says} {refs}; {caveat.advice}.")
        return lines

    def _overstatement(self, values: dict[str, str], decision: Decision, cites: Citations) -> list[str]:
        """Where the coverage claims more than the clauses say, and this answer is one the
        claim would get wrong, say so."""
        lines = []
        for test, note in self._overstatements:
            if test(values) is not Tri.yes or decision.verdict not in note.verdicts:
                continue
            hits = self.retriever.search(note.claim, k=1, kind="news")
            if not hits or (hits[0].dense or 0.0) < MIN_OVERSTATEMENT_DENSE:
                continue
            quote = best_sentences(hits[0].chunk.text, note.claim, weight=self.retriever.term_weight)[0]
            lines.append(f"Note: {note.says} {cites.cite(hits[0], quote)}. {note.reply}")
        return lines

    def _context(self, question: str, values: dict[str, str], cites: Citations) -> list[str]:
        """The best news passage for this scenario: the question plus its settled facts."""
        conditions = [
            self.words.describe_condition(name, value)
            for name, value in values.items()
            if value != UNKNOWN
        ]
        hint = " ".join(conditions)
        hits = self.retriever.search(question, k=2, kind="news", hint=hint)
        hits = [h for h in hits if _relevant(h, question)]
        if not hits:
            return []
        sentence = best_sentences(
            hits[0].chunk.text, f"{question} {hint}", weight=self.retriever.term_weight
        )[0]
        return [f"From the coverage: “{sentence}” {cites.cite(hits[0], sentence)}"]

    # --- informational and out-of-scope -------------------------------------------

    def informational(self, question: str) -> tuple[str, list[Citation]]:
        """Extractive: the statements of the top passages that best answer the question."""
        hits = [h for h in self.retriever.search(question, k=5) if _relevant(h, question)]
        if not hits:
            return (
                "I found nothing in the documents that answers this. I can answer questions "
                "about the Azure OpenAI Service Code of Conduct on facial recognition and "
                "law enforcement, and about its coverage.",
                [],
            )
        wanted = set(content_terms(question))
        weigh = self.retriever.term_weight
        # Every statement of every passage competes; the passage's rank breaks near-ties.
        candidates = sorted(
            (
                (_unit_score(unit, wanted, weigh) * (1 - 0.05 * rank), rank, unit, hit)
                for rank, hit in enumerate(hits)
                for unit in _units(hit.chunk.text)
            ),
            key=lambda t: (-t[0], t[1]),
        )
        cites = Citations()
        lines: list[str] = []
        quoted: set[str] = set()
        for score, _, unit, hit in candidates:
            if len(lines) == INFORMATIONAL_QUOTES or (lines and score <= 0):
                break
            if unit in quoted:  # overlapping chunks repeat a sentence
                continue
            quoted.add(unit)
            label = f" (`{hit.chunk.clause_id}`)" if hit.chunk.clause_id else ""
            lines.append(f"- “{unit}”{label} {cites.cite(hit, unit)}")
        return "From the documents:\n" + "\n".join(lines), cites.items

    @staticmethod
    def glossed_note() -> str:
        return (
            "*I read the words of your question that are not in English through a word-for-word "
            "glossary. Check the facts I read below, and correct any I got wrong.*"
        )

    @staticmethod
    def not_english() -> str:
        return (
            f"**{VERDICT_HEADLINES['out_of_scope']}** I read questions in English, and in French, "
            "Spanish, Portuguese, Italian, German or Dutch through a word-for-word glossary; I could "
            "not read this one, so I give no verdict on it. Please ask again in English (the LLM "
            "backend, when configured, answers in other languages)."
        )

    @staticmethod
    def out_of_scope() -> str:
        return (
            f"**{VERDICT_HEADLINES['out_of_scope']}** I answer questions about the Code of Conduct "
            "for Azure OpenAI Service on facial recognition, surveillance and law enforcement, "
            "and about its coverage. This question is outside that."
        )
