"""Saving the reader's notes, honestly: a note that cannot be written is kept, retried and
shown as not saved, never reported saved.

A failed save (full disk, another program holding the workspace, a read-only file) keeps
the text here and in a recovery file beside the workspace, puts a persistent "Not saved"
banner in the status bar, and retries with growing pauses. Notes left in the recovery file
are written back on the next start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from sidebyside import operations
from sidebyside.operations import ArticleSession

FIRST_RETRY_MS = 1_000
LAST_RETRY_MS = 30_000


class NoteSaver(QObject):
    """The notes on claims, or (`documents`) the notes on whole articles and sources."""

    def __init__(
        self,
        session: ArticleSession,
        status_bar: QStatusBar,
        parent: QObject,
        *,
        documents: bool = False,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._kind = operations.DOCUMENT_NOTES if documents else operations.CLAIM_NOTES
        self._read = session.document_note_of if documents else session.note_of
        self._write = session.save_document_note if documents else session.save_note
        self._exists = session.document_exists if documents else session.claim_exists
        self._status_bar = status_bar
        self._pending: dict[int, str] = {}
        self.kept_in: Path | None = None  # where unsaved notes wait, if anywhere
        self._delay = FIRST_RETRY_MS
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._flush)
        self.banner = QLabel()
        self.banner.setAccessibleName(self.tr("Notes not saved"))
        self.banner.setStyleSheet("QLabel { color: #b00020; font-weight: bold; }")
        self.banner.setVisible(False)
        status_bar.addPermanentWidget(self.banner)

    @property
    def path(self) -> Path:
        return self._session.path

    @property
    def has_unsaved(self) -> bool:
        return bool(self._pending)

    def note_of(self, claim_id: int) -> str:
        """The note as the reader last typed it, saved or not."""
        if claim_id in self._pending:
            return self._pending[claim_id]
        return self._read(claim_id)

    def save(self, claim_id: int, text: str) -> bool:
        self._pending[claim_id] = text
        return self._flush()

    def restore_unsaved(self) -> int:
        """Write back the notes a previous run could not save; how many there were."""
        if self._session.read_only:
            return 0  # they wait in the recovery file until the workspace can be written
        notes = operations.unsaved_notes(self.path, self._kind)
        known = {claim_id for claim_id in notes if self._exists(claim_id)}
        self._pending.update({claim_id: notes[claim_id] for claim_id in known})
        if notes and self._flush():
            operations.forget_unsaved_notes(self.path, self._kind)
        return len(known)

    def _flush(self) -> bool:
        for claim_id, text in list(self._pending.items()):
            reason = self._write(claim_id, text)
            if reason is not None:
                self._failed(reason)
                return False
            del self._pending[claim_id]
        if self.banner.isVisible():
            self.banner.setVisible(False)
            self._status_bar.showMessage(self.tr("Notes saved."), 3000)
            operations.forget_unsaved_notes(self.path, self._kind)
        self._delay = FIRST_RETRY_MS
        return True

    def _failed(self, reason: str) -> None:
        self._status_bar.clearMessage()  # an older "Note saved." must not stand beside it
        self.kept_in = operations.keep_unsaved_notes(self.path, self._pending, self._kind)
        text = self.tr("Not saved: {0}. Retrying…").format(reason)
        if self.kept_in is not None:
            self.banner.setToolTip(
                self.tr("Your text is kept in {0} until it can be saved.").format(self.kept_in)
            )
        else:
            self.banner.setToolTip(
                self.tr("No disk could hold a copy: your text is only in this window.")
            )
        self.banner.setText(text)
        self.banner.setVisible(True)
        self._retry.start(self._delay)
        self._delay = min(2 * self._delay, LAST_RETRY_MS)
