"""Fetching a page on request, from a local server: snapshot, provenance and clear failures."""

from __future__ import annotations

import gzip
import http.server
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest

from sidebyside.core.errors import FetchFailed, UnsupportedFormat
from sidebyside.core.fetching import fetch_url

ARTICLE = (
    "<!DOCTYPE html><html lang='en'><head><title>Local news</title>"
    "<script>var secret = 'SCRIPT-TEXT';</script></head><body><article><h1>Local news</h1>"
    "<p>The library will stay open on Sundays from next month, the council announced, after "
    "a petition signed by more than 3,000 residents asked for longer opening hours.</p>"
    "<p>Officials said the change would cost about 80,000 a year and would be reviewed after "
    "twelve months, once visitor numbers for the new opening hours are known.</p>"
    "<img src='/never-fetched.png'></article></body></html>"
)
REQUESTS: list[str] = []
PDF_LINES = [[(72, 700, 11, "A report served with the wrong content type.")]]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        REQUESTS.append(self.path)
        if self.path == "/article":
            self._send(200, "text/html; charset=utf-8", ARTICLE.encode())
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
        elif self.path == "/gzipped":
            body = gzip.compress(ARTICLE.encode())
            self._send(200, "text/html", body, encoding="gzip")
        elif self.path == "/bomb":  # a small gzip that unpacks to over 200 MB
            self._send(200, "text/html", gzip_bomb(), encoding="gzip")
        elif self.path == "/report":  # no extension: the Content-Type says what it is
            self._send(200, "text/plain; charset=cp1251", "Доклад о ценах.".encode("cp1251"))
        elif self.path == "/mislabelled":  # a PDF the server calls a web page
            self._send(200, "text/html", self.server.pdf)  # type: ignore[attr-defined]
        elif self.path == "/trickle":  # a byte at a time, each soon enough for the socket
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "40")
            self.end_headers()
            for _ in range(40):
                try:
                    self.wfile.write(b"a")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.25)
        elif self.path == "/paper.pdf":  # a login page where a PDF was expected
            self._send(200, "text/html", b"<html><body><p>Please sign in.</p></body></html>")
        else:
            self._send(404, "text/plain", b"not here")

    def _send(self, status: int, media_type: str, body: bytes, encoding: str = "") -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def gzip_bomb(megabytes: int = 260) -> bytes:
    """Gzip of a page far larger than any limit, made a megabyte at a time."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b"a" * 2**20
    parts = [packer.compress(b"<p>")]
    parts += [packer.compress(chunk) for _ in range(megabytes)]
    return b"".join([*parts, packer.flush()])


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, make_pdf: Callable[..., bytes]) -> Iterator[str]:
    for variable in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(variable, raising=False)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.pdf = make_pdf(PDF_LINES)  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    REQUESTS.clear()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_fetches_and_keeps_a_snapshot_with_provenance(server: str) -> None:
    before = datetime.now(UTC).replace(microsecond=0)

    document = fetch_url(server + "/article")

    assert "petition signed by more than 3,000 residents" in document.text
    assert "SCRIPT-TEXT" not in document.text
    assert document.original == ARTICLE.encode()
    assert document.format == "html"
    assert document.metadata.address == server + "/article"
    assert document.metadata.title == "Local news"
    assert datetime.fromisoformat(document.imported_at) >= before
    assert len(document.content_hash) == 64
    assert REQUESTS == ["/article"]  # the image was never requested


def test_the_address_is_the_final_one_after_redirects(server: str) -> None:
    assert fetch_url(server + "/moved").metadata.address == server + "/article"


def test_compressed_answers_are_unpacked(server: str) -> None:
    assert "opening hours" in fetch_url(server + "/gzipped").text


def test_a_compressed_answer_too_large_unpacked_is_refused_in_words(server: str) -> None:
    with pytest.raises(FetchFailed, match="unpacked, the page is larger than"):
        fetch_url(server + "/bomb")


def test_a_server_trickling_its_page_is_given_up_on_within_the_timeout(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchFailed, match="did not arrive within 1 seconds"):
        fetch_url(server + "/trickle", timeout=1)
    assert time.monotonic() - started < 3  # not 40 bytes × 0.25 s


def test_content_type_and_charset_decide_without_an_extension(server: str) -> None:
    document = fetch_url(server + "/report")

    assert document.text == "Доклад о ценах."
    assert document.format == "text"
    assert document.original_name == "report.txt"


def test_the_bytes_overrule_a_wrong_content_type(server: str) -> None:
    document = fetch_url(server + "/mislabelled")

    assert document.format == "pdf"
    assert document.original_name == "mislabelled.pdf"
    assert document.text == "A report served with the wrong content type."


def test_a_login_page_instead_of_a_pdf_is_refused(server: str) -> None:
    with pytest.raises(UnsupportedFormat, match=r"paper.pdf.*not a PDF"):
        fetch_url(server + "/paper.pdf")


def test_a_missing_page_fails_clearly(server: str) -> None:
    with pytest.raises(FetchFailed, match=r"404"):
        fetch_url(server + "/missing")


def test_no_server_fails_clearly() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens here once the socket is closed
    with pytest.raises(FetchFailed, match=r"Could not fetch .*refused"):
        fetch_url(f"http://127.0.0.1:{port}/")


def test_an_unknown_host_fails_clearly() -> None:
    with pytest.raises(FetchFailed, match=r"not found, or there is no network"):
        fetch_url("http://no-such-host.invalid/", timeout=5)


@pytest.mark.parametrize("address", ["file:///etc/passwd", "ftp://example.org/x", "not a url"])
def test_only_web_addresses_are_fetched(address: str) -> None:
    with pytest.raises(FetchFailed, match="is not a web address"):
        fetch_url(address)


def test_a_silent_server_times_out() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        with pytest.raises(FetchFailed, match=r"no answer within 0.5 seconds"):
            fetch_url(f"http://127.0.0.1:{port}/", timeout=0.5)
