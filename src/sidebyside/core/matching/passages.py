"""Sentences of a source for the matcher, found fast enough for a 20 MB reading list.

`sidebyside.core.sentences` (pysbd) is the careful splitter the article view uses, but it
reads about 400 KB a second; indexing 200 sources with it would take a minute. This
splitter is a regular expression plus an abbreviation list, which is right on news and
report prose, and it cuts run-on text (tables, PDF columns) into pieces a claim can match.
"""

from __future__ import annotations

import re

from sidebyside.core.document import Document
from sidebyside.core.words.abbreviations import ABBREVIATIONS

__all__ = ["MAX_SENTENCE", "split_passages"]

MAX_SENTENCE = 400  # characters; longer runs are cut at ";" or between words

# A single character class first lets `re` scan fast; the space after the mark is what
# makes a cut ("9.6" and "U.S.-led" have none).
_END = re.compile(
    r"(?P<mark>[.!?…\n][.!?…\"”’')\]]*)(?P<space>\s+(?=[\"“‘'(\[]?[A-Z0-9\u00c0-\u024f]))?"
)
_SOFT_BREAK = re.compile(r"[;:]\s+")


def split_passages(document: Document) -> list[tuple[int, int, int]]:
    """(start, end, block number) of every sentence, in order, never crossing a block."""
    text = document.text
    blocks = [(block.start, block.end) for block in document.blocks] or [(0, len(text))]
    found: list[tuple[int, int, int]] = []
    for number, (start, end) in enumerate(blocks):
        for piece_start, piece_end in _sentences(text, start, end):
            if piece_end - piece_start > MAX_SENTENCE:
                found.extend((a, b, number) for a, b in _cut_long(text, piece_start, piece_end))
            else:
                found.append((piece_start, piece_end, number))
    return found


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Blocks come trimmed from `DocumentBuilder`, so only the cut points need care."""
    spans: list[tuple[int, int]] = []
    cursor = start
    rfind = text.rfind
    for match in _END.finditer(text, start, end):
        at = match.start()
        if text[at] == "\n":  # a line break in preformatted text
            mark_end = at
        elif match.start("space") < 0:
            continue
        else:
            mark_end = match.end("mark")
            if text[at] == "." and text[at - 1 : at].isalpha():
                word = text[max(rfind(" ", cursor, at), cursor - 1) + 1 : at]
                if len(word) == 1 and word.isupper() or word.lower() in ABBREVIATIONS:
                    continue  # "J. Smith", "Col. Reyes", "the U.S. Army"
        if mark_end > cursor:
            spans.append((cursor, mark_end))
        cursor = match.end()
    if end > cursor:
        spans.append((cursor, end))
    return spans


def _append_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of at most about MAX_SENTENCE characters, cut at ";" or ":" where possible."""
    pieces: list[tuple[int, int]] = []
    cursor = start
    while end - cursor > MAX_SENTENCE:
        limit = cursor + MAX_SENTENCE
        cut = -1
        for soft in _SOFT_BREAK.finditer(text, cursor + MAX_SENTENCE // 3, limit):
            cut = soft.end()
        if cut < 0:
            space = text.rfind(" ", cursor + MAX_SENTENCE // 2, limit)
            cut = space + 1 if space > 0 else limit
        _append_piece(pieces, text, cursor, cut)
        cursor = cut
    _append_piece(pieces, text, cursor, end)
    return pieces


def _append_piece(pieces: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    trimmed: list[tuple[int, int]] = []
    _append_trimmed(trimmed, text, start, end)
    pieces.extend(trimmed)
