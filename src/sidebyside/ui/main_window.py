"""The main window: article, claims and sources side by side, wired to the workspace.

Widgets show and ask; every change goes through the store (directly or as an
undoable command) and every slow step runs on the task runner.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QMainWindow, QSplitter

from sidebyside import operations
from sidebyside.core.document import Document
from sidebyside.core.spans import Span
from sidebyside.records import ClaimRecord, DocumentInfo, LinkRecord
from sidebyside.store import Workspace
from sidebyside.ui.actions import WindowActions
from sidebyside.ui.article_pane import ArticlePane
from sidebyside.ui.claim_panel import ClaimPanel
from sidebyside.ui.claims_panel import ClaimsPanel
from sidebyside.ui.dialogs import Dialogs
from sidebyside.ui.note_saver import NoteSaver
from sidebyside.ui.settings import Settings
from sidebyside.ui.sources_area import MAX_PANES, SourcesArea
from sidebyside.ui.tasks import TaskRunner
from sidebyside.ui.window_claims import ClaimEditing
from sidebyside.ui.window_documents import DocumentOpening
from sidebyside.ui.window_matching import PassageFinding


class MainWindow(DocumentOpening, ClaimEditing, PassageFinding, QMainWindow):
    matches_shown = Signal(int)  # claim id whose passages are now painted
    article_loaded = Signal(int)  # article id
    export_written = Signal(str)  # path of the Markdown file

    def __init__(self, workspace: Workspace, settings: Settings | None = None) -> None:
        super().__init__()
        self.workspace = workspace
        self.settings = settings or Settings()
        self.runner = TaskRunner(self)
        self.undo_stack = QUndoStack(self)
        self.dialogs = Dialogs(self)
        self.article: DocumentInfo | None = None
        self._sources: list[tuple[DocumentInfo, Document]] = []
        self._matching: dict[str, operations.MatchingSession] = {}  # only tasks touch it
        self._claim: ClaimRecord | None = None
        self._links: list[LinkRecord] = []
        self._stored_indexes: dict[int, bytes] = {}
        self._citations = operations.Citations({}, {}, ())
        self._matching_round = 0
        self._last_selection_at = 0.0

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
        self.notes = NoteSaver(self.workspace, self.statusBar(), self)
        self._connect()
        self._restore_geometry()
        restored = self.notes.restore_unsaved()
        if restored:
            self.statusBar().showMessage(
                self.tr("{0} notes that could not be saved last time were saved now.").format(
                    restored
                ),
                8000,
            )

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
            lambda _shown: self._after_claims_changed(None)
        )
        self.claim_panel.verdict_chosen.connect(self.choose_verdict)
        self.claim_panel.note_edited.connect(self._on_claim_panel_note_edited)
        self.sources_area.link_state_chosen.connect(self._on_sources_area_link_state_chosen)
        self.sources_area.passage_linked.connect(self._on_sources_area_passage_linked)
        self.sources_area.edit_requested.connect(self.dialogs.edit_source)
        self.sources_area.replace_requested.connect(self.dialogs.ask_reimport)
        self.sources_area.remove_requested.connect(self.dialogs.ask_remove_source)
        self.runner.busy_changed.connect(self.dialogs.show_busy)
        missing = self.claims_panel.missing
        missing.attach_file_requested.connect(self.dialogs.ask_attach_missing)
        missing.fetch_requested.connect(self.dialogs.ask_fetch_missing)

    def _restore_geometry(self) -> None:
        if self.settings.window_geometry is not None:
            self.restoreGeometry(self.settings.window_geometry)
        if self.settings.window_state is not None:
            self.restoreState(self.settings.window_state)

    # -- articles and sources --------------------------------------------------------

    def load_article(self, article_id: int | None) -> None:
        """Show an article of the workspace with its sources and claims."""
        self.claim_panel.flush_note()
        self.undo_stack.clear()
        self._claim = None
        if article_id is None:
            self.article = None
            self._sources = []
            self.article_pane.show_article(None, None)
            self.sources_area.set_sources([])
            self.claims_panel.set_sources([])
            self.claims_panel.set_claims([])
            self.claim_panel.show_claim(None, "")
            self.claims_panel.missing.show_missing(())
            self.setWindowTitle("sidebyside")
            self.actions_.update_enabled()
            return
        self.workspace.mark_article_opened(article_id)
        self.article = self.workspace.document_info(article_id)
        self.article_pane.show_article(self.article, self.workspace.document(article_id))
        self._reload_sources()
        self._reload_claims(select_first=True)
        self.setWindowTitle(f"{self.article.title or self.article.original_name} — sidebyside")
        self._refresh_citations()
        self.match_remaining_claims()
        self.actions_.update_enabled()
        self.actions_.refresh_article_menu()
        self.article_loaded.emit(article_id)

    def _reload_sources(self) -> None:
        assert self.article is not None
        infos = self.workspace.sources_of(self.article.id)
        self._sources = [(info, self.workspace.document(info.id)) for info in infos]
        self._stored_indexes = self.workspace.stored_indexes(info.id for info in infos)
        self.sources_area.set_sources(self._sources)
        self.claims_panel.set_sources(infos)
        # With no sources yet, the article gets most of the width.
        width = sum(self.top_splitter.sizes()) or 1360
        article_share = 0.6 if not infos else 1 / (1 + min(len(infos), MAX_PANES))
        self.top_splitter.setSizes([int(width * article_share), int(width * (1 - article_share))])

    def _refresh_citations(self) -> None:
        """Work out again, in the background, which sources each claim cites and which
        cited names have no source attached."""
        document = self.article_pane.view.document_shown
        if self.article is None or document is None:
            return
        article_id = self.article.id
        claims = [
            (claim.id, Span(claim.start, claim.end))
            for claim in self.claims_panel.model.claims
            if not claim.orphaned and not claim.dismissed
        ]
        infos = [info for info, _ in self._sources]
        self.runner.submit(
            lambda: operations.read_citations(document, claims, infos),
            lambda citations: self._on_citations_read(article_id, citations),
            self.dialogs.show_error,
        )

    def _on_citations_read(self, article_id: int, citations: operations.Citations) -> None:
        if self.article is None or self.article.id != article_id:
            return
        self._citations = citations
        self.claims_panel.set_citations(citations.cited)
        self.claims_panel.missing.show_missing(citations.missing)
        self._show_citations()

    def _show_citations(self) -> None:
        """Mark the panes of the sources the selected claim names, and say so in the panel."""
        claim = self._claim
        named = claim is not None and self._citations.named.get(claim.id, False)
        cited = set(self._citations.cited.get(claim.id, ())) if claim and named else set()
        for pane in self.sources_area.panes:
            pane.set_cited(pane.info.id in cited)
        titles = [info.title or info.original_name for info, _ in self._sources if info.id in cited]
        self.claim_panel.show_citation(titles, named, bool(self._sources))

    def _reload_claims(self, *, select_first: bool = False, keep_id: int | None = None) -> None:
        assert self.article is not None
        claims = self.workspace.claims_of(
            self.article.id, include_dismissed=self.claims_panel.shows_dismissed
        )
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

    # -- claims ---------------------------------------------------------------------

    def _on_claims_panel_claim_selected(self, claim: ClaimRecord | None) -> None:
        self._show_claim(claim)
        if claim is not None:
            self.article_pane.reveal(claim)
            self.settings.remember_claim(self.workspace.path, claim.article_id, claim.id)

    def _last_claim_of(self, claims: list[ClaimRecord]) -> int:
        """The claim the reader had selected last time in this article, else the first."""
        remembered = self.settings.last_claim(self.workspace.path, claims[0].article_id)
        return remembered if any(c.id == remembered for c in claims) else claims[0].id

    def _show_claim(self, claim: ClaimRecord | None) -> None:
        self._claim = claim
        self._links = []
        self.actions_.update_enabled()
        self.article_pane.focus_claim(claim)
        self.article_pane.show_differences(None, [])
        if claim is None:
            self.claim_panel.show_claim(None, "")
            self.sources_area.show_links(None)
            return
        self.claim_panel.show_claim(claim, self.notes.note_of(claim.id))
        self.find_passages(claim)

    def _on_claim_panel_note_edited(self, claim_id: int, text: str) -> None:
        if self.notes.save(claim_id, text):
            self.statusBar().showMessage(self.tr("Note saved."), 1500)

    def _on_sources_area_link_state_chosen(self, link_id: int, state: str) -> None:
        self.workspace.set_link_state(link_id, state)
        if self._claim is not None:
            self._paint_links(self._claim.id)

    def _on_sources_area_passage_linked(self, source_id: int, span: Span) -> None:
        if self._claim is None:
            return
        source = next(doc for info, doc in self._sources if info.id == source_id)
        link = operations.reader_link(self._claim.text, source_id, source, span.start, span.end)
        self.workspace.add_reader_link(self._claim.id, link)
        self._paint_links(self._claim.id)

    def select_next_claim(self, delta: int) -> None:
        self.claims_panel.step(delta)

    # -- export ---------------------------------------------------------------------

    def export_markdown_to(self, path: Path) -> None:
        """Write the notes once every claim's passages are found (in the background)."""
        if self.article is None:
            return
        self.claim_panel.flush_note()
        article_id = self.article.id
        self.match_remaining_claims(then=lambda: self._write_export(article_id, Path(path)))

    def _write_export(self, article_id: int, path: Path) -> None:
        from sidebyside.export.markdown import export_markdown

        text = export_markdown([self.workspace.article_report(article_id)])
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            self.dialogs.show_error(error)
            return
        self.statusBar().showMessage(self.tr("Exported notes to {0}.").format(path), 6000)
        self.export_written.emit(str(path))

    # -- drag and drop ----------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        over_article = self.article_pane.geometry().contains(
            self.article_pane.parentWidget().mapFrom(self, event.position().toPoint())
        )
        if self.article is None or over_article:
            self.open_article_files(paths)
        else:
            self.add_source_files(paths)

    # -- appearance -----------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Repaint highlights in colours that suit a new light or dark palette."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.article is not None:
            self.claims_panel.model.refresh_decorations()
            current = self._claim
            self._reload_sources()
            self.article_pane.show_claims(self.claims_panel.model.claims)
            self._show_claim(current)

    # -- closing ----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.claim_panel.flush_note()
        if self.notes.has_unsaved and not self.dialogs.confirm_close_unsaved(
            operations.recovery_file(self.notes.path)
        ):
            event.ignore()
            return
        self._matching_round += 1
        self.runner.shut_down()
        self.settings.window_geometry = QByteArray(self.saveGeometry())
        self.settings.window_state = QByteArray(self.saveState())
        super().closeEvent(event)
