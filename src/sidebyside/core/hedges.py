"""Hedges: the words that keep a statement from being flat fact ("allegedly", "may",
"an estimated 300", "according to").

A source's hedge that the article drops is one of the commonest ways a claim outgrows its
evidence, so each hedge is found with its place and a family, and two hedges of the same
family ("alleged", "allegedly") count as the same caution.
"""

from __future__ import annotations

import re

from sidebyside.core.memo import remembered
from sidebyside.core.numbers import APPROXIMATIONS, approximation_class, find_quantities
from sidebyside.core.spans import Span

__all__ = ["HEDGE_FAMILIES", "find_hedges", "hedge_family"]

# family -> patterns (regular expressions, matched case-insensitively on word boundaries)
HEDGE_FAMILIES: dict[str, tuple[str, ...]] = {
    # "so-called" is no hedge: it puts a name in scare quotes ("the so-called report"),
    # it does not doubt what is said of the thing named
    "allegation": (
        r"allegedly", r"alleged", r"purportedly", r"purported", r"supposedly",
        r"accused of", r"claim(?:s|ed)? (?:that|to)", r"claiming",
    ),
    "report": (
        r"reportedly", r"(?:is|are|was|were|has been|have been) reported to",
        r"(?:is|are|was|were) said to", r"unconfirmed reports?", r"rumou?red",
    ),
    "attribution": (r"according to",),
    "estimate": (
        r"an estimated", r"estimated", r"approximately", r"roughly",
        r"estimates? (?:suggest|show)s?",
    ),
    "possibility": (
        r"may(?: have| be| not)?", r"might(?: have| be)?", r"could (?:have|be|potentially)",
        r"possibly", r"perhaps", r"probably", r"(?:most |more )?likely", r"unlikely",
        r"potentially", r"presumably", r"apparently",
    ),
    "appearance": (
        r"appear(?:s|ed)? to", r"seem(?:s|ed)? to", r"suggest(?:s|ed|ing)?",
        r"indicat(?:es|ed|ing) that",
    ),
    "belief": (
        r"(?:is|are|was|were) (?:believed|thought|suspected|understood) to", r"suspected",
        r"believed to",
    ),
    "uncertainty": (
        r"preliminary", r"provisional", r"unverified", r"unconfirmed",
        r"(?:could|can)(?: not|not) be (?:independently )?(?:verified|confirmed)",
        r"not (?:been )?independently (?:verified|confirmed)",
    ),
    "partial": (r"in part", r"partly", r"partially"),
    "condition": (
        r"subject to", r"pending", r"conditional on", r"provided that", r"if approved",
        r"depending on",
    ),
}  # fmt: skip

_APPROXIMATION_FAMILIES = {
    "approximate": "estimate",
    "just below": "estimate",
    "at least": "bound",
    "at most": "bound",
}

_PATTERNS: list[tuple[re.Pattern[str], str, str]] = [
    (
        re.compile(rf"(?<![\w-]){pattern}(?![\w-])", re.IGNORECASE),
        family,
        re.match(r"[a-z-]*", pattern).group(),  # type: ignore[union-attr]
    )
    for family, patterns in HEDGE_FAMILIES.items()
    for pattern in patterns
]


@remembered
def find_hedges(text: str) -> list[tuple[Span, str]]:
    """Every hedge in `text` as (span, phrase), in order; the phrase is lowercased.

    Approximations count only before a figure ("about 300", not "a story about"), and
    capitalised "May" is taken for the month.
    """
    found: list[tuple[Span, str]] = []
    lowered = text.lower()
    for pattern, _family, prefix in _PATTERNS:
        if prefix and prefix not in lowered:
            continue  # most texts hold few hedges: skip the patterns that cannot match
        for match in pattern.finditer(text):
            if match.group().startswith("May"):
                continue
            phrase = " ".join(match.group().lower().split())
            found.append((Span(match.start(), match.end()), phrase))
    for quantity in find_quantities(text):
        if not quantity.approximation or quantity.approximation == "decade":
            continue
        if quantity.span.start < quantity.figure.start:
            span = Span(quantity.span.start, quantity.figure.start)
        else:
            span = Span(quantity.figure.end, quantity.span.end)
        phrase_text = span.of(text)
        stripped = phrase_text.strip()
        if not stripped:  # a vague amount ("thousands") is its own approximation
            span = quantity.figure
            stripped = phrase_text = span.of(text)
        start = span.start + phrase_text.index(stripped)
        phrase = " ".join(stripped.lower().split())
        found.append((Span(start, start + len(stripped)), phrase))
    return _drop_overlaps(found)


def hedge_family(phrase: str) -> str:
    """The family a hedge phrase belongs to ("alleged" -> "allegation"); "" when unknown."""
    phrase = " ".join(phrase.lower().split())
    for pattern, family, _prefix in _PATTERNS:
        if pattern.fullmatch(phrase):
            return family
    if phrase not in APPROXIMATIONS:
        return ""
    return _APPROXIMATION_FAMILIES.get(approximation_class(phrase), "estimate")


def _drop_overlaps(found: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """Keep the longest of overlapping hedges ("an estimated" over "estimated")."""
    kept: list[tuple[Span, str]] = []
    for span, phrase in sorted(found, key=lambda item: (-len(item[0]), item[0].start)):
        if not any(span.overlaps(other) for other, _ in kept):
            kept.append((span, phrase))
    kept.sort(key=lambda item: item[0])
    return kept
