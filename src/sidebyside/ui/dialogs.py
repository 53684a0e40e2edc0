"""Everything the window asks or tells in a dialog, and the progress shown in the status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QToolButton,
)

from sidebyside import __version__
from sidebyside.core.errors import SidebysideError
from sidebyside.operations import Cancelled
from sidebyside.operations.export import DEFAULT_FORMAT, FORMATS, format_of
from sidebyside.records import DocumentInfo
from sidebyside.ui import file_dialogs
from sidebyside.ui.source_dialog import SourceDetailsDialog
from sidebyside.ui.theme import apply_colour_scheme

if TYPE_CHECKING:
    from sidebyside.ui.main_window import MainWindow


class Dialogs(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._progress = QProgressBar()
        self._progress.setRange(0, 0)  # busy indicator until the work says its length
        self._progress.setMaximumWidth(160)
        self._progress.setTextVisible(False)
        self._progress.setAccessibleName(self.tr("Progress"))
        self._progress.hide()
        self._stop = QToolButton()
        self._stop.setText(self.tr("Stop"))
        self._stop.setToolTip(self.tr("Stop the work in progress (Esc in the status bar)"))
        self._stop.setAutoRaise(True)
        self._stop.clicked.connect(window.stop_work)
        self._stop.hide()
        self._matching = QLabel()
        self._matching.setObjectName("matching_progress")
        self._matching.hide()
        window.statusBar().addPermanentWidget(self._matching)
        window.statusBar().addPermanentWidget(self._progress)
        window.statusBar().addPermanentWidget(self._stop)

    def ask_open_article(self) -> None:
        from sidebyside.ui.actions import SUPPORTED_FILES

        names, _ = file_dialogs.get_open_file_names(
            self.window,
            self.tr("Open Article (and, optionally, its sources)"),
            self.window.settings.last_folder,
            SUPPORTED_FILES,
        )
        if names:
            self.window.settings.remember_folder_of(names[0])
            self.window.documents.open_article_files([Path(name) for name in names])

    def ask_add_sources(self) -> None:
        from sidebyside.ui.actions import SUPPORTED_FILES

        names, _ = file_dialogs.get_open_file_names(
            self.window, self.tr("Add Sources"), self.window.settings.last_folder, SUPPORTED_FILES
        )
        if names:
            self.window.settings.remember_folder_of(names[0])
            self.window.documents.add_source_files([Path(name) for name in names])

    def ask_source_url(self) -> None:
        url, accepted = QInputDialog.getText(
            self.window,
            self.tr("Add Source from URL"),
            self.tr(
                "Address of the page to fetch (sidebyside keeps a copy and works offline "
                "after this):"
            ),
        )
        if accepted and url.strip():
            self.window.documents.add_source_from_url(url.strip())

    def ask_attach_missing(self, name: str) -> None:
        from sidebyside.ui.actions import SUPPORTED_FILES

        if self.window.article is None:
            return
        path, _ = file_dialogs.get_open_file_name(
            self.window,
            self.tr("Attach a Copy of “{0}”").format(name),
            self.window.settings.last_folder,
            SUPPORTED_FILES,
        )
        if path:
            self.window.settings.remember_folder_of(path)
            self.window.documents.add_source_files([Path(path)], alias=name)

    def ask_fetch_missing(self, name: str) -> None:
        if self.window.article is None:
            return
        url, accepted = QInputDialog.getText(
            self.window,
            self.tr("Fetch “{0}”").format(name),
            self.tr("Address of the page the article cites as “{0}”:").format(name),
        )
        if accepted and url.strip():
            self.window.documents.add_source_from_url(url.strip(), alias=name)

    def ask_remove_source(self, source_id: int) -> None:
        session = self.window.session
        info = session.document_info(source_id)
        others = [
            article
            for article in session.articles_using(source_id)
            if session.article is None or article.id != session.article.id
        ]
        text = self.tr(
            "Remove “{0}” from this article's sources? The passages linked to it go with "
            "it; your claims, verdicts and notes stay."
        ).format(info.title or info.original_name)
        if len(others) == 1:
            name = others[0].title or others[0].original_name
            text += " " + self.tr("“{0}”, which uses it too, keeps it.").format(name)
        elif others:
            text += " " + self.tr("The {0} other articles using it keep it.").format(len(others))
        answer = QMessageBox.question(self.window, self.tr("Remove Source"), text)
        if answer == QMessageBox.StandardButton.Yes:
            self.window.documents.remove_source(source_id)

    def ask_remove_article(self) -> None:
        article = self.window.article
        if article is None:
            return
        count = len(self.window.session.claims())
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Remove Article"),
            self.tr(
                "Remove “{0}” from the workspace, with the sources no other article uses and "
                "its {1} claims, "
                "verdicts and notes? This cannot be undone; export your notes first if you "
                "want to keep them."
            ).format(article.title or article.original_name, count),
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        remove = box.addButton(self.tr("Remove Article"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is remove:
            self.window.documents.remove_article(article.id)

    def offer_newer_version(
        self,
        earlier: DocumentInfo,
        name: str,
        *,
        of_article: bool,
        replace: Callable[[], None],
        add: Callable[[], None],
    ) -> None:
        """A file (or page) already in the workspace with other text: a newer version to
        replace the stored one with, or another document to keep beside it. Nothing happens
        unasked."""
        title = earlier.title or earlier.original_name
        if of_article:
            question = self.tr(
                "{0} is already in this workspace, as the article “{1}”, with other text. "
                "Replace it with this newer version (your claims are found again in it, your "
                "verdicts and notes kept), or add it as another article?"
            ).format(name, title)
        else:
            question = self.tr(
                "{0} is already a source of this article, as “{1}”, with other text. Replace "
                "it with this newer version (its passages are found again in it, your "
                "confirmed links and notes kept), or add it as another source?"
            ).format(name, title)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("A Newer Version?"),
            question,
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        replace_button = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.AcceptRole)
        add_button = box.addButton(self.tr("Add as Another"), QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(replace_button)
        box.setObjectName("newer_version_question")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: QAbstractButton) -> None:
            if button is replace_button:
                replace()
            elif button is add_button:
                add()

        box.buttonClicked.connect(answered)
        box.open()

    def ask_reimport(self, document_id: int | None = None) -> None:
        """Choose a newer version of the article (or of a source) to replace it with."""
        from sidebyside.ui.actions import SUPPORTED_FILES

        if document_id is None:
            if self.window.article is None:
                return
            document_id = self.window.article.id
        info = self.window.session.document_info(document_id)
        name, _ = file_dialogs.get_open_file_name(
            self.window,
            self.tr("Replace “{0}” with a Newer Version").format(info.title or info.original_name),
            self.window.settings.last_folder,
            SUPPORTED_FILES,
        )
        if name:
            self.window.settings.remember_folder_of(name)
            self.window.documents.reimport_document(document_id, Path(name))

    def ask_export(self) -> None:
        """The save dialog: its file types are the export formats, the last one used (at
        first Markdown) chosen; the format follows the type chosen, else the suffix."""
        article = self.window.article
        if article is None:
            return
        settings = self.window.settings
        offered = FORMATS.get(settings.export_format, FORMATS[DEFAULT_FORMAT])
        # "… notes.md", never the article's own name: one click must not overwrite it
        suggested = f"{_safe_file_name(article.title or 'article')} {offered.file_label}"
        name, chosen_filter = file_dialogs.get_save_file_name(
            self.window,
            self.tr("Export"),
            str(Path(settings.last_folder) / (suggested + offered.suffix)),
            ";;".join(chosen.file_filter for chosen in FORMATS.values()),
            offered.file_filter,
        )
        if not name:
            return
        chosen = format_of(Path(name), chosen_filter)
        path = Path(name) if Path(name).suffix else Path(name + chosen.suffix)
        settings.remember_folder_of(str(path))
        settings.export_format = chosen.name
        try:
            self.window.export_to(path, chosen.name)
        except OSError as error:
            self.show_error(error)

    def confirm_close_unsaved(self, recovery: Path | None) -> bool:
        """Whether to close although some notes could not be saved (they wait in `recovery`
        and are saved on the next start; with no recovery file, closing loses them)."""
        if recovery is not None:
            text = self.tr(
                "Some notes could not be saved to the workspace. They are kept in {0} and "
                "will be saved the next time sidebyside opens this workspace.\n\n"
                "Close anyway?"
            ).format(recovery)
        else:
            text = self.tr(
                "Some notes could not be saved, and no disk could hold a copy: closing now "
                "loses them. Copy them out of the notes box first, or free some space and "
                "wait for them to save.\n\nClose anyway?"
            )
        answer = QMessageBox.warning(
            self.window,
            self.tr("Notes not saved"),
            text,
            QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Close

    def edit_source(self, source_id: int) -> None:
        dialog = SourceDetailsDialog(self.window.session.document_info(source_id), self.window)
        if dialog.exec():
            self.window.documents.update_source(source_id, dialog.changes())

    def show_error(self, error: BaseException) -> None:
        """Errors the reader can cause are explained; anything else is reported as a bug."""
        self.window.statusBar().clearMessage()
        if isinstance(error, Cancelled):
            self.window.statusBar().showMessage(self.tr("Stopped."), 4000)
            return
        if isinstance(error, SidebysideError | OSError):
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Cannot open file"),
                str(error),
                QMessageBox.StandardButton.Ok,
                self.window,
            )
        else:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                self.tr("Something went wrong"),
                self.tr(
                    "sidebyside hit an unexpected problem. Nothing you saved was lost. "
                    "Please report it with the details below."
                ),
                QMessageBox.StandardButton.Ok,
                self.window,
            )
            box.setDetailedText(getattr(error, "__traceback_text__", repr(error)))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("error_message")
        box.open()  # window-modal but not blocking: background results keep arriving

    def show_not_saved(self, reason: str) -> None:
        """A change the workspace refused: said plainly, in a box that does not block."""
        self.window.statusBar().clearMessage()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Not saved"),
            self.tr("That change was not saved: {0}. Nothing was changed; try again.").format(
                reason
            ),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("not_saved_message")
        box.open()

    def show_busy(self, busy: bool, description: str) -> None:
        self._progress.setVisible(busy)
        self._stop.setVisible(busy or self._matching.isVisible())
        if busy and not self._matching.isVisible():  # else the bar shows the claims matched
            self._progress.setRange(0, 0)
        if busy and description:
            self.window.statusBar().showMessage(description)
        elif not busy:
            self.window.statusBar().clearMessage()

    def show_progress(self, done: int, total: int, what: str) -> None:
        """A task said how far it has got: the bar fills, the message says what it does."""
        if total > 0:
            self._progress.setRange(0, total)
            self._progress.setValue(done)
        if what:
            self.window.statusBar().showMessage(what[:1].upper() + what[1:] + "…")

    def show_matching_progress(self, done: int, total: int) -> None:
        """Background matching of every claim: "Matching claims: 12 of 42", until done."""
        running = total > 0
        self._matching.setVisible(running)
        self._stop.setVisible(running or self._progress.isVisible())
        if running:
            self._matching.setText(self.tr("Matching claims: {0} of {1}").format(done, total))
            self._progress.setRange(0, total)
            self._progress.setValue(done)

    def set_colour_scheme(self, key: str) -> None:
        self.window.settings.colour_scheme = key
        apply_colour_scheme(key)

    def show_keys_and_colours(self) -> None:
        from sidebyside.ui.help_dialog import HelpDialog

        HelpDialog(self.window.findChildren(QAction), self.window).exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self.window,
            self.tr("About sidebyside"),
            self.tr(
                "<b>sidebyside {0}</b><p>Read an article beside its sources: see each claim next "
                "to the passages it rests on, what differs, and keep your verdicts and notes.</p>"
                "<p>Everything stays on this computer, in {1}.</p>"
            ).format(__version__, self.window.session.path),
        )


def _safe_file_name(title: str) -> str:
    kept = "".join(char if char.isalnum() or char in " -_" else " " for char in title)
    return "-".join(kept.split())[:80] or "notes"
