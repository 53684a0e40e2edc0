"""The reader's notes on a whole article or source, in a small window of their own.

Typed notes are saved as the reader types (debounced, like a claim's notes) and flushed
when the window closes; the window's `NoteSaver` for documents keeps any it cannot write.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from sidebyside.operations import ArticleSession
from sidebyside.records import DocumentInfo
from sidebyside.ui.claim_panel import NOTE_SAVE_DELAY_MS
from sidebyside.ui.focus_frame import frame_focus
from sidebyside.ui.note_saver import NoteSaver


class DocumentNotesDialog(QDialog):
    note_edited = Signal(int, str)  # document id, full text (already debounced)

    def __init__(
        self, info: DocumentInfo, note: str, *, read_only: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("document_notes")
        self.info = info
        title = info.title or info.original_name
        what = self.tr("article") if info.role == "article" else self.tr("source")
        self.setWindowTitle(self.tr("Notes on “{0}”").format(title))
        heading = QLabel(self.tr("Your notes on this {0} as a whole (Markdown):").format(what))
        heading.setWordWrap(True)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        frame_focus(self.notes)
        self.notes.setPlainText(note)
        self.notes.setReadOnly(read_only)
        self.notes.setPlaceholderText(
            self.tr("No notes (the workspace is read-only).")
            if read_only
            else self.tr("Notes on this {0}. Saved as you type.").format(what)
        )
        self.notes.setAccessibleName(self.tr("Notes on this {0}").format(what))
        self.notes.setAccessibleDescription(
            self.tr("Your notes on {0}, in Markdown, saved as you type").format(title)
        )
        heading.setBuddy(self.notes)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._emit_note)
        self.notes.textChanged.connect(self._on_notes_textChanged)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.notes, 1)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.finished.connect(lambda _result: self.flush_note())
        self.resize(520, 360)

    def flush_note(self) -> None:
        """Save a pending edit now (the window closes, or the main window does)."""
        if self._save_timer.isActive():
            self._save_timer.stop()
            self._emit_note()

    def _emit_note(self) -> None:
        self.note_edited.emit(self.info.id, self.notes.toPlainText())

    def _on_notes_textChanged(self) -> None:
        if not self.notes.isReadOnly():
            self._save_timer.start()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.flush_note()
        super().closeEvent(event)


class DocumentNotes(QObject):
    """Opens the notes window of a document (one per document) and saves what is typed."""

    def __init__(self, session: ArticleSession, status_bar: QStatusBar, window: QWidget) -> None:
        super().__init__(window)
        self._session = session
        self._window = window
        self._status_bar = status_bar
        self.saver = NoteSaver(session, status_bar, self, documents=True)
        self._open: dict[int, DocumentNotesDialog] = {}

    def restore_unsaved(self) -> int:
        return self.saver.restore_unsaved()

    @property
    def has_unsaved(self) -> bool:
        return self.saver.has_unsaved

    def open(self, document_id: int) -> DocumentNotesDialog:
        """Show the notes on this article or source (raised, if open already)."""
        dialog = self._open.get(document_id)
        if dialog is None:
            info = self._session.document_info(document_id)
            dialog = DocumentNotesDialog(
                info,
                self.saver.note_of(document_id),
                read_only=self._session.read_only,
                parent=self._window,
            )
            dialog.note_edited.connect(self._on_dialog_note_edited)
            dialog.destroyed.connect(lambda _obj=None, key=document_id: self._open.pop(key, None))
            self._open[document_id] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def flush(self) -> None:
        """Save what every open notes window holds (the main window is closing)."""
        for dialog in list(self._open.values()):
            dialog.flush_note()

    def close_all(self) -> None:
        for dialog in list(self._open.values()):
            dialog.close()

    def _on_dialog_note_edited(self, document_id: int, text: str) -> None:
        if not self._session.document_exists(document_id):
            return  # removed from the workspace while its notes were open: nothing to keep
        if self.saver.save(document_id, text):
            self._status_bar.showMessage(self.tr("Note saved."), 1500)
