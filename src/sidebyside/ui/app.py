"""Starting the application: the workspace, the first-run demo, files from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from sidebyside.paths import default_workspace_path, resources_dir
from sidebyside.store import Workspace
from sidebyside.ui.main_window import MainWindow
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


def open_window(
    workspace: Workspace, files: list[Path], settings: Settings | None = None
) -> MainWindow:
    """A window on the workspace: the given files, else the last article, else the demo."""
    window = MainWindow(workspace, settings)
    if files:
        window.open_article_files(files)
        return window
    articles = workspace.articles()
    if not articles and workspace.was_created:
        window.open_demo()
    else:
        window.load_article(articles[0].id if articles else None)
    return window


def run_app(args: argparse.Namespace) -> int:
    app = create_application()
    settings = Settings()
    apply_colour_scheme(settings.colour_scheme)
    path = Path(args.workspace) if args.workspace else default_workspace_path()
    workspace = Workspace.open(path)
    files = [Path(name) for name in args.files]
    window = open_window(workspace, files, settings)
    if args.screenshot:
        take_screenshot_when_ready(window, Path(args.screenshot), args.claim)
    window.show()
    QTimer.singleShot(0, window.raise_)
    try:
        return app.exec()
    finally:
        workspace.close()
