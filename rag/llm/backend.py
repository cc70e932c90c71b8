"""The `llm` backend: rewrite -> retrieve -> stream a structured answer -> check it against
the rules -> an Answer with citations, usage and any notices. In facts-only mode
(POLICYQA_LLM_MODE=facts): one short call for the facts -> the rules -> the offline
composer's cited answer. In both, the model's reading is compared with the offline reader's
(rag.llm.readers, rag.llm.check), and the response format steps down from a strict JSON
schema as the server refuses (rag.llm.structured).

Streaming with structure: the model writes one JSON object (facts, verdict, answer, cited);
the raw tokens are scanned as they arrive and the text of its "answer" field is streamed
to the caller, with citation markers to passages it was not given held back and dropped.
When the reply holds no JSON at all, its plain text is the answer, sent once it ends.
The streamed pieces add up to Answer.answer, with one exception: when the finished text
fails a check of rag.llm.guard (a prompt leak, an echoed document), a last piece withdraws
what was streamed and carries the corrected text, so the pieces end with Answer.answer
(and a notice says so).

Faults: an endpoint that does not answer (after retries) or is not configured falls back
to the offline engine with a notice. A stream that breaks after answer text was shown is
kept, marked `incomplete`, never passed off as whole (and never restarted: the user has
read part of it).
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ingest.errors import IndexMissingError
from rag.facts.reading import FactsReading
from rag.llm.budget import count_tokens
from rag.llm.chain import Chains, build_chains, delta_of, prompt_text
from rag.llm.check import Judgement, judge
from rag.llm.context import Passage, build_context, render
from rag.llm.facts_call import facts_inputs
from rag.llm.guard import drop_echoes, leaks_prompt
from rag.llm.jsonscan import FieldStream
from rag.llm.markers import MarkerFilter, filter_markers
from rag.llm.parse import ParsedReply, parse_reply
from rag.llm.provider import LLMConfigError, build_chat_model
from rag.llm.readers import MODEL, OFFLINE, model_reading, values_of
from rag.llm.retry import (
    Attempts,
    LLMUnavailable,
    RetryPolicy,
    StreamBroken,
    call_with_retries,
)
from rag.llm.rewrite import rewrite_question
from rag.llm.schema import ReplyKind, response_schema
from rag.llm.structured import LABELS, Capability, Mode, modes_for, stream_structured
from rag.llm.validate import schema_problems
from rag.models import Answer, Citation, Disagreement, Turn
from rag.policy import Verdict, default_policy

if TYPE_CHECKING:
    from rag.offline import OfflineBackend
    from rag.retrieval import Hit, Retriever
    from rag.settings import Settings

__all__ = ["LLMBackend", "build_backend"]

# Finish reasons that mean the model stopped on its own.
_FINISHED = {"stop", "eos", "end_turn"}
_CORRECTION = "⚠ Correction: the text above did not pass our checks; the answer is:"
_CORRECTED_NOTICE = (
    "The streamed text was corrected after it ended; the answer here replaces it (so the "
    "streamed pieces end with this answer instead of equalling it)."
)



def _usage(run: _Run, schema_valid: int, *, passages: int = 0, dropped: int = 0) -> dict[str, int]:
    """What one answer's calls cost, as `Answer.usage` reports it."""
    return {
        "prompt_tokens": run.prompt_tokens,
        "completion_tokens": run.completion_tokens,
        "total_tokens": run.prompt_tokens + run.completion_tokens,
        "usage_estimated": int(run.usage_estimated),
        "llm_calls": run.attempts.calls,
        "retries": run.attempts.retries,
        "passages": passages,
        "dropped_citations": dropped,
        "schema_valid": schema_valid,
    }

def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 3)


@dataclass
class _Run:
    """The state of one question: what was shown, what it cost, what went wrong."""

    started: float = field(default_factory=time.perf_counter)
    attempts: Attempts = field(default_factory=Attempts)
    timings: dict[str, float] = field(default_factory=dict)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    usage_estimated: bool = False  # the server reported no usage: counted with cl100k
    shown: list[str] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    finish: str | None = None
    broken: str | None = None
    clause_chunks: set[str] = field(default_factory=set)  # ids of the policy clauses given
    corrected: bool = False  # the final text differs from what was streamed
    mode: Mode | None = None  # the structured-output mode of the last call opened
    refusals: list[str] = field(default_factory=list)  # response formats the server refused

    def add_usage(self, usage: dict[str, int] | None, prompt: str, completion: str) -> None:
        """The server's counts, or (when it sent none) our own count of the same text."""
        if usage is None:
            self.usage_estimated = True
            usage = {
                "prompt_tokens": count_tokens(prompt),
                "completion_tokens": count_tokens(completion),
            }
        self.prompt_tokens += usage["prompt_tokens"]
        self.completion_tokens += usage["completion_tokens"]


