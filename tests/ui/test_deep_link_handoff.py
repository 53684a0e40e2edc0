"""A running sidebyside takes the `sidebyside://` addresses of later launches: it switches
to that article and claim (a new window for another workspace), or says why it cannot."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QMessageBox

from sidebyside.core.deep_links import claim_address
from sidebyside.operations import prepare_article, record_article
from sidebyside.records import ClaimRecord
from sidebyside.store import Workspace
from sidebyside.ui.deep_links import Windows
from sidebyside.ui.instance import LinkServer, hand_to_running, server_name
from sidebyside.ui.main_window import MainWindow
from sidebyside.ui.settings import Settings

HARBOUR = """# Harbour works

The port authority said 120 dock workers lost their jobs in March.

According to the union, wages fell by 8 percent over the year.

Officials reported that 14 cranes were sold to a buyer abroad.
"""

BULLETIN = """Port authority bulletin

In March, 120 dock workers lost their jobs at the port.

Fourteen cranes were sold to a foreign buyer, officials reported.
"""

ORCHARDS = """# Orchards

The growers' league said 30 orchards closed after the frost.
"""


def fill_workspace(path: Path, folder: Path) -> tuple[int, list[ClaimRecord]]:
    """The harbour article (with its source) and then another, opened last."""
    folder.mkdir(exist_ok=True)
    for name, text in (
        ("harbour.md", HARBOUR),
        ("bulletin.txt", BULLETIN),
        ("orchards.md", ORCHARDS),
    ):
        (folder / name).write_text(text, encoding="utf-8")
    with Workspace.open(path) as workspace:
        harbour = record_article(
            workspace, prepare_article(folder / "harbour.md", [folder / "bulletin.txt"])
        )
        record_article(workspace, prepare_article(folder / "orchards.md"))
        return harbour.id, workspace.claims_of(harbour.id)


@pytest.fixture
def short_folder() -> Iterator[Path]:
    """A socket's path must be short (about 100 bytes): not under pytest's tmp_path."""
    with tempfile.TemporaryDirectory(prefix="sbs-") as folder:
        yield Path(folder)


@pytest.fixture
def running(
    qtbot,
    open_main_window: Callable[..., MainWindow],
    workspace_path: Path,
    tmp_path: Path,
    settings: Settings,
    short_folder: Path,
):  # type: ignore[no-untyped-def]
    """A window on the harbour workspace, showing the other article, listening for addresses."""
    article_id, claims = fill_workspace(workspace_path, tmp_path / "files")
    window = open_main_window()
    qtbot.waitUntil(lambda: window.article is not None, timeout=30_000)
    assert window.article is not None and window.article.id != article_id
    windows = Windows(settings)
    windows.add(window)
    server = LinkServer(windows.open_address)
    name = str(short_folder / "s.socket")
    assert server.listen(name)
    yield window, windows, name, article_id, claims
    server.close()
    windows.close_sessions()


def send(qtbot, name: str, address: str) -> bytes:  # type: ignore[no-untyped-def]
    """The address through a real local socket, as a second launch sends it; the answer."""
    client = QLocalSocket()
    client.connectToServer(name)
    assert client.waitForConnected(1000)
    answer = bytearray()
    client.readyRead.connect(lambda: answer.extend(client.readAll().data()))
    client.write(address.encode("utf-8") + b"\n")
    qtbot.waitUntil(lambda: b"\n" in answer, timeout=30_000)
    client.abort()
    return bytes(answer)


def test_an_address_sent_to_the_running_window_opens_its_claim(qtbot, running) -> None:  # type: ignore[no-untyped-def]
    window, windows, name, article_id, claims = running
    cranes = claims[2]

    answer = send(qtbot, name, claim_address(window.session.path, article_id, cranes.id))

    assert answer == b"ok\n"
    assert window.article is not None and window.article.id == article_id
    assert window.windowTitle().startswith("Harbour works")
    current = window.claims_panel.current_claim()
    assert current is not None and current.id == cranes.id
    qtbot.waitUntil(lambda: window.painted_claim == cranes.id, timeout=30_000)  # its passages
    assert window.claim_panel.isVisible()
    assert windows.windows == [window]  # the same window, not a second one


def test_a_dismissed_claim_is_shown_with_the_dismissed_ones(qtbot, running) -> None:  # type: ignore[no-untyped-def]
    window, _windows, name, article_id, claims = running
    window.session.set_dismissed(claims[1].id, True)

    assert (
        send(qtbot, name, claim_address(window.session.path, article_id, claims[1].id)) == b"ok\n"
    )

    assert window.claims_panel.shows_dismissed
    current = window.claims_panel.current_claim()
    assert current is not None and current.id == claims[1].id


def test_an_address_to_a_gone_claim_is_said_in_the_window(qtbot, running) -> None:  # type: ignore[no-untyped-def]
    window, _windows, name, article_id, _claims = running
    shown_before = window.article

    answer = send(qtbot, name, claim_address(window.session.path, article_id, 999))

    assert answer.startswith(b"error ") and answer.endswith(b"\n") and answer.count(b"\n") == 1
    assert "no longer has the claim the link points to (claim 999)" in answer.decode()
    box = window.findChild(QMessageBox, "link_message")
    assert box is not None and box.isVisible()
    assert "claim 999" in box.text()
    assert window.article == shown_before  # left as it was


def test_an_address_on_another_workspace_opens_a_window_on_it(
    qtbot, running, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window, windows, name, _article_id, _claims = running
    other = tmp_path / "other.sqlite"
    article_id, claims = fill_workspace(other, tmp_path / "other files")

    assert send(qtbot, name, claim_address(other, article_id, claims[1].id)) == b"ok\n"

    assert len(windows.windows) == 2
    second = windows.windows[1]
    qtbot.addWidget(second)
    assert second.isVisible() and second.session.path == other
    assert second.article is not None and second.article.id == article_id
    current = second.claims_panel.current_claim()
    assert current is not None and current.id == claims[1].id
    assert window.session.path != other  # the first window stays on its workspace
    # A second address there goes to that window, not to a third.
    assert send(qtbot, name, claim_address(other, article_id, claims[0].id)) == b"ok\n"
    assert len(windows.windows) == 2
    current = second.claims_panel.current_claim()
    assert current is not None and current.id == claims[0].id
    # Once that window is closed, a link there opens a fresh one (the closed one's
    # background work has ended).
    second.close()
    assert send(qtbot, name, claim_address(other, article_id, claims[2].id)) == b"ok\n"
    assert len(windows.windows) == 2 and windows.windows[0] is window
    third = windows.windows[1]
    qtbot.addWidget(third)
    assert third is not second and third.isVisible()
    qtbot.waitUntil(lambda: third.painted_claim == claims[2].id, timeout=30_000)


def test_a_socket_left_by_a_crash_does_not_block_the_next_start(
    qtbot, short_folder: Path, settings: Settings
) -> None:  # type: ignore[no-untyped-def]
    name = str(short_folder / "s.socket")
    crashed = socket.socket(socket.AF_UNIX)
    crashed.bind(name)
    crashed.close()  # the file stays, nobody listens
    assert Path(name).exists()

    assert hand_to_running(name, "sidebyside://open?workspace=/w&article=1&claim=1") is None
    server = LinkServer(lambda _address: "")
    try:
        assert server.listen(name)
        assert send(qtbot, name, "sidebyside://open?workspace=/w&article=1&claim=1") == b"ok\n"
        # A second program started meanwhile does not take the name from the first.
        assert not LinkServer(lambda _address: "").listen(name)
    finally:
        server.close()


@pytest.mark.parametrize("claim_index", [2, None])
def test_a_second_launch_hands_its_address_to_the_running_one(
    qtbot,
    running,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    short_folder: Path,
    claim_index: int | None,
) -> None:  # type: ignore[no-untyped-def]
    """`sidebyside ADDRESS` while sidebyside runs: the running window opens the claim and
    the launch exits at once, 0 (or 2 with the running one's reason)."""
    window, windows, _name, article_id, claims = running
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_RUNTIME_DIR": str(short_folder),
        "SIDEBYSIDE_DATA_DIR": str(tmp_path / "data"),
        "PYTHONIOENCODING": "utf-8",
    }
    for variable in ("XDG_RUNTIME_DIR", "SIDEBYSIDE_DATA_DIR"):
        monkeypatch.setenv(variable, environment[variable])
    name = server_name()
    assert name is not None and name.startswith(str(short_folder))
    server = LinkServer(windows.open_address)
    assert server.listen(name)
    claim_id = claims[claim_index].id if claim_index is not None else 999
    launch = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sidebyside",
            claim_address(window.session.path, article_id, claim_id),
        ],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        qtbot.waitUntil(lambda: launch.poll() is not None, timeout=60_000)
        _out, errors = launch.communicate()
    finally:
        if launch.poll() is None:
            launch.kill()
        server.close()

    if claim_index is not None:
        assert launch.returncode == 0, errors
        current = window.claims_panel.current_claim()
        assert current is not None and current.id == claim_id
    else:
        assert launch.returncode == 2
        assert errors.startswith("sidebyside: The article") and "(claim 999)" in errors
        assert "Traceback" not in errors
    assert not (tmp_path / "data").exists()  # the launch opened no workspace of its own
