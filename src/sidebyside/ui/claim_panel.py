"""The selected claim: its text with differences marked, its verdict, and the reader's notes.

Notes are saved as the reader types (debounced), and flushed at once when the
claim changes or the window closes, so a crash loses at most the last moment. Beside
them, when the reader asks for it, a preview shows the notes formatted.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sidebyside.core.provenance import NO_PROVENANCE, Provenance
from sidebyside.core.verdicts import Verdict
from sidebyside.records import ClaimRecord, LinkRecord, SuggestionRecord
from sidebyside.ui.claim_list import review_request
from sidebyside.ui.focus_frame import frame_focus, paint_focus_ring
from sidebyside.ui.note_preview import NotePreview
from sidebyside.ui.palette import current_highlights
from sidebyside.ui.provenance_line import ProvenanceLine
from sidebyside.ui.tag_field import TagField

NOTE_SAVE_DELAY_MS = 250
PREVIEW_DELAY_MS = 120  # the preview follows typing without rendering every keystroke


CHOOSING_KEYS = (
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
)


class JudgementBox(QComboBox):
    """A box holding the reader's judgement changes only by a deliberate act: the mouse wheel
    passing over it does nothing unless the box has the keyboard focus (clicked or tabbed
    into), so scrolling the panel never turns "Supported" into "Contradicted"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel alone gives no focus

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # the panel behind it may scroll instead

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        paint_focus_ring(self)  # the keys change the verdict: where they go must show

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """An arrow or a letter opens the list rather than changing the verdict in place:
        the reader sees the choice before making it (a stray Up after Ctrl+Tab otherwise
        turned "Unverifiable" into "Misattributed" unseen)."""
        chooses = event.key() in CHOOSING_KEYS or (
            event.text().strip() != ""
            and not event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        )
        if chooses:
            self.showPopup()
            return
        super().keyPressEvent(event)


