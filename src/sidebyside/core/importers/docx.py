"""Word documents (.docx): paragraphs and tables in document order, with heading, quote and
list styles kept as blocks, read with python-docx."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import docx
from docx.opc.exceptions import OpcError
from docx.table import Table
from lxml import etree

from sidebyside.core.document import BlockKind, Document, DocumentBuilder, Metadata
from sidebyside.core.errors import UnreadableDocument
from sidebyside.core.importers.archives import check_unpacked_size
from sidebyside.core.importers.formats import quoted

_HEADING_STYLE = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)


def read_docx(data: bytes, name: str) -> Document:
    check_unpacked_size(data, name, "Word document")
    try:
        word = docx.Document(io.BytesIO(data))
        builder = DocumentBuilder()
        for part in word.iter_inner_content():
            if isinstance(part, Table):
                _add_table(part, builder)
            else:
                _add_paragraph(part, builder)
        return builder.build(_metadata(word))
    except (OpcError, zipfile.BadZipFile, KeyError, etree.LxmlError, ValueError) as error:
        raise UnreadableDocument(
            f"{quoted(name)} is a damaged Word document and cannot be read."
        ) from error


def _add_paragraph(paragraph: Any, builder: DocumentBuilder) -> None:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    links = _hyperlinks(paragraph)
    heading = _HEADING_STYLE.match(style)
    numbering = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
    if heading:
        builder.add(
            paragraph.text, BlockKind.HEADING, level=min(int(heading.group(1)), 6), links=links
        )
    elif style.lower() == "title":
        builder.add(paragraph.text, BlockKind.HEADING, level=1, links=links)
    elif "quote" in style.lower():
        builder.add(paragraph.text, BlockKind.QUOTE, links=links)
    elif numbering is not None or style.lower().startswith("list"):
        level = (
            numbering.ilvl.val + 1 if numbering is not None and numbering.ilvl is not None else 1
        )
        builder.add(paragraph.text, BlockKind.LIST_ITEM, level=level, links=links)
    else:
        builder.add(paragraph.text, links=links)


def _hyperlinks(paragraph: Any) -> list[tuple[int, int, str]]:
    """The paragraph's hyperlinks (their relationship's address) as spans of its text."""
    found: list[tuple[int, int, str]] = []
    text = paragraph.text
    cursor = 0
    for link in paragraph.hyperlinks:
        words, address = link.text, link.url
        at = text.find(words, cursor) if words and address else -1
        if at >= 0:
            found.append((at, at + len(words), address))
            cursor = at + len(words)
    return found


def _add_table(table: Table, builder: DocumentBuilder) -> None:
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:  # merged cells repeat: keep each text once per row
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        builder.add(" | ".join(cells))


def _metadata(word: Any) -> Metadata:
    properties = word.core_properties
    created = properties.created
    return Metadata(
        title=" ".join((properties.title or "").split()),
        author=" ".join((properties.author or "").split()),
        date=created.date().isoformat() if created is not None else "",
        language=properties.language or "",
    )
