"""The window's actions, menus, toolbar and shortcuts, declared in one place."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from sidebyside.core.verdicts import Verdict

if TYPE_CHECKING:
    from sidebyside.ui.main_window import MainWindow
    from sidebyside.ui.search_dialog import WorkspaceSearch

SUPPORTED_FILES = (
    "Documents (*.html *.htm *.xhtml *.md *.markdown *.txt *.text *.pdf *.epub *.docx);;"
    "All files (*)"
)


class WindowActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        tr = window.tr
        self.open_article = self._action(tr("&Open Article…"), QKeySequence.StandardKey.Open)
        self.add_source = self._action(tr("&Add Source…"), QKeySequence("Ctrl+Shift+O"))
        self.add_source_url = self._action(
            tr("Add Source from &URL…"), QKeySequence("Ctrl+Shift+U")
        )
        self.fetch_linked = self._action(tr("Fetch All &Linked Sources…"))
        self.fetch_report = self._action(tr("Last Fetc&h Report…"))
        self.fetch_report.setToolTip(tr("What became of each address fetched last"))
        self.fetch_linked.setToolTip(
            tr("Fetch the pages the article's claims link and attach each as a source")
        )
        self.export = self._action(tr("&Export…"), QKeySequence("Ctrl+E"))
        self.reimport = self._action(tr("Re&place Article with Newer Version…"))
        self.import_annotations = self._action(tr("&Import Annotations…"))
        self.import_annotations.setToolTip(
            tr("Import a W3C Web Annotation or Hypothesis file, anchored to the documents")
        )
        self.import_zotero = self._action(tr("Import from &Zotero…"))
        self.import_zotero.setToolTip(tr("Import saved pages and PDFs of a Zotero library"))
        self.remove_article = self._action(tr("Re&move Article from Workspace…"))
        self.quit = self._action(tr("&Quit"), QKeySequence.StandardKey.Quit)
        self.undo = window.undo_stack.createUndoAction(window, tr("&Undo"))
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo.setProperty("help_label", tr("Undo the last change"))
        self.redo = window.undo_stack.createRedoAction(window, tr("&Redo"))
        self.redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo.setProperty("help_label", tr("Redo the change undone"))
        self.mark_claim = self._action(tr("&Mark as Claim"), QKeySequence("Ctrl+M"))
        self.mark_claim.setEnabled(False)
        self.accept_claim = self._action(tr("&Accept Suggested Claim"), QKeySequence("Ctrl+Return"))
        self.move_claim = self._action(
            tr("Set Claim to &Selected Words"), QKeySequence("Ctrl+Shift+M")
        )
        self.dismiss_claim = self._action(tr("&Dismiss Claim"), QKeySequence("Ctrl+Shift+D"))
        self.restore_claim = self._action(tr("&Restore Dismissed Claim"))
        self.mark_reviewed = self._action(tr("Mark as Revie&wed"), QKeySequence("Ctrl+Shift+R"))
        self.mark_reviewed.setToolTip(
            tr("The claim's words changed in a newer version; your verdict still stands")
        )
        self.link_passage = self._action(
            tr("&Link Selected Passage to Claim"), QKeySequence("Ctrl+L")
        )
        self.find = self._action(tr("&Find…"), QKeySequence.StandardKey.Find)
        self.find_next = self._action(tr("Find &Next"), QKeySequence.StandardKey.FindNext)
        self.find_previous = self._action(
            tr("Find Pre&vious"), QKeySequence.StandardKey.FindPrevious
        )
        self.search_workspace = self._action(tr("Search &Workspace…"), QKeySequence("Ctrl+Shift+F"))
        self.search_workspace.setToolTip(
            tr("Find words in every article, source, claim and note (Ctrl+Shift+F)")
        )
        self.previous_candidate = self._action(
            tr("Previ&ous Candidate Passage"), QKeySequence("Alt+Left")
        )
        self.next_candidate = self._action(tr("Ne&xt Candidate Passage"), QKeySequence("Alt+Right"))
        self.confirm_passage = self._action(
            tr("&Confirm Passage"), QKeySequence("Ctrl+Shift+Return")
        )
        self.reject_passage = self._action(tr("Re&ject Passage"), QKeySequence("Ctrl+Shift+Del"))
        self.next_pane = self._action(tr("Next &Pane"), QKeySequence("Ctrl+Tab"))
        self.previous_pane = self._action(tr("Previous Pan&e"), QKeySequence("Ctrl+Shift+Tab"))
        self.previous_pane.setShortcuts(
            [QKeySequence("Ctrl+Shift+Tab"), QKeySequence("Ctrl+Shift+Backtab")]
        )
        self.next_claim = self._action(tr("&Next Claim"), QKeySequence("Alt+Down"))
        self.previous_claim = self._action(tr("&Previous Claim"), QKeySequence("Alt+Up"))
        self.verdicts = [
            self._action(verdict.label, QKeySequence(f"Ctrl+{number}"))
            for number, verdict in enumerate(Verdict)
        ]
        self.preview_notes = self._action(tr("Preview &Notes"), QKeySequence("Ctrl+Shift+P"))
        self.preview_notes.setCheckable(True)
        self.preview_notes.setToolTip(tr("Show the notes formatted beside the text (Ctrl+Shift+P)"))
        self.project = self._action(tr("Pro&ject…"), QKeySequence("Ctrl+Shift+J"))
        self.project.setToolTip(
            tr("Every article with its progress, every source with its articles (Ctrl+Shift+J)")
        )
        self.about = self._action(tr("&About sidebyside"))
        self.keys_help = self._action(
            tr("&Keys and Colours"), QKeySequence.StandardKey.HelpContents
        )
        self.open_article.setToolTip(tr("Open an article to check (Ctrl+O)"))
        self.add_source.setToolTip(tr("Add a document the article cites (Ctrl+Shift+O)"))
        self.mark_claim.setToolTip(tr("Mark the selected words of the article as a claim (Ctrl+M)"))
        self.previous_candidate.setToolTip(
            tr("Show the previous candidate passage in the source pane you are in")
        )
        self.next_candidate.setToolTip(
            tr("Show the next candidate passage in the source pane you are in")
        )
        self.confirm_passage.setToolTip(tr("Confirm that the passage shown supports the claim"))
        self.reject_passage.setToolTip(tr("Reject the passage shown: it does not correspond"))
        self.export.setToolTip(
            tr("Export claims, passages and notes to Markdown or another format (Ctrl+E)")
        )
        self.workspace_search: WorkspaceSearch | None = None  # made when first opened
        self._connect()
        self.recent_menu = QMenu(tr("Open &Recent"), window)
        self.articles_menu = QMenu(tr("Ar&ticles in Workspace"), window)
        self.scheme_group = QActionGroup(window)

    def _action(
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        return action

    def _connect(self) -> None:
        window, dialogs = self.window, self.window.dialogs
        self.open_article.triggered.connect(dialogs.ask_open_article)
        self.add_source.triggered.connect(dialogs.ask_add_sources)
        self.add_source_url.triggered.connect(dialogs.ask_source_url)
        self.fetch_linked.triggered.connect(window.linked_sources.ask_fetch_all)
        self.fetch_report.triggered.connect(window.linked_sources.show_report)
        self.export.triggered.connect(dialogs.ask_export)
        from sidebyside.ui.import_dialogs import Importing

        self.importing = Importing(window)
        self.import_annotations.triggered.connect(self.importing.ask_import_annotations)
        self.import_zotero.triggered.connect(self.importing.ask_import_from_zotero)
        self.reimport.triggered.connect(lambda: dialogs.ask_reimport(None))
        self.remove_article.triggered.connect(dialogs.ask_remove_article)
        self.quit.triggered.connect(window.close)
        edits = window.edits
        self.mark_claim.triggered.connect(edits.mark_selection)
        self.dismiss_claim.triggered.connect(edits.dismiss_current)
        self.accept_claim.triggered.connect(edits.accept_current)
        self.move_claim.triggered.connect(edits.move_current_to_selection)
        self.restore_claim.triggered.connect(edits.restore_current)
        self.mark_reviewed.triggered.connect(edits.mark_current_reviewed)
        self.link_passage.triggered.connect(self._link_focused_selection)
        keys = window.pane_keys
        self.find.triggered.connect(keys.open_find)
        self.find_next.triggered.connect(lambda: keys.find_step(1))
        self.find_previous.triggered.connect(lambda: keys.find_step(-1))
        self.search_workspace.triggered.connect(self._open_search)
        self.previous_candidate.triggered.connect(lambda: keys.step_candidate(-1))
        self.next_candidate.triggered.connect(lambda: keys.step_candidate(1))
        self.confirm_passage.triggered.connect(lambda: keys.choose_state("confirmed"))
        self.reject_passage.triggered.connect(lambda: keys.choose_state("rejected"))
        self.next_pane.triggered.connect(lambda: keys.cycle(1))
        self.previous_pane.triggered.connect(lambda: keys.cycle(-1))
        self.next_claim.triggered.connect(lambda: window.select_next_claim(1))
        self.previous_claim.triggered.connect(lambda: window.select_next_claim(-1))
        for action, verdict in zip(self.verdicts, Verdict, strict=True):
            action.triggered.connect(partial(edits.choose_verdict_for_current, verdict))
        self.preview_notes.toggled.connect(self._on_preview_notes_toggled)
        self.project.triggered.connect(self._show_project)
        self.about.triggered.connect(dialogs.show_about)
        self.keys_help.triggered.connect(dialogs.show_keys_and_colours)

    def _show_project(self) -> None:
        from sidebyside.ui.project_view import ProjectDialog

        window = self.window
        window.claim_panel.flush_note()  # its progress counts what is stored
        dialog = ProjectDialog(window)
        dialog.article_opened.connect(self._open_from_project)
        dialog.show_overview(
            window.session.project_overview(), window.article.id if window.article else None
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _open_from_project(self, article_id: int) -> None:
        if self.window.article is None or self.window.article.id != article_id:
            self.window.load_article(article_id)

    def _open_search(self) -> None:
        from sidebyside.ui.search_dialog import WorkspaceSearch

        if self.workspace_search is None:
            self.workspace_search = WorkspaceSearch(self.window)
        self.workspace_search.open()

    def _on_preview_notes_toggled(self, shown: bool) -> None:
        self.window.claim_panel.set_preview_shown(shown)
        self.window.settings.notes_preview = shown

    def _link_focused_selection(self) -> None:
        pane = self.window.pane_keys.source_pane()
        if pane is not None and pane.view.selected_span() is not None:
            pane.link_selection()
        else:
            self.window.statusBar().showMessage(
                self.window.tr("Select words in a source pane first, then press Ctrl+L."), 5000
            )

    def build_menus(self) -> None:
        window, tr = self.window, self.window.tr
        bar = window.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        file_menu.addActions([self.open_article, self.add_source, self.add_source_url])
        file_menu.addActions([self.fetch_linked, self.fetch_report])
        self.fetch_report.setEnabled(False)  # until a fetch has run
        file_menu.addMenu(self.recent_menu)
        file_menu.addMenu(self.articles_menu)
        file_menu.addAction(self.reimport)
        file_menu.addAction(self.remove_article)
        file_menu.addSeparator()
        file_menu.addAction(self.export)
        file_menu.addActions([self.import_annotations, self.import_zotero])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = bar.addMenu(tr("&Edit"))
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.mark_claim, self.move_claim, self.link_passage])
        edit_menu.addSeparator()
        edit_menu.addActions([self.find, self.find_next, self.find_previous])
        edit_menu.addAction(self.search_workspace)
        claim_menu = bar.addMenu(tr("&Claim"))
        claim_menu.addActions([self.next_claim, self.previous_claim])
        claim_menu.addSeparator()
        claim_menu.addActions(
            [self.accept_claim, self.dismiss_claim, self.restore_claim, self.mark_reviewed]
        )
        claim_menu.addSeparator()
        claim_menu.addActions(
            [
                self.previous_candidate,
                self.next_candidate,
                self.confirm_passage,
                self.reject_passage,
            ]
        )
        verdict_menu = claim_menu.addMenu(tr("&Verdict"))
        verdict_menu.addActions(self.verdicts)
        view_menu = bar.addMenu(tr("&View"))
        view_menu.addAction(self.project)
        view_menu.addSeparator()
        view_menu.addActions([self.next_pane, self.previous_pane])
        view_menu.addSeparator()
        scheme_menu = view_menu.addMenu(tr("&Appearance"))
        for key, label in (
            ("system", tr("Follow System")),
            ("light", tr("Light")),
            ("dark", tr("Dark")),
        ):
            action = QAction(label, window, checkable=True)
            action.setChecked(window.settings.colour_scheme == key)
            action.triggered.connect(partial(window.dialogs.set_colour_scheme, key))
            self.scheme_group.addAction(action)
            scheme_menu.addAction(action)
        view_menu.addAction(self.preview_notes)
        self.preview_notes.setChecked(window.settings.notes_preview)
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addActions([self.keys_help, self.about])

        toolbar = QToolBar(tr("Main"), window)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setMovable(False)
        toolbar.addActions([self.open_article, self.add_source, self.add_source_url])
        toolbar.addSeparator()
        toolbar.addActions([self.mark_claim, self.previous_claim, self.next_claim])
        toolbar.addSeparator()
        toolbar.addAction(self.export)
        window.addToolBar(toolbar)
        self.refresh_recent_menu()
        self.refresh_article_menu()
        self.update_enabled()

    def refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.window.settings.recent_files
        for path in files:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(
                partial(self.window.documents.open_article_files, [Path(path)])
            )
        if files:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(self.window.tr("Clear Menu"))
            clear.triggered.connect(self._clear_recent)
        self.recent_menu.setEnabled(bool(files))

    def _clear_recent(self) -> None:
        self.window.settings.forget_recent_files()
        self.refresh_recent_menu()

    def refresh_article_menu(self) -> None:
        self.articles_menu.clear()
        current = self.window.article.id if self.window.article else None
        for info in self.window.session.articles():
            action = self.articles_menu.addAction(info.title or info.original_name)
            action.setCheckable(True)
            action.setChecked(info.id == current)
            action.triggered.connect(partial(self.window.load_article, info.id))
        self.articles_menu.setEnabled(not self.articles_menu.isEmpty())

    def update_enabled(self) -> None:
        """Enable what makes sense now; nothing that writes when the workspace is read-only."""
        writable = not self.window.session.read_only
        has_article = self.window.article is not None
        claim = self.window.claims_panel.current_claim()
        has_claim = claim is not None
        has_selection = self.window.article_pane.view.selected_span() is not None
        self.mark_claim.setEnabled(writable and has_article and has_selection)
        self.move_claim.setEnabled(writable and has_claim and has_selection)
        self.accept_claim.setEnabled(writable and claim is not None and claim.is_pending_suggestion)
        self.restore_claim.setEnabled(writable and claim is not None and claim.dismissed)
        self.mark_reviewed.setEnabled(writable and claim is not None and claim.needs_review)
        self.open_article.setEnabled(writable)
        self.add_source.setEnabled(writable)
        self.import_annotations.setEnabled(writable)
        self.import_zotero.setEnabled(writable)
        self.export.setEnabled(has_article)
        self.reimport.setEnabled(writable and has_article)
        self.remove_article.setEnabled(writable and has_article)
        self.add_source_url.setEnabled(writable and has_article)
        for action in (
            self.link_passage,
            self.confirm_passage,
            self.reject_passage,
            *self.verdicts,
        ):
            action.setEnabled(writable and has_claim)
        for action in (self.previous_candidate, self.next_candidate):
            action.setEnabled(has_claim)
        for action in (self.find, self.find_next, self.find_previous):
            action.setEnabled(has_article)
        self.dismiss_claim.setEnabled(writable and claim is not None and not claim.dismissed)
        self.next_claim.setEnabled(has_article)
        self.previous_claim.setEnabled(has_article)
