"""File → Import Annotations… and File → Import from Zotero…: small dialogs over the import
operations, with the reading done in the background (`ui.tasks`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sidebyside import operations
from sidebyside.core.errors import SidebysideError
from sidebyside.core.progress import current_progress
from sidebyside.core.zotero import ZoteroItem, read_zotero_items
from sidebyside.operations.annotations import (
    AnnotationImport,
    ImportSummary,
    plan_annotation_import,
    record_annotations_in,
)
from sidebyside.operations.zotero import (
    Role,
    ZoteroImport,
    prepare_zotero_import,
    record_zotero_import,
)
from sidebyside.ui import file_dialogs

if TYPE_CHECKING:
    from sidebyside.ui.main_window import MainWindow

ANNOTATION_FILES = "Annotations (*.json *.jsonld);;All files (*)"
ModelIndex = QModelIndex | QPersistentModelIndex


class Importing(QObject):
    """Runs both imports for the window: read in the background, record here, show."""

    annotations_imported = Signal(object)  # ImportSummary
    zotero_imported = Signal(list)  # one line per item

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.summary_box: QMessageBox | None = None
        self.zotero_dialog: ZoteroDialog | None = None

    # -- annotations ------------------------------------------------------------------

    def ask_import_annotations(self) -> None:
        name, _ = file_dialogs.get_open_file_name(
            self.window,
            self.tr("Import Annotations (W3C Web Annotation or Hypothesis)"),
            self.window.settings.last_folder,
            ANNOTATION_FILES,
        )
        if name:
            self.window.settings.remember_folder_of(name)
            self.import_annotations_from(Path(name))

    def import_annotations_from(self, path: Path) -> None:
        workspace = self.window.session.workspace
        self.window.runner.submit(
            lambda: plan_annotation_import(workspace, path),
            self._record_annotations,
            self.window.dialogs.show_error,
            self.tr("Reading annotations…"),
        )

    def _record_annotations(self, plan: AnnotationImport) -> None:
        self.window.claim_panel.flush_note()
        try:
            summary, changes = record_annotations_in(self.window.session, plan)
        except operations.WRITE_ERRORS as error:
            self.window.write_failed(error)
            return
        self.window.apply(changes)
        self._show_summary(summary)
        self.annotations_imported.emit(summary)

    def _show_summary(self, summary: ImportSummary) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Annotations Imported"),
            self.tr(
                "{0} annotations read from {1}: {2} anchored, {3} left as orphans (kept, "
                "shown greyed in the claim list){4}."
            ).format(
                summary.read,
                summary.name,
                len(summary.anchored),
                len(summary.orphans),
                self.tr(", {0} already in the workspace").format(summary.already_there)
                if summary.already_there
                else "",
            ),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("annotation_import_summary")
        box.setDetailedText("\n".join(summary.lines()))
        box.setAccessibleName(self.tr("Annotations imported"))
        box.setAccessibleDescription(self.tr("What was anchored and what was left as orphans"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary_box = box
        box.open()

    # -- Zotero -------------------------------------------------------------------------

    def ask_import_from_zotero(self) -> None:
        article = self.window.article
        dialog = ZoteroDialog(
            article.title or article.original_name if article else "", self.window
        )
        dialog.list_requested.connect(self._list_zotero)
        dialog.import_requested.connect(self._import_zotero)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.zotero_dialog = dialog
        dialog.destroyed.connect(lambda: setattr(self, "zotero_dialog", None))
        dialog.open()

    def _list_zotero(self, folder: str) -> None:
        dialog = self.zotero_dialog
        if dialog is None:
            return
        dialog.show_busy(self.tr("Reading the Zotero library…"))
        self.window.runner.submit(
            lambda: read_zotero_items(Path(folder)),
            lambda items: dialog.show_items(items) if self.zotero_dialog is dialog else None,
            lambda error: dialog.show_failure(str(error)) if self.zotero_dialog is dialog else None,
            self.tr("Reading the Zotero library…"),
        )

    def _import_zotero(self, items: list[ZoteroItem], role: Role) -> None:
        dialog = self.zotero_dialog
        if dialog is None:
            return
        dialog.show_busy(self.tr("Importing {0} items…").format(len(items)))
        self.window.runner.progressed.connect(dialog.show_progress)

        def done(work: ZoteroImport) -> None:
            self.window.runner.progressed.disconnect(dialog.show_progress)
            self._record_zotero(work, dialog)

        def failed(error: BaseException) -> None:
            self.window.runner.progressed.disconnect(dialog.show_progress)
            dialog.show_failure(str(error))

        self.window.runner.submit(
            lambda: prepare_zotero_import(items, role, current_progress()),
            done,
            failed,
            self.tr("Importing from Zotero…"),
        )

    def _record_zotero(self, work: ZoteroImport, dialog: ZoteroDialog) -> None:
        if work.role == "article":
            self.window.leave_article()
        else:
            self.window.claim_panel.flush_note()
        try:
            lines, changes = record_zotero_import(self.window.session, work)
        except operations.WRITE_ERRORS as error:
            self.window.write_failed(error)
            dialog.show_failure(operations.why_not_written(error))
            return
        except SidebysideError as error:  # no article to add sources to
            dialog.show_failure(str(error))
            return
        self.window.apply(changes)
        dialog.show_done(lines)
        self.zotero_imported.emit(lines)


class ZoteroItemsModel(QAbstractTableModel):
    """The library's items with a saved page or PDF, each with a box to tick."""

    COLUMNS = ("Title", "Type", "File", "Key")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[ZoteroItem] = []
        self._checked: set[int] = set()

    def set_items(self, items: list[ZoteroItem]) -> None:
        self.beginResetModel()
        self.items, self._checked = list(items), set()
        self.endResetModel()

    def checked_items(self) -> list[ZoteroItem]:
        return [item for row, item in enumerate(self.items) if row in self._checked]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.COLUMNS):
            return self.tr(self.COLUMNS[section])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            values = (item.title, item.item_type, item.attachment_kind, item.key)
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            checked = index.row() in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            authors = ", ".join(item.authors)
            return "\n".join(
                part for part in (item.title, authors, item.date, str(item.attachment)) if part
            )
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(  # noqa: N802
        self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        if checked:
            self._checked.add(index.row())
        else:
            self._checked.discard(index.row())
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


class ZoteroDialog(QDialog):
    """Pick a Zotero data folder, tick items, import them as articles or as sources."""

    list_requested = Signal(str)  # the data folder
    import_requested = Signal(list, str)  # the items, "article" or "source"

    def __init__(self, article_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import from Zotero"))
        self.setObjectName("zotero_dialog")
        self.resize(640, 420)
        layout = QVBoxLayout(self)

        folder_row = QHBoxLayout()
        folder_label = QLabel(self.tr("Zotero &data folder:"))
        self.folder = QLineEdit(_default_zotero_folder())
        self.folder.setAccessibleName(self.tr("Zotero data folder"))
        self.folder.setAccessibleDescription(
            self.tr("The folder that holds zotero.sqlite and the storage folder")
        )
        folder_label.setBuddy(self.folder)
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.setAccessibleName(self.tr("Browse for the Zotero data folder"))
        self.browse.setAccessibleDescription(self.tr("Choose the folder in a file dialog"))
        self.list_button = QPushButton(self.tr("&List Items"))
        self.list_button.setAccessibleName(self.tr("List the items"))
        self.list_button.setAccessibleDescription(
            self.tr("Read the library (from a copy) and list its items with a saved page or PDF")
        )
        for widget in (folder_label, self.folder, self.browse, self.list_button):
            folder_row.addWidget(widget)
        layout.addLayout(folder_row)

        self.model = ZoteroItemsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Zotero items"))
        self.table.setAccessibleDescription(
            self.tr("Items with a saved page or PDF; tick the ones to import (Space ticks)")
        )
        layout.addWidget(self.table)

        role_row = QHBoxLayout()
        self.as_article = QRadioButton(self.tr("Import as &articles"))
        self.as_article.setChecked(True)
        self.as_article.setAccessibleName(self.tr("Import as articles"))
        self.as_article.setAccessibleDescription(
            self.tr("Each item becomes an article to check, with its claims suggested")
        )
        self.as_source = QRadioButton(
            self.tr("As &sources of “{0}”").format(article_title)
            if article_title
            else self.tr("As &sources (open an article first)")
        )
        self.as_source.setEnabled(bool(article_title))
        self.as_source.setAccessibleName(self.tr("Import as sources of the open article"))
        self.as_source.setAccessibleDescription(
            self.tr("Each item is attached to the open article as a source")
        )
        role_row.addWidget(self.as_article)
        role_row.addWidget(self.as_source)
        role_row.addStretch()
        layout.addLayout(role_row)

        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress.setAccessibleDescription(self.tr("How far the reading has got"))
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = QLabel(self.tr("Choose the folder, then List Items."))
        self.status.setObjectName("zotero_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(self.tr("Import status"))
        self.status.setAccessibleDescription(self.tr("What was read or imported"))
        layout.addWidget(self.status)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button.setEnabled(False)
        self.import_button.setAccessibleName(self.tr("Import the ticked items"))
        self.import_button.setAccessibleDescription(
            self.tr("Read the ticked items' files and add them to the workspace")
        )
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        close.setAccessibleDescription(self.tr("Close this dialog"))
        layout.addWidget(self.buttons)

        self.buttons.rejected.connect(self.reject)
        self.browse.clicked.connect(self._on_browse_clicked)
        self.list_button.clicked.connect(self._on_list_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.model.dataChanged.connect(self._update_import_button)
        self.model.modelReset.connect(self._update_import_button)

    def _on_browse_clicked(self) -> None:
        folder = file_dialogs.get_existing_directory(
            self, self.tr("Zotero Data Folder"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)
            self._on_list_button_clicked()

    def _on_list_button_clicked(self) -> None:
        if self.folder.text().strip():
            self.list_requested.emit(self.folder.text().strip())

    def _on_import_button_clicked(self) -> None:
        items = self.model.checked_items()
        if items:
            role = "source" if self.as_source.isChecked() else "article"
            self.import_requested.emit(items, role)

    def _update_import_button(self) -> None:
        self.import_button.setEnabled(bool(self.model.checked_items()))

    def show_busy(self, text: str) -> None:
        self.status.setText(text)
        self.progress.setRange(0, 0)
        self.progress.show()
        for widget in (self.import_button, self.list_button, self.browse):
            widget.setEnabled(False)

    def show_progress(self, done: int, total: int, what: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        if what:
            self.status.setText(what[:1].upper() + what[1:] + "…")

    def _idle(self) -> None:
        self.progress.hide()
        self.list_button.setEnabled(True)
        self.browse.setEnabled(True)
        self._update_import_button()

    def show_items(self, items: list[ZoteroItem]) -> None:
        self.model.set_items(items)
        self._idle()
        self.status.setText(
            self.tr("Items with a saved page or PDF: {0}. Tick the ones to import.").format(
                len(items)
            )
            if items
            else self.tr("No item of this library has a saved page or a PDF.")
        )
        if items:
            self.table.setFocus()
            self.table.setCurrentIndex(self.model.index(0, 0))

    def show_failure(self, text: str) -> None:
        self._idle()
        self.status.setText(text)

    def show_done(self, lines: list[str]) -> None:
        self._idle()
        self.status.setText("\n".join(lines))


def _default_zotero_folder() -> str:
    folder = Path.home() / "Zotero"
    return str(folder) if (folder / "zotero.sqlite").is_file() else ""
