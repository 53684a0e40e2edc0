"""The small flat buttons of the panes (◀ ▶ ✓ ✗, the find bar's ▲ ▼ ✕), made one way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QToolButton, QWidget

from sidebyside.ui.focus_frame import paint_focus_ring


class FocusToolButton(QToolButton):
    """A flat tool button that shows a ring while it has the keyboard focus (a flat button
    in the Fusion style shows none, so the reader would not see where Tab went)."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        paint_focus_ring(self)


def flat_button(parent: QWidget, text: str, tip: str, *, takes_focus: bool = True) -> QToolButton:
    """A flat button whose tip is also its name for screen readers; one that does not take
    the focus is worked from the keys of the field beside it."""
    button = FocusToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setAutoRaise(True)
    if not takes_focus:
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button
