"""Starting the application: the workspace, the first-run demo, files from the command line."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from sidebyside.core.deep_links import ClaimAddress
from sidebyside.core.errors import SidebysideError
from sidebyside.operations import ArticleSession
from sidebyside.operations.deep_links import ClaimNotFound, open_session_at
from sidebyside.paths import default_workspace_path, resources_dir
from sidebyside.ui.deep_links import Windows, show_claim_at
from sidebyside.ui.instance import LinkServer, hand_to_running, server_name
from sidebyside.ui.main_window import MainWindow
from sidebyside.ui.platform_check import check_qt_platform
from sidebyside.ui.screenshot import take_screenshot_when_ready
from sidebyside.ui.settings import Settings
from sidebyside.ui.theme import apply_colour_scheme

APP_ID = "io.github.sidebyside.SideBySide"


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QCoreApplication.setOrganizationName("sidebyside")
    QCoreApplication.setApplicationName("sidebyside")
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setStyle("Fusion")
    app.setDesktopFileName(APP_ID)
    icon = resources_dir() / "icons" / "sidebyside.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


class NoDisplay(SidebysideError):
    """A window was asked for where there is no screen."""


def _has_display() -> bool:
    """Whether a screen is there to show a window on (X11, Wayland), or Qt was told where."""
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _report_unexpected_error(kind: type[BaseException], error: BaseException, tb: Any) -> None:
    """A bug in a slot is reported, not fatal. Every change is written as it is made, so
    what was saved stays saved; the change that met the bug may not have been."""
    text = "".join(traceback.format_exception(kind, error, tb))
    print(text, file=sys.stderr)
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "sidebyside",
        "sidebyside hit an unexpected problem. What you had saved before is safe; the "
        "change you were making may not have been saved. You can go on, or restart the "
        "app. Please report the details below.",
    )
    box.setDetailedText(text)
    box.exec()


def open_window(
    session: ArticleSession,
    files: list[Path],
    settings: Settings | None = None,
    *,
    article_id: int | None = None,
) -> MainWindow:
    """A window on the workspace: the given files, else the article asked for, else the
    last article, else the demo."""
    window = MainWindow(session, settings)
    window.show()  # shown empty first: a first show with a long article in it lays out slowly
    if files:
        window.documents.open_article_files(files)
        return window
    if article_id is not None:
        window.load_article(article_id)
        return window
    articles = session.articles()
    if not articles and session.was_created:
        window.documents.open_demo()
    else:
        window.load_article(articles[0].id if articles else None)
    return window


def run_app(args: argparse.Namespace) -> int:
    if args.screenshot and not _has_display():
        # A picture needs no screen: without one, draw offscreen rather than abort.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if QApplication.instance() is None:
        if not _has_display():  # Qt would abort with a paragraph about xcb libraries
            raise NoDisplay(
                "no screen to open a window on (DISPLAY and WAYLAND_DISPLAY are not set): "
                "run it in a desktop session, or use --screenshot or a subcommand "
                "(sidebyside --help)"
            )
        check_qt_platform()  # a missing X library is one line, not Qt's abort
    app = create_application()
    address: ClaimAddress | None = getattr(args, "address", None)
    link_server_name = None if args.screenshot else server_name()
    if address is not None and link_server_name is not None:
        why_not = hand_to_running(link_server_name, args.address_text)
        if why_not is not None:  # a running sidebyside took it (and says so if it failed)
            if why_not:
                raise ClaimNotFound(why_not)
            return 0
    settings = Settings()
    apply_colour_scheme(settings.colour_scheme)
    path = Path(args.workspace) if args.workspace else default_workspace_path()
    try:
        session = open_session_at(address) if address else ArticleSession.open(path)
    except SidebysideError as error:
        if not args.screenshot:
            QMessageBox.critical(None, "sidebyside", str(error))
        raise
    sys.excepthook = _report_unexpected_error
    files = [Path(name) for name in args.files]
    window = open_window(
        session, files, settings, article_id=address.article_id if address else None
    )
    windows = Windows(settings, app)
    windows.add(window)
    if address is not None:
        show_claim_at(window, address)
    if args.screenshot:
        take_screenshot_when_ready(
            window, Path(args.screenshot), args.claim, address.claim_id if address else None
        )
    link_server = LinkServer(windows.open_address, app)
    if link_server_name is not None:  # later launches with an address come here
        link_server.listen(link_server_name)
    window.show()
    QTimer.singleShot(0, window.raise_)
    try:
        return app.exec()
    finally:
        link_server.close()  # its socket file goes with it
        windows.close_sessions()
        session.close()
