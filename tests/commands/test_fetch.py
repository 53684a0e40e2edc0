"""`sidebyside fetch URL [-o FILE] [--json]` against a local server."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from sidebyside.cli import main

PAGE = (
    b"<html><head><title>Bridge closure</title></head><body><article><h1>Bridge closure</h1>"
    b"<p>The old bridge will close for repairs for eleven weeks from May, the highways "
    b"agency said on Monday, with diversions signposted through the town centre.</p>"
    b"<p>Engineers found corrosion in two of the supporting cables during an inspection "
    b"carried out last winter, according to the agency's report.</p></article></body></html>"
)


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        status, body = (200, PAGE) if self.path == "/bridge" else (404, b"no")
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for variable in ("http_proxy", "HTTP_PROXY", "all_proxy"):
        monkeypatch.delenv(variable, raising=False)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_prints_the_article(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fetch", server + "/bridge"]) == 0

    assert "close for repairs for eleven weeks" in capsys.readouterr().out


def test_saves_json_with_provenance(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "bridge.json"

    assert main(["fetch", server + "/bridge", "--json", "-o", str(output)]) == 0

    assert capsys.readouterr().out == ""
    data = json.loads(output.read_text(encoding="utf-8"))
    assert data["metadata"]["address"] == server + "/bridge"
    assert data["metadata"]["title"] == "Bridge closure"
    assert data["imported_at"] and len(data["content_hash"]) == 64


def test_a_failed_fetch_exits_2(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fetch", server + "/gone"]) == 2

    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "404" in err


def test_an_unwritable_output_exits_2(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fetch", server + "/bridge", "-o", str(tmp_path / "no" / "such" / "f")]) == 2

    assert "Could not save" in capsys.readouterr().err
