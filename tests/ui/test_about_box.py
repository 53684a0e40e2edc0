"""Help → About names the version the package carries."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox

from sidebyside import __version__
from sidebyside.ui.main_window import MainWindow


def test_about_box_says_the_version(open_main_window: Callable[..., MainWindow]) -> None:
    window = open_main_window()
    about = next(
        action for action in window.findChildren(QAction) if action.text() == "&About sidebyside"
    )
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, read_and_close)

    QTimer.singleShot(0, read_and_close)
    about.trigger()
    assert seen and f"sidebyside {__version__}" in seen[0]
