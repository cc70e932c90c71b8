"""Policy clause sections: `## clause: <id>` headings, each indexed as exactly one chunk.

A section is the heading, `key: value` lines (status, quoted in), a blank line, then the
clause's quoted text up to the next heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ClauseSection", "clause_sections"]

_HEADING = re.compile(r"^##[ \t]+clause:[ \t]*(\S+)[ \t]*$", re.MULTILINE | re.IGNORECASE)
_NEXT_HEADING = re.compile(r"^#{1,6}[ \t]", re.MULTILINE)
_FIELD = re.compile(r"^([A-Za-z][\w ]{0,30}):[ \t]*(.*)$")


@dataclass(frozen=True)
class ClauseSection:
    clause_id: str
    status: str | None
    start: int  # offsets of the quoted text in the document
    end: int
    quoted_in: tuple[str, ...] = ()  # the `quoted in:` field's names


def clause_sections(text: str) -> list[ClauseSection]:
    """Every clause section of `text`; a section without quoted text is left out."""
    out: list[ClauseSection] = []
    for match in _HEADING.finditer(text):
        following = _NEXT_HEADING.search(text, match.end())
        stop = following.start() if following else len(text)
        pos = match.end()
        fields: dict[str, str] = {}
        # Field lines come first; a blank line after them (or a non-field line) starts
        # the quoted text, so a colon inside the clause text is never read as a field.
        for raw in text[pos:stop].splitlines(keepends=True):
            stripped = raw.strip()
            field = _FIELD.match(stripped)
            if stripped and not field:
                break
            pos += len(raw)
            if field:
                fields[field.group(1).strip().lower()] = field.group(2).strip()
            elif fields:
                break
        body = text[pos:stop]
        lead = len(body) - len(body.lstrip())
        start, end = pos + lead, pos + len(body.rstrip())
        if end > start:
            quoted = tuple(n.strip() for n in fields.get("quoted in", "").split(",") if n.strip())
            out.append(ClauseSection(match.group(1), fields.get("status") or None, start, end, quoted))
    return out
