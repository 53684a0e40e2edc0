"""Rebuild paragraphs from the lines of a PDF's text layer.

A PDF knows only where each line sits. Sentences read whole again when running
headers, footers and page numbers are dropped, words hyphenated at line ends
are joined, and lines are grouped into paragraphs by the gaps and indents
between them (across page breaks too, when a paragraph plainly continues).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from sidebyside.core.document import BlockKind

HYPHEN_MARKS = ("\x02", "\ufffe", "\u00ad", "-", "\u2010")
"""pdfium reports a hyphen at a line end as \\x02 (or \\ufffe); others are literal."""

_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:/|of)\s*\d{1,4})?$|^[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014]$",
    re.IGNORECASE,
)
_SENTENCE_END = tuple('.!?:;"\u201d\u2019)]')
_BULLET = re.compile(r"^(?:[\u2022\u25cf\u25aa\u25e6\u2013\u2014*-]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s")
_CONTENTS_ENTRY = re.compile(r"(?:\.\s?){4,}\s*[\dxivlc]+$")  # "Introduction . . . . 1"
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})  # fmt: skip
_EDGE_LINES = 2  # lines at the top and at the bottom of a page that may be header or footer


@dataclass(slots=True)
class Line:
    """One line of text on a page, with its box in PDF points (y grows upwards)."""

    text: str
    left: float
    right: float
    baseline: float
    size: float  # font size in points
    page: int


@dataclass(slots=True)
class Paragraph:
    lines: list[Line] = field(default_factory=list)
    kind: BlockKind = BlockKind.PARAGRAPH
    level: int = 0

    @property
    def page(self) -> int:
        return self.lines[0].page


def clean_line(text: str) -> str:
    return " ".join(text.translate(_LIGATURES).replace("\r", " ").replace("\n", " ").split())


def drop_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Remove page numbers and the headers and footers repeated on many pages."""
    counts: Counter[tuple[str, int]] = Counter()
    for lines in pages:
        counts.update({_running_key(line) for line in _edge_lines(lines)})
    threshold = max(2, len(pages) // 2) if len(pages) >= 3 else len(pages) + 1

    def running(line: Line) -> bool:
        return bool(_PAGE_NUMBER.match(line.text)) or counts[_running_key(line)] >= threshold

    kept = []
    for lines in pages:
        ordered = sorted(lines, key=lambda line: line.baseline, reverse=True)
        dropped: set[int] = set()
        for side in (ordered, ordered[::-1]):  # from the top edge inwards, then the bottom
            for line in side[:_EDGE_LINES]:
                if not running(line):
                    break
                dropped.add(id(line))
        kept.append([line for line in lines if id(line) not in dropped])
    return kept


@dataclass(frozen=True, slots=True)
class _Style:
    """How this document sets its body text."""

    body_size: float  # the most common font size
    spacing: float  # distance between the baselines of two lines of a paragraph
    gapped: bool  # paragraphs are separated by extra space


def group_paragraphs(pages: list[list[Line]]) -> list[Paragraph]:
    """Group lines into paragraphs and headings, joining a paragraph split by a page break."""
    every_line = [line for lines in pages for line in lines]
    if not every_line:
        return []
    body_size = statistics.median(line.size for line in every_line)
    spacing = _typical_spacing(pages, body_size)
    style = _Style(body_size, spacing, _paragraphs_have_gaps(pages, spacing))
    paragraphs: list[Paragraph] = []
    for lines in pages:
        right_edge = max((line.right for line in lines), default=0.0)
        page_paragraphs: list[Paragraph] = []
        for line in lines:
            current = page_paragraphs[-1] if page_paragraphs else None
            if current is None or _starts_paragraph(current, line, style, right_edge):
                page_paragraphs.append(Paragraph([line]))
            else:
                current.lines.append(line)
        for paragraph in page_paragraphs:
            _classify(paragraph, body_size)
        if paragraphs and page_paragraphs and _continues(paragraphs[-1], page_paragraphs[0]):
            paragraphs[-1].lines.extend(page_paragraphs.pop(0).lines)
        paragraphs.extend(page_paragraphs)
    return paragraphs


def join_lines(lines: list[Line], hyphenated_words: set[str]) -> str:
    """The paragraph's text, with words broken by a hyphen at a line end made whole."""
    text = ""
    for line in lines:
        if not text:
            text = line.text
            continue
        stripped = text.rstrip()
        if stripped.endswith(HYPHEN_MARKS) and len(stripped) > 1 and stripped[-2].isalpha():
            left, right = stripped[:-1], line.text
            if right[:1].islower():
                word = _last_word(left) + "-" + _first_word(right)
                text = left + ("-" if word.lower() in hyphenated_words else "") + right
            else:
                text = left + "-" + right  # "COVID-" + "19": a real hyphen
        else:
            text = stripped + " " + line.text
    return text.replace("\x02", "-").replace("\ufffe", "-")


def hyphenated_words(lines: list[Line]) -> set[str]:
    """Words written with a hyphen inside a line, so 'well-' + 'known' keeps its hyphen."""
    found: set[str] = set()
    for line in lines:
        found.update(word.lower() for word in re.findall(r"\w+-\w+", line.text))
    return found


def _edge_lines(lines: list[Line]) -> list[Line]:
    ordered = sorted(lines, key=lambda line: line.baseline, reverse=True)
    if len(ordered) <= 2 * _EDGE_LINES:
        return ordered
    return ordered[:_EDGE_LINES] + ordered[-_EDGE_LINES:]


def _running_key(line: Line) -> tuple[str, int]:
    """Running lines repeat their words (page numbers aside) at the same height on the page."""
    return re.sub(r"\d+", "#", line.text.lower()), round(line.baseline / 10)


def _typical_spacing(pages: list[list[Line]], body_size: float) -> float:
    steps = [
        previous.baseline - line.baseline
        for lines in pages
        for previous, line in zip(lines, lines[1:], strict=False)
        if 0 < previous.baseline - line.baseline < 3 * body_size
    ]
    return statistics.median(steps) if steps else 1.2 * body_size


def _paragraphs_have_gaps(pages: list[list[Line]], spacing: float) -> bool:
    """Whether this document separates paragraphs by space (else only by short lines)."""
    steps = [
        previous.baseline - line.baseline
        for lines in pages
        for previous, line in zip(lines, lines[1:], strict=False)
        if previous.baseline > line.baseline
    ]
    gaps = sum(1 for step in steps if step > 1.4 * spacing)
    return gaps >= max(2, 0.04 * len(steps))


def _starts_paragraph(paragraph: Paragraph, line: Line, style: _Style, right_edge: float) -> bool:
    previous = paragraph.lines[-1]
    body_size, spacing = style.body_size, style.spacing
    step = previous.baseline - line.baseline
    if abs(line.size - previous.size) > 0.1 * max(line.size, previous.size):
        return True  # a change of type size: heading to body or back
    if step <= 0.5 * body_size:  # back up the page: a new column
        return previous.text.endswith(_SENTENCE_END)
    if step > 1.4 * spacing:
        return True
    if _BULLET.match(line.text) or _CONTENTS_ENTRY.search(previous.text):
        return True
    if line.left - previous.left > 0.8 * body_size and not _hangs_from_bullet(paragraph, line):
        return True  # an indented first line
    if style.gapped:
        return False
    width = right_edge - paragraph.lines[0].left
    short = previous.right < right_edge - 0.15 * width
    return short and previous.text.endswith(_SENTENCE_END)


def _hangs_from_bullet(paragraph: Paragraph, line: Line) -> bool:
    """A list item's second line, indented to where the text after the bullet starts."""
    first = paragraph.lines[0]
    return bool(_BULLET.match(first.text)) and line.left - first.left < 4 * first.size


def _classify(paragraph: Paragraph, body_size: float) -> None:
    size = statistics.median(line.size for line in paragraph.lines)
    text = " ".join(line.text for line in paragraph.lines)
    if size >= 1.15 * body_size and len(text) < 200 and not text.endswith("."):
        paragraph.kind = BlockKind.HEADING
        paragraph.level = 1 if size >= 1.6 * body_size else 2 if size >= 1.3 * body_size else 3
    elif _BULLET.match(paragraph.lines[0].text):
        paragraph.kind, paragraph.level = BlockKind.LIST_ITEM, 1


def _continues(previous: Paragraph, following: Paragraph) -> bool:
    """A paragraph cut by a page break: no closing punctuation, same kind, and a full line."""
    if previous.kind is not BlockKind.PARAGRAPH or following.kind is not BlockKind.PARAGRAPH:
        return False
    last = previous.lines[-1].text.rstrip()
    if last.endswith(_SENTENCE_END):
        return False
    first = following.lines[0].text
    return first[:1].islower() or last.endswith(HYPHEN_MARKS) or len(previous.lines) > 1


def _last_word(text: str) -> str:
    match = re.search(r"\w+$", text)
    return match.group(0) if match else ""


def _first_word(text: str) -> str:
    match = re.match(r"\w+", text)
    return match.group(0) if match else ""
