"""Links in a document pane: shown underlined with their address, and a click asks before
anything opens in the browser."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from sidebyside.core.document import DocumentBuilder
from sidebyside.ui.document_view import DocumentView

SENTENCE = "Human Rights Watch said in a report published on Monday that abuses were widespread."
ADDRESS = "https://hrw.example.org/reports/2024/abuses"


class Browser(QObject):
    """Stands in for the system browser through Qt's own URL handler hook."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def shown_view(qtbot: QtBot) -> DocumentView:
    builder = DocumentBuilder()
    start = SENTENCE.index("a report")
    builder.add(SENTENCE, links=[(start, start + len("a report published"), ADDRESS)])
    view = DocumentView()
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.show_document(builder.build())
    view.show()
    qtbot.waitExposed(view)
    return view


def point_on_link(view: DocumentView) -> QPoint:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.view_range_of(SENTENCE.index("report") + 2, 0)[0])
    return view.cursorRect(cursor).center()


def answer_when_asked(button: QMessageBox.StandardButton, asked: list[str]) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        asked.append(box.text())
        box.button(button).click()

    QTimer.singleShot(20, answer)


def test_a_link_shows_underlined_with_its_address(qtbot: QtBot) -> None:
    view = shown_view(qtbot)
    point = point_on_link(view)
    assert view.anchorAt(point) == ADDRESS
    cursor = view.cursorForPosition(point)
    assert cursor.charFormat().fontUnderline()
    assert cursor.charFormat().toolTip() == ADDRESS
    assert view.anchorAt(QPoint(view.cursorRect(QTextCursor(view.document())).center())) == ""


def test_a_click_on_a_link_asks_first_and_opens_nothing_on_no(qtbot: QtBot) -> None:
    view = shown_view(qtbot)
    browser = Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        asked: list[str] = []
        answer_when_asked(QMessageBox.StandardButton.Cancel, asked)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_on_link(view))
        assert asked == [f"Open {ADDRESS} in your browser?"]
        assert browser.opened == []

        answer_when_asked(QMessageBox.StandardButton.Open, asked)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_on_link(view))
        assert len(asked) == 2
        assert browser.opened == [ADDRESS]
    finally:
        QDesktopServices.unsetUrlHandler("https")


def test_a_drag_selecting_words_over_a_link_asks_nothing(qtbot: QtBot) -> None:
    view = shown_view(qtbot)
    start = point_on_link(view)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start - QPoint(60, 0))
    qtbot.mouseMove(view.viewport(), pos=start)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    assert QApplication.activeModalWidget() is None
    assert view.textCursor().hasSelection()
