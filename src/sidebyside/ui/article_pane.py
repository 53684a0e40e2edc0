"""The article, rendered, with its claims highlighted; select words to mark a new claim."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QFrame, QMenu, QToolButton, QVBoxLayout, QWidget

from sidebyside.core.document import Document
from sidebyside.core.spans import Span
from sidebyside.records import ClaimRecord, DocumentInfo
from sidebyside.ui.document_header import DocumentHeader
from sidebyside.ui.document_view import DocumentView, highlight_format, underline_format
from sidebyside.ui.find_bar import FindBar
from sidebyside.ui.palette import current_highlights


class ArticlePane(QFrame):
    claim_clicked = Signal(int)  # claim id
    notes_requested = Signal(int)  # article id: the reader asks for the notes on the article

    def __init__(self, context_actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._context_actions = context_actions
        self._claims: list[ClaimRecord] = []
        self._revealed: ClaimRecord | None = None
        self._info: DocumentInfo | None = None
        self._header = DocumentHeader()
        self._header.notes_requested.connect(self._request_notes)
        self.view = DocumentView(self)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_view_customContextMenuRequested)
        self.view.cursorPositionChanged.connect(self._on_view_cursorPositionChanged)
        self.view.setAccessibleName(self.tr("Article"))
        self.view.setAccessibleDescription(
            self.tr("The article's text with its claims highlighted; select words to mark a claim")
        )
        self.find_bar = FindBar(self.view, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self._header)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)

    def show_article(self, info: DocumentInfo | None, document: Document | None) -> None:
        self._revealed = None
        self._info = info
        self._header.show_document(info)
        self.view.show_document(document)

    def show_claims(self, claims: list[ClaimRecord]) -> None:
        """Highlight every claim: suggestions awaiting a decision in one colour, the rest in
        another. Dismissed and orphaned claims are not in the text."""
        colours = current_highlights()
        pending = highlight_format(colours.suggested_claim)
        decided = highlight_format(colours.reader_claim)
        self._claims = [claim for claim in claims if not claim.dismissed and not claim.orphaned]
        self.view.set_layer(
            "claims",
            [
                (Span(claim.start, claim.end), pending if claim.is_pending_suggestion else decided)
                for claim in self._claims
            ],
        )

    def focus_claim(self, claim: ClaimRecord | None) -> None:
        if claim is None or claim.orphaned or claim.dismissed:
            self.view.clear_layer("focus")
            return
        colour = current_highlights().focused_claim
        self.view.set_layer("focus", [(Span(claim.start, claim.end), highlight_format(colour))])

    def show_differences(self, claim: ClaimRecord | None, spans: list[Span]) -> None:
        if claim is None:
            self.view.clear_layer("differences")
            return
        colour = current_highlights().difference
        self.view.set_layer(
            "differences", [(span.shifted(claim.start), underline_format(colour)) for span in spans]
        )

    def reveal(self, claim: ClaimRecord) -> None:
        self._revealed = claim
        if not claim.orphaned:
            self.view.scroll_to(Span(claim.start, claim.end))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Keep the selected claim in view when the pane changes size."""
        super().resizeEvent(event)
        if self._revealed is not None:
            self.reveal(self._revealed)

    def _on_view_customContextMenuRequested(self, position) -> None:  # type: ignore[no-untyped-def]
        menu = QMenu(self)
        copy = QAction(self.tr("Copy"), menu)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setEnabled(self.view.textCursor().hasSelection())
        copy.triggered.connect(self.view.copy)
        menu.addAction(copy)
        for action in self._context_actions:
            menu.addAction(action)
        if self._info is not None:
            menu.addSeparator()
            notes = QAction(self.tr("Notes on This Article…"), menu)
            notes.triggered.connect(self._request_notes)
            menu.addAction(notes)
        menu.exec(self.view.viewport().mapToGlobal(position))

    @property
    def notes_button(self) -> QToolButton:
        """The header's button that opens the notes on this document."""
        return self._header.notes_button

    def _request_notes(self) -> None:
        if self._info is not None:
            self.notes_requested.emit(self._info.id)

    def _on_view_cursorPositionChanged(self) -> None:
        """A click inside a highlighted claim (without selecting words) selects that claim."""
        cursor = self.view.textCursor()
        if cursor.hasSelection():
            return
        offset = self.view.canonical_offset_at(cursor.position())
        for claim in self._claims:
            if claim.start <= offset < claim.end and not claim.orphaned:
                self.claim_clicked.emit(claim.id)
                return
