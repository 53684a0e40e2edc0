"""What a screen reader is told of a window: the controls it reaches, read through Qt's
accessibility tree, that lack a name or a description."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget


def unnamed_controls(root: QWidget) -> list[tuple[str, str, str, str]]:
    """(class, object name, name, description) of every shown focusable control under
    `root` whose accessible name or description is empty."""
    missing = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name).strip()
        description = face.text(QAccessible.Text.Description).strip()
        if not name or not description:
            missing.append((type(widget).__name__, widget.objectName(), name, description))
    return missing
