"""Opening a `sidebyside://` address in a window: its article, its claim selected with the
claim's passages; a window per workspace, the one on the address's workspace reused."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from sidebyside.core.deep_links import ClaimAddress, parse_claim_address
from sidebyside.core.errors import SidebysideError
from sidebyside.operations import ArticleSession
from sidebyside.operations.deep_links import claim_at, open_session_at
from sidebyside.ui.main_window import MainWindow
from sidebyside.ui.settings import Settings


def show_claim_at(window: MainWindow, address: ClaimAddress) -> None:
    """Select the address's claim in a window on its workspace, opening its article first;
    `ClaimNotFound` if the workspace no longer holds it (the window is left as it was)."""
    claim = claim_at(window.session, address)
    if window.article is None or window.article.id != address.article_id:
        window.load_article(address.article_id)
    if claim.dismissed and not window.claims_panel.shows_dismissed:
        window.claims_panel.set_shows_dismissed(True)
    current = window.claims_panel.current_claim()
    if current is None or current.id != claim.id:
        window.claims_panel.select(claim.id)


def bring_to_front(window: QWidget) -> None:
    window.show()
    window.setWindowState(
        (window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
    )
    window.raise_()
    window.activateWindow()


def say_why_not(window: QWidget, why: str) -> None:
    """The address could not be followed: said in the window, in a box that does not block."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        window.tr("Cannot open link"),
        why,
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("link_message")
    box.open()


class Windows(QObject):
    """Every window of the running program, each on its own workspace session: where an
    address handed over by a later launch is opened."""

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._opened: list[tuple[MainWindow, ArticleSession, bool]] = []  # owns the session?

    def add(self, window: MainWindow, *, owns_session: bool = False) -> None:
        self._opened.append((window, window.session, owns_session))

    @property
    def windows(self) -> list[MainWindow]:
        return [window for window, _, _ in self._opened]

    def window_on(self, workspace: Path) -> MainWindow | None:
        """The open window on that workspace. A closed one is not brought back (its
        background work ended with it): the session it owned is closed."""
        for window, session, owns in list(self._opened):
            if owns and not window.isVisible():
                session.close()
                self._opened.remove((window, session, owns))
        return next(
            (
                window
                for window in self.windows
                if window.isVisible() and _same_file(window.session.path, workspace)
            ),
            None,
        )

    def open_address(self, text: str) -> str:
        """Open the address in the window on its workspace (a new window if none is);
        "" when done, else why not, which the window says too."""
        from sidebyside.ui.app import open_window

        shown_in = next((w for w in self.windows if w.isVisible()), None)
        try:
            address = parse_claim_address(text)
            window = self.window_on(address.workspace)
            if window is None:
                session = open_session_at(address)
                window = open_window(session, [], self.settings, article_id=address.article_id)
                self.add(window, owns_session=True)
            shown_in = window
            show_claim_at(window, address)
        except SidebysideError as error:
            if shown_in is not None:
                bring_to_front(shown_in)
                say_why_not(shown_in, str(error))
            return str(error)
        bring_to_front(window)
        return ""

    def close_sessions(self) -> None:
        """After the last window: the sessions this opened for further workspaces."""
        for window, session, owns in self._opened:
            if owns:
                window.close()
                session.close()
        self._opened = [entry for entry in self._opened if not entry[2]]


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return one.resolve() == other.resolve()
