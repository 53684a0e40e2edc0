"""Sentence boundaries as offsets into a document's canonical text.

Segmentation is pysbd's (rule-based, tuned for abbreviations such as "U.S." and
"Col."), applied block by block so that a sentence never crosses a paragraph.
"""

from __future__ import annotations

from functools import lru_cache

import pysbd

from sidebyside.core.document import Document
from sidebyside.core.spans import Span


@lru_cache(maxsize=4)
def _segmenter(language: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language, clean=False, char_span=False)


def split_sentences(text: str, offset: int = 0, language: str = "en") -> list[Span]:
    """Sentences of `text` as spans shifted by `offset`, whitespace trimmed."""
    spans: list[Span] = []
    cursor = 0
    for piece in _segmenter(language).segment(text):
        stripped = piece.strip()
        if not stripped:
            continue
        found = text.find(stripped, cursor)
        if found < 0:  # the segmenter altered the text; fall back to its length
            found = cursor
        end = found + len(stripped)
        spans.append(Span(offset + found, offset + end))
        cursor = end
    return spans


def document_sentences(document: Document, language: str = "en") -> list[Span]:
    """Every sentence of the document, in order, never crossing a block boundary."""
    spans: list[Span] = []
    for block in document.blocks:
        spans.extend(split_sentences(document.text[block.start : block.end], block.start, language))
    return spans
