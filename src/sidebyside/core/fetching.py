"""Fetch a web address once, on the reader's request, and keep what came back.

The raw bytes become `Document.original` and the final address (after
redirects) its `metadata.address`, so the snapshot can be read offline and
re-read later; `imported_at` is the time of retrieval and `content_hash`
identifies the text. Only the page itself is fetched, nothing it refers to.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import replace
from datetime import UTC, datetime
from email.message import Message
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from sidebyside import __version__
from sidebyside.core.addresses import normalise_address
from sidebyside.core.document import Document
from sidebyside.core.errors import FetchFailed
from sidebyside.core.importers import MAX_BYTES, import_bytes
from sidebyside.core.importers.formats import Format, extension_for, format_from_name

USER_AGENT = f"sidebyside/{__version__} (reader fetching one page on request)"
_ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5"


def fetch_url(url: str, *, timeout: float = 20) -> Document:
    """Fetch `url` and import what it returns; raises `FetchFailed` with a reader's reason.

    `timeout` bounds each wait for the server and the whole download: a server that
    trickles a byte at a time is given up on, not waited for."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchFailed(
            f"\u201c{url}\u201d is not a web address (it must start with http:// or https://)."
        )
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT})
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            final_url = response.geturl()
            headers = response.headers
            data = _read_until(response, MAX_BYTES + 1, deadline)
    except urllib.error.HTTPError as error:
        raise FetchFailed(
            f"Could not fetch {url}: the server answered {error.code} {error.reason}."
        ) from error
    except urllib.error.URLError as error:
        raise FetchFailed(f"Could not fetch {url}: {_reason(error.reason, timeout)}.") from error
    except _TooSlow as error:
        raise FetchFailed(
            f"Could not fetch {url}: the page did not arrive within {timeout:g} seconds."
        ) from error
    except TimeoutError as error:
        raise FetchFailed(
            f"Could not fetch {url}: no answer within {timeout:g} seconds."
        ) from error
    except (http.client.HTTPException, ConnectionError, OSError) as error:
        raise FetchFailed(f"Could not fetch {url}: the connection broke ({error}).") from error
    retrieved_at = datetime.now(UTC).isoformat(timespec="seconds")
    if len(data) > MAX_BYTES:
        raise FetchFailed(
            f"Could not fetch {url}: the page is larger than {MAX_BYTES // 2**20} MB."
        )
    data = _decompressed(data, headers, url)
    name = _file_name(final_url)
    document = import_bytes(
        data,
        name,
        media_type=headers.get_content_type(),
        charset=headers.get_content_charset(),
        address=final_url,
    )
    if format_from_name(name) is None:  # keep the original with an extension that fits it
        name += "." + extension_for(Format(document.format))
    document = replace(document, imported_at=retrieved_at, original_name=name)
    # the address it came from, without the tracking parameters of the link followed
    return document.with_metadata(address=normalise_address(final_url) or final_url)


class _TooSlow(Exception):
    """The server answers, but the page does not arrive in time."""


def _read_until(response: http.client.HTTPResponse, limit: int, deadline: float) -> bytes:
    """The body, at most `limit` bytes, read as it comes; `_TooSlow` past `deadline`."""
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        if time.monotonic() > deadline:
            raise _TooSlow
        chunk = response.read1(min(2**16, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _reason(reason: object, timeout: float) -> str:
    if isinstance(reason, socket.gaierror):
        return "the address was not found, or there is no network connection"
    if isinstance(reason, TimeoutError):
        return f"no answer within {timeout:g} seconds"
    if isinstance(reason, ConnectionRefusedError):
        return "the server refused the connection"
    if isinstance(reason, ssl.SSLError):
        return f"the secure connection failed ({reason.reason or reason})"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror[0].lower() + reason.strerror[1:]
    return str(reason)


def _decompressed(data: bytes, headers: Message, url: str) -> bytes:
    """Undo a Content-Encoding some servers send even when none was asked for, never
    unpacking more than MAX_BYTES: a few megabytes of gzip can hold gigabytes."""
    encoding = (headers.get("Content-Encoding") or "").lower()
    if encoding not in ("gzip", "x-gzip", "deflate"):
        return data
    # wbits: 16 + 15 reads a gzip header, 15 a zlib one
    unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS)
    try:
        page = unpacker.decompress(data, MAX_BYTES + 1)
    except zlib.error as error:
        raise FetchFailed(f"Could not fetch {url}: the page arrived damaged.") from error
    if len(page) > MAX_BYTES or unpacker.unconsumed_tail:
        raise FetchFailed(
            f"Could not fetch {url}: unpacked, the page is larger than {MAX_BYTES // 2**20} MB."
        )
    return page


def _file_name(url: str) -> str:
    """A file name for the page: the last part of its path, or the host's name."""
    parts = urlsplit(url)
    return unquote(PurePosixPath(parts.path).name) or parts.hostname or "page"
