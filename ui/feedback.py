"""Thumbs up / down on answers: the store lives in rag.feedback (the CLI reads it too)."""

from __future__ import annotations

from rag.feedback.store import FeedbackRow, FeedbackStore, Vote

__all__ = ["FeedbackRow", "FeedbackStore", "Vote"]
