"""Markdown: rendered to HTML by the `markdown` library, then walked into blocks.

Inline markup (emphasis, links, code spans) leaves only its words; a YAML-style
front matter block at the top gives title, author and date.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html
import markdown as markdown_library

from sidebyside.core.document import Document, DocumentBuilder, Metadata
from sidebyside.core.importers.htmlwalk import walk_html

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^([A-Za-z_-]+)\s*:\s*(.*?)\s*$")
_FIELDS = {
    "title": "title",
    "author": "author",
    "date": "date",
    "publisher": "publisher",
    "source": "address",
    "url": "address",
    "lang": "language",
    "language": "language",
}


# CommonMark lets a backslash escape any ASCII punctuation ("\\$10.8 million");
# Python-Markdown knows only some of them by default.
_ASCII_PUNCTUATION = list("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


# Python-Markdown takes time that grows with the square of a block's length (a line of
# 4,000 "[" takes 1.7 s, twice as long 7 s): a longer block (text between blank lines) is
# read as plain paragraphs, its words kept and its markup not interpreted.
MAX_BLOCK_CHARS = 20_000
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


def read_markdown(text: str, name: str) -> Document:
    metadata, text = _front_matter(text)
    builder = DocumentBuilder()
    pending: list[str] = []
    for block in _BLANK_LINES.split(text):
        if len(block) <= MAX_BLOCK_CHARS:
            pending.append(block)
            continue
        _render("\n\n".join(pending), builder)
        pending = []
        for line in block.splitlines():
            if line.strip():
                builder.add(line.strip())
    _render("\n\n".join(pending), builder)
    return builder.build(metadata)


def _render(text: str, builder: DocumentBuilder) -> None:
    if not text.strip():
        return
    converter = markdown_library.Markdown(extensions=["extra", "sane_lists"], output_format="html")
    converter.ESCAPED_CHARS = sorted(set(converter.ESCAPED_CHARS) | set(_ASCII_PUNCTUATION))
    html = converter.convert(text)
    if html.strip():
        walk_html(lxml.html.fragment_fromstring(html, create_parent="div"), builder)


def _front_matter(text: str) -> tuple[Metadata, str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return Metadata(), text
    found: dict[str, Any] = {}  # Metadata's text fields only
    for line in match.group(1).splitlines():
        field = _FIELD.match(line)
        if field and field.group(1).lower() in _FIELDS:
            found[_FIELDS[field.group(1).lower()]] = field.group(2).strip("\"'")
    return Metadata(**found), text[match.end() :]
