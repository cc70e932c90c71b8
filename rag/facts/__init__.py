"""Facts from the question, with no LLM: `read_facts(text)` and `merge_readings`.

The reader is deterministic and fast; what a text does not say stays unknown.
"""

from __future__ import annotations

from rag.facts.merge import merge_readings
from rag.facts.reader import read_facts, warm_up
from rag.facts.reading import FactsReading

__all__ = ["FactsReading", "merge_readings", "read_facts", "warm_up"]
