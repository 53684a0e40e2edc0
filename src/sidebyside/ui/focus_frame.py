"""A frame in the highlight colour around a text or list while the keys go to it.

Fusion shows no focus on a read-only text, and only a caret in an editor or a faint frame
round a list, so the reader could not see which pane Ctrl+F, Ctrl+L or an arrow key would
act on. The frame is a widget laid over the viewport (not painted into it), so scrolling
does not smear it and every kind of view gets the same one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

FRAME_WIDTH = 2


class FocusFrame(QWidget):
    def __init__(self, area: QAbstractScrollArea) -> None:
        super().__init__(area)
        self._area = area
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        area.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (
            QEvent.Type.FocusIn,
            QEvent.Type.FocusOut,
            QEvent.Type.Resize,
            QEvent.Type.Show,
            QEvent.Type.LayoutRequest,
        ):
            self._follow()
        return False

    def _follow(self) -> None:
        if self._area.hasFocus():
            self.setGeometry(self._area.viewport().geometry())
            self.raise_()
            self.show()
            self.update()
        else:
            self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight))
        pen.setWidth(FRAME_WIDTH)
        painter.setPen(pen)
        inset = FRAME_WIDTH // 2
        painter.drawRect(self.rect().adjusted(inset, inset, -inset - 1, -inset - 1))
        painter.end()


def paint_focus_ring(widget: QWidget) -> None:
    """After a control paints itself: a ring in the highlight colour while it has the
    focus, for controls the style draws none for (flat buttons, the verdict box)."""
    if not widget.hasFocus():
        return
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(widget.palette().color(QPalette.ColorRole.Highlight), FRAME_WIDTH))
    painter.drawRoundedRect(widget.rect().adjusted(1, 1, -2, -2), 3, 3)
    painter.end()


def frame_focus(*areas: QAbstractScrollArea) -> None:
    """Give each of these views a focus frame."""
    for area in areas:
        FocusFrame(area)
