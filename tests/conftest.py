"""Shared fixtures: every test gets its own data folder, workspace file and settings file."""

from __future__ import annotations

import http.server
import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

# Before anything imports Qt: headless, and no test reads or writes the user's settings.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="sidebyside-test-config-")

import pytest

from sidebyside.store import Workspace

if TYPE_CHECKING:
    from sidebyside.core.document import Document
    from sidebyside.operations import ArticleSession

Reply = tuple[int, dict[str, str], bytes]  # status, headers, body


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("SIDEBYSIDE_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def workspace_path(tmp_path: Path) -> Path:
    return tmp_path / "workspace.sqlite"


@pytest.fixture
def workspace(workspace_path: Path):  # type: ignore[no-untyped-def]
    opened = Workspace.open(workspace_path)
    yield opened
    opened.close()


@pytest.fixture
def serve_local(
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Callable[[Callable[[str, str], Reply]], str]]:
    """`serve_local(reply)`: a site on a free port of 127.0.0.1, with no proxy in the way, that
    answers each GET with `reply(path, base)`; gives its base address. Stopped after the test."""
    for variable in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(variable, raising=False)
    running: list[tuple[http.server.ThreadingHTTPServer, threading.Thread]] = []

    def serve(reply: Callable[[str, str], Reply]) -> str:
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
                status, headers, body = reply(self.path, base)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        running.append((httpd, thread))
        return base

    yield serve
    for httpd, thread in running:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def _document(*paragraphs: str, **metadata: str) -> Document:
    from sidebyside.core.document import DocumentBuilder, Metadata

    builder = DocumentBuilder()
    for paragraph in paragraphs:
        builder.add(paragraph)
    return builder.build(Metadata(**metadata))  # type: ignore[arg-type]


@contextmanager
def _relayed_story(path: Path, *paragraphs: str, dated: bool) -> Iterator[ArticleSession]:
    from sidebyside.core.claims import suggest_claims
    from sidebyside.operations import ArticleSession, PreparedArticle

    article = _document(*paragraphs, title="Valley floods")
    wire = _document(
        "TARSEL (Meridian Press) - Aid workers struggled to reach villages cut off by water.",
        "At least 4,200 families were forced from their homes across the valley, according "
        "to a report by the Halden Rights Observatory published on Monday.",
        title="Thousands flee Tarsel floods",
        publisher="Meridian Press",
        **({"date": "2026-04-14"} if dated else {}),
    )
    report = _document(
        "Situation report on the Tarsel valley",
        "Our field teams recorded that at least 4,200 families were forced from their homes "
        "in the Tarsel valley between 2 and 9 April.",
        title="Tarsel valley displacement",
        publisher="Halden Rights Observatory",
        **({"date": "2026-04-13"} if dated else {}),
    )
    session = ArticleSession.open(path)
    try:
        session.record_article(PreparedArticle(article, tuple(suggest_claims(article))))
        assert session.article is not None
        session.add_source(session.article.id, wire)
        session.add_source(session.article.id, report)
        session.open_article(session.article.id)
        session.match_all()
        yield session
    finally:
        session.close()


@pytest.fixture
def relayed_story() -> Callable[..., AbstractContextManager[ArticleSession]]:
    """`with relayed_story(path, *paragraphs, dated=...) as session:` the article "Valley
    floods" of `paragraphs` in the workspace at `path`, with its two sources matched: a wire
    story (Meridian Press) relaying a rights group's report (Halden Rights Observatory),
    their dates given if `dated` (invented text)."""
    return _relayed_story
