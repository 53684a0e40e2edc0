"""Walk an HTML tree into document blocks: headings, paragraphs, quotes, list items, code.

Shared by every importer whose content is (or becomes) HTML: web pages, Markdown,
EPUB chapters. Inline markup is flattened into its text; scripts, styles,
images and embedded frames contribute nothing, so no script text or image
address can reach the canonical text.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from sidebyside.core.document import BlockKind, DocumentBuilder

# Elements whose content is never text for a reader.
SKIPPED = frozenset(
    {
        "script", "style", "noscript", "template", "head", "title", "meta", "link", "base",
        "iframe", "frame", "frameset", "object", "embed", "applet", "param", "svg", "math",
        "canvas", "video", "audio", "source", "track", "picture", "img", "map", "area",
        "button", "input", "select", "option", "textarea", "datalist", "dialog", "rp",
    }
)  # fmt: skip

# Elements whose href is a link a reader follows.
_ANCHORS = frozenset({"a", "{http://www.w3.org/1999/xhtml}a"})
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_LISTS = frozenset({"ul", "ol", "dl", "menu", "dir"})
_CELLS = frozenset({"td", "th"})
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "main", "body", "html", "header", "footer", "aside",
        "nav", "figure", "figcaption", "address", "details", "summary", "center", "fieldset",
        "legend", "form", "table", "thead", "tbody", "tfoot", "caption", "tr", "hr", "dt",
        "dd", "li", "blockquote", "pre", "hgroup", "doc", "listing", "xmp",
    }
    | _HEADINGS.keys()
    | _LISTS
)  # fmt: skip

# trafilatura's own XML vocabulary, renamed to the HTML it stands for.
_TRAFILATURA_TAGS = {
    "list": "ul",
    "item": "li",
    "quote": "blockquote",
    "row": "tr",
    "cell": "td",
    "lb": "br",
    "hi": "span",
    "ref": "a",
    "graphic": "img",
}


def walk_html(root: Any, builder: DocumentBuilder, *, page: int | None = None) -> None:
    """Add the blocks of `root` (an lxml element) to `builder`, in document order."""
    _Walker(builder, page).walk(root)


def trafilatura_to_html(body: Any) -> Any:
    """Rename trafilatura's XML tags (head, list/item, quote, code …) to HTML in place."""
    for element in body.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if tag == "head":
            rend = str(element.get("rend", "h2"))
            element.tag = rend if rend in _HEADINGS else "h2"
        elif tag == "code":
            parent = element.getparent()
            element.tag = (
                "pre" if parent is None or parent.tag in ("body", "doc", "main") else "code"
            )
        elif tag in _TRAFILATURA_TAGS:
            element.tag = _TRAFILATURA_TAGS[tag]
    return body


class _Walker:
    def __init__(self, builder: DocumentBuilder, page: int | None) -> None:
        self._builder = builder
        self._page = page
        self._inline: list[str] = []
        self._length = 0  # characters in self._inline
        self._links: list[tuple[int, int, str]] = []  # over the current block's raw text
        self._open: list[list[Any]] = []  # [start, href] of the <a> elements being walked

    def walk(self, root: Any) -> None:
        _flatten_beyond(root, MAX_NESTING)
        self._element(root, BlockKind.PARAGRAPH, 0, 0)
        self._flush(BlockKind.PARAGRAPH, 0)

    def _text(self, text: str) -> None:
        self._inline.append(text)
        self._length += len(text)

    def _flush(self, kind: BlockKind, level: int) -> None:
        if self._inline:
            for link in self._open:  # a link around blocks: its part in this one
                self._links.append((link[0], self._length, link[1]))
                link[0] = 0
            self._builder.add(
                "".join(self._inline), kind, level=level, page=self._page, links=self._links
            )
            self._inline = []
            self._length = 0
            self._links = []

    def _content(self, element: Any, kind: BlockKind, level: int, depth: int) -> None:
        href = element.get("href") if element.tag in _ANCHORS else None
        if href is not None:
            self._open.append([self._length, href])
        if element.text:
            self._text(element.text)
        for child in element:
            self._element(child, kind, level, depth)
            if child.tail:
                self._text(child.tail)
        if href is not None:
            start, href = self._open.pop()
            if self._length > start:
                self._links.append((start, self._length, href))

    def _element(self, element: Any, kind: BlockKind, level: int, depth: int) -> None:
        tag = _local_name(element)
        if tag is None or tag in SKIPPED:
            return
        if tag == "br":
            self._text("\n" if kind is BlockKind.PREFORMATTED else " ")
            return
        if tag in _CELLS:
            if "".join(self._inline).strip():
                self._text(" | ")
            self._content(element, kind, level, depth)
            return
        if tag not in _BLOCKS:  # inline markup: its text joins the current block
            self._text(" " if tag == "wbr" else "")
            self._content(element, kind, level, depth)
            return
        self._flush(kind, level)
        if tag in _HEADINGS:
            kind, level = BlockKind.HEADING, _HEADINGS[tag]
        elif tag == "blockquote":
            kind, level = BlockKind.QUOTE, 0
        elif tag == "pre" or tag in ("listing", "xmp"):
            kind, level = BlockKind.PREFORMATTED, 0
        elif tag in _LISTS:
            depth += 1
        elif tag in ("li", "dd", "dt") and depth:
            kind, level = BlockKind.LIST_ITEM, depth
        self._content(element, kind, level, depth)
        self._flush(kind, level)


MAX_NESTING = 150  # elements deeper than this are read as the plain text they hold


def _flatten_beyond(root: Any, limit: int) -> None:
    """Elements nested deeper than `limit` (a page of 5,000 nested <div>s) become the text
    they hold, so that walking the page needs no deeper recursion than that."""
    stack = [(root, 0)]
    while stack:
        element, depth = stack.pop()
        if depth >= limit:
            etree.strip_elements(element, *SKIPPED, with_tail=False)
            etree.strip_tags(element, "*")
            continue
        stack.extend((child, depth + 1) for child in element if isinstance(child.tag, str))


def _local_name(element: Any) -> str | None:
    tag = element.tag
    if not isinstance(tag, str):  # comments and processing instructions
        return None
    return etree.QName(tag).localname.lower() if tag.startswith("{") else tag.lower()
