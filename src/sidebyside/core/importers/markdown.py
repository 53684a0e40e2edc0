"""Markdown: rendered to HTML by the `markdown` library, then walked into blocks.

Inline markup (emphasis, code spans) leaves only its words; links (inline, reference and
autolinks) are kept as spans of their words. A YAML front matter
block at the top gives title, author and date and is not part of the text; without it,
a byline ("By Jane Doe") and a dateline ("May 1, 2024") under the title give them.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html
import markdown as markdown_library

from sidebyside.core.bylines import byline_names, dateline_date, iso_date
from sidebyside.core.document import Document, DocumentBuilder, Metadata
from sidebyside.core.importers.htmlwalk import walk_html

# Front matter is read by hand, the `key: value` subset YAML front matter uses (with
# quoted values, `[a, b]` and `- item` lists): no YAML parser is among the dependencies.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$")
_LIST_ITEM = re.compile(r"^[ \t]+-[ \t]+(.*?)[ \t]*$")
_COMMENT = re.compile(r"[ \t]+#.*$")
_FIELDS = {
    "title": "title",
    "author": "author",
    "authors": "author",
    "date": "date",
    "published": "date",
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
    builder = DocumentBuilder(metadata.address)  # relative links resolve against it
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
    """The metadata of the front matter and the text after it; without front matter, the
    metadata the byline and dateline under the title give, and the text whole."""
    match = _FRONT_MATTER.match(text)
    fields = _fields(match.group(1)) if match else None
    if match is None or fields is None:
        return Metadata(**_head_fields(text)), text
    rest = text[match.end() :]
    return Metadata(**(_head_fields(rest) | fields)), rest


def _fields(front_matter: str) -> dict[str, Any] | None:
    """Metadata's text fields from front matter; None when the block is no `key: value`
    list (a thematic break, a paragraph and another break), so it stays text."""
    lines = [
        line
        for line in front_matter.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not lines or not _FIELD.match(lines[0]):
        return None
    values: dict[str, list[str]] = {}
    key = ""
    for line in lines:
        item = _LIST_ITEM.match(line)
        field = None if item else _FIELD.match(line)
        if item and key:
            values[key].append(_scalar(item.group(1)))
        elif field:
            key = field.group(1).lower()
            value = field.group(2) or ""
            if value.startswith("[") and value.endswith("]"):
                values[key] = [_scalar(part) for part in value[1:-1].split(",")]
            else:
                values[key] = [_scalar(value)]
    found: dict[str, Any] = {}  # Metadata's text fields only
    for key, items in values.items():
        name = _FIELDS.get(key)
        value = "; ".join(item for item in items if item)
        if name and value and name not in found:
            found[name] = (iso_date(value) or value) if name == "date" else value
    return found


def _scalar(value: str) -> str:
    """A YAML scalar as written: quotes taken off, a trailing comment dropped."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return _COMMENT.sub("", value).strip()


# The head of an article: the short blocks above its body. The body starts at a block
# longer than this, at the second block of prose (one standfirst may come before the
# byline), or after this many blocks.
_HEAD_BLOCK_MAX_CHARS = 200
_HEAD_BLOCKS = 6
_PROSE = re.compile(r".{80,}[.!?][\"'”’*_)]*\s*\Z", re.DOTALL)
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")


def _head_fields(text: str) -> dict[str, Any]:
    """Author and date from a byline and a dateline among the article's first short blocks
    (after its title); the lines stay in the text."""
    found: dict[str, Any] = {}  # Metadata's text fields only
    prose = 0
    for block in _BLANK_LINES.split(text.lstrip("\n"), maxsplit=_HEAD_BLOCKS)[:_HEAD_BLOCKS]:
        if len(block) > _HEAD_BLOCK_MAX_CHARS:
            break
        prose += bool(_PROSE.match(block.strip()))
        if prose > 1:
            break
        lines = block.split("\n")
        for index, line in enumerate(lines):
            underlined = index + 1 < len(lines) and _SETEXT_UNDERLINE.match(lines[index + 1])
            if _HEADING.match(line) or _SETEXT_UNDERLINE.match(line) or underlined:
                continue
            plain = _plain(line)
            names = byline_names(plain)
            if names and "author" not in found:
                found["author"] = "; ".join(names)
            date = dateline_date(plain)
            if date and "date" not in found:
                found["date"] = date
    return found


def _plain(line: str) -> str:
    """The words of one line of Markdown, its inline markup gone."""
    builder = DocumentBuilder()
    _render(line, builder)
    return builder.build().text
