"""Tell what kind of document a file is from its first bytes, checked against its name.

The name alone is not trusted: a PDF link that saved a login page, or a picture
renamed `.html`, must be refused with words that say so rather than imported
as nonsense.
"""

from __future__ import annotations

import io
import re
import zipfile
from enum import StrEnum
from pathlib import PurePath

from sidebyside.core.errors import UnreadableDocument, UnsupportedFormat

MAX_BYTES = 200 * 1024 * 1024
"""Files larger than this are refused: no article or report is that big, and reading
one would hold the window for minutes."""


class Format(StrEnum):
    HTML = "html"
    PDF = "pdf"
    MARKDOWN = "markdown"
    TEXT = "text"
    EPUB = "epub"
    DOCX = "docx"


TEXT_FORMATS = frozenset({Format.HTML, Format.MARKDOWN, Format.TEXT})

_BY_EXTENSION = {
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".shtml": Format.HTML,
    ".pdf": Format.PDF,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".epub": Format.EPUB,
    ".docx": Format.DOCX,
}

_BY_MEDIA_TYPE = {
    "text/html": Format.HTML,
    "application/xhtml+xml": Format.HTML,
    "application/pdf": Format.PDF,
    "text/markdown": Format.MARKDOWN,
    "text/x-markdown": Format.MARKDOWN,
    "text/plain": Format.TEXT,
    "application/epub+zip": Format.EPUB,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": Format.DOCX,
}

_FORMAT_WORDS = {
    Format.HTML: "a web page (HTML)",
    Format.PDF: "a PDF",
    Format.MARKDOWN: "a Markdown file",
    Format.TEXT: "plain text",
    Format.EPUB: "an EPUB book",
    Format.DOCX: "a Word document (DOCX)",
}

# Signatures of common binary files a reader might pick by mistake.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a media file"),
    (b"\x1f\x8b", "a compressed (gzip) file"),
    (b"BZh", "a compressed (bzip2) file"),
    (b"\xfd7zXZ\x00", "a compressed (xz) file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc, .xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
    (b"SQLite format 3\x00", "a database"),
    (b"wOFF", "a font"),
    (b"wOF2", "a font"),
    (b"OggS", "an audio file"),
    (b"ID3", "an audio file"),
    (b"fLaC", "an audio file"),
)

_HTML_START = re.compile(
    rb"^(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(rb"<(?:html|body|div|p|article|h[1-6])\b[^>]*>", re.IGNORECASE)


def quoted(name: str) -> str:
    """A file name as it appears in messages for a reader: on one line, with any control
    character (a newline, an escape sequence a terminal would obey) shown as a code."""
    shown = "".join(
        f"\\x{ord(char):02x}" if ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0 else char
        for char in name
    )
    return f"\u201c{shown}\u201d"


def detect_format(data: bytes, name: str, media_type: str | None = None) -> Format:
    """The format to read `data` as; raises `UnsupportedFormat` when content and name disagree.

    A server's `media_type` is only a hint: servers often mislabel files, so it can choose
    between kinds of text but never overrules what the bytes say.
    """
    claimed = format_from_name(name)
    found = _sniff(data, name)
    if found is None:  # text of some kind: the name decides between HTML, Markdown and text
        if claimed in TEXT_FORMATS:
            return claimed
        text_kind = Format.HTML if looks_like_html(data) else Format.TEXT
        if claimed is not None and looks_binary(data):
            raise UnsupportedFormat(
                f"{quoted(name)} is not {_FORMAT_WORDS[claimed]}: it holds binary data that "
                "sidebyside cannot read (it may be damaged or of another kind)."
            )
        if claimed is not None:
            raise UnsupportedFormat(
                f"{quoted(name)} is not {_FORMAT_WORDS[claimed]}: it holds "
                f"{_FORMAT_WORDS[text_kind]}, perhaps an error or login page saved in its place."
            )
        hinted = _BY_MEDIA_TYPE.get((media_type or "").lower())
        return hinted if hinted in TEXT_FORMATS and text_kind is Format.TEXT else text_kind
    if claimed is not None and claimed is not found:
        raise UnsupportedFormat(
            f"{quoted(name)} is named like {_FORMAT_WORDS[claimed]} but holds "
            f"{_FORMAT_WORDS[found]}; rename it to .{extension_for(found)} to import it."
        )
    return found


def format_from_name(name: str) -> Format | None:
    return _BY_EXTENSION.get(PurePath(name).suffix.lower())


_CONTROL_BYTES = bytes(set(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}) + b"\x7f"


def looks_binary(data: bytes) -> bool:
    """NUL bytes or more than 1% control characters: not text in any encoding we read."""
    sample = data[: 64 * 1024]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > max(2, len(sample) // 100)


def looks_like_html(data: bytes) -> bool:
    head = _ascii_view(data[:4096])
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 2


def _sniff(data: bytes, name: str) -> Format | None:
    """PDF, EPUB or DOCX when the bytes say so; None for text; raises for other binaries."""
    if b"%PDF-" in data[:1024]:
        return Format.PDF
    if data.startswith(b"PK\x03\x04"):
        return _sniff_zip(data, name)
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise UnsupportedFormat(
                f"{quoted(name)} is {what}, not a document sidebyside can read."
            )
    return None


def _sniff_zip(data: bytes, name: str) -> Format:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
            mimetype = archive.read("mimetype")[:64] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError) as error:
        raise UnreadableDocument(
            f"{quoted(name)} is a damaged or truncated archive and cannot be read."
        ) from error
    if unpacked > MAX_BYTES:
        raise UnsupportedFormat(
            f"{quoted(name)} unpacks to more than {MAX_BYTES // 2**20} MB, "
            "more than sidebyside imports."
        )
    if mimetype.strip() == b"application/epub+zip" or "META-INF/container.xml" in names:
        return Format.EPUB
    if "word/document.xml" in names:
        return Format.DOCX
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise UnsupportedFormat(
            f"{quoted(name)} is an OpenDocument file; save it as DOCX or PDF to import it."
        )
    raise UnsupportedFormat(f"{quoted(name)} is a ZIP archive, not a document sidebyside can read.")


def extension_for(kind: Format) -> str:
    """The usual file extension for `kind`, without the dot."""
    return {Format.MARKDOWN: "md", Format.TEXT: "txt"}.get(kind, str(kind))


def _ascii_view(data: bytes) -> bytes:
    """UTF-16 text with its NUL bytes dropped, so markup can be recognised in it."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:200].count(b"\x00") > 20:
        return data.replace(b"\x00", b"").lstrip(b"\xff\xfe")
    return data.removeprefix(b"\xef\xbb\xbf")
