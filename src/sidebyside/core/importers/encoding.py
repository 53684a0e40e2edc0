"""Turn the bytes of a text file into a string, whatever encoding it was saved in.

UTF-8 is tried first because it is by far the most common and almost never
decodes by accident; byte-order marks, a declared charset, and finally
charset-normalizer's guess handle the rest (UTF-16, cp1251, Latin-1 …).
"""

from __future__ import annotations

import codecs
import re

from sidebyside.core.errors import UnreadableDocument, UnsupportedFormat
from sidebyside.core.importers.formats import looks_binary, quoted

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.IGNORECASE)
# Control characters that never occur in text (tab, newlines, form feed and ESC are allowed).
_SAMPLE = 64 * 1024


def decode_text(data: bytes, name: str, *, declared: str | None = None) -> str:
    """Decode `data` to text with universal newlines; raises when it is not text at all."""
    text = _decode(data, name, declared)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML file declares for itself in its first bytes."""
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _decode(data: bytes, name: str, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, name)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16, name)
    if looks_binary(data):
        raise UnsupportedFormat(f"{quoted(name)} holds binary data, not text sidebyside can read.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared and _known_codec(declared):
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    import charset_normalizer  # only for text that is neither UTF-8 nor declared

    results = charset_normalizer.from_bytes(data)
    best = results.best()
    if best is None:
        raise UnreadableDocument(
            f"{quoted(name)} is not readable text: its encoding cannot be recognised."
        )
    # A short text often fits several code pages equally well; like browsers, prefer
    # Windows-1252 (Western) among equals, the most common legacy encoding.
    for match in results:
        if (match.chaos, match.coherence) == (
            best.chaos,
            best.coherence,
        ) and match.encoding == "cp1252":
            return str(match)
    return str(best)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UnreadableDocument(
            f"{quoted(name)} says it is {encoding.upper()} text but is damaged "
            f"(bad bytes at position {error.start})."
        ) from error


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: NUL bytes (spaces, Latin letters) all on one side."""
    sample = data[: min(len(data), _SAMPLE) & ~1]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if even + odd < max(2, len(sample) // 40):
        return None
    encoding = None
    if odd >= 0.95 * (even + odd):
        encoding = "utf-16-le"
    elif even >= 0.95 * (even + odd):
        encoding = "utf-16-be"
    if encoding is None:
        return None
    try:
        text = sample.decode(encoding)
    except UnicodeDecodeError:
        return None
    printable = sum(1 for char in text if char.isprintable() or char in "\t\n\r\f")
    return encoding if printable >= 0.95 * len(text) else None


def _known_codec(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True
