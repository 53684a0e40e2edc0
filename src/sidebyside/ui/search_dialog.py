"""Search Workspace (Ctrl+Shift+F): one box over every article, source, claim and note.

The dialog searches as the reader types (after a short pause), groups the hits by document
with each hit in its context (the words found in bold) and counts them; the filters narrow
them by verdict, tag, source and date. Arrows move through the hits, Enter or a
double-click goes to the hit's place, Escape closes. A search takes at most a few tens of
milliseconds on a workspace of 50 MB (`benchmarks/search.py`), so it runs here, on the UI
thread: queued behind background matching on the task runner it would wait for seconds.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, QTimer
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QPainter,
    QStandardItem,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from sidebyside.core.spans import Span
from sidebyside.core.verdicts import Verdict
from sidebyside.operations.search import SearchFilters, SearchHit, search_choices, search_workspace

if TYPE_CHECKING:
    from sidebyside.ui.main_window import MainWindow

HIT_ROLE = Qt.ItemDataRole.UserRole + 1  # the SearchHit of a row
HTML_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's text with the words found in bold
PAUSE_MS = 150  # typing pauses this long before the search runs
KIND_LABELS = {"article": "Text", "source": "Text", "claim": "Claim", "note": "Note"}
NO_DATE = QDate(2000, 1, 1)  # the date box at its minimum: any date


def context_html(hit: SearchHit) -> str:
    """The hit's context with the words found in bold, escaped."""
    parts, at = [], 0
    for start, end in hit.marks:
        parts.append(html.escape(hit.context[at:start]))
        parts.append(f"<b>{html.escape(hit.context[start:end])}</b>")
        at = end
    parts.append(html.escape(hit.context[at:]))
    label = KIND_LABELS.get(hit.kind, hit.kind)
    return f"<span style='opacity:0.7'>{label}:</span> " + "".join(parts)


