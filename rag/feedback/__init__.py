"""Feedback on answers: the store, and thumbs-down answers as evaluation cases."""

from __future__ import annotations

from rag.feedback.cases import feedback_case, write_cases
from rag.feedback.store import FeedbackRow, FeedbackStore, Vote

__all__ = ["FeedbackRow", "FeedbackStore", "Vote", "feedback_case", "write_cases"]
