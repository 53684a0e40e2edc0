"""Find in one pane: the bar under an article or source, as in a browser or an editor.

It finds as the reader types, marks every hit, counts them, and steps with Enter, F3 and
Shift+F3. The hit stepped to is selected in the text, so Copy copies it and Ctrl+L links
it to the selected claim. Escape closes the bar and gives the keys back to the text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from sidebyside import operations
from sidebyside.core.spans import Span
from sidebyside.ui.buttons import flat_button
from sidebyside.ui.document_view import DocumentView, highlight_format
from sidebyside.ui.palette import current_highlights
from sidebyside.ui.window_keys import window_keys_first

LONGEST_PREFILL = 80  # a selection longer than this is not what the reader wants to find


class FindBar(QWidget):
    def __init__(self, view: DocumentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self._hits: list[Span] = []
        self._current = -1
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Find in this document"))
        self.field.setAccessibleName(self.tr("Find"))
        self.field.setAccessibleDescription(
            self.tr("Words to find; Enter or F3 goes to the next, Shift+F3 to the previous")
        )
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._on_field_textChanged)
        self.field.installEventFilter(self)
        window_keys_first(self.field)
        self._count = QLabel()
        self._count.setMinimumWidth(90)
        self._count.setAccessibleName(self.tr("Matches found"))
        self._previous = self._button("▲", self.tr("Previous match (Shift+F3)"))
        self._next = self._button("▼", self.tr("Next match (F3)"))
        self._close = self._button("✕", self.tr("Close the find bar (Escape)"))
        self._previous.clicked.connect(lambda: self.step(-1))
        self._next.clicked.connect(lambda: self.step(1))
        self._close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self._count)
        for button in (self._previous, self._next, self._close):
            layout.addWidget(button)
        view.document_changed.connect(self._on_view_document_changed)
        self.setVisible(False)

    def _button(self, text: str, tip: str) -> QToolButton:
        return flat_button(self, text, tip, takes_focus=False)  # the field's keys do this

    @property
    def hits(self) -> list[Span]:
        return list(self._hits)

    @property
    def current_hit(self) -> Span | None:
        return self._hits[self._current] if 0 <= self._current < len(self._hits) else None

    @property
    def count_text(self) -> str:
        return self._count.text()

    def open(self) -> None:
        """Show the bar with the keys in its field: the words selected in the text, if any,
        are what is looked for."""
        selected = self.view.textCursor().selectedText().strip()
        self.setVisible(True)
        if selected and len(selected) <= LONGEST_PREFILL and "\u2029" not in selected:
            self.field.setText(selected)
        else:
            self._search(from_offset=self.view.first_visible_offset())
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and its marks; the hit stepped to stays selected in the text."""
        self.setVisible(False)
        self.view.set_layers({"found": [], "found_current": []})
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def step(self, delta: int) -> None:
        """Go to the next (1) or previous (-1) hit, round the end of the text."""
        if not self.isVisible():
            self.open()
            return
        if not self._hits:
            return
        self._current = (self._current + delta) % len(self._hits)
        self._show_current()

    # -- searching -------------------------------------------------------------------

    def _search(self, *, from_offset: int) -> None:
        document = self.view.document_shown
        query = self.field.text()
        self._hits = operations.find_all(document.text, query) if document is not None else []
        self._current = next(
            (index for index, hit in enumerate(self._hits) if hit.start >= from_offset),
            0 if self._hits else -1,
        )
        found = highlight_format(current_highlights().found)
        self.view.set_layer("found", [(hit, found) for hit in self._hits])
        self._show_current()
        self._count.setStyleSheet("")
        if not query.strip():
            self._count.setText("")
        elif not self._hits:
            self._count.setText(self.tr("No matches"))
            self._count.setStyleSheet(f"color: {current_highlights().difference.name()}")

    def _show_current(self) -> None:
        hit = self.current_hit
        if hit is None:
            self.view.set_layer("found_current", [])
            cursor = self.view.textCursor()
            cursor.clearSelection()  # an old hit left selected would be linked by Ctrl+L
            self.view.setTextCursor(cursor)
            return
        current = highlight_format(current_highlights().found_current)
        self.view.set_layer("found_current", [(hit, current)])
        self.view.select_span(hit)
        more = "+" if len(self._hits) >= operations.MAX_HITS else ""
        self._count.setText(
            self.tr("{0} of {1}{2}").format(self._current + 1, len(self._hits), more)
        )

    def _on_field_textChanged(self, _text: str) -> None:
        # as the reader types, stay at the hit shown (or the next one), not the first
        hit = self.current_hit
        self._search(from_offset=hit.start if hit else self.view.first_visible_offset())

    def _on_view_document_changed(self) -> None:
        """Another source in this pane: find the same words in it."""
        if self.isVisible():
            self._search(from_offset=0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shifted = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.step(-1 if shifted else 1)
                return True
        return super().eventFilter(watched, event)
