"""The main window: article, claims and sources side by side, on an `ArticleSession`.

Widgets show and ask. Every change goes through the session (directly, or as an undoable
command), which says what it changed; `apply` is the one place that shows it. Slow steps
run on the task runner.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter

from sidebyside import operations
from sidebyside.core.spans import Span
from sidebyside.operations import ArticleSession, Changes
from sidebyside.operations.export import DEFAULT_FORMAT
from sidebyside.records import ClaimRecord, DocumentInfo, LinkRecord
from sidebyside.ui.actions import WindowActions
from sidebyside.ui.article_pane import ArticlePane
from sidebyside.ui.claim_edits import ClaimEdits
from sidebyside.ui.claim_panel import ClaimPanel
from sidebyside.ui.claims_panel import ClaimsPanel
from sidebyside.ui.dialogs import Dialogs
from sidebyside.ui.document_notes import DocumentNotes
from sidebyside.ui.document_opener import DocumentOpener
from sidebyside.ui.linked_sources import LinkedSources
from sidebyside.ui.note_saver import NoteSaver
from sidebyside.ui.pane_keys import PaneKeys
from sidebyside.ui.passage_finder import PassageFinder
from sidebyside.ui.settings import Settings
from sidebyside.ui.sources_area import MAX_PANES, SourcesArea
from sidebyside.ui.tab_order import set_tab_order
from sidebyside.ui.tasks import TaskRunner


class MainWindow(QMainWindow):
    matches_shown = Signal(int)  # claim id whose passages are now painted
    article_loaded = Signal(int)  # article id
    export_written = Signal(str)  # path of the file exported

    def __init__(self, session: ArticleSession, settings: Settings | None = None) -> None:
        super().__init__()
        self.session = session
        self.settings = settings or Settings()
        self.runner = TaskRunner(self)
        self.undo_stack = QUndoStack(self)
        self.dialogs = Dialogs(self)
        self.linked_sources = LinkedSources(self)
        self.passages = PassageFinder(session, self.runner, self)
        self.documents = DocumentOpener(self)
        self.edits = ClaimEdits(self)
        self.pane_keys = PaneKeys(self)
        self._claim: ClaimRecord | None = None
        self._links: list[LinkRecord] = []
        self.painted_claim: int | None = None  # the claim whose passages are shown now

        self.setWindowTitle("sidebyside")
        self.setAcceptDrops(True)
        self.actions_ = WindowActions(self)
        self.article_pane = ArticlePane(
            [
                self.actions_.mark_claim,
                self.actions_.move_claim,
                self.actions_.accept_claim,
                self.actions_.dismiss_claim,
            ]
        )
        self.sources_area = SourcesArea()
        self.claims_panel = ClaimsPanel()
        self.claim_panel = ClaimPanel()
        self._build_layout()
        self.actions_.build_menus()
        self.notes = NoteSaver(session, self.statusBar(), self)
        self.document_notes = DocumentNotes(session, self.statusBar(), self)
        if session.read_only:
            self._show_read_only()
        self._connect()
        self._order_tab_stops()
        self._restore_geometry()
        restored = self.notes.restore_unsaved() + self.document_notes.restore_unsaved()
        if restored:
            self.statusBar().showMessage(
                self.tr("{0} notes that could not be saved last time were saved now.").format(
                    restored
                ),
                8000,
            )

    @property
    def article(self) -> DocumentInfo | None:
        return self.session.article

    @property
    def current_claim(self) -> ClaimRecord | None:
        """The claim shown in the claim panel, as last read."""
        return self._claim

    # -- layout and wiring ---------------------------------------------------------

    def _build_layout(self) -> None:
        self.top_splitter = top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.article_pane)
        top.addWidget(self.sources_area)
        top.setStretchFactor(0, 1)
        top.setStretchFactor(1, 3)
        top.setSizes([340, 1020])
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.claims_panel)
        bottom.addWidget(self.claim_panel)
        bottom.setSizes([560, 800])
        self.main_splitter = QSplitter(Qt.Orientation.Vertical)
        self.main_splitter.addWidget(top)
        self.main_splitter.addWidget(bottom)
        self.main_splitter.setStretchFactor(0, 3)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setSizes([540, 300])
        for splitter in (top, bottom, self.main_splitter):
            splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.main_splitter)
        self.resize(1400, 880)

    def _connect(self) -> None:
        self.claims_panel.claim_selected.connect(self._on_claims_panel_claim_selected)
        self.article_pane.claim_clicked.connect(self.claims_panel.select)
        self.article_pane.view.selection_changed_to.connect(
            lambda _span: self.actions_.update_enabled()
        )
        self.claims_panel.show_dismissed_changed.connect(
            lambda _shown: self.apply(Changes(claim_list=True))
        )
        self.claim_panel.verdict_chosen.connect(self.edits.choose_verdict)
        self.claim_panel.review_marked.connect(self.edits.mark_reviewed)
        self.claim_panel.tags_edited.connect(self.edits.set_tags)
        self.claim_panel.chain_step_chosen.connect(self._on_claim_panel_chain_step_chosen)
        self.claim_panel.note_edited.connect(self._on_claim_panel_note_edited)
        self.sources_area.link_state_chosen.connect(self.edits.choose_link_state)
        self.sources_area.passage_linked.connect(self.edits.link_passage)
        self.sources_area.edit_requested.connect(self.dialogs.edit_source)
        self.sources_area.panes_built.connect(self._order_tab_stops)
        self.sources_area.replace_requested.connect(self.dialogs.ask_reimport)
        self.sources_area.remove_requested.connect(self.dialogs.ask_remove_source)
        self.sources_area.notes_requested.connect(self.document_notes.open)
        self.article_pane.notes_requested.connect(self.document_notes.open)
        self.runner.busy_changed.connect(self.dialogs.show_busy)
        self.runner.progressed.connect(self.dialogs.show_progress)
        self.passages.changed.connect(self.apply)
        self.passages.failed.connect(self.dialogs.show_error)
        self.passages.progress.connect(self.dialogs.show_matching_progress)
        missing = self.claims_panel.missing
        missing.attach_file_requested.connect(self.dialogs.ask_attach_missing)
        missing.fetch_requested.connect(self.dialogs.ask_fetch_missing)
        missing.fetch_linked_requested.connect(self.linked_sources.fetch_one)

    def _order_tab_stops(self) -> None:
        set_tab_order(
            self, [self.article_pane, self.sources_area, self.claims_panel, self.claim_panel]
        )

    def _restore_geometry(self) -> None:
        if self.settings.window_geometry is not None:
            self.restoreGeometry(self.settings.window_geometry)
        if self.settings.window_state is not None:
            self.restoreState(self.settings.window_state)

    def _show_read_only(self) -> None:
        """Say, for as long as the window is open, that nothing here can be changed."""
        self.sources_area.read_only = True
        self.claim_panel.set_read_only(True)
        banner = QLabel(self.tr("Read-only: changes cannot be saved"))
        banner.setObjectName("read_only_banner")
        banner.setStyleSheet("QLabel { font-weight: bold; }")
        banner.setToolTip(
            self.tr(
                "{0} or its folder cannot be written to, so sidebyside only reads it: you "
                "can read, compare and export, but not mark claims, set verdicts or take "
                "notes. Copy it somewhere writable to work on it."
            ).format(self.session.path)
        )
        self.statusBar().addPermanentWidget(banner)
        self.actions_.update_enabled()

    # -- showing what changed --------------------------------------------------------

    def apply(self, changes: Changes) -> None:
        """Show what a write changed: the one place the window refreshes after a change."""
        with self.runner.reader_first():
            self._apply(changes)

    def _apply(self, changes: Changes) -> None:
        if changes.articles:
            self.actions_.refresh_article_menu()
        if changes.article:
            self._show_article()
        else:
            if changes.sources:
                self._show_sources()
            if changes.claim_list:
                self._show_claims(keep_id=changes.select)
            elif changes.claims:
                self._show_claim_records(changes.claims)
            if self._claim is not None and (
                changes.sources or (self._claim.id in changes.links and not changes.claim_list)
            ):
                self._show_passages(self._claim)
            if changes.cited:
                self._show_cited()
                self._show_citations()
        if changes.citations:
            self._refresh_citations()
        if changes.matching:
            self.passages.match_remaining()
        self.actions_.update_enabled()

    def write(self, change: Callable[[], Changes]) -> bool:
        """Run a session write and show what it changed; if the workspace refuses it (full
        disk, another program writing, read-only), say so and show what is stored."""
        try:
            changes = change()
        except operations.WRITE_ERRORS as error:
            self.write_failed(error)
            return False
        self.apply(changes)
        return True

    def write_failed(self, error: BaseException) -> None:
        """A change the workspace refused: nothing was changed, and the window shows that."""
        self.dialogs.show_not_saved(operations.why_not_written(error))
        if self.session.article is not None:
            self.apply(Changes(claim_list=True))  # re-reads the claims, the selected one too

    def load_article(self, article_id: int | None) -> None:
        """Show an article of the workspace with its sources and claims."""
        self.leave_article()
        self.apply(self.session.open_article(article_id) | Changes(articles=True))

    def leave_article(self) -> None:
        """Before another article is shown: the note typed is saved, background matching
        stops, and the undo history (of the old article's edits) is cleared."""
        self.claim_panel.flush_note()
        self.passages.stop()
        self.undo_stack.clear()
        self._claim = None

    def _show_article(self) -> None:
        article = self.session.article
        self.article_pane.show_article(article, self.session.article_document)
        self._show_sources()
        self._show_cited()  # none yet: they are worked out in the background
        if article is None:
            self.claims_panel.set_claims([])
            self.claim_panel.show_claim(None, "")
            self.setWindowTitle("sidebyside")
            return
        self._show_claims(select_first=True)
        suffix = self.tr(" (read-only)") if self.session.read_only else ""
        self.setWindowTitle(f"{article.title or article.original_name}{suffix} — sidebyside")
        self.article_loaded.emit(article.id)

    def _show_sources(self) -> None:
        sources = self.session.sources
        self.sources_area.set_sources(sources)
        self.claims_panel.set_sources([info for info, _ in sources])
        # With no sources yet, the article gets most of the width.
        width = sum(self.top_splitter.sizes()) or 1360
        article_share = 0.6 if not sources else 1 / (1 + min(len(sources), MAX_PANES))
        self.top_splitter.setSizes([int(width * article_share), int(width * (1 - article_share))])

    def _show_claims(self, *, select_first: bool = False, keep_id: int | None = None) -> None:
        claims = self.session.claims(include_dismissed=self.claims_panel.shows_dismissed)
        keep = keep_id if keep_id is not None else (self._claim.id if self._claim else None)
        row_before = self.claims_panel.model.row_of(self._claim.id) if self._claim else -1
        if keep is not None and all(claim.id != keep for claim in claims):
            keep = None
        self.claims_panel.set_claims(claims)
        if keep is not None:
            self.claims_panel.select(keep)
        elif row_before >= 0 and claims:  # the claim left the list: keep the reader's place
            self.claims_panel.select(claims[min(row_before, len(claims) - 1)].id)
        elif select_first and claims:
            self.claims_panel.select(self._last_claim_of(claims))
        else:
            self._show_claim(None)
        self.article_pane.show_claims(claims)
        self.article_pane.focus_claim(self._claim)

    def _show_claim_records(self, claim_ids: frozenset[int]) -> None:
        """Claims changed in place (a verdict): their rows, highlights and panel."""
        for claim_id in claim_ids:
            claim = self.session.claim(claim_id)
            self.claims_panel.update_claim(claim)
            if self._claim is not None and self._claim.id == claim_id:
                self._claim = claim
                self.claim_panel.set_verdict_shown(claim)
        self.claim_panel.set_known_tags(self.session.workspace_tags())
        self.article_pane.show_claims(self.claims_panel.model.claims)  # judged: not pending

    def _refresh_citations(self) -> None:
        """Work out again, in the background, which sources each claim cites and which
        cited names have no source attached."""
        if self.session.article is None:
            return
        work = self.session.citation_work()
        self.runner.submit(
            lambda: operations.read_article_citations(work),
            lambda read: self.apply(self.session.record_citations(*read)),
            self.dialogs.show_error,
        )

    def _show_cited(self) -> None:
        """Which sources every claim cites (the filter by source), and the missing ones."""
        self.claims_panel.set_citations(self.session.citations.cited)
        self.claims_panel.show_missing(self.session.citations.missing)

    def _show_citations(self) -> None:
        """Mark the panes of the sources the selected claim names, and say so in the panel."""
        claim = self._claim
        named, cited = self.session.cited_sources(claim.id) if claim else (False, set())
        for pane in self.sources_area.panes:
            pane.set_cited(pane.info.id in cited)
        titles = [
            info.title or info.original_name for info, _ in self.session.sources if info.id in cited
        ]
        self.claim_panel.show_citation(titles, named, bool(self.session.sources))

    # -- the selected claim -----------------------------------------------------------

    def _on_claims_panel_claim_selected(self, claim: ClaimRecord | None) -> None:
        with self.runner.reader_first():
            self._show_claim(claim)
        if claim is not None:
            self.article_pane.reveal(claim)
            self.settings.remember_claim(self.session.path, claim.article_id, claim.id)

    def _last_claim_of(self, claims: list[ClaimRecord]) -> int:
        """The claim the reader had selected last time in this article, else the first."""
        remembered = self.settings.last_claim(self.session.path, claims[0].article_id)
        if remembered is not None and any(c.id == remembered for c in claims):
            return remembered
        return claims[0].id

    def _show_claim(self, claim: ClaimRecord | None) -> None:
        self._claim = claim
        self._links = []
        self.painted_claim = None
        self.actions_.update_enabled()
        self.article_pane.focus_claim(claim)
        self.article_pane.show_differences(None, [])
        if claim is None:
            self.claim_panel.show_claim(None, "")
            self.sources_area.show_links(None)
            return
        self.claim_panel.set_known_tags(self.session.workspace_tags())
        self.claim_panel.show_claim(claim, self.notes.note_of(claim.id))
        self._show_passages(claim)

    def _show_passages(self, claim: ClaimRecord) -> None:
        """Paint the claim's stored passages, or find them first (in the background)."""
        if self.passages.find(claim, self.claims_panel.claims_after(claim.id)):
            self.sources_area.show_finding()
            return
        self._links = self.session.links_of(claim.id)
        self.sources_area.show_links(self._links)
        primary = self.session.primary_links(self._links)
        self.claim_panel.update_links(primary)
        self.claim_panel.show_suggestion(
            self.session.suggestion_of(claim.id, self._links), self.session.source_names()
        )
        self.article_pane.show_differences(
            claim,
            [
                Span(d.claim_start, d.claim_end)
                for link in primary
                for d in link.differences
                if d.claim_start is not None and d.claim_end is not None
            ],
        )
        self.claim_panel.show_provenance(
            self.session.provenance_of(claim, self._links), self.session.source_names()
        )
        self._show_citations()
        self.painted_claim = claim.id
        self.matches_shown.emit(claim.id)

    def _on_claim_panel_chain_step_chosen(self, document_id: int, start: int, end: int) -> None:
        """A step of the claim's chain: that document, at its passage for the claim."""
        article = self.session.article
        if article is not None and document_id == article.id:
            view = self.article_pane.view
        else:
            pane = self.sources_area.show_source(document_id)
            if pane is None:
                return
            view = pane.view
        if start >= 0:
            view.select_span(Span(start, end))
        view.setFocus()

    def _on_claim_panel_note_edited(self, claim_id: int, text: str) -> None:
        if self.notes.save(claim_id, text):
            self.statusBar().showMessage(self.tr("Note saved."), 1500)

    def select_next_claim(self, delta: int) -> None:
        self.claims_panel.step(delta)

    # -- export ---------------------------------------------------------------------

    def export_markdown_to(self, path: Path) -> None:
        self.export_to(path, DEFAULT_FORMAT)

    def export_to(self, path: Path, format: str) -> None:
        """Write the article in `format` ("markdown", "csv", …) once every claim's passages
        are found (all in the background)."""
        article = self.session.article
        if article is None:
            return
        self.claim_panel.flush_note()
        self.passages.match_remaining(
            then=lambda: self._write_export(article.id, Path(path), format)
        )

    def _write_export(self, article_id: int, path: Path, format: str) -> None:
        self.runner.submit(
            lambda: self.session.write_export([article_id], path, format),
            self._on_export_written,
            self.dialogs.show_error,
            self.tr("Exporting…"),
        )

    def _on_export_written(self, path: Path) -> None:
        self.statusBar().showMessage(self.tr("Exported to {0}.").format(path), 6000)
        self.export_written.emit(str(path))

    def stop_work(self) -> None:
        """The reader's Stop: the running task ends at its next step, background matching
        pauses (each claim is still matched when selected)."""
        reached = self.passages.stop()
        working = self.runner.is_busy
        self.runner.cancel()
        if working and reached is None:  # a page being fetched gives up at its time limit
            self.statusBar().showMessage(
                self.tr(
                    "Stopping… the step under way ends first (a page being fetched "
                    "is given up within its time limit)."
                )
            )
        if reached is not None:
            self.statusBar().showMessage(
                self.tr(
                    "Stopped matching at {0} of {1} claims. The others are matched when you "
                    "open them, add a source or export."
                ).format(*reached),
                15000,
            )

    # -- drag and drop ----------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        over_article = self.article_pane.rect().contains(
            self.article_pane.mapFrom(self, event.position().toPoint())
        )
        if self.session.article is None or over_article:
            self.documents.open_article_files(paths)
        else:
            self.documents.add_source_files(paths)

    # -- appearance -----------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Repaint highlights in colours that suit a new light or dark palette (from the
        documents already read: nothing is read from the workspace again)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.session.article is not None:
            self.claims_panel.model.refresh_decorations()
            current = self._claim
            self.sources_area.set_sources(self.session.sources)
            self.article_pane.show_claims(self.claims_panel.model.claims)
            self._show_claim(current)

    # -- closing ----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.claim_panel.flush_note()
        self.document_notes.flush()
        unsaved = self.notes if self.notes.has_unsaved else self.document_notes.saver
        if unsaved.has_unsaved and not self.dialogs.confirm_close_unsaved(unsaved.kept_in):
            event.ignore()
            return
        self.document_notes.close_all()
        self.passages.stop()
        self.runner.shut_down()
        self.settings.window_geometry = QByteArray(self.saveGeometry())
        self.settings.window_state = QByteArray(self.saveState())
        super().closeEvent(event)
