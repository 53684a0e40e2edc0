"""Read the files a researcher saves (web pages, PDF, Markdown, text, EPUB, DOCX) as `Document`s.

`import_file` and `import_bytes` check what the file really is, decode its
text, hand it to the reader for its format, and keep the original bytes beside
the result. Every failure a reader can cause is a `SidebysideError` whose
message names the file in one sentence.
"""

from __future__ import annotations

import importlib
import stat
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path, PurePath
from typing import Any

from sidebyside.core.document import BlockKind, Document
from sidebyside.core.errors import EmptyDocument, UnreadableDocument, UnsupportedFormat
from sidebyside.core.importers.encoding import declared_charset, decode_text
from sidebyside.core.importers.formats import (
    MAX_BYTES,
    TEXT_FORMATS,
    Format,
    detect_format,
    quoted,
)

__all__ = ["MAX_BYTES", "Format", "detect_format", "import_bytes", "import_file"]

# The reader of each format, imported when a file of that format is first read: a plain
# text file never loads the HTML extractor or PDFium.
_READERS: dict[Format, tuple[str, str]] = {
    Format.HTML: ("html", "read_html"),
    Format.MARKDOWN: ("markdown", "read_markdown"),
    Format.TEXT: ("plaintext", "read_text"),
    Format.PDF: ("pdf", "read_pdf"),
    Format.EPUB: ("epub", "read_epub"),
    Format.DOCX: ("docx", "read_docx"),
}


def _reader(kind: Format) -> Callable[[Any, str], Document]:
    module, function = _READERS[kind]
    reader: Callable[[Any, str], Document] = getattr(
        importlib.import_module(f"sidebyside.core.importers.{module}"), function
    )
    return reader


def import_file(path: Path) -> Document:
    """Read the file at `path`; its address is the absolute path unless the file names one."""
    path = Path(path)
    name = path.name or str(path)
    try:
        status = path.stat()
        if path.is_dir():
            raise UnreadableDocument(f"{quoted(str(path))} is a folder, not a file.")
        if not stat.S_ISREG(status.st_mode):  # a pipe would block, a device never end
            raise UnreadableDocument(
                f"{quoted(name)} is not a file of its own (a pipe, a device or a socket)."
            )
        _check_size(status.st_size, name)
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise UnreadableDocument(f"{quoted(str(path))} does not exist.") from error
    except PermissionError as error:
        raise UnreadableDocument(f"{quoted(name)} cannot be opened: permission denied.") from error
    except OSError as error:
        raise UnreadableDocument(
            f"{quoted(name)} cannot be read: {error.strerror or error}."
        ) from error
    document = import_bytes(data, name)
    if not document.metadata.address:
        document = document.with_metadata(address=str(path.resolve()))
    return document


def import_bytes(
    data: bytes,
    name: str,
    *,
    media_type: str | None = None,
    charset: str | None = None,
    address: str = "",
) -> Document:
    """Read a document held in memory; `name` (a file name) is used for messages and its kind.

    `media_type` and `charset` are hints from a web server, used when the name and
    the content leave the format or the encoding open; `address` is where a web page came
    from, which its relative links are resolved against when it names no address itself.
    """
    _check_size(len(data), name)
    if not data.strip(b" \t\r\n\f\v\x00"):
        raise EmptyDocument(f"{quoted(name)} is empty: there is no text to read.")
    kind = detect_format(data, name, media_type)
    try:
        if kind in TEXT_FORMATS:
            text = decode_text(data, name, declared=charset or declared_charset(data))
            if kind is Format.HTML and address:
                from sidebyside.core.importers.html import read_html

                document = read_html(text, name, address=address)
            else:
                document = _reader(kind)(text, name)
        else:
            document = _reader(kind)(data, name)
    except (RecursionError, AttributeError, IndexError, KeyError, TypeError, ValueError) as error:
        # A reader (or the library under it) that trips over a file built in a way nobody
        # planned for: the reader is told it cannot be read, never shown a traceback.
        raise UnreadableDocument(
            f"{quoted(name)} cannot be read: it is damaged or built in a way sidebyside "
            "does not understand."
        ) from error
    except MemoryError as error:
        raise UnreadableDocument(f"{quoted(name)} is too large to read in memory.") from error
    if not document.text.strip():
        raise EmptyDocument(f"{quoted(name)} holds no text to read.")
    document = replace(document, format=str(kind), original=data, original_name=name)
    if not document.metadata.title:
        document = document.with_metadata(title=_fallback_title(document, name))
    return document


def _check_size(size: int, name: str) -> None:
    if size > MAX_BYTES:
        raise UnsupportedFormat(
            f"{quoted(name)} is too large to import ({size / 2**20:.0f} MB; "
            f"the limit is {MAX_BYTES // 2**20} MB)."
        )


def _fallback_title(document: Document, name: str) -> str:
    """The first heading, or the file name without its extension."""
    for block in document.blocks[:5]:
        if block.kind is BlockKind.HEADING:
            heading = document.text[block.start : block.end]
            if len(heading) <= 200:
                return heading
    return PurePath(name).stem
