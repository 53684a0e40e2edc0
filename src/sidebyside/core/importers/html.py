"""Saved web pages: the article's main text and its metadata, without menus or footers.

trafilatura, set to favour precision, finds the main content (F1 0.976 on the
91 saved pages of benchmarks/extraction.py, against 0.962 with its defaults);
when it finds little, the page's own paragraphs are read instead, with
navigation, headers, footers and forms left out. Nothing the page refers to is
ever fetched.
"""

from __future__ import annotations

import re
from html import unescape as html_unescape
from typing import Any
from urllib.parse import urljoin

import lxml.html
import trafilatura
from lxml import etree

from sidebyside.core.document import BlockKind, Document, DocumentBuilder, Metadata
from sidebyside.core.errors import UnreadableDocument
from sidebyside.core.importers.formats import quoted
from sidebyside.core.importers.htmllinks import place_page_links
from sidebyside.core.importers.htmlwalk import trafilatura_to_html, walk_html

# Parts of a page that are never the article, dropped before the fallback reads it.
_BOILERPLATE = (
    "//nav | //header | //footer | //aside | //form | //menu"
    " | //*[@role='navigation' or @role='banner' or @role='contentinfo' or @role='complementary']"
    " | //*[@aria-hidden='true']"
)
_SHORT = 250  # characters: below this, trafilatura's answer is not trusted over the page's own
# Elements above which the page's own paragraphs are read rather than trafilatura's main text
# (it takes 3 s on 40,000 paragraphs, 6 times as long as on 10,000: benchmarks/linear.py);
# no saved news page of benchmarks/extraction.py has a tenth as many.
EXTRACTOR_ELEMENTS = 20_000
MAX_ELEMENTS = 5_000_000  # a page with more is refused, in words
_METADATA_CHARS = 300_000  # where a large page's metadata is looked for
_LIBXML_MAX_DEPTH = 2048  # the nesting at which libxml2 stops parsing, even for huge trees
_HIDDEN = "//*[@hidden or @aria-hidden='true']"
_TEASER_RUN = 3  # headings in a row, with no text between, that make a list of links
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# HTML5 elements that hold nothing, which libxml2's HTML 4 parser does not know: left open,
# everything after them would become their content and be dropped with them.
_VOID_HTML5 = re.compile(r"<(embed|source|track|wbr|keygen)(\b[^>]*)>", re.IGNORECASE)
# A <template> is never shown by a browser, so it is no text of the page.
_TEMPLATE = re.compile(r"<template\b[^>]*>.*?</template\s*>", re.IGNORECASE | re.DOTALL)
# <base> only tells a browser how to resolve links; it says nothing of who published the
# page or where it came from (trafilatura would take its host for the publisher).
_BASE = re.compile(r"<base\b[^>]*>", re.IGNORECASE)
_BASE_HREF = re.compile(
    r"""<base\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE
)


def read_html(text: str, name: str, *, address: str = "") -> Document:
    """Read a saved page (already decoded to text) into blocks, links and metadata;
    `address` is where it was fetched from, for a page that names no address of its own."""
    base = _BASE_HREF.search(text[:_METADATA_CHARS])
    text = _as_html4(_XML_DECLARATION.sub("", text, count=1))
    # huge_tree: libxml2 otherwise cuts a text of over 10 MB (one giant paragraph)
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise UnreadableDocument(f"{quoted(name)} is not a readable web page.") from error
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        # libxml2 stops reading at that depth: what follows would be dropped without a word
        raise UnreadableDocument(
            f"{quoted(name)} nests its elements over {_LIBXML_MAX_DEPTH:,} deep; sidebyside "
            "cannot read what lies past that."
        )
    hidden = tree.xpath(_HIDDEN)
    if hidden:  # a browser shows none of it, so it is no text of the page
        for element in hidden:
            if element.getparent() is not None:
                element.drop_tree()
        text = lxml.html.tostring(tree, encoding="unicode")
    elements = sum(1 for _ in tree.iter())
    if elements > MAX_ELEMENTS:
        raise UnreadableDocument(
            f"{quoted(name)} has {elements:,} HTML elements; sidebyside reads pages of up "
            f"to {MAX_ELEMENTS:,}."
        )
    if elements > EXTRACTOR_ELEMENTS:
        return _read_large(text, tree, base, address)
    extracted = _extract(text)
    metadata = _metadata(extracted, tree)
    builder = DocumentBuilder(_link_base(metadata, base, address))
    if extracted is not None and extracted.body is not None:
        walk_html(trafilatura_to_html(extracted.body), builder)
    document = _without_teaser_lists(builder.build(metadata))
    if len(document.text) < _SHORT:
        # trafilatura falls back to the whole page (menus included) when it finds little.
        fallback = DocumentBuilder(builder.base_address)
        walk_html(_without_boilerplate(tree), fallback)
        if not fallback.is_empty:
            return fallback.build(metadata)
    # trafilatura's text is taken without its links (with them it loses the words before
    # some), so the page's own links are found in it by their words and those around them
    return place_page_links(document, tree, builder.base_address)


def _read_large(text: str, tree: Any, base: re.Match[str] | None, address: str) -> Document:
    """A page too large for trafilatura, whose search for the main text grows faster than
    the page: its own paragraphs (navigation, headers, footers and forms left out), and the
    metadata of its head and first part, where metadata stands."""
    metadata = _metadata(trafilatura.extract_metadata(text[:_METADATA_CHARS]), tree)
    builder = DocumentBuilder(_link_base(metadata, base, address))
    walk_html(_without_boilerplate(tree), builder)
    return builder.build(metadata)


def _as_html4(text: str) -> str:
    """The page as an HTML 4 parser reads it right: HTML5 void elements closed at once,
    templates left out."""
    text = _BASE.sub("", _TEMPLATE.sub("", text))
    return _VOID_HTML5.sub(lambda m: f"<{m.group(1)}{m.group(2).rstrip('/')}></{m.group(1)}>", text)


def _extract(text: str) -> Any:
    """trafilatura's extraction: main text only, no comments, links or images."""
    return trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        include_tables=True,
        include_formatting=False,
        favor_precision=True,
        deduplicate=False,
    )


