"""A news article with links to its three sources, and a server on 127.0.0.1 for them.

The wire story's address redirects, the rights group's report is not there (404) and the
water board's statement is a PDF; `replies` is what the `serve_local` fixture serves.
Loaded by the tests that need it (tests are not a package).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from sidebyside.core.document import Document, DocumentBuilder, Hyperlink

SENTENCES = (
    "Human Rights Watch said in a report published on Monday that 340 households in Dovrak "
    "had gone without running water for three weeks.",
    "The Meridian Wire reported that the ministry had promised repairs by 12 May.",
    "The Dovrak Water Board said in a statement that 80 per cent of the pipes were over "
    "forty years old.",
)
ANCHORS = (("a report", "/hrw-report"), ("reported", "/wire-story"), ("a statement", "/board.pdf"))
WIRE_TEXT = (
    "Meridian Wire\n\nThe ministry promised on Tuesday to repair the Dovrak pipes by 12 May, "
    "a spokesman said.\n"
)
STATEMENT_LINES = [
    (72, 700, 11, "Dovrak Water Board"),
    (72, 670, 11, "About 80 per cent of the pipes in Dovrak are over forty years old."),
]
REQUESTS: list[str] = []


def article(base: str) -> Document:
    """The article as an importer keeps it: canonical text with the links over it."""
    builder = DocumentBuilder()
    builder.add("Water cuts in Dovrak")
    for sentence in SENTENCES:
        builder.add(sentence)
    document = builder.build()
    links = []
    for sentence, (anchor, path) in zip(SENTENCES, ANCHORS, strict=True):
        start = document.text.index(sentence) + sentence.index(anchor)
        links.append(Hyperlink(start, start + len(anchor), base + path))
    return replace(document, links=tuple(links)).with_metadata(title="Water cuts in Dovrak")


def replies(pdf: bytes) -> Callable[[str, str], tuple[int, dict[str, str], bytes]]:
    """The site's answers (for the `serve_local` fixture), the statement being `pdf`."""
    REQUESTS.clear()

    def reply(path: str, base: str) -> tuple[int, dict[str, str], bytes]:
        REQUESTS.append(path)
        if path == "/wire-story":
            return 301, {"Location": "/news/wire-story"}, b""
        if path == "/news/wire-story":
            return 200, {"Content-Type": "text/plain; charset=utf-8"}, WIRE_TEXT.encode()
        if path == "/board.pdf":
            return 200, {"Content-Type": "application/pdf"}, pdf
        return 404, {"Content-Type": "text/plain"}, b"not here"

    return reply
