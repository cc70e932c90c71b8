"""The `llm` backend: a LangChain chain on any OpenAI-compatible endpoint, checked by the rules.

Importing this package is cheap; LangChain and the openai client load on the first call.
"""

from __future__ import annotations

from rag.llm.backend import LLMBackend, build_backend

__all__ = ["LLMBackend", "build_backend"]
