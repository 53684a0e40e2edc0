"""The window's shortcuts win over a text field's private keys.

On X11 a line edit claims Emacs-style keys (Ctrl+E goes to the end of the line, Ctrl+K
cuts to the end, …), so Ctrl+E, the export, did nothing while the claim filter or the find
field had the focus. Fields keep the keys of everyday editing (copy, paste, undo, select
all); every other key the window has an action for goes to the action.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

EDITING_KEYS = tuple(
    getattr(QKeySequence.StandardKey, name)
    for name in ("Copy", "Cut", "Paste", "Undo", "Redo", "SelectAll", "Delete", "Backspace")
)  # not the line moves: on X11 they include Ctrl+E and Ctrl+A, the Emacs keys themselves


class WindowKeysFirst(QObject):
    """Installed on a text field: a key the field would claim but its window has an action
    for goes to the action. One filter serves every field (it asks each field's window)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(watched, QLineEdit)
            and isinstance(event, QKeyEvent)
            and _window_wants(watched.window(), event)
        ):
            event.ignore()
            return True  # unclaimed by the field: the window's shortcut fires
        return False


def _window_wants(window: QWidget, event: QKeyEvent) -> bool:
    if any(event.matches(key) for key in EDITING_KEYS):
        return False
    pressed = QKeySequence(event.keyCombination())
    return any(
        pressed.matches(shortcut) == QKeySequence.SequenceMatch.ExactMatch
        for action in window.findChildren(QAction)
        if action.isEnabled() and action.shortcutContext() != Qt.ShortcutContext.WidgetShortcut
        for shortcut in action.shortcuts()
    )


_FILTER: list[WindowKeysFirst] = []


def window_keys_first(field: QLineEdit) -> None:
    """Let the window's shortcuts through this field (filtering only text fields, not
    every event of the application)."""
    if not _FILTER:
        _FILTER.append(WindowKeysFirst(QApplication.instance()))
    field.installEventFilter(_FILTER[0])
