"""View → Project: every article of the workspace with its progress, and every source with
the articles that use it. Enter or a double click opens an article."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sidebyside.records import ArticleProgress, DocumentInfo, ProjectOverview, SourceUse
from sidebyside.ui.focus_frame import frame_focus

AnyIndex = QModelIndex | QPersistentModelIndex
ArticleIdRole = Qt.ItemDataRole.UserRole + 1  # the article a row opens
Row = TypeVar("Row")


def _title(document: DocumentInfo) -> str:
    return document.title or document.original_name or "Untitled"


class _RowsModel(QAbstractTableModel, Generic[Row]):
    """A read-only table of rows, one column per header."""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._rows: list[Row] = []

    def _headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def _set_rows(self, rows: tuple[Row, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def _row(self, index: AnyIndex) -> Row | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._headers())

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        return None


class ArticlesModel(_RowsModel[ArticleProgress]):
    """One row per article: its title, how many sources, its claims by verdict."""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.current_id: int | None = None

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Article"), self.tr("Sources"), self.tr("Progress"))

    def set_articles(self, rows: tuple[ArticleProgress, ...], current_id: int | None) -> None:
        self.current_id = current_id
        self._set_rows(rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self._row(index)
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                mark = self.tr(" (open)") if row.article.id == self.current_id else ""
                return _title(row.article) + mark
            if index.column() == 2:
                return row.summary
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(_title(source) for source in row.sources) or None
            return str(len(row.sources))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ArticleIdRole:
            return row.article.id
        return None


class SourcesModel(_RowsModel[SourceUse]):
    """One row per source: its title and the articles that use it."""

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Source"), self.tr("Used by"))

    def set_sources(self, rows: tuple[SourceUse, ...]) -> None:
        self._set_rows(rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self._row(index)
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                return _title(row.source)
            return "; ".join(_title(article) for article in row.articles)
        if role == ArticleIdRole and row.articles:
            return row.articles[0].id  # opening a source opens the first article using it
        return None


class ProjectTable(QTableView):
    """A table whose Enter opens the row's article (as a double click does)."""

    row_opened = Signal(int)  # article id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.doubleClicked.connect(self._open)
        frame_focus(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _open(self, index: QModelIndex) -> None:
        article_id = index.siblingAtColumn(0).data(ArticleIdRole)
        if article_id is not None:
            self.row_opened.emit(int(article_id))


class ProjectDialog(QDialog):
    article_opened = Signal(int)  # article id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("project_view")
        self.setWindowTitle(self.tr("Project"))
        self.articles_model = ArticlesModel(self)
        self.sources_model = SourcesModel(self)
        self.articles = ProjectTable()
        self.articles.setModel(self.articles_model)
        self.articles.setAccessibleName(self.tr("Articles"))
        self.articles.setAccessibleDescription(
            self.tr("Every article with its claims by verdict; Enter opens the article")
        )
        self.sources = ProjectTable()
        self.sources.setModel(self.sources_model)
        self.sources.setAccessibleName(self.tr("Sources"))
        self.sources.setAccessibleDescription(
            self.tr("Every source with the articles that use it; Enter opens the first")
        )
        self._articles_label = QLabel()
        self._articles_label.setBuddy(self.articles)
        self._sources_label = QLabel()
        self._sources_label.setBuddy(self.sources)
        for table in (self.articles, self.sources):
            table.row_opened.connect(self._on_table_row_opened)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._articles_label)
        layout.addWidget(self.articles, 3)
        layout.addWidget(self._sources_label)
        layout.addWidget(self.sources, 2)
        layout.addWidget(buttons)
        self.resize(820, 560)

    def show_overview(self, overview: ProjectOverview, current_id: int | None) -> None:
        self.articles_model.set_articles(overview.articles, current_id)
        self.sources_model.set_sources(overview.sources)
        claims = sum(len(progress.verdicts) for progress in overview.articles)
        self._articles_label.setText(
            self.tr("&Articles: {0}, {1} claims in all").format(len(overview.articles), claims)
        )
        self._sources_label.setText(self.tr("&Sources: {0}").format(len(overview.sources)))
        for table in (self.articles, self.sources):
            table.resizeColumnsToContents()
            table.setColumnWidth(0, min(table.columnWidth(0), 380))
        row = next((r for r, p in enumerate(overview.articles) if p.article.id == current_id), 0)
        if overview.articles:
            self.articles.selectRow(row)
        self.articles.setFocus()

    def _on_table_row_opened(self, article_id: int) -> None:
        self.article_opened.emit(article_id)
        self.accept()
