"""PDF reports: the text layer, page by page, rebuilt into paragraphs that read whole.

pypdfium2 (Google's PDFium) gives the text of each line with its position;
`pdflayout` does the rest. A PDF of scanned pages has no text layer, and the
reader is told so instead of being shown an empty document.
"""

from __future__ import annotations

import ctypes
import re
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from sidebyside.core.document import Document, DocumentBuilder, Metadata, normalise_block_text
from sidebyside.core.errors import EmptyDocument, NoTextLayer, UnreadableDocument
from sidebyside.core.importers.formats import quoted
from sidebyside.core.importers.pdflayout import (
    Line,
    clean_line,
    drop_running_lines,
    group_paragraphs,
    hyphenated_words,
    join_lines,
)
from sidebyside.core.importers.pdfstreams import MAX_UNPACKED, unpacked_size_exceeds
from sidebyside.core.importers.plaintext import bare_links
from sidebyside.core.progress import current_progress

_SIZE_SAMPLES = 6  # places along a line where the font size is read
# PDFium ends a line broken after a hyphen with U+FFFE instead of a line break.
_SOFT_HYPHEN = "\ufffe"
_LINE = re.compile(r"[^\r\n\ufffe]+\ufffe?")
_MAX_URI = 8192  # bytes: a link address longer than this is no citation
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def read_pdf(data: bytes, name: str) -> Document:
    pdf = _open(data, name)
    try:
        if len(pdf) == 0:
            raise EmptyDocument(f"{quoted(name)} is a PDF without pages.")
        pages = []
        links: dict[int, list[tuple[str, str]]] = {}  # page -> (words under it, address)
        progress = current_progress()
        for index in range(len(pdf)):
            progress.advance(index, len(pdf), f"page {index + 1} of {len(pdf)}")
            pages.append(_page_lines(pdf, index, links))
        metadata = _metadata(pdf)
    except pdfium.PdfiumError as error:
        raise UnreadableDocument(f"{quoted(name)} is a damaged PDF and cannot be read.") from error
    finally:
        pdf.close()
    if not any(pages):
        raise NoTextLayer(
            f"{quoted(name)} has no text layer (it is probably scanned images); "
            "sidebyside cannot read it without OCR."
        )
    pages = drop_running_lines(pages)
    words = hyphenated_words([line for lines in pages for line in lines])
    builder = DocumentBuilder()
    for paragraph in group_paragraphs(pages):
        text = join_lines(paragraph.lines, words)
        spans = bare_links(text)
        if paragraph.page in links:
            text = normalise_block_text(text)
            spans = bare_links(text) + _spans_of(text, links[paragraph.page])
        builder.add(
            text,
            paragraph.kind,
            level=paragraph.level,
            page=paragraph.page,
            links=_without_overlaps(spans),
        )
    return builder.build(metadata)


def _spans_of(text: str, pending: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Where in a paragraph the words under the page's links stand; each link found is
    taken off `pending`, so it is placed once."""
    found: list[tuple[int, int, str]] = []
    for item in list(pending):
        at = text.find(item[0])
        if at >= 0:
            found.append((at, at + len(item[0]), item[1]))
            pending.remove(item)
    return found


def _without_overlaps(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Link annotations win over the same address written out in the text."""
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda span: (span[0], -span[1])):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _page_links(pdf: Any, page: Any, textpage: Any) -> list[tuple[str, str]]:
    """The page's link annotations that lead to a web address: the words under each (as
    the page's text has them) and the address."""
    found: list[tuple[str, str]] = []
    position = ctypes.c_int(0)
    link = pdfium_c.FPDF_LINK()
    while pdfium_c.FPDFLink_Enumerate(page.raw, ctypes.byref(position), ctypes.byref(link)):
        action = pdfium_c.FPDFLink_GetAction(link)
        if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
            continue
        size = pdfium_c.FPDFAction_GetURIPath(pdf.raw, action, None, 0)
        if not 1 < size <= _MAX_URI:
            continue
        buffer = ctypes.create_string_buffer(size)
        pdfium_c.FPDFAction_GetURIPath(pdf.raw, action, buffer, size)
        rect = pdfium_c.FS_RECTF()
        if not pdfium_c.FPDFLink_GetAnnotRect(link, ctypes.byref(rect)):
            continue
        low, high = sorted((rect.bottom, rect.top))
        left, right = sorted((rect.left, rect.right))
        words = normalise_block_text(
            textpage.get_text_bounded(left, low, right, high).replace(_SOFT_HYPHEN, "-")
        )
        if words:
            found.append((words, buffer.value.decode("utf-8", "replace")))
    return found


