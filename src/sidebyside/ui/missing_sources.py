"""Sources the article cites that the reader has not attached yet, each with a way to attach it."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGroupBox, QListWidget, QListWidgetItem, QMenu, QVBoxLayout, QWidget

from sidebyside.core.citations import MissingSource
from sidebyside.ui.focus_frame import frame_focus

ROWS_SHOWN = 4  # more scroll; the claim list needs the room


class MissingSourcesBox(QGroupBox):
    attach_file_requested = Signal(str)  # the name the article uses
    fetch_requested = Signal(str)
    fetch_linked_requested = Signal(str, str)  # the address the article links, the name
    show_claims_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._list = QListWidget()
        self._list.setAccessibleName(self.tr("Missing sources"))
        self._list.setAccessibleDescription(
            self.tr("Sources the claims cite that are not attached; Enter attaches a file")
        )
        self._list.setToolTip(
            self.tr("Double-click to attach a copy of this source; right-click for more.")
        )
        self._list.setMinimumHeight(40)
        frame_focus(self._list)
        self._list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._list.customContextMenuRequested.connect(self._on_list_customContextMenuRequested)
        self._list.itemActivated.connect(  # a double-click, or Enter from the keyboard
            lambda item: self.attach_file_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(self._list)
        self.show_missing(())

    def show_missing(self, missing: tuple[MissingSource, ...]) -> None:
        self._list.clear()
        for source in missing:
            text = source.describe() + self.tr(" — attach a copy or fetch it")
            tip = self.tr("Also written: {0}").format(", ".join(source.variants))
            for linked in source.addresses:  # what the article links for it, by claims
                claims = ", ".join(str(index + 1) for index in linked.claims)
                text += "\n    ↳ " + self.tr("{0} (claims {1})").format(linked.address, claims)
                tip += "\n" + self.tr("Linked: {0}").format(linked.address)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, source.name)
            item.setData(
                Qt.ItemDataRole.UserRole + 1, [linked.address for linked in source.addresses]
            )
            item.setToolTip(tip)
            self._list.addItem(item)
        self.setTitle(self.tr("Missing sources ({0})").format(len(missing)))
        self.setVisible(bool(missing))
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802
        """Tall enough for the first few names, so the list does not open at two lines."""
        hint = super().sizeHint()
        rows = min(self._list.count(), ROWS_SHOWN)
        row_height = self._list.sizeHintForRow(0) if self._list.count() else 0
        frame = 2 * self._list.frameWidth() + 6
        title = self.fontMetrics().height() + 12
        return QSize(hint.width(), title + frame + rows * max(row_height, 1))

    def names(self) -> list[str]:
        return [
            self._list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self._list.count())
        ]

    def lines(self) -> list[str]:
        """Each row as shown: the name, how many claims cite it, the addresses linked for it."""
        return [self._list.item(row).text() for row in range(self._list.count())]

    def _on_list_customContextMenuRequested(self, position) -> None:  # type: ignore[no-untyped-def]
        item = self._list.itemAt(position)
        if item is None:
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        menu = QMenu(self)
        for label, signal in (
            (self.tr("Attach a File as “{0}”…").format(name), self.attach_file_requested),
            (self.tr("Fetch “{0}” from an Address…").format(name), self.fetch_requested),
            (self.tr("Show Claims Citing “{0}”").format(name), self.show_claims_requested),
        ):
            action = QAction(label, menu)
            action.triggered.connect(lambda _=False, s=signal: s.emit(name))
            menu.addAction(action)
        for address in item.data(Qt.ItemDataRole.UserRole + 1) or []:
            action = QAction(self.tr("Fetch Linked Source ({0})").format(address), menu)
            action.triggered.connect(
                lambda _=False, a=address: self.fetch_linked_requested.emit(a, name)
            )
            menu.insertAction(menu.actions()[0], action)
        menu.exec(self._list.viewport().mapToGlobal(position))
