"""The facts-only call (POLICYQA_LLM_MODE=facts): one short request, the system prompt, the
user's earlier turns and the question, no passages, and a reply of only the seven facts with
the words that set each. The rules decide and the offline composer writes the cited answer,
so a small local model has little to read and little to write.

Only the user's turns are sent: the facts are what the user said, and an earlier answer of
ours (its "if live on patrol: prohibited" branches) would read as facts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rag.llm.budget import count_tokens, truncate

if TYPE_CHECKING:
    from rag.models import Turn

__all__ = ["FACTS_HISTORY_TOKENS", "FACTS_MAX_TOKENS", "facts_inputs"]

# Earlier user turns sent with the question, newest kept first: keeps the prompt under ~600
# tokens with a question of ordinary length.
FACTS_HISTORY_TOKENS = 80
# Seven facts with a short quote each are about 150 tokens; the bound stops a small model
# that loops inside a quote.
FACTS_MAX_TOKENS = 400
# A question longer than this is cut for the facts call (the offline reader reads it whole).
FACTS_QUESTION_TOKENS = 400


def _defuse(text: str, tag: str) -> str:
    """Text inside <tag> fences must not be able to close them."""
    return text.replace(f"</{tag}", f"(/{tag}").replace(f"<{tag}", f"({tag}")


def facts_inputs(question: str, history: list[Turn]) -> dict[str, str]:
    """The prompt's fields: the latest user turns that fit the budget (oldest first) and the
    question."""
    lines: list[str] = []
    left = FACTS_HISTORY_TOKENS
    for turn in reversed(history):
        if turn.role != "user" or not turn.content.strip():
            continue
        line = "- " + " ".join(turn.content.split())
        cost = count_tokens(line)
        if cost > left:
            break
        lines.append(line)
        left -= cost
    earlier = "\n".join(reversed(lines))
    fenced = _defuse(_defuse(truncate(question, FACTS_QUESTION_TOKENS), "question"), "earlier")
    return {"history": _defuse(earlier, "earlier"), "question": fenced}
