"""Anchors: where a claim or passage sits in a text, stated so it can be found again.

An anchor is a position (code-point offsets) plus a quote selector (the exact
text and 32 characters either side), after the W3C Web Annotation model.
"""

from __future__ import annotations

from dataclasses import dataclass

from sidebyside.core.spans import Span

CONTEXT_LENGTH = 32


@dataclass(frozen=True, slots=True)
class Anchor:
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


def make_anchor(text: str, start: int, end: int) -> Anchor:
    return Anchor(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_LENGTH) : start],
        suffix=text[end : end + CONTEXT_LENGTH],
    )


def reanchor(anchor: Anchor, text: str) -> Anchor | None:
    """Find the anchor again in a changed text; None means it is now an orphan."""
    if text[anchor.start : anchor.end] == anchor.exact:
        return make_anchor(text, anchor.start, anchor.end)
    found = text.find(anchor.exact)
    if found >= 0:
        return make_anchor(text, found, found + len(anchor.exact))
    return None
