"""Zip-based documents (DOCX, EPUB) checked before they are unpacked: a few hundred
kilobytes of zip can hold gigabytes of XML, and a reader would spend minutes and gigabytes
parsing it."""

from __future__ import annotations

import io
import zipfile

from sidebyside.core.errors import UnreadableDocument
from sidebyside.core.importers.formats import quoted

__all__ = ["MAX_UNPACKED", "check_unpacked_size"]

MAX_UNPACKED = 100 * 2**20  # bytes a document's text parts may unpack to, all together
MAX_MEMBER = 40 * 2**20  # bytes one text part (a chapter, a Word body) may unpack to
# The parts a reader parses; pictures and fonts are never read.
_TEXT_PARTS = (".xml", ".rels", ".xhtml", ".html", ".htm", ".opf", ".ncx", ".txt")


def check_unpacked_size(data: bytes, name: str, kind: str) -> None:
    """Refuse, in one sentence, an archive whose parts would unpack past the limits.

    Python's zip reader stops each part at the size its directory declares, so the
    declared sizes bound what a reader can be made to parse."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            sizes = [member.file_size for member in archive.infolist()]
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise UnreadableDocument(
            f"{quoted(name)} is a damaged {kind} and cannot be read."
        ) from error
    if sum(sizes) > MAX_UNPACKED or any(size > MAX_MEMBER for size in sizes):
        raise UnreadableDocument(
            f"{quoted(name)} unpacks to more than {MAX_UNPACKED // 2**20} MB "
            f"(or one part to more than {MAX_MEMBER // 2**20} MB); sidebyside does not "
            f"read a {kind} that large."
        )
