"""The source panes, side by side, one per source of the current article."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QWidget

from sidebyside.core.document import Document
from sidebyside.store.records import DocumentInfo, LinkRecord
from sidebyside.ui.source_pane import SourcePane


class SourcesArea(QStackedWidget):
    link_state_chosen = Signal(int, str)
    passage_linked = Signal(int, object)
    edit_requested = Signal(int)
    replace_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._empty = QLabel(
            self.tr(
                "No sources yet.\n\nAdd the documents this article cites with "
                "File → Add source… (Ctrl+Shift+O), or drop their files here."
            )
        )
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._splitter = QSplitter(Qt.Orientation.Horizontal)
        self._splitter.setChildrenCollapsible(False)
        self.addWidget(self._empty)
        self.addWidget(self._splitter)
        self.panes: list[SourcePane] = []

    def set_sources(self, sources: list[tuple[DocumentInfo, Document]]) -> None:
        for pane in self.panes:
            pane.setParent(None)
            pane.deleteLater()
        self.panes = []
        for info, document in sources:
            pane = SourcePane(info, document)
            pane.link_state_chosen.connect(self.link_state_chosen)
            pane.passage_linked.connect(self.passage_linked)
            pane.edit_requested.connect(self.edit_requested)
            pane.replace_requested.connect(self.replace_requested)
            self._splitter.addWidget(pane)
            self.panes.append(pane)
        if self.panes:
            self._splitter.setSizes([1000] * len(self.panes))
        self.setCurrentWidget(self._splitter if self.panes else self._empty)

    def show_links(self, links: list[LinkRecord] | None) -> None:
        """Each pane shows its own source's links; None means no claim is selected."""
        for pane in self.panes:
            mine = [link for link in links or [] if link.source_id == pane.info.id]
            pane.show_links(mine, claim_selected=links is not None)

    def pane_for(self, source_id: int) -> SourcePane | None:
        return next((pane for pane in self.panes if pane.info.id == source_id), None)

    def focused_pane(self) -> SourcePane | None:
        widget = self.focusWidget()
        while widget is not None and not isinstance(widget, SourcePane):
            widget = widget.parentWidget()
        return widget
