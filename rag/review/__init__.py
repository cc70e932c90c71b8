"""Batch review: many use cases from a CSV or JSONL file, answered into a table and one
decision record per row (`policyqa review FILE --out DIR`)."""

from __future__ import annotations

from rag.review.cases import SUFFIXES, ReviewCase, ReviewInputError, read_cases
from rag.review.run import ReviewReport, ReviewRow, review_cases

__all__ = [
    "SUFFIXES",
    "ReviewCase",
    "ReviewInputError",
    "ReviewReport",
    "ReviewRow",
    "read_cases",
    "review_cases",
]
