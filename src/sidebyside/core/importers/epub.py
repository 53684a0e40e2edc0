"""EPUB books: the chapters in reading (spine) order, each walked like a web page."""

from __future__ import annotations

import io
import warnings
import zipfile
from typing import Any

import lxml.html
from ebooklib import ITEM_DOCUMENT, epub
from lxml import etree

from sidebyside.core.document import Document, DocumentBuilder, Metadata
from sidebyside.core.errors import UnreadableDocument
from sidebyside.core.importers.archives import check_unpacked_size
from sidebyside.core.importers.formats import quoted
from sidebyside.core.importers.htmlwalk import walk_html


def read_epub(data: bytes, name: str) -> Document:
    check_unpacked_size(data, name, "EPUB book")
    book = _open(data, name)
    builder = DocumentBuilder()
    for item_id, _linear in book.spine:
        item = book.get_item_with_id(item_id)
        if item is None or item.get_type() != ITEM_DOCUMENT:
            continue
        try:
            chapter = lxml.html.document_fromstring(item.get_content())
        except (etree.ParserError, ValueError):
            continue  # an empty or broken chapter: read the others
        body = chapter.find("body")
        walk_html(body if body is not None else chapter, builder)
    return builder.build(_metadata(book))


def _open(data: bytes, name: str) -> Any:
    try:
        with warnings.catch_warnings():
            # ebooklib warns about its own future defaults; they do not concern readers.
            warnings.simplefilter("ignore", UserWarning)
            warnings.simplefilter("ignore", FutureWarning)
            return epub.read_epub(io.BytesIO(data), options={"ignore_ncx": True})
    except (epub.EpubException, zipfile.BadZipFile, KeyError, etree.LxmlError, ValueError,
            AttributeError, IndexError, TypeError, OSError, EOFError) as error:  # fmt: skip
        raise UnreadableDocument(
            f"{quoted(name)} is a damaged EPUB book and cannot be read."
        ) from error


def _metadata(book: Any) -> Metadata:
    def first(field: str) -> str:
        values = book.get_metadata("DC", field)
        return " ".join(str(values[0][0]).split()) if values else ""

    return Metadata(
        title=first("title"),
        author=", ".join(" ".join(str(v[0]).split()) for v in book.get_metadata("DC", "creator")),
        publisher=first("publisher"),
        date=first("date")[:10],
        language=first("language"),
    )