class HitDelegate(QStyledItemDelegate):
    """Draws a row's HTML (bold hit words) where the item has some; plain text otherwise."""

    def paint(  # type: ignore[override]
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex
    ) -> None:
        text = index.data(HTML_ROLE)
        if not text:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = self._document(text, option)
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(option.rect.translated(-option.rect.topLeft()))
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = (
            option.palette.ColorRole.HighlightedText if selected else option.palette.ColorRole.Text
        )
        context.palette.setColor(option.palette.ColorRole.Text, option.palette.color(role))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(  # type: ignore[override]  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QSize:
        text = index.data(HTML_ROLE)
        if not text:
            return super().sizeHint(option, index)
        document = self._document(text, option)
        return QSize(int(document.idealWidth()), int(document.size().height()))

    @staticmethod
    def _document(text: str, option: QStyleOptionViewItem) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(2)
        document.setHtml(text)
        return document


class SearchDialog(QDialog):
    """The search box, its filters, the count and the hits grouped by document."""

    hit_chosen = QtSignal(object)  # SearchHit

    def __init__(
        self,
        search: Callable[[str, SearchFilters], list[SearchHit]],
        choices: Callable[[], tuple[list[tuple[int, str]], list[str]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._choices = choices
        self.setWindowTitle(self.tr("Search Workspace"))
        self.setModal(False)
        self.resize(720, 520)
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Words to find in every article, source and note"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(self.tr("Search workspace"))
        self.field.setAccessibleDescription(
            self.tr(
                "Words to find in every article, source, claim and note; "
                'accents and case do not matter, "quotes" find a phrase. '
                "Down goes to the hits, Enter to the first hit's place"
            )
        )
        self.field.textChanged.connect(self._on_field_textChanged)
        self.field.returnPressed.connect(self._on_field_returnPressed)
        self.field.installEventFilter(self)
        self.verdict = self._combo(
            self.tr("Verdict filter"),
            self.tr("Show only claims with this verdict, and their places"),
        )
        self.verdict.addItem(self.tr("Any verdict"), None)
        for verdict in Verdict:
            self.verdict.addItem(verdict.label, verdict.value)
        self.source = self._combo(
            self.tr("Source filter"),
            self.tr("Show only this source and the claims linked to it"),
        )
        self.tag = self._combo(self.tr("Tag filter"), self.tr("Show only claims with this tag"))
        self.since = QDateEdit()
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setMinimumDate(NO_DATE)
        self.since.setSpecialValueText(self.tr("Any date"))
        self.since.setDate(NO_DATE)
        self.since.setAccessibleName(self.tr("Changed since"))
        self.since.setAccessibleDescription(
            self.tr("Show only what was imported or changed on or after this date")
        )
        inner = self.since.findChild(QLineEdit)  # what the keys reach: named the same
        if inner is not None:
            inner.setAccessibleName(self.since.accessibleName())
            inner.setAccessibleDescription(self.since.accessibleDescription())
        self.since.dateChanged.connect(lambda _date: self.search_now())
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Hits found"))
        self.model = QStandardItemModel(self)
        self.results = QTreeView()
        self.results.setModel(self.model)
        self.results.setHeaderHidden(True)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setUniformRowHeights(False)
        self.results.setAccessibleName(self.tr("Hits"))
        self.results.setAccessibleDescription(
            self.tr("The hits, grouped by document; Enter or a double-click goes to the place")
        )
        self.results.activated.connect(self._on_results_activated)
        self.results.installEventFilter(self)
        filters = QHBoxLayout()
        for widget in (self.verdict, self.tag, self.source, self.since):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addLayout(filters)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.search_now)
        self._hits: list[SearchHit] = []

    def _combo(self, name: str, description: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setAccessibleDescription(description)
        combo.activated.connect(lambda _index: self.search_now())
        return combo

    # -- opening and searching -----------------------------------------------------------

    def open_search(self) -> None:
        """Show the dialog with the keys in its field (what was typed before, selected)."""
        self._refresh_choices()
        self.show()
        self.raise_()
        self.activateWindow()
        self.field.setFocus()
        self.field.selectAll()
        if self.field.text():
            self.search_now()

    def _refresh_choices(self) -> None:
        sources, tags = self._choices()
        for combo, items, any_label in (
            (self.source, sources, self.tr("Any source")),
            (self.tag, [(tag, tag) for tag in tags], self.tr("Any tag")),
        ):
            chosen = combo.currentData()
            combo.clear()
            combo.addItem(any_label, None)
            for value, label in items:
                combo.addItem(label, value)
            found = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(found, 0))
        self.tag.setVisible(bool(tags))

    @property
    def filters(self) -> SearchFilters:
        verdict = self.verdict.currentData()
        since = self.since.date()
        return SearchFilters(
            verdict=Verdict(verdict) if verdict else None,
            tag=self.tag.currentData(),
            source_id=self.source.currentData(),
            since=since.toString("yyyy-MM-dd") if since != NO_DATE else None,
        )

    @property
    def hits(self) -> list[SearchHit]:
        return list(self._hits)

    def _on_field_textChanged(self, _text: str) -> None:
        self._timer.start()

    def search_now(self) -> None:
        self._timer.stop()
        words = self.field.text()
        self._hits = self._search(words, self.filters) if words.strip() else []
        self._show_hits(bool(words.strip()))

    def _show_hits(self, searched: bool) -> None:
        self.model.clear()
        groups: dict[tuple[int, str], QStandardItem] = {}
        for hit in self._hits:
            key = (hit.document_id, "source" if hit.kind == "source" else "article")
            group = groups.get(key)
            if group is None:
                kind = self.tr("source") if key[1] == "source" else self.tr("article")
                group = QStandardItem(f"{hit.document} — {kind}")
                group.setEditable(False)
                font = group.font()
                font.setBold(True)
                group.setFont(font)
                groups[key] = group
                self.model.appendRow(group)
            row = QStandardItem(f"{KIND_LABELS.get(hit.kind, hit.kind)}: {hit.context}")
            row.setEditable(False)
            row.setData(hit, HIT_ROLE)
            row.setData(context_html(hit), HTML_ROLE)
            row.setToolTip(hit.context)
            group.appendRow(row)
        self.results.expandAll()
        if not searched:
            self.count.setText("")
        elif not self._hits:
            self.count.setText(self.tr("No hits"))
        else:
            hits = self.tr("1 hit") if len(self._hits) == 1 else self.tr("{0} hits")
            where = self.tr("in 1 document") if len(groups) == 1 else self.tr("in {0} documents")
            self.count.setText(f"{hits.format(len(self._hits))} {where.format(len(groups))}")
        first = self._first_hit_index()
        if first.isValid():
            self.results.setCurrentIndex(first)

    def _first_hit_index(self) -> QModelIndex:
        group = self.model.index(0, 0)
        return self.model.index(0, 0, group) if group.isValid() else QModelIndex()

    @property
    def count_text(self) -> str:
        return self.count.text()

    # -- going to a hit ------------------------------------------------------------------

    def current_hit(self) -> SearchHit | None:
        index = self.results.currentIndex()
        if index.isValid() and index.data(HIT_ROLE) is None:  # a document: its first hit
            index = self.model.index(0, 0, index)
        hit = index.data(HIT_ROLE) if index.isValid() else None
        return hit if isinstance(hit, SearchHit) else None

    def _on_field_returnPressed(self) -> None:
        if self._timer.isActive():
            self.search_now()
        self._choose(self.current_hit())

    def _on_results_activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        self._choose(self.current_hit())

    def _choose(self, hit: SearchHit | None) -> None:
        if hit is None:
            return
        self.hide()
        self.hit_chosen.emit(hit)

    def eventFilter(self, watched: QObject, event: object) -> bool:  # noqa: N802
        """Down in the field goes to the hits; Enter in the hits goes to the place."""
        if isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if watched is self.field and event.key() == Qt.Key.Key_Down and self._hits:
                self.results.setFocus()
                if not self.results.currentIndex().isValid():
                    self.results.setCurrentIndex(self._first_hit_index())
                return True
            if watched is self.results and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose(self.current_hit())
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]


class WorkspaceSearch(QObject):
    """A window's search box, and going from a hit to its place in the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        workspace = window.session.workspace
        self.dialog = SearchDialog(
            lambda words, filters: search_workspace(workspace, words, filters, as_typed=True),
            lambda: search_choices(workspace),
            window,
        )
        self.dialog.hit_chosen.connect(self.go_to)

    def open(self) -> None:
        self.dialog.open_search()

    def go_to(self, hit: SearchHit) -> None:
        """Open the hit's article and show the hit: its claim selected (a claim, a claim's
        note, or article words inside a claim), the article scrolled there, or the source's
        pane shown at the words."""
        window = self.window
        if hit.article_id is not None and (
            window.article is None or window.article.id != hit.article_id
        ):
            window.load_article(hit.article_id)
        span = Span(hit.start, hit.end)
        if hit.claim_id is not None:
            window.claims_panel.select(hit.claim_id)
            window.claims_panel.setFocus()
        elif hit.kind == "article":
            claim = next(
                (
                    claim
                    for claim in window.claims_panel.model.claims
                    if claim.start <= hit.start and hit.end <= claim.end
                ),
                None,
            )
            if claim is not None:
                window.claims_panel.select(claim.id)
            window.article_pane.view.select_span(span)
            window.article_pane.view.setFocus()
        elif hit.kind == "source":
            self._show_in_source(hit.document_id, span)
            if window.painted_claim is None:  # passages found later scroll the panes again
                window.matches_shown.connect(self._again_in_source(hit.document_id, span))

    def _show_in_source(self, source_id: int, span: Span) -> None:
        pane = self.window.sources_area.show_source(source_id)
        if pane is not None:
            pane.view.select_span(span)
            pane.view.setFocus()

    def _again_in_source(self, source_id: int, span: Span) -> Callable[[int], None]:
        """Once: show the words in the source again after the passages were painted."""

        def again(_claim_id: int) -> None:
            self.window.matches_shown.disconnect(again)
            self._show_in_source(source_id, span)

        return again
