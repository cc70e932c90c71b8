"""Facts from the question, with no LLM: `read_facts(text)` and `merge_readings`.

Two readers, combined (`combine.py`): the lexical reader (cues, scopes, gazetteers) and a
learned reader trained on questions written from POLICY_MODEL.md. Both are deterministic
and fast; what neither reads with confidence stays unknown, and where they disagree on a
fact the verdict turns on, the fact is left open and asked about.
"""

from __future__ import annotations

from rag.facts.combine import read_facts
from rag.facts.merge import merge_readings
from rag.facts.reader import read_lexical, warm_up
from rag.facts.reading import FactsReading

__all__ = ["FactsReading", "merge_readings", "read_facts", "read_lexical", "warm_up"]
