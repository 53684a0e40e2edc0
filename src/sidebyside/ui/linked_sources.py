"""Fetch All Linked Sources…: a checklist of the addresses the article's claims link, fetched
in the background with progress and Stop, each attached; the ones that fail are listed with
the reason and their archived copy, which opens in the browser only when the reader agrees."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sidebyside.core.citations import LinkedAddress
from sidebyside.operations.linked_sources import (
    Fetched,
    LinkedResult,
    LinkedTarget,
    Outcome,
    fetch_linked,
)

if TYPE_CHECKING:
    from sidebyside.ui.main_window import MainWindow


class LinkedChecklist(QDialog):
    """The cited addresses not attached yet, each ticked; Fetch takes the ticked ones."""

    def __init__(self, linked: Sequence[LinkedAddress], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fetch Linked Sources"))
        intro = QLabel(
            self.tr(
                "The article's claims link these addresses. sidebyside fetches the ticked "
                "ones once, keeps a copy with the address, time and hash, and attaches each."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Linked addresses to fetch"))
        self.list.setAccessibleDescription(
            self.tr("Space ticks or unticks an address; the ticked ones are fetched")
        )
        for entry in linked:
            plural = "claim" if len(entry.claims) == 1 else "claims"
            who = f"{entry.name} — " if entry.name else ""
            item = QListWidgetItem(f"{entry.address}\n    {who}{len(entry.claims)} {plural}")
            item.setData(Qt.ItemDataRole.UserRole, (entry.address, entry.name))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        fetch = buttons.button(QDialogButtonBox.StandardButton.Ok)
        fetch.setText(self.tr("Fetch"))
        fetch.setAccessibleName(self.tr("Fetch the ticked addresses"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(560, 320)

    def chosen(self) -> list[LinkedTarget]:
        targets = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                address, name = item.data(Qt.ItemDataRole.UserRole)
                targets.append(LinkedTarget(address, name))
        return targets


class FetchReport(QDialog):
    """What became of each address: attached, or why not with its archived copy."""

    def __init__(self, results: Sequence[LinkedResult], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Linked Sources Fetched"))
        attached = [r for r in results if r.outcome is not Outcome.FAILED]
        failed = [r for r in results if r.outcome is Outcome.FAILED]
        lines = [
            self.tr("{0} attached, {1} could not be fetched.").format(len(attached), len(failed))
        ]
        lines += [f"✓ {_escape(r.address)} — {_escape(r.title)}" for r in attached]
        for result in failed:
            lines.append(
                f"✗ {_escape(result.address)} — {_escape(result.reason)}<br>"
                + self.tr("Archived copy: {0}").format(
                    f'<a href="{_escape(result.archived)}">{_escape(result.archived)}</a>'
                )
            )
        self.text = QLabel("<br><br>".join(lines))
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setOpenExternalLinks(False)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.text.setAccessibleName(self.tr("What became of each linked address"))
        self.text.setAccessibleDescription(
            self.tr("Tab reaches each archived copy; Enter asks before opening it in the browser")
        )
        self.text.linkActivated.connect(self.ask_open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        scroll = QScrollArea()  # a dozen failed addresses, each with its archived copy
        scroll.setWidget(self.text)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(680, 420)

    def ask_open(self, address: str) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Open in Browser"),
            self.tr("Open {0} in your web browser?").format(address),
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl(address))


class LinkedSources(QObject):
    """The window's part: asks which addresses, fetches them, attaches, reports."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.report: FetchReport | None = None

    def ask_fetch_all(self) -> None:
        session = self.window.session
        if session.article is None:
            return
        linked = session.citations.to_fetch
        if not linked:
            self.window.statusBar().showMessage(
                self.tr("The claims link no address that is not attached already."), 8000
            )
            return
        checklist = LinkedChecklist(linked, self.window)
        if checklist.exec() == QDialog.DialogCode.Accepted and checklist.chosen():
            self.fetch(checklist.chosen())

    def fetch_one(self, address: str, name: str) -> None:
        self.fetch([LinkedTarget(address, name)])

    def fetch(self, targets: Sequence[LinkedTarget]) -> None:
        article = self.window.session.article
        if article is None or self.window.session.read_only:
            return
        chosen = list(targets)
        self.window.runner.submit(
            lambda: fetch_linked(chosen),
            lambda fetched: self._record(article.id, fetched),
            self.window.dialogs.show_error,
            self.tr("Fetching {0} linked sources…").format(len(chosen)),
        )

    def _record(self, article_id: int, fetched: list[Fetched]) -> None:
        results, changes = self.window.session.record_linked(article_id, fetched)
        self.window.apply(changes)
        self.report = FetchReport(results, self.window)
        self.report.show()
        self.window.actions_.fetch_report.setEnabled(True)

    def show_report(self) -> None:
        """The report of the last fetch again (File → Last Fetch Report…)."""
        if self.report is not None:
            self.report.show()
            self.report.raise_()


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )
