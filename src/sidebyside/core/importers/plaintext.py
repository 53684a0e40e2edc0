"""Plain text: paragraphs are separated by blank lines; lines inside one are joined."""

from __future__ import annotations

import re

from sidebyside.core.document import BlockKind, Document, DocumentBuilder, Metadata

_BLANK_LINES = re.compile(r"\n[ \t\f\v]*\n")
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013]|\d{1,3}[.)])\s+")


# A web address written out: it links to itself. Punctuation that ends the sentence
# around it is no part of it, nor is a closing bracket it did not open.
_BARE_ADDRESS = re.compile(r"\bhttps?://[^\s<>\"'\]\[{}|\\^`]+", re.IGNORECASE)
_TRAILING = ".,;:!?'\")”’"


def bare_links(text: str) -> list[tuple[int, int, str]]:
    """The `https://…` addresses written in `text`, each a link to itself."""
    if "://" not in text:
        return []
    found: list[tuple[int, int, str]] = []
    for match in _BARE_ADDRESS.finditer(text):
        address = match.group()
        while address and address[-1] in _TRAILING:
            if address[-1] == ")" and address.count("(") >= address.count(")"):
                break
            address = address[:-1]
        found.append((match.start(), match.start() + len(address), address))
    return found


_TITLE_MAX = 120
_SENTENCE_END = re.compile(r"[.!?;:,]\W*$")


def read_text(text: str, name: str) -> Document:
    builder = DocumentBuilder()
    for paragraph in _BLANK_LINES.split(text):
        lines = paragraph.strip("\n").split("\n")
        if builder.is_empty and paragraph.strip():
            lines = _add_title(builder, lines)
            if not lines:
                continue
            paragraph = "\n".join(lines)
        if len(lines) > 1 and all(_BULLET.match(line) for line in lines):
            for line in lines:  # a list written one item per line
                item = _BULLET.sub("", line, count=1)
                builder.add(item, BlockKind.LIST_ITEM, level=1, links=bare_links(item))
        else:
            builder.add(paragraph, links=bare_links(paragraph))
    return builder.build(Metadata())


def _add_title(builder: DocumentBuilder, lines: list[str]) -> list[str]:
    """A first line that reads as a title (short, no closing punctuation) becomes the
    heading; short lines right under it (a dateline, a byline) stay lines of their own.
    Returns the lines left for the first paragraph."""
    lines = [line for line in lines if line.strip()]
    if not lines or len(lines[0].strip()) > _TITLE_MAX or _SENTENCE_END.search(lines[0]):
        return lines
    if len(lines) > 1 and lines[1].lstrip()[:1].islower():
        return lines  # a sentence wrapped over lines, not a title
    builder.add(lines[0], BlockKind.HEADING, level=1)
    rest = lines[1:]
    if all(len(line.strip()) <= 80 for line in rest):
        for line in rest:
            builder.add(line)
        return []
    return rest