class LLMBackend:
    """Answers with a chat model; every verdict is checked against the rules."""

    name = "llm"

    def __init__(self, settings: Settings, retriever: Retriever, offline: OfflineBackend) -> None:
        self.settings = settings
        self.retriever = retriever
        self.offline = offline
        self.policy = RetryPolicy(
            max_retries=settings.llm_max_retries,
            timeout_s=settings.llm_timeout_s,
            max_wait_s=settings.llm_timeout_s,
        )
        self._chains: Chains | None = None
        self._lock = threading.Lock()
        # Which response format the endpoint accepts, learnt on the first calls.
        self.capability = Capability(modes_for(settings))

    def chains(self) -> Chains:
        """Built on first use, so a missing key becomes a notice on an answer, not a crash."""
        with self._lock:
            if self._chains is None:
                self._chains = build_chains(build_chat_model(self.settings))
            return self._chains

    # --- the stream ---------------------------------------------------------------

    def stream(self, question: str, history: list[Turn]) -> Iterator[str | Answer]:
        if self.settings.llm_mode == "facts":
            yield from self._stream_facts(question, history)
        else:
            yield from self._stream_answer(question, history)

    def _unavailable(self, exc: Exception, run: _Run) -> str:
        reason = str(exc)
        if run.refusals:
            reason += "; before that the endpoint refused " + "; ".join(run.refusals)
        if "response_format" in reason and self.settings.llm_json_mode:
            reason += (
                "; for a server without structured output set POLICYQA_LLM_STRUCTURED=none "
                "(or POLICYQA_LLM_JSON_MODE=false)"
            )
        return reason

    def _stream_answer(self, question: str, history: list[Turn]) -> Iterator[str | Answer]:
        run = _Run()
        try:
            chains = self.chains()
            standalone = self._standalone(chains, question, history, run)
            passages = self._passages(standalone, run)
            markers = MarkerFilter(set(range(1, len(passages) + 1)))
            yield from self._generate(chains, standalone, passages, markers, run)
        except (LLMUnavailable, LLMConfigError) as exc:
            yield from self._fallback(question, history, self._unavailable(exc, run), run)
            return
        if run.broken is not None and not run.shown:
            yield from self._fallback(question, history, f"the stream broke: {run.broken}", run)
            return
        parsed = parse_reply("".join(run.raw))
        if not run.shown and parsed.reply.answer:  # a plain-text (or unstreamable) reply
            text = markers.feed(parsed.reply.answer) + markers.flush()
            run.shown.append(text)
            yield text
        answer = self._finish(question, history, passages, parsed, markers, run)
        if run.corrected:  # what was streamed is withdrawn: the corrected text follows it
            piece = f"\n\n{_CORRECTION}\n\n{answer.answer}"
            yield piece
        yield from self._trailer(answer, run)
        yield answer

    # --- facts-only mode ----------------------------------------------------------

    def _stream_facts(self, question: str, history: list[Turn]) -> Iterator[str | Answer]:
        """One short call for the facts; the rules decide on both readers' facts and the
        offline composer writes the answer, streamed once the facts are in."""
        from rag.offline import read_conversation, text_pieces

        run = _Run()
        inputs = facts_inputs(question, history)
        try:
            chains = self.chains()
            self._read_facts(chains, inputs, run)
        except (LLMUnavailable, LLMConfigError) as exc:
            yield from self._fallback(question, history, self._unavailable(exc, run), run)
            return
        if run.broken is not None:
            yield from self._fallback(question, history, f"the stream broke: {run.broken}", run)
            return
        started = time.perf_counter()
        parsed = parse_reply("".join(run.raw), keys={"facts"})
        notices: list[str] = []
        if parsed.problems:
            notices.append(
                "The model's facts were not clean JSON (" + "; ".join(parsed.problems)
                + "); they were read tolerantly."
            )  # fmt: skip
        schema_valid = self._format_notices("facts", run, notices, parsed)
        if run.finish is not None and run.finish not in _FINISHED:
            notices.append(f"The model's facts were cut off ({run.finish}); what arrived was read.")
        topic, offline_reading = read_conversation(question, history)
        if topic == "verdict":
            judgement = judge(parsed.reply, offline_reading, question, _earlier(history))
            answer = _with_readers(self._rules_answer(question, judgement), judgement)
            notices = [*judgement.notices, *notices]
        else:
            # Not a verdict question for the offline reader: its answer (informational or out
            # of scope); the model's facts are kept beside it, not used.
            answer = self._offline_answer(question, history)
            mine = model_reading(parsed.reply, question, _earlier(history))
            answer.readings = {OFFLINE: values_of(offline_reading), MODEL: values_of(mine)}
        run.timings["compose"] = _ms(started)
        answer.usage = _usage(run, schema_valid)
        answer.backend = self.name
        answer.notices = [*answer.notices, *notices]
        answer.timings = {**answer.timings, **run.timings}
        for piece in text_pieces(answer.answer):
            if not run.shown:
                answer.timings["first_token"] = _ms(run.started)
            run.shown.append(piece)
            yield piece
        yield from self._trailer(answer, run)
        yield answer

    def _read_facts(self, chains: Chains, inputs: dict[str, str], run: _Run) -> None:
        started = time.perf_counter()
        usage: dict[str, int] | None = None
        try:
            for chunk in self._structured(chains, "facts", inputs, run):
                delta = delta_of(chunk)
                if delta.text and not run.raw:
                    run.timings["llm_first_token"] = _ms(run.started)
                run.raw.append(delta.text)
                usage = delta.usage or usage
                run.finish = delta.finish_reason or run.finish
        except StreamBroken as exc:
            run.broken = exc.reason
        run.add_usage(usage, prompt_text("facts", **inputs), "".join(run.raw))
        run.timings["facts"] = _ms(started)

    # --- answer mode ---------------------------------------------------------------

    def _standalone(self, chains: Chains, question: str, history: list[Turn], run: _Run) -> str:
        started = time.perf_counter()

        def invoke(inputs: dict[str, Any]) -> Any:
            return call_with_retries(
                lambda: chains.rewrite.invoke(inputs), self.policy, run.attempts
            )

        if not any(t.role == "user" for t in history):
            return question
        standalone, usage, prompt = rewrite_question(
            invoke, question, history, self.settings.llm_context_tokens
        )
        run.add_usage(usage, prompt, standalone)
        run.timings["rewrite"] = _ms(started)
        return standalone

    def _passages(self, query: str, run: _Run) -> list[Passage]:
        """The policy clauses first (short, and what every verdict rests on), then the
        passages retrieved for the question, numbered and cut to the token budget."""
        started = time.perf_counter()
        hits: list[Hit] = []
        policy = self.offline.policy
        for clause_id in (*policy.clause_ids, *policy.caveat_clauses):
            try:
                hits.append(self.retriever.clause(clause_id))
            except IndexMissingError:  # an index built from a corpus without this clause
                continue
        run.clause_chunks = {hit.chunk.id for hit in hits}
        hits += self.retriever.search(query, k=self.settings.top_k)
        passages = build_context(hits, self.settings.llm_context_tokens)
        run.timings["retrieve"] = _ms(started)
        return passages

    def _generate(
        self,
        chains: Chains,
        question: str,
        passages: list[Passage],
        markers: MarkerFilter,
        run: _Run,
    ) -> Iterator[str]:
        started = time.perf_counter()
        inputs = {"context": render(passages), "question": _defuse(question)}
        field_stream = FieldStream("answer")
        usage: dict[str, int] | None = None
        try:
            for chunk in self._structured(chains, "answer", inputs, run):
                delta = delta_of(chunk)
                run.raw.append(delta.text)
                usage = delta.usage or usage
                run.finish = delta.finish_reason or run.finish
                text = markers.feed(field_stream.feed(delta.text))
                if text:
                    if not run.shown:
                        run.timings["first_token"] = _ms(run.started)
                    run.shown.append(text)
                    yield text
        except StreamBroken as exc:
            run.broken = exc.reason
        tail = markers.flush()
        if tail:
            run.shown.append(tail)
            yield tail
        run.add_usage(usage, prompt_text("answer", **inputs), "".join(run.raw))
        run.timings["generate"] = _ms(started)

    def _structured(
        self, chains: Chains, kind: ReplyKind, inputs: dict[str, Any], run: _Run
    ) -> Iterator[Any]:
        """The call's chunks, in the strongest response format the endpoint accepts."""

        def open_stream(mode: Mode) -> Iterator[Any]:
            run.mode = mode
            return chains.structured(kind, mode).stream(inputs)

        yield from stream_structured(
            open_stream, self.capability, self.policy, run.attempts, run.refusals
        )

    def _format_notices(
        self, kind: ReplyKind, run: _Run, notices: list[str], parsed: ParsedReply
    ) -> int:
        """Notices on the response format (a refused one; a clean JSON reply outside the
        schema: a reply that is not clean JSON has its own notice); 1 when the reply is
        exactly what the schema asks for, else 0."""
        if run.refusals and run.mode is not None:
            notices.append(
                "The endpoint refused " + "; ".join(run.refusals) + f"; asked again with "
                f"{LABELS[run.mode]} (remembered for the next questions)."
            )
        problems = schema_problems("".join(run.raw).strip(), response_schema(kind))
        if problems and run.mode == "json_schema" and not parsed.problems:
            notices.append(
                "The model's reply did not match the response schema ("
                + "; ".join(problems[:2])
                + ")."
            )
        return 0 if problems else 1

    # --- the Answer -----------------------------------------------------------------

    def _finish(
        self,
        question: str,
        history: list[Turn],
        passages: list[Passage],
        parsed: ParsedReply,
        markers: MarkerFilter,
        run: _Run,
    ) -> Answer:
        started = time.perf_counter()
        reply = parsed.reply
        from rag.offline import read_conversation

        topic, offline = read_conversation(question, history)
        judgement = judge(reply, offline if topic == "verdict" else None, question,
                          _earlier(history))  # fmt: skip
        if topic != "verdict" and judgement.verdict not in (Verdict.informational, Verdict.out_of_scope):
            return self._other_question_type(question, history, topic, judgement, run, parsed)
        # Both readings are kept, also when the offline reader sees no verdict question.
        judgement.readings = {OFFLINE: values_of(offline), **judgement.readings}
        base = self._rules_answer(question, judgement)
        text = "".join(run.shown).strip()
        notices = list(judgement.notices)
        schema_valid = self._format_notices("answer", run, notices, parsed)
        if parsed.problems and parsed.structured:
            notices.append(
                "The model's reply was not clean JSON ("
                + "; ".join(parsed.problems)
                + "); it was read tolerantly."
            )
        in_range = set(range(1, len(passages) + 1))
        dropped = sorted({*markers.dropped, *(n for n in reply.cited if n not in in_range)})
        if dropped:
            notices.append(
                f"Dropped {len(dropped)} citation{'s' if len(dropped) > 1 else ''} to passages the "
                f"model was not given: {', '.join(f'[{n}]' for n in dropped)}."
            )
        leaked = bool(text) and leaks_prompt(text)
        if leaked:
            run.corrected = True
            notices.append(
                "The model's text repeated its instructions; it is withheld and the text "
                "shown is the offline engine's."
            )
        elif text:
            text = self._drop_echoes(text, passages, markers, run, notices)
        if run.corrected and run.shown:
            notices.append(_CORRECTED_NOTICE)
        citations: list[Citation] = []
        if not text or leaked:  # nothing to show of the model's: the offline engine's text
            fallback = base if base.answer else self._offline_answer(question, history)
            text, citations = fallback.answer, fallback.citations
            if not leaked:
                notices.append(
                    "The model's reply held no answer text; the text shown is the offline engine's."
                )
        elif judgement.verdict is Verdict.out_of_scope:
            text = filter_markers(text, set())[0]
        else:
            for n in reply.cited:  # cited in the list but not in the text: listed after
                if n in in_range:
                    markers.numbering.setdefault(n, len(markers.numbering) + 1)
            citations = _citations(markers.numbering, passages, text)
            citations += self._clause_citations(judgement, base, citations)
        incomplete = self._incomplete(run, notices)
        run.timings["check"] = _ms(started)
        usage = _usage(run, schema_valid, passages=len(passages), dropped=len(dropped))
        return _with_readers(base, judgement).model_copy(
            update={
                "answer": text,
                "citations": sorted(citations, key=lambda c: c.number),
                "backend": self.name,
                "check": judgement.check,
                "notices": notices,
                "usage": usage,
                "incomplete": incomplete,
                "timings": {**base.timings, **run.timings},
            }
        )

    def _drop_echoes(
        self,
        text: str,
        passages: list[Passage],
        markers: MarkerFilter,
        run: _Run,
        notices: list[str],
    ) -> str:
        policy = [p.text for p in passages if p.hit.chunk.id in run.clause_chunks]
        sources = [
            (markers.numbering.get(p.number), p.text)
            for p in passages
            if p.hit.chunk.id not in run.clause_chunks
        ]
        kept, dropped = drop_echoes(text, sources, policy)
        if dropped:
            run.corrected = True
            notices.append(
                f"Removed {dropped} sentence{'s' if dropped > 1 else ''} of the model's text "
                "that repeated a retrieved document as its own words (only a quotation that "
                "cites its source may repeat one)."
            )
        return kept.strip()

    def _other_question_type(
        self,
        question: str,
        history: list[Turn],
        topic: str,
        judgement: Judgement,
        run: _Run,
        parsed: ParsedReply,
    ) -> Answer:
        """The model gave a verdict to a question the offline reader reads as asking for
        none (what the articles report, or nothing about this policy): the question type is
        not the model's to settle, as a verdict there would rest on facts nobody asked about.
        The offline answer is shown, and why."""
        answer = self._offline_answer(question, history)
        run.corrected = True
        answer.notices[:0] = [
            f"The model answered with a verdict ({judgement.verdict.value.replace('_', ' ')}); "
            f"the offline reader reads the question as {topic.replace('_', ' ')}, so its answer "
            "is shown.",
            _CORRECTED_NOTICE,
        ]
        answer.readings = {OFFLINE: values_of(FactsReading()), **judgement.readings}
        answer.backend = self.name
        answer.timings.update(run.timings)
        # The call was made: what it cost and whether its reply fitted the schema still count.
        format_notices: list[str] = []
        schema_valid = self._format_notices("answer", run, format_notices, parsed)
        answer.notices.extend(format_notices)
        answer.usage = _usage(run, schema_valid)
        return answer

    def _offline_answer(self, question: str, history: list[Turn]) -> Answer:
        final = [
            item for item in self.offline.stream(question, history) if isinstance(item, Answer)
        ]
        return final[-1]

    def _rules_answer(self, question: str, judgement: Judgement) -> Answer:
        """The rules' Answer for the reading the verdict rests on (clauses, branches,
        clarifying questions, the composed text, which answer mode replaces by the model's)."""
        if judgement.reading is None:
            return Answer(question=question, verdict=judgement.verdict, answer="")
        return self.offline.decide_answer(question, judgement.reading)

    def _clause_citations(
        self, judgement: Judgement, base: Answer, cited: list[Citation]
    ) -> list[Citation]:
        """The deciding clauses, always cited from the policy text (after the model's
        citations when it did not cite them itself)."""
        from rag.compose import citation_from

        clause_ids = list(base.clauses)
        if judgement.check is not None:
            clause_ids += [c for c in judgement.check.clauses if c not in clause_ids]
        have = {c.clause_id for c in cited}
        extra: list[Citation] = []
        for clause_id in clause_ids:
            if clause_id not in have:
                number = len(cited) + len(extra) + 1
                extra.append(citation_from(self.retriever.clause(clause_id), number))
        return extra

    def _incomplete(self, run: _Run, notices: list[str]) -> bool:
        if run.broken is not None:
            notices.append(
                f"The model's answer broke off midway ({run.broken}); what arrived is shown and is incomplete."
            )
            return True
        if run.finish is not None and run.finish not in _FINISHED:
            reason = "the token limit" if run.finish == "length" else run.finish
            notices.append(f"The model's answer was cut off ({reason}); it is incomplete.")
            return True
        if run.finish is None and run.raw:
            notices.append(
                "The model's stream ended without saying it had finished; the answer may be incomplete."
            )
            return True
        return False

    def _trailer(self, answer: Answer, run: _Run) -> Iterator[str]:
        """Text after the model's: the facts the readers read differently, the rules' view
        when they disagree, and the deciding clauses' markers when the text lacks them.
        Appended to Answer.answer too."""
        lines: list[str] = [disagreement_line(d) for d in answer.disagreements]
        check = answer.check
        if check is not None and check.status == "disagrees":
            lines.append(
                f"⚠ The rules disagree with this answer: on these facts they give "
                f"**{check.rule_verdict.value.replace('_', ' ')}**, the verdict shown."
            )
        refs = [
            f"`{c.clause_id}` [{c.number}]"
            for c in answer.citations
            if c.clause_id in answer.clauses and f"[{c.number}]" not in answer.answer
        ]
        if refs:
            lines.append(
                "Deciding clause" + ("s" if len(refs) > 1 else "") + ": " + ", ".join(refs) + "."
            )
        if answer.incomplete:
            lines.append("[answer incomplete]")
        if not lines:
            return
        extra = "\n\n" + "\n".join(lines)
        answer.answer += extra
        yield extra

    # --- fallback -------------------------------------------------------------------

    def _fallback(
        self, question: str, history: list[Turn], reason: str, run: _Run
    ) -> Iterator[str | Answer]:
        for item in self.offline.stream(question, history):
            if isinstance(item, Answer):
                item.notices.insert(
                    0, f"LLM unavailable ({reason}); answered by the offline engine."
                )
                item.usage = {"llm_calls": run.attempts.calls, "retries": run.attempts.retries}
                item.timings.update(run.timings)
            yield item


