"""The reader's note rendered from its Markdown, beside the text: read-only, in the window's
colours, and never fetching anything (no image, style sheet or link is ever loaded)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QTextBrowser, QWidget

from sidebyside.operations import note_html


class NotePreview(QTextBrowser):
    resource_refused = Signal(QUrl)  # a resource the document asked for; nothing is loaded

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._note = ""
        self.setOpenLinks(False)  # a click on a link opens nothing, here or in a browser
        self.setOpenExternalLinks(False)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab goes from the notes onward
        self.setAccessibleName(self.tr("Notes preview"))
        self.setAccessibleDescription(self.tr("The notes as they read once formatted"))
        self.setPlaceholderText(self.tr("The formatted notes show here."))
        self._apply_style()

    @property
    def note(self) -> str:
        """The Markdown shown now."""
        return self._note

    def show_note(self, note: str) -> None:
        self._note = note
        scroll = self.verticalScrollBar().value()
        self.setHtml(note_html(note) if note.strip() else "")
        self.verticalScrollBar().setValue(scroll)

    def loadResource(self, type: int, name: QUrl | str) -> Any:  # noqa: N802, A002
        """Nothing the note names is ever loaded: not from the network, not from disk."""
        self.resource_refused.emit(QUrl(name))
        return None

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_style()
            self.show_note(self._note)

    def _apply_style(self) -> None:
        """Rules and code in colours of the current (light or dark) palette."""
        palette = self.palette()
        rule = palette.color(QPalette.ColorRole.Mid).name()
        code = palette.color(QPalette.ColorRole.AlternateBase).name()
        self.document().setDefaultStyleSheet(
            f"pre {{ background-color: {code}; white-space: pre-wrap; }}"
            f"code {{ background-color: {code}; }}"
            f"th, td {{ border: 1px solid {rule}; padding: 2px 6px; }}"
            "table { border-collapse: collapse; margin: 4px 0; }"
            f"blockquote {{ color: {palette.color(QPalette.ColorRole.PlaceholderText).name()}; }}"
        )
