"""The LCEL chains: prompt files | chat model (with the response format of a mode). Built per
backend, never at import time."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from rag.llm.facts_call import FACTS_MAX_TOKENS
from rag.llm.schema import ReplyKind, response_schema
from rag.llm.structured import Mode, response_format

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage
    from langchain_core.runnables import Runnable

__all__ = ["PROMPTS", "Chains", "Delta", "build_chains", "delta_of", "load_prompt", "prompt_text"]

# (system prompt, user prompt) of each call.
PROMPTS: dict[str, tuple[str, str]] = {
    "answer": ("llm_answer_system.txt", "llm_answer_user.txt"),
    "facts": ("llm_facts_system.txt", "llm_facts_user.txt"),
    "rewrite": ("llm_rewrite_system.txt", "llm_rewrite_user.txt"),
}
# The schema's name in the request (OpenAI wants one).
_SCHEMA_NAMES: dict[ReplyKind, str] = {"answer": "policy_answer", "facts": "policy_facts"}


@cache
def load_prompt(name: str) -> str:
    return (resources.files("rag") / "prompts" / name).read_text(encoding="utf-8")


def _prompt(call: str) -> Runnable[dict[str, Any], Any]:
    from langchain_core.messages import SystemMessage
    from langchain_core.prompts import ChatPromptTemplate, HumanMessagePromptTemplate

    system, user = PROMPTS[call]
    # The system prompt is a literal message: its JSON braces are not template fields.
    return ChatPromptTemplate.from_messages(
        [
            SystemMessage(content=load_prompt(system)),
            HumanMessagePromptTemplate.from_template(load_prompt(user)),
        ]
    )


@dataclass(frozen=True)
class Chains:
    model: BaseChatModel
    rewrite: Runnable[dict[str, Any], Any]  # inputs: history, question -> a message
    _prompts: dict[ReplyKind, Runnable[dict[str, Any], Any]] = field(repr=False)

    def structured(self, kind: ReplyKind, mode: Mode) -> Runnable[dict[str, Any], Any]:
        """The `answer` (inputs: context, question) or `facts` (inputs: history, question)
        call, asking for `mode`'s response format; streams message chunks."""
        body = response_format(mode, _SCHEMA_NAMES[kind], response_schema(kind))
        bound: dict[str, Any] = {"extra_body": {"response_format": body}} if body else {}
        if kind == "facts":
            bound["max_tokens"] = FACTS_MAX_TOKENS
        return self._prompts[kind] | (self.model.bind(**bound) if bound else self.model)


def build_chains(model: BaseChatModel) -> Chains:
    return Chains(
        model=model,
        rewrite=_prompt("rewrite") | model,
        _prompts={"answer": _prompt("answer"), "facts": _prompt("facts")},
    )


def prompt_text(call: str, **inputs: str) -> str:
    """The prompt of a call as plain text (system + user), for counting its tokens."""
    system, user = PROMPTS[call]
    return load_prompt(system) + load_prompt(user).format(**inputs)


@dataclass(frozen=True)
class Delta:
    """What one streamed chunk carries that we use."""

    text: str
    finish_reason: str | None
    usage: dict[str, int] | None


def delta_of(chunk: BaseMessage) -> Delta:
    content = chunk.content
    text = (
        content
        if isinstance(content, str)
        else "".join(
            part.get("text", "") if isinstance(part, dict) else str(part) for part in content
        )
    )
    meta = getattr(chunk, "usage_metadata", None)
    usage = (
        {"prompt_tokens": meta["input_tokens"], "completion_tokens": meta["output_tokens"]}
        if meta
        else None
    )
    finish = chunk.response_metadata.get("finish_reason") if chunk.response_metadata else None
    return Delta(text, finish, usage)
