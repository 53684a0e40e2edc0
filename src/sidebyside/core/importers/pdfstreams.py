"""How much a PDF's compressed streams unpack to, found before PDFium unpacks them.

A 1 MB PDF can hold a content stream that inflates to a gigabyte, which PDFium would
unpack whole, in memory, to read one page. Each Flate stream is inflated here a slice at
a time, keeping nothing, until the total passes the limit.
"""

from __future__ import annotations

import re
import zlib

MAX_UNPACKED = 512 * 2**20  # bytes all of a PDF's streams may unpack to
_STREAM_START = re.compile(rb"stream\r?\n")
_SLICE = 2**20
_DICTIONARY_REACH = 1024  # bytes before "stream" searched for its filter


def unpacked_size_exceeds(data: bytes, limit: int = MAX_UNPACKED) -> bool:
    """Whether the PDF's Flate streams together unpack to more than `limit` bytes."""
    total = 0
    for match in _STREAM_START.finditer(data):
        start = match.end()
        head = data[max(0, match.start() - _DICTIONARY_REACH) : match.start()]
        if b"/FlateDecode" not in head[head.rfind(b"<<") :]:
            continue
        total += _inflated_size(data, start, limit - total)
        if total > limit:
            return True
    return False


def _inflated_size(data: bytes, start: int, budget: int) -> int:
    """Bytes one stream inflates to, counted up to just past `budget`; a damaged stream
    counts what came out of it before the damage."""
    inflater = zlib.decompressobj()
    size = 0
    position = start
    while position < len(data) and not inflater.eof and size <= budget:
        try:
            size += len(inflater.decompress(data[position : position + _SLICE], _SLICE))
            while inflater.unconsumed_tail and size <= budget:
                size += len(inflater.decompress(inflater.unconsumed_tail, _SLICE))
        except zlib.error:
            break
        position += _SLICE
    return size
