"""Opening articles and sources in the window: files, the demo, addresses, newer versions.

Reading runs on the task runner; the session records the result on the UI thread and the
window shows the `Changes` it returns.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from sidebyside import operations
from sidebyside.core.document import Document
from sidebyside.records import DocumentInfo

if TYPE_CHECKING:
    from sidebyside.ui.main_window import MainWindow


class DocumentOpener(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session

    def _refused(self) -> bool:
        """Nothing is read into a read-only workspace: say so instead."""
        if self.session.read_only:
            self.window.statusBar().showMessage(
                self.tr("The workspace is read-only: nothing can be added to it."), 8000
            )
        return self.session.read_only

    def open_article_files(self, paths: list[Path]) -> None:
        """Import the first file as the article, the rest as its sources (in the background)."""
        if not paths or self._refused():
            return
        paths = [Path(path) for path in paths]
        article_path, source_paths = paths[0], paths[1:]
        self.window.runner.submit(
            lambda: operations.prepare_article(article_path, source_paths),
            lambda prepared: self._record_article(article_path, prepared),
            self.window.dialogs.show_error,
            self.tr("Reading {0}…").format(article_path.name),
        )

    def open_demo(self) -> None:
        """Read the bundled demo in the background and show it."""
        if self._refused():
            return
        self.window.runner.submit(
            operations.prepare_demo,
            lambda prepared: self._record_article(None, prepared),
            self.window.dialogs.show_error,
            self.tr("Opening the demo…"),
        )

    def _record_article(self, path: Path | None, prepared: operations.PreparedArticle) -> None:
        """A newly read article: stored and opened; or, if the workspace holds it already,
        the stored one is opened with the reader's work; or, if it holds an earlier version,
        the reader chooses between replacing that and keeping both."""
        same = self.session.article_with_text_of(prepared.document)
        if same is not None:
            self._reopen(path, same, prepared)
            return
        name = path.name if path else ""
        earlier = self.session.earlier_article_like(prepared.document, name) if name else None
        if earlier is not None:
            self.window.dialogs.offer_newer_version(
                earlier,
                name,
                of_article=True,
                replace=lambda: self._replace_article(earlier.id, prepared),
                add=lambda: self._store_article(path, prepared),
            )
            return
        self._store_article(path, prepared)

    def _reopen(
        self, path: Path | None, same: DocumentInfo, prepared: operations.PreparedArticle
    ) -> None:
        self.window.leave_article()
        if not self.window.write(lambda: self.session.reopen_article(same.id, prepared.sources)):
            return
        if path is not None:
            self.window.settings.remember_file(str(path))
            self.window.actions_.refresh_recent_menu()
        self.window.statusBar().showMessage(
            self.tr("“{0}” is already in this workspace: opened it with your work on it.").format(
                same.title or same.original_name
            ),
            8000,
        )

    def _replace_article(self, article_id: int, prepared: operations.PreparedArticle) -> None:
        """The stored article replaced by the newer version just read, its claims found
        again in it; sources read with it are attached as usual."""
        self.window.load_article(article_id)
        self.replace_with(article_id, prepared.document)
        for source in prepared.sources:
            self._record_source(article_id, None, source)

    def _store_article(self, path: Path | None, prepared: operations.PreparedArticle) -> None:
        self.window.leave_article()
        if not self.window.write(lambda: self.session.record_article(prepared)):
            return
        if path is not None:
            self.window.settings.remember_file(str(path))
            self.window.actions_.refresh_recent_menu()
        info = self.session.article
        assert info is not None
        self.window.statusBar().showMessage(
            self.tr("Opened {0}: {1} suggested claims.").format(
                info.title or info.original_name, len(prepared.suggestions)
            ),
            6000,
        )

    def add_source_files(self, paths: list[Path], alias: str = "") -> None:
        """Import files as sources of the current article; `alias` is a name the article uses."""
        article = self.session.article
        if article is None:
            self.open_article_files(paths)
            return
        if self._refused():
            return
        for path in paths:
            self._read_source(article.id, path, alias)

    def _read_source(self, article_id: int, path: Path, alias: str) -> None:
        self.window.runner.submit(
            lambda: operations.prepare_source(path, alias),
            lambda document: self._record_source(article_id, path, document),
            self.window.dialogs.show_error,
            self.tr("Reading {0}…").format(path.name),
        )

    def add_source_from_url(self, url: str, alias: str = "") -> None:
        """Fetch a web page once, at the reader's request, and keep it as a source."""
        article = self.session.article
        if article is None or self._refused():
            return
        self.window.runner.submit(
            lambda: operations.fetch_source(url, alias),
            lambda document: self._record_source(article.id, None, document),
            self.window.dialogs.show_error,
            self.tr("Fetching {0}…").format(url),
        )

    def _record_source(self, article_id: int, path: Path | None, document: Document) -> None:
        article = self.session.article
        same = self.session.attached_as(document) if article and article.id == article_id else None
        if same is not None:
            self.window.statusBar().showMessage(
                self.tr("{0} is already a source of this article, as “{1}”.").format(
                    path.name if path else document.metadata.address,
                    same.title or same.original_name,
                ),
                8000,
            )
            return
        earlier = (
            self.session.earlier_version_of(document, path.name if path else "")
            if same is None and article and article.id == article_id
            else None
        )
        if earlier is not None:
            self.window.dialogs.offer_newer_version(
                earlier,
                path.name if path else document.metadata.address,
                of_article=False,
                replace=lambda: self.replace_with(earlier.id, document),
                add=lambda: self._add_source(article_id, path, document),
            )
            return
        self._add_source(article_id, path, document)

    def _add_source(self, article_id: int, path: Path | None, document: Document) -> None:
        if not self.window.write(lambda: self.session.add_source(article_id, document)):
            return
        if path is not None:
            self.window.settings.remember_file(str(path))
        name = document.title or (path.name if path else document.metadata.address)
        self.window.statusBar().showMessage(self.tr("Added source {0}.").format(name), 6000)

    def update_source(self, source_id: int, changes: dict[str, Any]) -> None:
        self.window.write(lambda: self.session.update_source(source_id, changes))

    def reimport_document(self, document_id: int, path: Path) -> None:
        """Replace a document with a newer version of it; anchors are found again or orphaned."""
        self._revise(
            document_id,
            lambda document_id, claims, links, is_article: operations.prepare_revision(
                path, document_id, claims, links, is_article
            ),
            self.tr("Reading {0}…").format(path.name),
        )

    def replace_with(self, document_id: int, document: Document) -> None:
        """Replace a document with a newer version already read (a file added again)."""
        self._revise(
            document_id,
            lambda document_id, claims, links, is_article: operations.revision_with(
                document, document_id, claims, links, is_article
            ),
            self.tr("Finding the passages again in the newer version…"),
        )

    def _revise(
        self,
        document_id: int,
        revise: Callable[[int, dict[int, Any], dict[int, Any], bool], operations.Revision],
        busy: str,
    ) -> None:
        """Work out a newer version's anchors in the background, then record it."""
        if self._refused():
            return
        claims, links = self.session.anchors_on(document_id)
        article = self.session.article
        is_article = article is not None and article.id == document_id
        self.window.claim_panel.flush_note()
        self.window.runner.submit(
            lambda: revise(document_id, claims, links, is_article),
            self._record_revision,
            self.window.dialogs.show_error,
            busy,
        )

    def _record_revision(self, revision: operations.Revision) -> None:
        self.window.leave_article()
        if not self.window.write(lambda: self.session.record_revision(revision)):
            return
        message = self.tr("Re-imported: {0} anchors found again").format(revision.found_again)
        if revision.orphans:
            message += self.tr("; {0} not found, kept and shown as orphans").format(
                revision.orphans
            )
        self.window.statusBar().showMessage(message + ".", 10000)

    def remove_article(self, article_id: int) -> None:
        """Delete an article with its sources, claims and notes; show the next one."""
        self.window.leave_article()
        self.window.write(lambda: self.session.remove_article(article_id))

    def remove_source(self, source_id: int) -> None:
        """Remove a source and its links; claims, verdicts and notes stay."""
        self.window.write(lambda: self.session.remove_source(source_id))
