"""Errors a user can act on, raised by the answering engine."""

from __future__ import annotations

__all__ = ["QuestionError"]


class QuestionError(ValueError):
    """The question cannot be answered as given (empty, too long, ...)."""