def _without_teaser_lists(document: Document) -> Document:
    """Drop runs of headings with no text between them: lists of links to other articles
    ("Most read", "More from …") that extraction sometimes keeps."""
    blocks = document.blocks
    teasers: set[int] = set()
    start = 0
    while start < len(blocks):
        end = start
        while end < len(blocks) and blocks[end].kind is BlockKind.HEADING:
            end += 1
        if end - start >= _TEASER_RUN:
            teasers.update(range(start, end))
        start = max(end, start + 1)
    if not teasers:
        return document
    builder = DocumentBuilder()
    for index, block in enumerate(blocks):
        if index not in teasers:
            text = document.text[block.start : block.end]
            links = [
                (link.start - block.start, link.end - block.start, link.address)
                for link in document.links
                if block.start <= link.start < block.end
            ]
            builder.add(text, block.kind, level=block.level, page=block.page, links=links)
    return builder.build(document.metadata)


def _link_base(metadata: Metadata, base: re.Match[str] | None, fetched_from: str = "") -> str:
    """What the page's relative links are resolved against: its <base href> (itself
    resolved against the page's address), else the page's own (canonical) address, else
    the address it was fetched from."""
    own = metadata.address or fetched_from
    if base is None:
        return own
    href = html_unescape(base.group(1) or base.group(2) or base.group(3) or "")
    return urljoin(own, href) if own else href


def _without_boilerplate(tree: Any) -> Any:
    body = tree.find("body")
    root = body if body is not None else tree
    for element in root.xpath(_BOILERPLATE):
        if element is not root and element.getparent() is not None:
            element.drop_tree()
    return root


def _metadata(extracted: Any, tree: Any) -> Metadata:
    found = {
        "title": _attribute(extracted, "title") or _page_title(tree),
        "author": _attribute(extracted, "author"),
        "publisher": _attribute(extracted, "sitename"),
        "date": _attribute(extracted, "date"),
        "address": _attribute(extracted, "url"),
        "language": _attribute(extracted, "language") or _page_language(tree),
    }
    clean = {key: " ".join(value.split()) for key, value in found.items()}
    return Metadata(
        title=clean["title"],
        author=clean["author"],
        publisher=clean["publisher"],
        date=clean["date"],
        address=clean["address"],
        language=clean["language"],
    )


def _attribute(extracted: Any, name: str) -> str:
    value = getattr(extracted, name, None) if extracted is not None else None
    return str(value) if value else ""


def _page_title(tree: Any) -> str:
    title = tree.find(".//title")
    return title.text_content() if title is not None else ""


def _page_language(tree: Any) -> str:
    language = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not language:
        metas = tree.xpath("//meta[@http-equiv='content-language' or @property='og:locale']")
        language = metas[0].get("content", "") if metas else ""
    return str(language).replace("_", "-").strip()
