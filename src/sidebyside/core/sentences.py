"""Sentence boundaries as offsets into a document's canonical text.

Segmentation is pysbd's (rule-based, tuned for abbreviations such as "U.S." and
"Col."), applied block by block so that a sentence never crosses a paragraph.
A few repairs follow for news text pysbd gets wrong: titles it does not know
("Amb. Oleg Ozerov"), "approx. 5 million", a closing quote left at the start of
the next sentence, and pieces that begin in lower case or with a comma.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd

from sidebyside.core.document import BlockKind, Document
from sidebyside.core.spans import Span
from sidebyside.core.words.abbreviations import BEFORE_NUMBERS, TITLES

# pysbd splits after these; a following capital word is a name, a following number
# belongs to the same sentence (one list with the sources' splitter: core.words.abbreviations).
_TITLE_ABBREVIATIONS = TITLES
_NUMBER_ABBREVIATIONS = BEFORE_NUMBERS
_LAST_WORD = re.compile(r"(\w+)\.$")
# Where a sentence could end before the end of a block; without one the block is one sentence.
_INNER_STOP = re.compile(r"[.!?…][\"'”’)\]]*\s|[.!?…]\s*[\"“‘(\[]|\n")
_CLOSING_QUOTE = re.compile(r"[\u201d\u2019\"']+(?=\s|$)")
_CONTINUATION_START = re.compile(r"[a-z,;:)\]\u2013\u2014-]")


@lru_cache(maxsize=4)
def _segmenter(language: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language, clean=False, char_span=False)


# pysbd's time grows with the square of the text it is given (a 1 MB block of lines took
# 8 minutes): a longer text is cut into windows at a line break or a sentence end first.
MAX_WINDOW = 5_000
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s")


def split_sentences(text: str, offset: int = 0, language: str = "en") -> list[Span]:
    """Sentences of `text` as spans shifted by `offset`, whitespace trimmed."""
    return [
        Span(offset + window + start, offset + window + end)
        for window, window_end in _windows(text)
        for start, end in _relative_sentences(text[window:window_end], language)
    ]


def _windows(text: str) -> list[tuple[int, int]]:
    """(start, end) of pieces of at most MAX_WINDOW characters, cut where a sentence ends:
    at a line break, else after a full stop and a space, else at a space."""
    windows: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > MAX_WINDOW:
        low, high = start + MAX_WINDOW // 2, start + MAX_WINDOW
        cut = text.rfind("\n", low, high)
        if cut < 0:
            ends = [match.end() - 1 for match in _SENTENCE_END.finditer(text, low, high)]
            cut = ends[-1] if ends else text.rfind(" ", low, high)
        end = cut + 1 if cut >= low else high
        windows.append((start, end))
        start = end
    windows.append((start, len(text)))
    return windows


def document_sentences(document: Document, language: str = "en") -> list[Span]:
    """Every sentence of the document, in order, never crossing a block boundary.

    Preformatted blocks are split at line breaks first: their lines are not prose.
    """
    spans: list[Span] = []
    text = document.text
    for block in document.blocks:
        if block.kind is BlockKind.PREFORMATTED:
            for line in re.finditer(r"[^\n]+", text[block.start : block.end]):
                spans.extend(split_sentences(line.group(), block.start + line.start(), language))
        else:
            spans.extend(split_sentences(text[block.start : block.end], block.start, language))
    return spans


@lru_cache(maxsize=8192)
def _relative_sentences(text: str, language: str) -> tuple[tuple[int, int], ...]:
    """Cached per block: the UI and the claim finder ask for the same blocks again and again."""
    if not _INNER_STOP.search(text.rstrip()):  # one sentence (a heading, a short paragraph)
        stripped = text.strip()
        start = text.find(stripped) if stripped else 0
        return ((start, start + len(stripped)),) if stripped else ()
    pieces = _pysbd_pieces(text, language)
    return tuple(_repair(text, pieces))


def _pysbd_pieces(text: str, language: str) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    cursor = 0
    # `Segmenter.segment` would compile one regular expression per sentence to find its
    # offsets; its processor gives the same sentences, which we find with str.find.
    for piece in _segmenter(language).processor(text).process():
        stripped = piece.strip()
        if not stripped:
            continue
        found = text.find(stripped, cursor)
        if found < 0:  # the segmenter altered the text; fall back to its length
            found = cursor
        end = min(len(text), found + len(stripped))
        if end > found:
            pieces.append((found, end))
        cursor = end
    return pieces


def _repair(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    repaired: list[tuple[int, int]] = []
    for start, end in pieces:
        if repaired:
            closing = _CLOSING_QUOTE.match(text, start)
            if closing:  # 'He said so.' + '” Then…' -> the quote ends the first sentence
                previous_start, _ = repaired[-1]
                repaired[-1] = (previous_start, closing.end())
                start = _skip_spaces(text, closing.end(), end)
                if start >= end:
                    continue
            if _continues(text, repaired[-1], start):
                repaired[-1] = (repaired[-1][0], end)
                continue
        repaired.append((start, end))
    return repaired


def _continues(text: str, previous: tuple[int, int], start: int) -> bool:
    """Whether the piece at `start` is the rest of the previous sentence."""
    if _CONTINUATION_START.match(text, start):
        return True
    last = _LAST_WORD.search(text, previous[0], previous[1])
    if last is None:
        return False
    word = last.group(1).lower()
    following = text[start]
    if word in _TITLE_ABBREVIATIONS and following.isupper():
        return True
    return word in _NUMBER_ABBREVIATIONS and following.isdigit()


def _skip_spaces(text: str, position: int, end: int) -> int:
    while position < end and text[position].isspace():
        position += 1
    return position
