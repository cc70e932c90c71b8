"""Citation markers `[n]` in the model's text: read them, drop the ones that point at no
passage the model was given, and renumber the rest 1, 2, 3... in order of first mention
(also while the text streams), so an answer's sources read like the offline engine's."""

from __future__ import annotations

import re

__all__ = ["MarkerFilter", "filter_markers", "markers_in"]

_MARKER = re.compile(r"(\s?)\[(\d+(?:\s*,\s*\d+)*)\]")
# A piece of text may end inside a marker ("... [1", "... [1, "), in spaces before one, or
# after one that the next piece may continue ("[7]" + "[1]"): held back until it is settled.
_PENDING = re.compile(r"(?:\s|\[[\d,\s]*\]?)*$")


def markers_in(text: str) -> list[int]:
    """The numbers cited in `text`, in order of first appearance."""
    seen: list[int] = []
    for match in _MARKER.finditer(text):
        for n in re.findall(r"\d+", match.group(2)):
            if int(n) not in seen:
                seen.append(int(n))
    return seen


def filter_markers(
    text: str, valid: set[int], numbering: dict[int, int] | None = None
) -> tuple[str, list[int]]:
    """`text` with numbers outside `valid` removed from its markers, and those numbers.

    With `numbering` (passage number -> shown number, extended here as new passages are
    cited), the kept numbers are replaced by the shown ones.
    """
    dropped: list[int] = []

    def keep(match: re.Match[str]) -> str:
        numbers = [int(n) for n in re.findall(r"\d+", match.group(2))]
        good = [n for n in numbers if n in valid]
        dropped.extend(n for n in numbers if n not in valid and n not in dropped)
        if not good:  # keep the space when another marker follows at once: "x [7][1]"
            return match.group(1) if match.string.startswith("[", match.end()) else ""
        if numbering is not None:
            good = [numbering.setdefault(n, len(numbering) + 1) for n in good]
        return f"{match.group(1)}[{', '.join(str(n) for n in good)}]"

    return _MARKER.sub(keep, text), dropped


class MarkerFilter:
    """Streams text through `filter_markers`, holding back a marker until it is complete.

    The concatenated output equals `filter_markers(whole_text, valid, {})[0]`; `numbering`
    maps each cited passage to the number shown for it.
    """

    def __init__(self, valid: set[int]) -> None:
        self.valid = valid
        self.dropped: list[int] = []
        self.numbering: dict[int, int] = {}
        self._held = ""

    def feed(self, piece: str) -> str:
        text = self._held + piece
        pending = _PENDING.search(text)
        cut = pending.start() if pending else len(text)
        self._held = text[cut:]
        return self._emit(text[:cut])

    def flush(self) -> str:
        text, self._held = self._held, ""
        return self._emit(text)

    def _emit(self, text: str) -> str:
        out, dropped = filter_markers(text, self.valid, self.numbering)
        self.dropped += [n for n in dropped if n not in self.dropped]
        return out
