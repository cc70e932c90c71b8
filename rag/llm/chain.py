"""The LCEL chains: prompt files | chat model. Built per backend, never at import time."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage
    from langchain_core.runnables import Runnable

__all__ = ["Chains", "Delta", "build_chains", "delta_of", "load_prompt"]

# OpenAI's JSON mode, sent through extra_body so that LangChain keeps its plain streaming
# path (a `response_format` argument switches it to the beta parse-helper stream).
JSON_MODE = {"response_format": {"type": "json_object"}}


@cache
def load_prompt(name: str) -> str:
    return (resources.files("rag") / "prompts" / name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Chains:
    answer: Runnable[dict[str, Any], Any]  # inputs: context, question -> message chunks
    rewrite: Runnable[dict[str, Any], Any]  # inputs: history, question -> a message


def _prompt(system: str, user: str) -> Runnable[dict[str, Any], Any]:
    from langchain_core.messages import SystemMessage
    from langchain_core.prompts import ChatPromptTemplate, HumanMessagePromptTemplate

    # The system prompt is a literal message: its JSON braces are not template fields.
    return ChatPromptTemplate.from_messages(
        [
            SystemMessage(content=load_prompt(system)),
            HumanMessagePromptTemplate.from_template(load_prompt(user)),
        ]
    )


def build_chains(model: BaseChatModel, *, json_mode: bool) -> Chains:
    answer_model = model.bind(extra_body=JSON_MODE) if json_mode else model
    return Chains(
        answer=_prompt("llm_answer_system.txt", "llm_answer_user.txt") | answer_model,
        rewrite=_prompt("llm_rewrite_system.txt", "llm_rewrite_user.txt") | model,
    )


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
