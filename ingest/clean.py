"""Cleaning: keep an article's prose, drop site furniture and injected spam.

Rules go by shape, not by this corpus's sentences:

* a line is BAD when it is site furniture (navigation, subscribe/advertise calls, comment
  widgets, copyright footers), template or timing debris (``%d``, ``2.45s , 10131 kb``,
  ``1 view0 comments``), or a link farm (a long run of concatenated headlines);
* a line is GOOD when it reads as prose (a sentence of some length);
* everything else is SHORT (headings, list items, bylines).

A run of non-GOOD lines that holds a BAD line is boilerplate as a whole (a footer, a header
bar); a run without one (a heading between paragraphs) stays. A lone GOOD line walled in
by boilerplate on both sides (a publisher blurb inside the footer) goes too. Spam names a
footer declares ("Powered by 【X】") and "<Name> Archives" glued into a word are cut out of
sentences they were injected into.
"""

from __future__ import annotations

import itertools
import re
import statistics
import unicodedata
from collections.abc import Iterable
from enum import Enum

__all__ = ["clean_text", "is_link_farm", "reflow"]


class _Line(Enum):
    GOOD = "good"
    SHORT = "short"
    BAD = "bad"


# Whole-line site furniture (compared case-insensitively, punctuation stripped).
_FURNITURE_LINES = frozenset(
    {
        "about", "about us", "advertise", "advertisement", "advertise with us", "bottom of page",
        "comments", "contact", "contact us", "continue reading", "cookie policy", "cookies",
        "home", "leave a comment", "leave a reply", "legal", "log in", "login", "menu",
        "newsletter", "print", "privacy", "privacy policy", "read more", "related",
        "related articles", "related posts", "search", "share", "share this", "sign in",
        "sign up", "skip to content", "skip to main content", "sponsored", "subscribe",
        "subscribe now", "terms", "terms of service", "terms of use", "top of page", "tweet",
    }
)  # fmt: skip

# Phrases that make a short line (no sentence) furniture wherever they appear in it.
_FURNITURE_PHRASES = re.compile(
    r"advertise with us|media kit|bloggers like this|all rights reserved|powered by"
    r"|sign up for|subscribe to|our newsletter|newsletter delivered|cookie settings"
    r"|follow us|share on|back to top|top of page|bottom of page|leave a reply",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)|©\s*\d{4}|all rights reserved", re.IGNORECASE)
_TEMPLATE_DEBRIS = re.compile(r"%[ds]\b|\{\{|\}\}")
# Numbers with units and nothing else: render timings, page sizes.
_MEASURE = r"\d+(?:[.,]\d+)?\s*(?:ms|s|sec|secs|seconds|kb|mb|gb|bytes|b|queries)\b"
_DEBRIS = re.compile(rf"^(?:[\s,;|/]*{_MEASURE})+[\s,;|/.]*$", re.IGNORECASE)
_COUNTER = r"\d[\d,.]*\s*(?:views?|comments?|likes?|shares?|reads?|replies)"
_COUNTERS = re.compile(rf"^(?:{_COUNTER}\s*)+$", re.IGNORECASE)
_RELATIVE_DATE = re.compile(
    r"^(?:updated|posted|published|modified)?:?\s*\d+\s+"
    r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago$",
    re.IGNORECASE,
)
_TAG_LINE = re.compile(r"^(?:topics|tags|filed under|categories|posted in)\b", re.IGNORECASE)