class ClaimPanel(QWidget):
    verdict_chosen = Signal(int, object)  # claim id, Verdict
    note_edited = Signal(int, str)  # claim id, full text (already debounced)
    review_marked = Signal(int)  # claim id: its verdict still holds for its changed words
    tags_edited = Signal(int, object)  # claim id, the tags (tuple[str, ...]) it should carry
    # A step of the claim's chain chosen: document id, and its passage (start, end) or -1, -1
    chain_step_chosen = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._claim: ClaimRecord | None = None
        self._loading = False
        self._links_found = False
        self._primary_links: list[LinkRecord] = []
        self._suggestion: SuggestionRecord | None = None
        self._titles: dict[int, str] = {}
        self._read_only = False

        self._claim_text = QLabel()
        self._claim_text.setWordWrap(True)
        self._claim_text.setTextFormat(Qt.TextFormat.RichText)
        self._claim_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._claim_text.setAccessibleName(self.tr("Selected claim"))
        self._claim_text.setAccessibleDescription(
            self.tr("The claim's words; what differs from its sources is underlined")
        )

        # A newer version changed the claim's words since its verdict: both texts, and the
        # reader's way to say the verdict still holds (setting a verdict does too).
        self._review = QLabel()
        self._review.setObjectName("review_request")
        self._review.setWordWrap(True)
        self._review.setTextFormat(Qt.TextFormat.PlainText)
        self._review.setStyleSheet("QLabel { font-weight: bold; }")
        self._review.setAccessibleName(self.tr("Changed since your verdict"))
        self._review.setAccessibleDescription(
            self.tr("The claim's old and new words; its verdict was given for the old ones.")
        )
        self.mark_reviewed = QPushButton(self.tr("Mark as Reviewed"))
        self.mark_reviewed.setToolTip(
            self.tr("The verdict still holds for the new words (Ctrl+Z undoes it)")
        )
        self.mark_reviewed.setAccessibleDescription(
            self.tr("Keep the verdict for the claim's new words and remove the flag")
        )
        self.mark_reviewed.clicked.connect(self._on_mark_reviewed_clicked)
        review_row = QHBoxLayout()
        review_row.setContentsMargins(0, 0, 0, 0)
        review_row.addWidget(self._review, 1)
        review_row.addWidget(self.mark_reviewed)

        self.verdict = JudgementBox()
        for verdict in Verdict:
            self.verdict.addItem(self.tr(verdict.label), verdict.value)
        self.verdict.setAccessibleName(self.tr("Verdict"))
        self.verdict.setAccessibleDescription(
            self.tr("Your verdict on the selected claim; Ctrl+0 to Ctrl+6 set it from anywhere")
        )
        self.verdict.currentIndexChanged.connect(self._on_verdict_currentIndexChanged)

        self.tags = TagField()
        self.tags.tags_edited.connect(self._on_tags_tags_edited)

        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)  # Tab leaves the note; it is never typed into it
        frame_focus(self.notes)
        self.notes.setPlaceholderText(self.tr("Notes on this claim (Markdown). Saved as you type."))
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setAccessibleDescription(
            self.tr("Your notes on the selected claim, in Markdown, saved as you type")
        )
        self.notes.textChanged.connect(self._on_notes_textChanged)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._emit_note)
        self.notes_preview = NotePreview()
        self.notes_preview.setVisible(False)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._show_preview)

        self._citation = QLabel()
        self._citation.setWordWrap(True)
        self._citation.setTextFormat(Qt.TextFormat.PlainText)

        # Who said it first: each step a link to that document at its passage.
        self._chain = ProvenanceLine()
        self._chain.step_chosen.connect(self.chain_step_chosen)

        # What the passages suggest: shown, never applied until the reader says so.
        self._suggested = QLabel()
        self._suggested.setWordWrap(True)
        self._suggested.setTextFormat(Qt.TextFormat.RichText)
        self._suggested.setAccessibleName(self.tr("Suggested verdict"))
        self.accept_suggestion = QPushButton(self.tr("Use suggestion"))
        self.accept_suggestion.setToolTip(
            self.tr("Set the verdict the passages suggest (Ctrl+Z undoes it)")
        )
        self.accept_suggestion.clicked.connect(self._on_accept_suggestion_clicked)
        suggestion_row = QHBoxLayout()
        suggestion_row.setContentsMargins(0, 0, 0, 0)
        suggestion_row.addWidget(self._suggested, 1)
        suggestion_row.addWidget(self.accept_suggestion)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        # Alt+T: Alt+V belongs to the View menu, and a Down arrow after it would change the verdict
        form.addRow(self.tr("Verdic&t:"), self.verdict)
        form.addRow(self.tr("Ta&gs:"), self.tags)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self._claim_text)
        layout.addLayout(review_row)
        layout.addWidget(self._citation)
        layout.addWidget(self._chain)
        layout.addLayout(suggestion_row)
        layout.addLayout(form)
        self._notes_splitter = QSplitter(Qt.Orientation.Horizontal)
        self._notes_splitter.addWidget(self.notes)
        self._notes_splitter.addWidget(self.notes_preview)
        self._notes_splitter.setChildrenCollapsible(False)
        layout.addWidget(self._notes_splitter, 1)
        self.show_claim(None, "")

    @property
    def claim(self) -> ClaimRecord | None:
        return self._claim

    def show_claim(
        self, claim: ClaimRecord | None, note: str, links: Sequence[LinkRecord] = ()
    ) -> None:
        self.flush_note()
        self.tags.flush(choosing=False)  # typed but not yet entered: kept for the old claim
        self._loading = True
        self._claim = claim
        self._links_found = False
        self._citation.setText("")
        self._suggestion = None
        self._show_chain(NO_PROVENANCE)
        self._show_suggestion_row({})
        self._show_review_row()
        enabled = claim is not None
        self.verdict.setEnabled(enabled and not self._read_only)
        self.tags.setEnabled(enabled and not self._read_only)
        self.tags.show_tags(claim.tags if claim is not None else ())
        self.notes.setEnabled(enabled)
        if claim is None:
            self._claim_text.setText(
                "<i>" + self.tr("Select a claim in the list or the article.") + "</i>"
            )
            self.verdict.setCurrentIndex(0)
            self.notes.setPlainText("")
        else:
            self._claim_text.setText(_claim_html(claim, list(links)))
            self.verdict.setCurrentIndex(self.verdict.findData(claim.verdict.value))
            self.notes.setPlainText(note)
        self._loading = False

    def set_known_tags(self, tags: Sequence[str]) -> None:
        """The tags the workspace uses, offered as the reader types one."""
        self.tags.set_known_tags(tags)

    def _on_tags_tags_edited(self, tags: tuple[str, ...]) -> None:
        if self._claim is not None and not self._read_only:
            self.tags_edited.emit(self._claim.id, tags)

    def update_links(self, links: list[LinkRecord]) -> None:
        self._links_found = bool(links)
        self._primary_links = list(links)
        if self._claim is not None:
            self._claim_text.setText(_claim_html(self._claim, links))

    @property
    def suggestion_text(self) -> str:
        return self._suggested.text()

    def set_read_only(self, read_only: bool) -> None:
        """A read-only workspace: the verdict and note are shown, not edited."""
        self._read_only = read_only
        self.verdict.setEnabled(not read_only)
        self.tags.setEnabled(not read_only)
        self.mark_reviewed.setEnabled(not read_only)
        self.notes.setReadOnly(read_only)
        if read_only:
            self.notes.setPlaceholderText(self.tr("No notes (the workspace is read-only)."))

    def show_suggestion(self, suggestion: SuggestionRecord | None, titles: dict[int, str]) -> None:
        """The verdict the claim's passages suggest, with who really said it."""
        self._suggestion = suggestion
        self._titles = dict(titles)
        self._show_suggestion_row(titles)

    def show_provenance(self, provenance: Provenance, titles: dict[int, str]) -> None:
        """The claim's chain of attributions, and where its wording first appears."""
        self._show_chain(provenance, titles)
        self._show_suggestion_row(titles)

    @property
    def chain_text(self) -> str:
        """The chain and first-appearance lines as the reader reads them; "" when none."""
        return self._chain.plain_text(self._titles)

    def _show_chain(self, provenance: Provenance, titles: dict[int, str] | None = None) -> None:
        if titles is not None:
            self._titles = dict(titles)
        self._chain.show_provenance(provenance, self._titles, self._claim is not None)

    def choose_chain_step(self, index: int) -> None:
        """Show the document of the chain's `index`-th step at its passage."""
        self._chain.choose_step(index)

    def _show_suggestion_row(self, titles: dict[int, str]) -> None:
        suggestion = self._suggestion
        verdict = suggestion.verdict if suggestion is not None else None
        if self._claim is None or suggestion is None or verdict is None:
            self._suggested.setText("")
            self._suggested.setVisible(False)
            self.accept_suggestion.setVisible(False)
            return
        text = self.tr("Passages suggest: <b>{0}</b>").format(self.tr(verdict.label))
        if suggestion.wording_of is not None:
            names = {str(key): name for key, name in (titles or self._titles).items()}
            text += "<br>" + _escape(
                self._chain.provenance.credit_line(
                    [str(key) for key in suggestion.credited], str(suggestion.wording_of), names
                )
            )
        self._suggested.setText(text)
        self._suggested.setVisible(True)
        self.accept_suggestion.setVisible(True)
        self.accept_suggestion.setEnabled(not self._read_only and self._claim.verdict != verdict)

    @property
    def review_text(self) -> str:
        """The line asking for the verdict to be checked again; "" when none is shown."""
        return self._review.text() if self._review.isVisibleTo(self) else ""

    def _show_review_row(self) -> None:
        text = review_request(self._claim) if self._claim is not None else ""
        self._review.setText(text)
        self._review.setVisible(bool(text))
        self.mark_reviewed.setVisible(bool(text))

    def _on_mark_reviewed_clicked(self) -> None:
        if self._claim is not None:
            self.review_marked.emit(self._claim.id)

    def _on_accept_suggestion_clicked(self) -> None:
        suggestion = self._suggestion
        if self._claim is not None and suggestion is not None and suggestion.verdict:
            self.verdict_chosen.emit(self._claim.id, suggestion.verdict)

    def show_citation(self, cited_titles: list[str], named: bool, has_sources: bool) -> None:
        """One line on where the claim points and whether anything attached supports it."""
        if self._claim is None:
            self._citation.setText("")
            return
        if cited_titles:
            text = self.tr("Cites: {0}.").format("; ".join(cited_titles))
        elif named:
            text = self.tr("Cites a source that is not attached (see Missing sources).")
        elif has_sources:
            text = self.tr("Names no source; all attached sources were searched.")
        else:
            text = self.tr("Names no source.")
        if not has_sources:
            text += " " + self.tr("No sources are attached yet.")
        elif not self._links_found:
            text += " " + self.tr("Nothing in the attached sources bears on it.")
        self._citation.setText(text)

    def set_verdict_shown(self, claim: ClaimRecord) -> None:
        """The claim after its verdict (or its tags) changed in place."""
        self._loading = True
        self._claim = claim
        self.verdict.setCurrentIndex(self.verdict.findData(claim.verdict.value))
        self.tags.show_tags(claim.tags)
        self._claim_text.setText(_claim_html(claim, self._primary_links))
        self._show_review_row()
        if self._suggestion is not None and self._suggestion.verdict is not None:
            self.accept_suggestion.setEnabled(claim.verdict != self._suggestion.verdict)
        self._loading = False

    def flush_note(self) -> None:
        """Save a pending note edit now (claim change, window close)."""
        if self._save_timer.isActive():
            self._save_timer.stop()
            self._emit_note()

    def _emit_note(self) -> None:
        if self._claim is not None:
            self.note_edited.emit(self._claim.id, self.notes.toPlainText())

    def _on_verdict_currentIndexChanged(self, index: int) -> None:
        if not self._loading and self._claim is not None:
            self.verdict_chosen.emit(self._claim.id, Verdict(self.verdict.itemData(index)))

    @property
    def preview_shown(self) -> bool:
        return not self.notes_preview.isHidden()

    def set_preview_shown(self, shown: bool) -> None:
        """Show or hide the formatted notes beside the text (also when read-only)."""
        if shown and not self.preview_shown:
            self._show_preview()
            half = max(1, self._notes_splitter.width() // 2)
            self._notes_splitter.setSizes([half, half])
        self.notes_preview.setVisible(shown)

    def _show_preview(self) -> None:
        self._preview_timer.stop()
        self.notes_preview.show_note(self.notes.toPlainText())

    def _on_notes_textChanged(self) -> None:
        if self.preview_shown:
            if self._loading:
                self._show_preview()  # another claim: its notes at once, not the last one's
            else:
                self._preview_timer.start()
        if not self._loading and self._claim is not None:
            self._save_timer.start()


def _claim_html(claim: ClaimRecord, links: list[LinkRecord]) -> str:
    """The claim with each difference's words underlined in red."""
    marks: list[tuple[int, int]] = sorted(
        {
            (d.claim_start, d.claim_end)
            for link in links
            if link.state != "rejected"
            for d in link.differences
            if d.claim_start is not None and d.claim_end is not None
        }
    )
    text = claim.text
    colour = current_highlights().difference.name()
    pieces: list[str] = []
    cursor = 0
    for start, end in marks:
        if start < cursor or end > len(text):
            continue
        pieces.append(_escape(text[cursor:start]))
        pieces.append(
            f"<span style='text-decoration: underline; color:{colour}'>"
            f"{_escape(text[start:end])}</span>"
        )
        cursor = end
    pieces.append(_escape(text[cursor:]))
    origin = (
        "Your claim"
        if claim.origin == "reader"
        else "Suggested claim — awaiting your decision (Ctrl+Return accepts)"
        if claim.is_pending_suggestion
        else "Suggested claim — accepted"
    )
    return f"<small>{origin}</small><br><b>{''.join(pieces)}</b>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
