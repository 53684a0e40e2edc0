"""Opening articles and sources in the window: files, the demo, addresses, newer versions.

Reading happens on the task runner; recording happens here, on the UI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sidebyside import operations
from sidebyside.core.document import Document

if TYPE_CHECKING:
    from sidebyside.ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class DocumentOpening(_Base):
    """Mixed into MainWindow."""

    def open_article_files(self, paths: list[Path]) -> None:
        """Import the first file as the article, the rest as its sources (in the background)."""
        if not paths:
            return
        article_path, source_paths = paths[0], paths[1:]
        self.runner.submit(
            lambda: operations.prepare_article(article_path, source_paths),
            lambda prepared: self._on_article_prepared(article_path, prepared),
            self.dialogs.show_error,
            self.tr("Reading {0}…").format(article_path.name),
        )

    def open_demo(self) -> None:
        """Read the bundled demo in the background and show it."""
        self.runner.submit(
            operations.prepare_demo,
            lambda prepared: self._on_article_prepared(None, prepared),
            self.dialogs.show_error,
            self.tr("Opening the demo…"),
        )

    def _on_article_prepared(self, path: Path | None, prepared: operations.PreparedArticle) -> None:
        info = operations.record_article(self.workspace, prepared)
        if path is not None:
            self.settings.remember_file(str(path))
            self.actions_.refresh_recent_menu()
        self.load_article(info.id)
        self.statusBar().showMessage(
            self.tr("Opened {0}: {1} suggested claims.").format(
                info.title or info.original_name, len(prepared.suggestions)
            ),
            6000,
        )

    def add_source_files(self, paths: list[Path], alias: str = "") -> None:
        """Import files as sources of the current article; `alias` is a name the article uses."""
        if self.article is None:
            self.open_article_files(paths)
            return
        article_id = self.article.id
        for path in paths:
            self.runner.submit(
                lambda path=path: operations.prepare_source(path, alias),
                lambda document, path=path: self._on_source_prepared(article_id, path, document),
                self.dialogs.show_error,
                self.tr("Reading {0}…").format(path.name),
            )

    def add_source_from_url(self, url: str, alias: str = "") -> None:
        """Fetch a web page once, at the reader's request, and keep it as a source."""
        if self.article is None:
            return
        article_id = self.article.id
        self.runner.submit(
            lambda: operations.fetch_source(url, alias),
            lambda document: self._on_source_prepared(article_id, None, document),
            self.dialogs.show_error,
            self.tr("Fetching {0}…").format(url),
        )

    def _on_source_prepared(self, article_id: int, path: Path | None, document: Document) -> None:
        self.workspace.add_source(article_id, document)
        if path is not None:
            self.settings.remember_file(str(path))
        if self.article is not None and self.article.id == article_id:
            self._reload_sources()
            self._show_claim(self._claim)
            self._refresh_citations()
            self.match_remaining_claims()
        name = document.title or (path.name if path else document.metadata.address)
        self.statusBar().showMessage(self.tr("Added source {0}.").format(name), 6000)

    def update_source(self, source_id: int, changes: dict[str, Any]) -> None:
        info = self.workspace.update_metadata(source_id, **changes)
        pane = self.sources_area.pane_for(source_id)
        if pane is not None:
            pane.show_info(info)
        if self.article is not None:
            self._sources = [
                (info if existing.id == source_id else existing, document)
                for existing, document in self._sources
            ]
            self.claims_panel.set_sources([existing for existing, _ in self._sources])
            self._refresh_citations()

    def reimport_document(self, document_id: int, path: Path) -> None:
        """Replace a document with a newer version of it; anchors are found again or orphaned."""
        claims, links = self.workspace.anchors_on(document_id)
        is_article = self.article is not None and self.article.id == document_id
        self.claim_panel.flush_note()
        self.runner.submit(
            lambda: operations.prepare_revision(path, document_id, claims, links, is_article),
            self._on_revision_prepared,
            self.dialogs.show_error,
            self.tr("Reading {0}…").format(path.name),
        )

    def _on_revision_prepared(self, revision: operations.Revision) -> None:
        operations.record_revision(self.workspace, revision)
        if self.article is not None:
            self.load_article(self.article.id)
        message = self.tr("Re-imported: {0} anchors found again").format(
            len(revision.claims) + len(revision.links) - revision.orphans
        )
        if revision.orphans:
            message += self.tr("; {0} not found, kept and shown as orphans").format(
                revision.orphans
            )
        self.statusBar().showMessage(message + ".", 10000)

    def remove_article(self, article_id: int) -> None:
        """Delete an article with its sources, claims and notes; show the next one."""
        self.workspace.remove_document(article_id)
        remaining = self.workspace.articles()
        self.load_article(remaining[0].id if remaining else None)
        self.actions_.refresh_article_menu()

    def remove_source(self, source_id: int) -> None:
        """Remove a source and its links; claims, verdicts and notes stay."""
        self.workspace.remove_document(source_id)
        self._reload_sources()
        self._show_claim(self._claim)
        self._refresh_citations()
        self.match_remaining_claims()
