"""What a reader's Markdown note may do when it is shown: the link targets that would run
code, and the note rendered as HTML that is safe to display (raw HTML shown as text,
images shown as their words, nothing that could fetch from the network)."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

import markdown as markdown_library
from markdown.treeprocessors import Treeprocessor

# Link targets a click would run rather than open (also blocked in the Markdown export).
UNSAFE_LINK_SCHEMES = ("javascript", "vbscript", "data")

_SCHEME = re.compile(r"^\s*([a-z][a-z0-9+.\-]*)\s*:", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")

# Python-Markdown takes time that grows with the square of the "[" in a block (1,000 take
# 0.14 s, 4,000 take 1.7 s); a block with more is shown as plain text, so the preview
# never holds up typing.
MAX_BRACKETS_PER_BLOCK = 400


def is_unsafe_target(target: str) -> bool:
    """Whether following this link target would run code (javascript:, data: …)."""
    scheme = _SCHEME.match(_CONTROL.sub("", target).replace("\t", "").replace("\n", ""))
    return scheme is not None and scheme.group(1).lower() in UNSAFE_LINK_SCHEMES


def note_html(note: str) -> str:
    """The note as HTML for a preview: emphasis, lists, links, code and tables rendered;
    raw HTML (`<script>`, `<b>`) shown as the characters typed; an image shown as
    "[image: its alt text]"; a link that would run code left as plain words."""
    text = _CONTROL.sub("", note.replace("\r\n", "\n").replace("\r", "\n"))
    pieces: list[str] = []
    pending: list[str] = []
    for block in _BLANK_LINES.split(text):
        if block.count("[") <= MAX_BRACKETS_PER_BLOCK:
            pending.append(block)
            continue
        pieces.append(_render("\n\n".join(pending)))
        pending = []
        pieces.append("<p>" + html.escape(block, quote=False).replace("\n", "<br />") + "</p>")
    pieces.append(_render("\n\n".join(pending)))
    return "\n".join(piece for piece in pieces if piece)


def _render(text: str) -> str:
    if not text.strip():
        return ""
    converter = markdown_library.Markdown(
        extensions=["fenced_code", "tables", "sane_lists"], output_format="html"
    )
    # Raw HTML is never passed through: without these, "<b>" is text and is escaped.
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    converter.treeprocessors.register(_Defuse(converter), "defuse", 1)  # before "unescape"
    return converter.convert(text)


class _Defuse(Treeprocessor):
    """Images become their words and links that would run code become plain text."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag == "img":
                alt = element.get("alt", "").strip()
                element.tag = "span"
                element.attrib.clear()
                element.text = f"[image: {alt}]" if alt else "[image]"
            elif element.tag == "a" and is_unsafe_target(element.get("href", "")):
                element.tag = "span"
                element.attrib.clear()
