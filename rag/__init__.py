"""The Python API: `from rag import PolicyAssistant`.

Names resolve lazily so that importing `rag` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rag.assistant import PolicyAssistant
    from rag.errors import QuestionError
    from rag.models import (
        Answer,
        Check,
        Citation,
        ClarifyingQuestion,
        FactReading,
        PolicyRef,
        RuleEvaluation,
        Turn,
    )
    from rag.policy import Branch, Facts, Verdict
    from rag.record import DecisionRecord
    from rag.settings import Settings

__all__ = [
    "Answer",
    "Branch",
    "Check",
    "Citation",
    "ClarifyingQuestion",
    "DecisionRecord",
    "FactReading",
    "Facts",
    "PolicyAssistant",
    "PolicyRef",
    "QuestionError",
    "RuleEvaluation",
    "Settings",
    "Turn",
    "Verdict",
]

_HOME = {
    "PolicyAssistant": "rag.assistant",
    "Settings": "rag.settings",
    "QuestionError": "rag.errors",
    "Answer": "rag.models",
    "Check": "rag.models",
    "Citation": "rag.models",
    "ClarifyingQuestion": "rag.models",
    "FactReading": "rag.models",
    "PolicyRef": "rag.models",
    "RuleEvaluation": "rag.models",
    "DecisionRecord": "rag.record",
    "Turn": "rag.models",
    "Branch": "rag.policy",
    "Facts": "rag.policy",
    "Verdict": "rag.policy",
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        import importlib

        return getattr(importlib.import_module(_HOME[name]), name)
    raise AttributeError(f"module 'rag' has no attribute {name!r}")
