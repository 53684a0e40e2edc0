"""A page's links found again in the main text trafilatura extracted without them.

Each `<a href>` of the page is looked for by its words with the words just before and
after it (as its paragraph has them), so a "here" in the menu never lands on a "here" in
the article; a link alone in its paragraph ("Read the report") is placed only over a
whole paragraph of the same words. Such a line, which trafilatura drops as a paragraph of
links, is put back under the paragraph it stands under when it reads as a pointer to the
source ("Read the full statement", "Download the report"), so the claims above it cite it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from sidebyside.core.addresses import normalise_address
from sidebyside.core.document import (
    PARAGRAPH_SEPARATOR,
    Block,
    BlockKind,
    Document,
    Hyperlink,
    canonical_span,
    normalise_block_text,
)
from sidebyside.core.importers.htmlwalk import SKIPPED

_CONTEXT = 24  # characters of the text before and after a link that must match too
# A line that points to the source: "Read the full statement", "Download the report (PDF)"
# (as `citations.claim_links` reads them), at most this many words.
_READ_MORE = re.compile(
    r"^\W*(?:read|see|view|download|full|more|the full|access)\b", re.IGNORECASE
)
_READ_MORE_WORDS = 10
_LINE_ELEMENTS = frozenset({"p", "div", "li"})


def place_page_links(document: Document, tree: Any, base: str) -> Document:
    """`document` (text taken from the page `tree`) with those of the page's links whose
    words, and the words around them, its text holds; addresses resolved against `base`."""
    text = document.text
    if not text:
        return document
    document = _with_read_more_lines(document, tree)
    text = document.text
    hidden = {anchor for element in tree.iter(*SKIPPED) for anchor in element.iter("a")}
    whole_blocks: dict[str, int] | None = None
    placed: list[Hyperlink] = []
    taken: set[int] = set()  # starts already linked
    cursor = 0
    for anchor in tree.iter("a"):
        href = anchor.get("href")
        if not href or href.startswith(("#", "mailto:", "javascript:")) or anchor in hidden:
            continue
        words = anchor.text_content()
        needle = normalise_block_text(words)
        if not needle or needle not in text:
            continue
        previous = anchor.getprevious()
        before = (previous.tail if previous is not None else anchor.getparent().text) or ""
        after = anchor.tail or ""
        span = _find(text, before[-_CONTEXT:], words, after[:_CONTEXT], cursor)
        if span is None and not before.strip() and not after.strip():
            if whole_blocks is None:
                whole_blocks = {text[b.start : b.end]: b.start for b in document.blocks}
            start = whole_blocks.get(needle)
            span = (start, start + len(needle)) if start is not None else None
        if span is None or span[0] in taken:
            continue
        address = normalise_address(href, base)
        if address is None:
            continue
        placed.append(Hyperlink(span[0], span[1], address))
        taken.add(span[0])
        cursor = span[1]
    if not placed:
        return document
    links = sorted({*document.links, *placed}, key=lambda link: (link.start, link.end))
    return replace(document, links=tuple(links))


def _with_read_more_lines(document: Document, tree: Any) -> Document:
    """`document` with the "Read the full statement" lines of the page (a paragraph that is
    one short link) that its text lacks put back right under the paragraph they follow on
    the page, when that paragraph is in the text; the link is placed over it afterwards."""
    hidden = {anchor for element in tree.iter(*SKIPPED) for anchor in element.iter("a")}
    inserts: dict[int, list[str]] = {}  # block index: the lines to put under it
    blocks = {document.text[b.start : b.end]: i for i, b in enumerate(document.blocks)}
    for anchor in tree.iter("a"):
        href = anchor.get("href")
        line = anchor.getparent()
        if not href or anchor in hidden or line is None or line.tag not in _LINE_ELEMENTS:
            continue
        words = normalise_block_text(anchor.text_content())
        if (
            not words
            or words in blocks
            or len(words.split()) > _READ_MORE_WORDS
            or not _READ_MORE.match(words)
            or normalise_block_text(line.text_content()) != words
        ):
            continue
        above = line.getprevious()
        while above is not None and not isinstance(above.tag, str):
            above = above.getprevious()  # comments, processing instructions
        index = (
            blocks.get(normalise_block_text(above.text_content())) if above is not None else None
        )
        if index is not None and words not in inserts.get(index, []):
            inserts.setdefault(index, []).append(words)
    if not inserts:
        return document
    parts: list[str] = []
    new_blocks: list[Block] = []
    shifts: list[tuple[int, int]] = []  # (old offset from which, shift)
    shift = 0
    text = document.text
    previous = 0
    for index, block in enumerate(document.blocks):
        if index not in inserts:
            new_blocks.append(replace(block, start=block.start + shift, end=block.end + shift))
            continue
        new_blocks.append(replace(block, start=block.start + shift, end=block.end + shift))
        parts.append(text[previous : block.end])
        previous = block.end
        for words in inserts[index]:
            start = block.end + shift + len(PARAGRAPH_SEPARATOR)
            parts.append(PARAGRAPH_SEPARATOR + words)
            new_blocks.append(
                Block(BlockKind.PARAGRAPH, start, start + len(words), page=block.page)
            )
            shift += len(PARAGRAPH_SEPARATOR) + len(words)
        shifts.append((block.end, shift))
    parts.append(text[previous:])

    def moved(offset: int) -> int:
        return offset + next((s for at, s in reversed(shifts) if offset > at), 0)

    links = tuple(
        replace(link, start=moved(link.start), end=moved(link.end)) for link in document.links
    )
    return replace(document, text="".join(parts), blocks=tuple(new_blocks), links=links)


def _find(text: str, before: str, words: str, after: str, cursor: int) -> tuple[int, int] | None:
    """Where `words` stand in `text` with `before` and `after` around them (or one of the
    two): the next place from `cursor` on, else the first."""
    before = before if before.strip() else ""
    after = after if after.strip() else ""
    for left, right in ((before, after), (before, ""), ("", after)):
        if not (left or right):
            continue
        raw = left + words + right
        inner = canonical_span(raw, len(left), len(left) + len(words))
        if inner is None:
            return None
        needle = normalise_block_text(raw)
        at = text.find(needle, cursor)
        if at < 0:
            at = text.find(needle)
        if at >= 0:
            return at + inner[0], at + inner[1]
    return None
