"""The source panes, side by side.

With a few sources every one gets a pane. With a long reading list only the
sources that hold passages for the selected claim get one (best first, at most
`MAX_PANES`), plus any the reader opens by hand; panes are built when first
needed and a handful are kept for quick return.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sidebyside.core.document import Document
from sidebyside.records import DocumentInfo, LinkRecord
from sidebyside.ui.source_pane import SourcePane

MAX_PANES = 4
CACHED_PANES = 12


class SourcesArea(QStackedWidget):
    link_state_chosen = Signal(int, str)
    passage_linked = Signal(int, object)
    edit_requested = Signal(int)
    replace_requested = Signal(int)
    remove_requested = Signal(int)
    notes_requested = Signal(int)  # source id
    panes_built = Signal()  # a new pane joined: the tab order must take it in

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._empty = QLabel(
            self.tr(
                "No sources yet.\n\nAdd the documents this article cites with "
                "File → Add Source… (Ctrl+Shift+O), or drop their files here."
            )
        )
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._summary = QLabel()
        self._other = QComboBox()
        self._other.setAccessibleName(self.tr("Open another source beside these"))
        self._other.setAccessibleDescription(
            self.tr("Show a source that holds no passage for this claim in a pane of its own")
        )
        self._other.activated.connect(self._on_other_activated)
        self._splitter = QSplitter(Qt.Orientation.Horizontal)
        self._splitter.setChildrenCollapsible(False)
        header = QHBoxLayout()
        header.setContentsMargins(4, 0, 4, 0)
        header.addWidget(self._summary, 1)
        header.addWidget(self._other)
        self._header = QWidget()
        self._header.setLayout(header)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._header)
        layout.addWidget(self._splitter, 1)
        self.addWidget(self._empty)
        self.addWidget(page)
        self._sources: list[tuple[DocumentInfo, Document]] = []
        self._panes: OrderedDict[int, SourcePane] = OrderedDict()
        self._pinned: list[int] = []
        self._links: list[LinkRecord] | None = None
        self.read_only = False  # set once, before any source is shown

    @property
    def panes(self) -> list[SourcePane]:
        """The panes shown now, left to right."""
        return [
            pane
            for index in range(self._splitter.count())
            if isinstance(pane := self._splitter.widget(index), SourcePane)
            and pane.isVisibleTo(self)
        ]

    def set_sources(self, sources: list[tuple[DocumentInfo, Document]]) -> None:
        for pane in self._panes.values():
            pane.setParent(None)
            pane.deleteLater()
        self._panes.clear()
        self._pinned = []
        self._sources = list(sources)
        self._header.setVisible(len(sources) > MAX_PANES)
        self._other.clear()
        self._other.addItem(self.tr("Open another source…"), None)
        for info, _document in sources:
            self._other.addItem(info.title or info.original_name, info.id)
        self.setCurrentIndex(1 if sources else 0)
        self._arrange(self._visible_ids())
        self.show_links(self._links)

    def show_links(self, links: list[LinkRecord] | None) -> None:
        """Each pane shows its own source's links; None means no claim is selected."""
        self._links = links
        visible = self._visible_ids()
        self._arrange(visible)
        for source_id in visible:
            mine = [link for link in links or [] if link.source_id == source_id]
            self._panes[source_id].show_links(mine, claim_selected=links is not None)
        if len(self._sources) > MAX_PANES:
            self._summary.setText(
                self.tr("{0} of {1} sources: those with passages for this claim").format(
                    len(visible), len(self._sources)
                )
            )

    def show_finding(self) -> None:
        """The selected claim's passages are being found: the panes stay where they are
        (rearranging them twice would cost more than the search), without highlights,
        and say so."""
        self._links = []
        for pane in self.panes:
            pane.show_finding()

    def pane_for(self, source_id: int) -> SourcePane | None:
        return self._panes.get(source_id)

    def show_source(self, source_id: int) -> SourcePane | None:
        """Give a source of the article a pane (kept beside the claim's) and return it."""
        if source_id not in self._pinned and any(i.id == source_id for i, _ in self._sources):
            self._pinned.append(source_id)
            self.show_links(self._links)
        return self._panes.get(source_id)

    # -- which panes ---------------------------------------------------------------

    def _visible_ids(self) -> list[int]:
        ids = [info.id for info, _ in self._sources]
        if len(ids) <= MAX_PANES:
            return ids
        best: dict[int, float] = {}
        for link in self._links or []:
            if link.state != "rejected":
                score = 2.0 if link.state == "confirmed" else link.score
                best[link.source_id] = max(best.get(link.source_id, 0.0), score)
        ranked = sorted(best, key=lambda source_id: -best[source_id])
        chosen = [*self._pinned, *(i for i in ranked if i not in self._pinned)]
        return chosen[: max(MAX_PANES, len(self._pinned))]

    def _arrange(self, visible: list[int]) -> None:
        """Show the panes of `visible`. A pane already shown stays where it is; a source
        that comes in takes the place of one that goes (its pane is reused in place), so
        the panes neither jump about nor are laid out again."""
        documents = {info.id: (info, document) for info, document in self._sources}
        leaving = [sid for sid in self._shown_ids() if sid not in visible]
        for source_id in visible:
            if source_id in self._panes:
                continue
            if leaving:
                pane = self._panes.pop(leaving.pop(0))
                pane.show_source(*documents[source_id])
            else:
                pane = self._pane_for(source_id, visible, documents)
                self._splitter.addWidget(pane)
            self._panes[source_id] = pane
        for source_id in visible:
            self._panes.move_to_end(source_id)
        count_before = len(self._shown_ids())
        for source_id, pane in self._panes.items():
            if pane.isVisibleTo(self._splitter) != (source_id in visible):
                pane.setVisible(source_id in visible)
        while len(self._panes) > max(CACHED_PANES, len(visible)):
            oldest = next(iter(self._panes))
            if oldest in visible:
                break
            self._panes.pop(oldest).deleteLater()
        if visible and len(visible) != count_before:
            self._splitter.setSizes([1000] * self._splitter.count())

    def _shown_ids(self) -> list[int]:
        """The sources whose panes are shown, left to right."""
        by_pane = {id(pane): source_id for source_id, pane in self._panes.items()}
        return [
            by_pane[id(widget)]
            for index in range(self._splitter.count())
            if (widget := self._splitter.widget(index)) is not None
            and id(widget) in by_pane
            and widget.isVisibleTo(self._splitter)
        ]

    def _pane_for(
        self,
        source_id: int,
        visible: list[int],
        documents: dict[int, tuple[DocumentInfo, Document]],
    ) -> SourcePane:
        """A pane for the source: the least recently shown hidden one, once as many as
        are kept exist (building a pane costs more than showing another text in it)."""
        if len(self._panes) >= CACHED_PANES:
            oldest = next((key for key in self._panes if key not in visible), None)
            if oldest is not None:
                pane = self._panes.pop(oldest)
                pane.show_source(*documents[source_id])
                return pane
        return self._make_pane(*documents[source_id])

    def _make_pane(self, info: DocumentInfo, document: Document) -> SourcePane:
        pane = SourcePane(info, document)
        QTimer.singleShot(0, self, self.panes_built.emit)  # once it is in the splitter
        pane.read_only = self.read_only
        pane.link_state_chosen.connect(self.link_state_chosen)
        pane.passage_linked.connect(self.passage_linked)
        pane.edit_requested.connect(self.edit_requested)
        pane.replace_requested.connect(self.replace_requested)
        pane.remove_requested.connect(self.remove_requested)
        pane.notes_requested.connect(self.notes_requested)
        return pane

    def _on_other_activated(self, index: int) -> None:
        source_id = self._other.itemData(index)
        self._other.setCurrentIndex(0)
        if source_id is not None and source_id not in self._pinned:
            self._pinned.append(source_id)
            self.show_links(self._links)
