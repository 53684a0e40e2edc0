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

from sidebyside.core.document import Document, DocumentBuilder, Metadata
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

_SIZE_SAMPLES = 6  # places along a run of text where font size and baseline are read
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def read_pdf(data: bytes, name: str) -> Document:
    pdf = _open(data, name)
    try:
        if len(pdf) == 0:
            raise EmptyDocument(f"{quoted(name)} is a PDF without pages.")
        pages = [_page_lines(pdf, index) for index in range(len(pdf))]
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
        builder.add(
            join_lines(paragraph.lines, words),
            paragraph.kind,
            level=paragraph.level,
            page=paragraph.page,
        )
    return builder.build(metadata)


def _open(data: bytes, name: str) -> Any:
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


def _page_lines(pdf: Any, index: int) -> list[Line]:
    """The page's lines in the order the PDF draws them (usually reading order)."""
    page = pdf[index]
    textpage = page.get_textpage()
    try:
        lines: list[Line] = []
        for rect_index in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(rect_index)
            text = clean_line(textpage.get_text_bounded(left, bottom, right, top))
            if not text:
                continue
            baseline, size = _baseline_and_size(textpage, left, bottom, right, top, len(text))
            previous = lines[-1] if lines else None
            if previous is not None and _same_line(previous, left, baseline):
                gap = left - previous.right
                spaced = gap > 0.15 * previous.size and not previous.text.endswith(" ")
                previous.text += (" " if spaced else "") + text
                previous.right = max(previous.right, right)
                previous.size = max(previous.size, size)
            else:
                lines.append(Line(text, left, right, baseline, size, index + 1))
        return lines
    finally:
        textpage.close()
        page.close()


def _baseline_and_size(
    textpage: Any, left: float, bottom: float, right: float, top: float, length: int
) -> tuple[float, float]:
    """The baseline of a run of `length` characters and its largest font size, sampled along
    the run (a bullet or a word in a code font must not make a body line look smaller)."""
    height, width = top - bottom, right - left
    for sample in range(_SIZE_SAMPLES):  # the first character found from the left
        x_position = left + min(1.0, width / 2) + sample * width / _SIZE_SAMPLES
        found = textpage.get_index(x_position, (bottom + top) / 2, 1.0, height / 4)
        if found is not None and found >= 0:
            break
    else:
        return bottom, height
    x, y = ctypes.c_double(), ctypes.c_double()
    if not pdfium_c.FPDFText_GetCharOrigin(textpage.raw, found, ctypes.byref(x), ctypes.byref(y)):
        return bottom, height
    # The run's characters follow `found` in order; stay clear of the next run's.
    remaining = max(1, int(0.9 * length * (right - x_position) / max(width, 1.0)))
    step = max(1, remaining // _SIZE_SAMPLES)
    size = max(
        pdfium_c.FPDFText_GetFontSize(textpage.raw, found + offset)
        for offset in range(0, remaining, step)
    )
    return y.value, float(size) if size > 0 else height


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