def _citations(numbering: dict[int, int], passages: list[Passage], text: str) -> list[Citation]:
    """Citations for the cited passages (passage number -> shown number). A clause is quoted
    whole; an article by its sentence nearest to what the answer says where it cites it."""
    from rag.compose import best_sentences, citation_from

    citations = []
    for n, shown in sorted(numbering.items(), key=lambda item: item[1]):
        passage = passages[n - 1]
        quote = passage.text
        if passage.hit.chunk.kind != "policy":
            claims = [s for s in re.split(r"(?<=[.!?])\s+", text) if f"[{shown}]" in s]
            quote = best_sentences(passage.text, " ".join(claims) or text)[0]
        citations.append(citation_from(passage.hit, shown, quote))
    return citations


def _earlier(history: list[Turn]) -> list[str]:
    return [t.content for t in history if t.role == "user"]


_READER_LABELS = {OFFLINE: "offline reader", MODEL: "model", "words": "wording",
                  "trained": "trained reader"}


def disagreement_line(d: Disagreement) -> str:
    """One line for a fact read two ways (the text and the CLI show it). A contradiction's
    readings are the user's words: only the values are repeated."""
    fact = d.fact.replace("_", " ")
    if d.kind == "contradiction":
        values = " and ".join(v.replace("_", " ") for v in d.readings.values())
        return f"⚠ The question states {fact} both ways ({values}): it is asked about."
    readings = "; ".join(
        f"{_READER_LABELS.get(who, who)}: {value.replace('_', ' ')}"
        for who, value in d.readings.items()
    )
    what = "the verdict turns on it, so it is asked about" if d.decides else "the verdict is the same either way"
    return f"⚠ The readers disagree on {d.fact.replace('_', ' ')} ({readings}): {what}."


