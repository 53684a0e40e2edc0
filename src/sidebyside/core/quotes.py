"""Quotations: the words a text puts in someone's mouth, which a source must contain verbatim.

Handles straight and curly double quotes, guillemets and German low quotes, single quotes
that are not apostrophes ("don't", "the instructors' pay"), and the journalistic habit of
leaving a quote open at the end of a paragraph when it continues in the next.
"""

from __future__ import annotations

import re

from sidebyside.core.spans import Span

__all__ = ["find_quotations", "quotation_at"]

_MARKS = re.compile(r"[\"“”„«»‘’']")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_OPENING_CONTEXT = set(" \t\n([{—–-/:") | {"", "\u00a0"}


def find_quotations(text: str) -> list[Span]:
    """Spans of quoted text, without the marks, outermost quotations only, in order."""
    spans: list[Span] = []
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        spans.extend(_paragraph_quotations(text, start, brk.start()))
        start = brk.end()
    spans.extend(_paragraph_quotations(text, start, len(text)))
    return spans


def quotation_at(text: str, offset: int) -> Span | None:
    """The quotation containing `offset`, if any."""
    for span in find_quotations(text):
        if span.start <= offset < span.end:
            return span
    return None


def _paragraph_quotations(text: str, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    double: int | None = None  # offset just after an open double quote
    single: int | None = None
    opener = ""
    for mark in _MARKS.finditer(text, start, end):
        char = mark.group()
        at = mark.start()
        before = text[at - 1] if at > start else ""
        after = text[at + 1] if at + 1 < end else ""
        opening_context = before in _OPENING_CONTEXT or before in "“\"‘'«„"
        if char == "“" and opener == "„" and double is not None:  # German „…“
            _add(spans, text, double, at)
            double = None
        elif char in "“„«":
            if double is None:
                double, single, opener = at + 1, None, char
        elif char in "”»":
            if double is not None:
                _add(spans, text, double, at)
                double = None
        elif char == '"':
            if double is not None:
                _add(spans, text, double, at)
                double = None
            elif opening_context or (not before.isalnum() and after.isalnum()):
                double, single, opener = at + 1, None, char
        elif double is not None:
            continue  # a quotation inside a quotation belongs to the outer one
        elif char == "‘" or (char == "'" and opening_context and after.isalnum()):
            if single is None:
                single = at + 1
        elif single is not None and not after.isalnum():
            _add(spans, text, single, at)
            single = None
    if double is not None:  # a quotation continued in the next paragraph
        _add(spans, text, double, end)
    return spans


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    inner = text[start:end]
    stripped = inner.strip()
    if stripped:
        offset = start + inner.index(stripped)
        spans.append(Span(offset, offset + len(stripped)))
