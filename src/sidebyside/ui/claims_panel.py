"""The claim list with its filters: by verdict, by cited source, by tag, by words."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sidebyside.core.citations import MissingSource
from sidebyside.core.verdicts import Verdict, verdict_summary
from sidebyside.records import ClaimRecord, DocumentInfo
from sidebyside.ui.claim_list import UNTAGGED, ClaimFilterModel, ClaimListModel, ClaimRole
from sidebyside.ui.focus_frame import frame_focus
from sidebyside.ui.missing_sources import MissingSourcesBox
from sidebyside.ui.window_keys import window_keys_first

SCROLL_TRIES = 20
SCROLL_RETRY_MS = 25


class ClaimsPanel(QWidget):
    claim_selected = Signal(object)  # ClaimRecord or None
    show_dismissed_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ClaimListModel(self)
        self.proxy = ClaimFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self._count = QLabel()
        self._count.setObjectName("claim_count")
        self._count.setWordWrap(True)
        self._verdict = QComboBox()
        self._verdict.addItem(self.tr("All verdicts"), None)
        for verdict in Verdict:
            self._verdict.addItem(self.tr(verdict.label), verdict.value)
        self._verdict.setAccessibleName(self.tr("Show claims with verdict"))
        self._verdict.setAccessibleDescription(self.tr("List only the claims with this verdict"))
        self._verdict.currentIndexChanged.connect(
            lambda: self.proxy.set_verdict(self._verdict.currentData())
        )
        self._source = QComboBox()
        self._source.setAccessibleName(self.tr("Show claims citing source"))
        self._source.setAccessibleDescription(self.tr("List only the claims that cite this source"))
        self._source.currentIndexChanged.connect(
            lambda: self.proxy.set_source(self._source.currentData())
        )
        self._tag = QComboBox()
        self._tag.setAccessibleName(self.tr("Show claims with tag"))
        self._tag.setAccessibleDescription(self.tr("List only the claims carrying this tag"))
        self._tag.currentIndexChanged.connect(lambda: self.proxy.set_tag(self._tag.currentData()))
        self._show_dismissed = QCheckBox(self.tr("Show dismissed"))
        self._show_dismissed.setToolTip(self.tr("List the claims you dismissed too"))
        self._show_dismissed.toggled.connect(self.show_dismissed_changed)
        self._words = QLineEdit()
        self._words.setPlaceholderText(self.tr("Filter claims…"))
        self._words.setClearButtonEnabled(True)
        window_keys_first(self._words)
        self._words.setAccessibleName(self.tr("Filter claims"))
        self._words.setAccessibleDescription(
            self.tr("List only the claims holding these words (Ctrl+F in the list comes here)")
        )
        self._words.textChanged.connect(self.proxy.set_words)
        self.view = QListView()
        self.view.setModel(self.proxy)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        # Wrapped rows have different heights; laying out a thousand of them at once
        # would stall the first show, so Qt lays them out in batches.
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(50)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        frame_focus(self.view)
        self.view.setAccessibleName(self.tr("Claims"))
        self.view.setAccessibleDescription(
            self.tr("The article's claims with their verdicts; Alt+Up and Alt+Down step through")
        )
        self.view.selectionModel().currentChanged.connect(self._on_selection_currentChanged)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.proxy.filter_changed.connect(self._keep_current_in_view)

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self._verdict)
        filters.addWidget(self._source)
        filters.addWidget(self._tag)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        header = QHBoxLayout()
        header.addWidget(self._count, 1)
        header.addWidget(self._show_dismissed)
        layout.addLayout(header)
        layout.addLayout(filters)
        layout.addWidget(self._words)
        self.missing = MissingSourcesBox()
        self.missing.show_claims_requested.connect(self.show_claims_mentioning)
        self._missing_shown = 0
        self._scroll_tries = 0
        self._lists = lists = QSplitter(Qt.Orientation.Vertical)  # the reader decides
        lists.addWidget(self.view)
        lists.addWidget(self.missing)
        lists.setStretchFactor(0, 3)
        lists.setStretchFactor(1, 1)
        lists.setChildrenCollapsible(False)
        layout.addWidget(lists, 1)
        self.set_sources([])
        self._show_tags()

    def _show_tags(self) -> None:
        """The tag filter offers the tags of the claims listed; the choice stays if it can."""
        chosen = self._tag.currentData()
        tags = sorted(
            {tag.casefold(): tag for claim in self.model.claims for tag in claim.tags}.values(),
            key=str.casefold,
        )
        self._tag.blockSignals(True)
        self._tag.clear()
        self._tag.addItem(self.tr("All tags"), None)
        for tag in tags:
            self._tag.addItem(self.tr("Tag: {0}").format(tag), tag)
        self._tag.addItem(self.tr("No tag"), UNTAGGED)
        index = self._tag.findData(chosen) if chosen is not None else 0
        self._tag.setCurrentIndex(max(index, 0))
        self._tag.blockSignals(False)
        if index < 0:
            self.proxy.set_tag(None)  # its last claim lost the tag: show them all again

    def set_sources(self, sources: list[DocumentInfo]) -> None:
        self._source.blockSignals(True)
        self._source.clear()
        self._source.addItem(self.tr("All sources"), None)
        for source in sources:
            self._source.addItem(
                self.tr("Citing: {0}").format(source.title or source.original_name), source.id
            )
        self._source.blockSignals(False)
        self.proxy.set_source(None)

    def set_citations(self, cited: dict[int, tuple[int, ...]]) -> None:
        self.proxy.set_citations(cited)

    def show_missing(self, missing: tuple[MissingSource, ...]) -> None:
        """The cited sources not attached, given room for their first few names (when
        their number changes; otherwise the split the reader chose stays)."""
        self.missing.show_missing(missing)
        if missing and len(missing) != self._missing_shown:
            total = sum(self._lists.sizes())
            if total > 0:
                wanted = min(self.missing.sizeHint().height(), total // 3)
                self._lists.setSizes([total - wanted, wanted])
        self._missing_shown = len(missing)

    @property
    def shows_dismissed(self) -> bool:
        return self._show_dismissed.isChecked()

    def set_shows_dismissed(self, shown: bool) -> None:
        self._show_dismissed.setChecked(shown)

    def focus_filter(self) -> None:
        """Ctrl+F in the claim list: type to filter the claims."""
        self._words.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._words.selectAll()

    def show_claims_mentioning(self, words: str) -> None:
        self._verdict.setCurrentIndex(0)
        self._source.setCurrentIndex(0)
        self._tag.setCurrentIndex(0)
        self._words.setText(words)

    def show_claims_tagged(self, tag: str | None) -> None:
        """Filter the list by a tag (None: every claim), as the tag box does."""
        index = self._tag.findData(tag) if tag is not None else 0
        self._tag.setCurrentIndex(max(index, 0))

    def set_claims(self, claims: list[ClaimRecord], keep_id: int | None = None) -> None:
        self.view.selectionModel().blockSignals(True)
        self.model.set_claims(claims)
        self.view.selectionModel().blockSignals(False)
        self._show_tags()
        self._update_count()
        if keep_id is not None:
            self.select(keep_id)

    def update_claim(self, claim: ClaimRecord) -> None:
        self.model.update_claim(claim)
        self._show_tags()
        self._update_count()  # the verdict counts changed

    def select(self, claim_id: int) -> bool:
        row = self.model.row_of(claim_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row))
        if not index.isValid():  # hidden by a filter: show everything again
            self._verdict.setCurrentIndex(0)
            self._source.setCurrentIndex(0)
            self._tag.setCurrentIndex(0)
            self._words.clear()
            index = self.proxy.mapFromSource(self.model.index(row))
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.view.scrollTo(index)
        return True

    def claims_after(self, claim_id: int, count: int = 3) -> list[ClaimRecord]:
        """The claims listed after this one (as filtered now): where Alt+Down goes next."""
        row = self.proxy.mapFromSource(self.model.index(self.model.row_of(claim_id), 0)).row()
        if row < 0:
            return []
        return [
            self.proxy.index(next_row, 0).data(ClaimRole)
            for next_row in range(row + 1, min(row + 1 + count, self.proxy.rowCount()))
        ]

    def current_claim(self) -> ClaimRecord | None:
        index = self.view.currentIndex()
        return index.data(ClaimRole) if index.isValid() else None

    def step(self, delta: int) -> None:
        """Select the next or previous claim in the (filtered) list."""
        rows = self.proxy.rowCount()
        if not rows:
            return
        current = self.view.currentIndex().row()
        row = 0 if current < 0 else max(0, min(rows - 1, current + delta))
        self.view.selectionModel().setCurrentIndex(
            self.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def _on_selection_currentChanged(self, current, previous) -> None:  # type: ignore[no-untyped-def]
        self.claim_selected.emit(current.data(ClaimRole) if current.isValid() else None)

    def _keep_current_in_view(self) -> None:
        """After a filter changes (cleared, say), the selected claim is scrolled back into
        view rather than left wherever the shorter list had the scroll bar."""
        self._scroll_tries = SCROLL_TRIES
        QTimer.singleShot(0, self, self._scroll_to_current)

    def _scroll_to_current(self) -> None:
        """The list lays out its rows in batches, and cannot scroll past the rows laid out
        so far: try again until the claim is in view (or the tries run out)."""
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.isVisible():
            return
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        in_view = self.view.viewport().rect().intersects(self.view.visualRect(index))
        self._scroll_tries -= 1
        if not in_view and self._scroll_tries > 0:
            QTimer.singleShot(SCROLL_RETRY_MS, self, self._scroll_to_current)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        summary = verdict_summary([claim.verdict for claim in self.model.claims])
        if shown != total:
            summary = self.tr("{0} shown of {1}").format(shown, summary)
        self._count.setText(summary)
        self._count.setToolTip(summary)