def _with_readers(answer: Answer, judgement: Judgement) -> Answer:
    """The readers' disagreements and readings on the Answer; a disagreement the verdict turns
    on becomes a clarifying question (also when the floor kept the stricter reading)."""
    clarifying_question = default_policy().wording.clarifying_question
    asked = [q.fact for q in answer.clarifying_questions]
    extra = [
        clarifying_question(d.fact)
        for d in judgement.disagreements
        if d.decides and d.fact not in asked
    ]
    return answer.model_copy(
        update={
            "disagreements": [*answer.disagreements, *judgement.disagreements],
            "readings": judgement.readings,
            "clarifying_questions": [*answer.clarifying_questions, *extra],
        }
    )


def _defuse(question: str) -> str:
    """The question sits inside <question> tags; it must not be able to close them."""
    return question.replace("</question", "(/question").replace("<question", "(question")


def build_backend(settings: Settings, retriever: Retriever, offline: OfflineBackend) -> LLMBackend:
    """The backend with its chains built now: importing langchain-openai takes seconds on a
    small machine, better paid at start-up than by the first question. A configuration
    error is left for `stream` to report as a notice on each answer."""
    backend = LLMBackend(settings, retriever, offline)
    with contextlib.suppress(LLMConfigError):
        backend.chains()
    return backend
