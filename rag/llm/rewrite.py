"""Multi-turn: the last question rewritten into a standalone one before retrieval."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rag.llm.budget import count_tokens, truncate
from rag.llm.chain import delta_of, load_prompt

if TYPE_CHECKING:
    from collections.abc import Callable

    from rag.models import Turn

__all__ = ["history_text", "rewrite_question"]

# An assistant turn is a long answer; its first lines carry the verdict and the facts.
ASSISTANT_TURN_TOKENS = 150


def history_text(history: list[Turn], budget: int) -> str:
    """The most recent turns that fit in `budget` tokens, oldest first."""
    lines: list[str] = []
    left = budget
    for turn in reversed(history):
        content = turn.content.strip()
        if turn.role == "assistant":
            content = truncate(content, ASSISTANT_TURN_TOKENS)
        line = f"{turn.role}: {content}"
        cost = count_tokens(line)
        if cost > left:
            break
        lines.append(line)
        left -= cost
    return "\n".join(reversed(lines))


def rewrite_question(
    invoke: Callable[[dict[str, Any]], Any], question: str, history: list[Turn], budget: int
) -> tuple[str, dict[str, int] | None, str]:
    """The standalone question, the call's token usage (None if the server sent none) and
    the prompt text (to count when it did not). `invoke` runs the rewrite chain (with
    retries); an empty rewrite keeps the original question."""
    inputs = {"history": history_text(history, budget), "question": question}
    message = invoke(inputs)
    delta = delta_of(message)
    # One line is asked for; skip a preamble line ("Standalone question:") if one comes.
    lines = [
        ln.strip() for ln in delta.text.splitlines() if ln.strip() and not ln.strip().endswith(":")
    ]
    rewritten = lines[0].strip("\"'“”") if lines else ""
    prompt = load_prompt("llm_rewrite_system.txt") + load_prompt("llm_rewrite_user.txt").format(
        **inputs
    )
    return rewritten or question, delta.usage, prompt