def _open(data: bytes, name: str) -> Any:
    if unpacked_size_exceeds(data):
        raise UnreadableDocument(
            f"{quoted(name)} unpacks to over {MAX_UNPACKED // 2**20} MB of page content; "
            "sidebyside reads PDFs of up to that much."
        )
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise UnreadableDocument(
                f"{quoted(name)} is protected by a password; open it elsewhere and save "
                "an unprotected copy."
            ) from error
        raise UnreadableDocument(
            f"{quoted(name)} is a damaged or truncated PDF and cannot be read."
        ) from error


def _page_lines(pdf: Any, index: int, links: dict[int, list[tuple[str, str]]]) -> list[Line]:
    """The page's lines in the order the PDF draws them (usually reading order).

    The text comes from PDFium's reading of the whole page, which puts in the spaces
    a PDF leaves implicit and never repeats a character; each character index of that
    text also gives the character's box, origin and font size.
    """
    page = pdf[index]
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count > 0 else ""
        if len(text) != count:  # indexes would not line up with boxes: read boxes per line
            text = text.ljust(count)[:count]
        page_links = _page_links(pdf, page, textpage)
        if page_links:
            links[index + 1] = page_links
        lines: list[Line] = []
        for piece in _LINE.finditer(text):
            line = _line_of(textpage, text, piece.start(), piece.end(), index + 1)
            if line is None:
                continue
            previous = lines[-1] if lines else None
            if previous is not None and _same_line(previous, line.left, line.baseline):
                gap = line.left - previous.right
                spaced = gap > 0.15 * previous.size and not previous.text.endswith(" ")
                previous.text += (" " if spaced else "") + line.text
                previous.right = max(previous.right, line.right)
                previous.size = max(previous.size, line.size)
            else:
                lines.append(line)
        return lines
    finally:
        textpage.close()
        page.close()


def _line_of(textpage: Any, text: str, start: int, end: int, page: int) -> Line | None:
    """A line from characters start..end of the page text, placed by a few of its boxes."""
    cleaned = clean_line(text[start:end].replace(_SOFT_HYPHEN, "-"))
    if not cleaned:
        return None
    visible = [i for i in range(start, end) if not text[i].isspace()]
    first, last = visible[0], visible[-1]
    left, bottom, _, top = textpage.get_charbox(first)
    right = textpage.get_charbox(last)[2]
    x, y = ctypes.c_double(), ctypes.c_double()
    baseline = bottom
    if pdfium_c.FPDFText_GetCharOrigin(textpage.raw, first, ctypes.byref(x), ctypes.byref(y)):
        baseline = y.value
    step = max(1, len(visible) // _SIZE_SAMPLES)
    size = max(
        pdfium_c.FPDFText_GetFontSize(textpage.raw, visible[offset])
        for offset in range(0, len(visible), step)
    )
    return Line(cleaned, left, right, baseline, float(size) if size > 0 else top - bottom, page)


def _same_line(previous: Line, left: float, baseline: float) -> bool:
    return left >= previous.right - 1 and abs(baseline - previous.baseline) < 0.5 * previous.size


def _metadata(pdf: Any) -> Metadata:
    info = pdf.get_metadata_dict()
    return Metadata(
        title=" ".join(str(info.get("Title", "")).split()),
        author=" ".join(str(info.get("Author", "")).split()),
        date=_iso_date(str(info.get("CreationDate", ""))),
    )


def _iso_date(value: str) -> str:
    match = _PDF_DATE.match(value.strip())
    if not match:
        return ""
    return "-".join(part for part in match.groups() if part)