# A sentence ends at . ! ? (optionally closed by quotes/brackets) before space or line end.
_TERMINATOR = re.compile(r"[.!?][\"'’”)\]]*(?=\s|$)")
# A line that ends as a sentence, a lead-in ("must not:") or a list item ("; or").
_ENDS_CLAUSE = re.compile(r"(?:[.!?:;]|\bor|\band)[\"'’”)\]]*$")
# Concatenated headlines: a lowercase letter/digit/closing mark glued to a capitalised word.
_GLUED = re.compile(r"[a-z0-9%!?)'’”][A-Z][a-z]")
_BULLET = re.compile(r"^[•·▪◦●■\-–—*]\s+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_DECLARED_SPAM = re.compile(r"【([^】]{3,80})】")
_POWERED_BY = re.compile(r"powered by\s+([^,|【】]{3,60}?)\s*(?:[,|]|$)", re.IGNORECASE)
# Spam "<Name> Archives" (an archive page title) glued onto the next word.
_GLUED_ARCHIVES = re.compile(r"\b(?:[A-Z][\w'’-]*\s+){1,4}Archives(?=[a-z])")


def _words(line: str) -> list[str]:
    return line.split()


def is_link_farm(line: str) -> bool:
    """A long line of concatenated headlines: many glued boundaries, or few sentence ends
    across many mostly capitalised words."""
    words = _words(line)
    if len(words) < 30:
        return False
    glued = len(_GLUED.findall(line))
    if glued >= 4 and glued / len(words) >= 0.02:
        return True
    ends = max(len(_TERMINATOR.findall(line)), 1)
    capitalised = sum(1 for w in words if w[:1].isupper()) / len(words)
    return len(words) >= 80 and len(words) / ends >= 50 and capitalised >= 0.25


def _key(line: str) -> str:
    return re.sub(r"[^\w\s]", "", line).strip().lower()


def _classify(line: str) -> _Line:
    words = _words(line)
    sentence_like = (len(words) >= 7 and bool(_ENDS_CLAUSE.search(line))) or len(words) >= 15
    if (
        _key(line) in _FURNITURE_LINES
        or _TEMPLATE_DEBRIS.search(line)
        or _DEBRIS.match(line)
        or _COUNTERS.match(line)
        or _RELATIVE_DATE.match(line)
        or (_COPYRIGHT.search(line) and len(words) <= 30)
        or (" | " in line and line.count("|") >= 2 and len(words) <= 30)
        or (not sentence_like and _FURNITURE_PHRASES.search(line))
        or (not sentence_like and _TAG_LINE.match(line))
        or is_link_farm(line)
    ):
        return _Line.BAD
    return _Line.GOOD if sentence_like else _Line.SHORT


def _normalise_line(line: str) -> str:
    line = _INVISIBLE.sub("", line)
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _SPACES.sub(" ", line).strip()
    line = _MD_HEADING.sub("", line)
    return _BULLET.sub("", line)


def reflow(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines (plain text, PDF) back into paragraphs.

    A document is hard-wrapped when most of its longer lines end near one width, mostly
    in the middle of a sentence; a line that reaches that width continues on the next. Web text (one paragraph per
    line, widths all over the place) is left alone.
    """
    long_lengths = [len(x) for x in lines if len(x) >= 30]
    if len(long_lengths) < 4:
        return lines
    width = sorted(long_lengths)[int(0.9 * (len(long_lengths) - 1))]
    near = [x for x in lines if len(x) >= 0.75 * width]
    # Wrapped lines mostly stop mid-sentence; web paragraphs end with punctuation.
    open_ended = sum(1 for x in near if not _ENDS_CLAUSE.search(x))
    if (
        width > 130
        or len(near) / len(long_lengths) < 0.6
        or open_ended / len(near) < 0.5
        or statistics.median(long_lengths) < 40
    ):
        return lines
    out: list[str] = []
    joining = False
    for line in lines:
        if joining and line and not _BULLET.match(line):
            prev = out[-1]
            if prev.endswith("-") and prev[-2:-1].isalpha() and line[:1].islower():
                out[-1] = prev[:-1] + line  # re-join a hyphenated word
            else:
                out[-1] = f"{prev} {line}"
        else:
            out.append(line)
        joining = bool(line) and len(line) >= 0.7 * width
    return out


def _declared_spam(lines: Iterable[str]) -> set[str]:
    names: set[str] = set()
    for line in lines:
        names.update(m.strip() for m in _DECLARED_SPAM.findall(line))
        if _COPYRIGHT.search(line) or "powered by" in line.lower():
            names.update(m.strip() for m in _POWERED_BY.findall(line))
    return {n for n in names if len(n.split()) >= 2}


def _strip_injections(line: str, spam: set[str]) -> str:
    for name in spam:
        # Only where the name is glued into a word: that is an injection, while a sentence
        # naming the same site stays as written.
        glued = re.compile(rf"(?<=\w){re.escape(name)}|{re.escape(name)}(?=\w)")
        line = glued.sub(" ", line)
    line = _GLUED_ARCHIVES.sub(" ", line)
    return _SPACES.sub(" ", line).strip()


def _select(classes: list[_Line]) -> list[bool]:
    """Which lines to keep, deciding runs of non-GOOD lines as a whole."""
    keep = [c is not _Line.BAD for c in classes]
    runs: list[tuple[int, int, bool]] = []  # (start, end, dropped)
    i = 0
    while i < len(classes):
        if classes[i] is _Line.GOOD:
            i += 1
            continue
        j = i
        while j < len(classes) and classes[j] is not _Line.GOOD:
            j += 1
        dropped = any(c is _Line.BAD for c in classes[i:j])
        if dropped:
            keep[i:j] = [False] * (j - i)
        runs.append((i, j, dropped))
        i = j
    # A lone sentence walled in by boilerplate runs of 3+ lines on both sides.
    for (s1, e1, d1), (s2, e2, d2) in itertools.pairwise(runs):
        if d1 and d2 and s2 - e1 == 1 and e1 - s1 >= 3 and e2 - s2 >= 3:
            keep[e1] = False
    return keep


def clean_text(text: str) -> str:
    """The readable prose of `text`: one paragraph per line, blank lines between blocks."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = reflow([_normalise_line(x) for x in text.split("\n")])
    spam = _declared_spam(lines)
    lines = [_strip_injections(x, spam) for x in lines]

    content = [(n, x) for n, x in enumerate(lines) if x]
    keep = _select([_classify(x) for _, x in content])
    kept: list[tuple[int, str]] = []
    for (n, line), ok in zip(content, keep, strict=True):
        if ok and not (kept and kept[-1][1] == line):  # drop an immediate repeat
            kept.append((n, line))

    out: list[str] = []
    for k, (n, line) in enumerate(kept):
        if k:
            out.append("\n\n" if n - kept[k - 1][0] > 1 else "\n")
        out.append(line)
    return "".join(out)
