"""A news article with links to its three sources, and a server on 127.0.0.1 for them.

The wire story's address redirects, the rights group's report is not there (404) and the
water board's statement is a PDF. Loaded by the tests that need it (tests are not a package).
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
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


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        REQUESTS.append(self.path)
        if self.path == "/wire-story":
            self.send_response(301)
            self.send_header("Location", "/news/wire-story")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/news/wire-story":
            self._send(200, "text/plain; charset=utf-8", WIRE_TEXT.encode())
        elif self.path == "/board.pdf":
            self._send(200, "application/pdf", self.server.pdf)  # type: ignore[attr-defined]
        else:
            self._send(404, "text/plain", b"not here")

    def _send(self, status: int, media_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def serving(pdf: bytes) -> Iterator[str]:
    """The site on a free port of 127.0.0.1; yields its base address."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.pdf = pdf  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    REQUESTS.clear()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
