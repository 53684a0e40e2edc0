"""The title and byline above a document pane (article or source)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from sidebyside.records import DocumentInfo


class DocumentHeader(QWidget):
    notes_requested = Signal()  # the reader asks for the notes on this document

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = QLabel()
        self._title.setWordWrap(True)
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        font = self._title.font()
        font.setBold(True)
        self._title.setFont(font)
        self._byline = QLabel()
        self._byline.setWordWrap(True)
        self._byline.setTextFormat(Qt.TextFormat.PlainText)
        self._byline.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # follows dark mode
        # The context menu of the pane has the same entry, for the keyboard.
        self.notes_button = QToolButton()
        self.notes_button.setText(self.tr("Notes…"))
        self.notes_button.setAutoRaise(True)
        self.notes_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notes_button.setToolTip(self.tr("Your notes on this document as a whole"))
        self.notes_button.setAccessibleName(self.tr("Notes on this document"))
        self.notes_button.clicked.connect(self.notes_requested)
        self.notes_button.setVisible(False)
        title_row = QHBoxLayout()
        title_row.setContentsMargins(0, 0, 0, 0)
        title_row.addWidget(self._title, 1)
        title_row.addWidget(self.notes_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(title_row)
        layout.addWidget(self._byline)

    def show_document(self, info: DocumentInfo | None, *, marker: str = "", tip: str = "") -> None:
        """Title (with an optional marker before it) and "author · publisher · date"."""
        title = (info.title or info.original_name) if info else ""
        self._title.setText(f"{marker} {title}" if marker else title)
        details = [tip] if tip else []
        if info is not None:
            if info.address:
                details.append(f"From: {info.address}")
            if info.imported_at:
                details.append(f"Imported: {info.imported_at}")
        self._title.setToolTip("\n".join(details))
        byline = (
            " · ".join(p for p in (info.author, info.publisher, info.date) if p) if info else ""
        )
        self._byline.setText(byline)
        self._byline.setVisible(bool(byline))
        self.notes_button.setVisible(info is not None)
