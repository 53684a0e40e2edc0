"""Find typed words in a document's text, the way a reader means them.

A reader types plain keys: a straight quote must find a curly one, a space must find a
line break or a double space, and case must not matter. Hits are spans of the canonical
text, so the window marks them with the same offsets as every highlight.
"""

from __future__ import annotations

import re

from sidebyside.core.spans import Span

MAX_HITS = 5000  # more than anyone steps through; the count says "5000+"

_LOOKALIKES = {
    "'": "['‘’ʼ′]",
    '"': '["“”„″]',
    "-": "[-‐‑‒–—]",
}


def find_all(text: str, query: str, *, limit: int = MAX_HITS) -> list[Span]:
    """Every place `query` occurs in `text`, case-insensitive, at most `limit`."""
    pattern = search_pattern(query)
    if pattern is None:
        return []
    hits: list[Span] = []
    for match in pattern.finditer(text):
        hits.append(Span(match.start(), match.end()))
        if len(hits) >= limit:
            break
    return hits


def search_pattern(query: str) -> re.Pattern[str] | None:
    """The pattern for what the reader typed; None for nothing but spaces."""
    words = query.split()
    if not words:
        return None
    parts = []
    for word in words:
        parts.append("".join(_LOOKALIKES.get(char, re.escape(char)) for char in word))
    return re.compile(r"\s+".join(parts), re.IGNORECASE)
