"""The running instance's door for `sidebyside://` addresses: a local socket per user.

A window run listens on it (`LinkServer`); a later launch with an address hands the
address over (`hand_to_running`) and exits instead of opening a second program. One line
each way: the address, then `ok` or `error <why, in words>`. Launches without an address
start as before.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from sidebyside.paths import data_dir

CONNECT_MS = 500  # a local socket answers at once, or nobody is listening
ANSWER_MS = 20_000  # the running window may open another workspace before it answers
MAX_LINE = 64 * 1024  # far longer than any address; more is not one


def server_name() -> str | None:
    """The socket of this user's sidebyside (one per data folder, so test runs and
    `SIDEBYSIDE_DATA_DIR` installs keep apart); None when no private place for it exists."""
    key = hashlib.sha1(str(data_dir().absolute()).encode("utf-8")).hexdigest()[:12]
    if os.name != "posix":  # a named pipe, private to the user's session
        return f"sidebyside-{getpass.getuser()}-{key}"
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    folder = Path(runtime) if runtime and Path(runtime).is_dir() else _private_temp_folder()
    return str(folder / f"sidebyside-{key}.socket") if folder is not None else None


def _private_temp_folder() -> Path | None:
    """A folder only this user can enter, where another user cannot plant a socket."""
    folder = Path(tempfile.gettempdir()) / f"sidebyside-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        status = folder.lstat()
    except OSError:
        return None
    private = stat.S_ISDIR(status.st_mode) and not status.st_mode & 0o077
    return folder if private and status.st_uid == os.getuid() else None


def hand_to_running(name: str, address: str) -> str | None:
    """Give the address to the sidebyside listening on `name`: None if none is (or what
    is left is a dead socket file), "" once it has opened the claim, else why it could not."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return None
    socket.write(address.encode("utf-8") + b"\n")
    socket.waitForBytesWritten(CONNECT_MS)
    answer = bytearray()
    while b"\n" not in answer and socket.waitForReadyRead(ANSWER_MS):
        answer += socket.readAll().data()
    answer += socket.readAll().data()  # what came with the hang-up
    socket.disconnectFromServer()
    line = bytes(answer).partition(b"\n")[0].decode("utf-8", errors="replace")
    if line == "ok":
        return ""
    if line.startswith("error "):
        return line.removeprefix("error ")
    return "The running sidebyside did not answer; try again."


def _someone_listens(name: str) -> bool:
    probe = QLocalSocket()
    probe.connectToServer(name)
    listening = probe.waitForConnected(CONNECT_MS)
    probe.abort()
    return listening


class LinkServer(QObject):
    """Listens for addresses from later launches and answers each with `handle(address)`:
    "" when the claim was opened, else the reason it was not."""

    def __init__(self, handle: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handle = handle
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_server_new_connection)

    def listen(self, name: str) -> bool:
        """Listen on `name`, unless another sidebyside does: that one takes the addresses.
        A socket file left by a crash answers nobody and is removed first."""
        if _someone_listens(name):
            return False
        QLocalServer.removeServer(name)
        return self._server.listen(name)

    @property
    def name(self) -> str:
        return self._server.fullServerName()

    def close(self) -> None:
        self._server.close()

    def _on_server_new_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.disconnected.connect(socket.deleteLater)
            received = bytearray()
            socket.readyRead.connect(lambda s=socket, r=received: self._read(s, r))

    def _read(self, socket: QLocalSocket, received: bytearray) -> None:
        if b"\n" in received:  # answered already
            return
        received += socket.readAll().data()
        if b"\n" not in received:
            if len(received) > MAX_LINE:
                socket.abort()
            return
        address = bytes(received).partition(b"\n")[0].decode("utf-8", errors="replace")
        why_not = self._handle(address)
        answer = f"error {' '.join(why_not.split())}" if why_not else "ok"
        socket.write(answer.encode("utf-8") + b"\n")
        socket.flush()
        socket.disconnectFromServer()
