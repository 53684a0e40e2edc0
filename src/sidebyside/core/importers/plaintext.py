"""Plain text: paragraphs are separated by blank lines; lines inside one are joined."""

from __future__ import annotations

import re

from sidebyside.core.document import BlockKind, Document, DocumentBuilder, Metadata

_BLANK_LINES = re.compile(r"\n[ \t\f\v]*\n")
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013]|\d{1,3}[.)])\s+")


def read_text(text: str, name: str) -> Document:
    builder = DocumentBuilder()
    for paragraph in _BLANK_LINES.split(text):
        lines = paragraph.strip("\n").split("\n")
        if len(lines) > 1 and all(_BULLET.match(line) for line in lines):
            for line in lines:  # a list written one item per line
                builder.add(_BULLET.sub("", line, count=1), BlockKind.LIST_ITEM, level=1)
        else:
            builder.add(paragraph)
    return builder.build(Metadata())
