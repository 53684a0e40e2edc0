"""A page's links found again in the main text trafilatura extracted without them.

Each `<a href>` of the page is looked for by its words with the words just before and
after it (as its paragraph has them), so a "here" in the menu never lands on a "here" in
the article; a link alone in its paragraph ("Read the report") is placed only over a
whole paragraph of the same words.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sidebyside.core.addresses import normalise_address
from sidebyside.core.document import Document, Hyperlink, canonical_span, normalise_block_text
from sidebyside.core.importers.htmlwalk import SKIPPED

_CONTEXT = 24  # characters of the text before and after a link that must match too


def place_page_links(document: Document, tree: Any, base: str) -> Document:
    """`document` (text taken from the page `tree`) with those of the page's links whose
    words, and the words around them, its text holds; addresses resolved against `base`."""
    text = document.text
    if not text:
        return document
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
