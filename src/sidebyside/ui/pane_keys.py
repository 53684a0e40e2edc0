"""Which pane the keys act on: Find, the passage keys, and moving between panes.

The reader's keys go to the pane with the focus. When the focus is elsewhere (the claim
list, the notes) they go to the pane used last, so "next candidate" still means the
source the reader was looking at, and failing that to the best placed one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from sidebyside.ui.article_pane import ArticlePane
from sidebyside.ui.find_bar import FindBar
from sidebyside.ui.source_pane import SourcePane

if TYPE_CHECKING:
    from sidebyside.ui.main_window import MainWindow


class PaneKeys(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._last_pane: ArticlePane | SourcePane | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focusChanged)

    def _on_app_focusChanged(self, _old: QWidget | None, new: QWidget | None) -> None:
        pane = _document_pane_of(new)
        if pane is not None:
            self._last_pane = pane

    def _last(self) -> ArticlePane | SourcePane | None:
        pane = self._last_pane
        if pane is None or not shiboken6.isValid(pane) or not pane.isVisible():
            return None
        return pane

    # -- find ----------------------------------------------------------------------

    def find_bar(self) -> FindBar:
        """The find bar of the focused pane, else of the pane used last, else the article's."""
        pane = _document_pane_of(QApplication.focusWidget()) or self._last()
        return (pane or self.window.article_pane).find_bar

    def open_find(self) -> None:
        """Ctrl+F: find in the pane with the focus; in the claim list, filter the claims."""
        focus = QApplication.focusWidget()
        if focus is not None and self.window.claims_panel.isAncestorOf(focus):
            self.window.claims_panel.focus_filter()
            return
        self.find_bar().open()

    def find_step(self, delta: int) -> None:
        self.find_bar().step(delta)

    # -- the passage keys -------------------------------------------------------------

    def source_pane(self) -> SourcePane | None:
        """The source pane the passage keys act on."""
        pane = _document_pane_of(QApplication.focusWidget()) or self._last()
        if isinstance(pane, SourcePane):
            return pane
        panes = self.window.sources_area.panes
        return next((p for p in panes if p.current_link is not None), None)

    def step_candidate(self, delta: int) -> None:
        pane = self.source_pane()
        if pane is not None:
            pane.step(delta)

    def choose_state(self, state: str) -> None:
        pane = self.source_pane()
        if pane is None or pane.current_link is None:
            where = (
                self.tr("in “{0}”").format(pane.info.title or pane.info.original_name)
                if pane is not None
                else self.tr("for the selected claim")
            )
            self.window.statusBar().showMessage(
                self.tr("No passage is shown {0}: nothing to confirm or reject.").format(where),
                5000,
            )
            return
        pane.choose_state(state)

    # -- moving between panes -------------------------------------------------------------

    def cycle(self, delta: int) -> None:
        """Ctrl+Tab / Ctrl+Shift+Tab: the article, each source, the claim list, the claim."""
        window = self.window
        stops: list[tuple[QWidget, QWidget]] = [
            (window.article_pane, window.article_pane.view),
            *((pane, pane.view) for pane in window.sources_area.panes),
            (window.claims_panel, window.claims_panel.view),
            (window.claim_panel, window.claim_panel.verdict),
        ]
        stops = [(pane, target) for pane, target in stops if target.isEnabled()]
        if not stops:
            return
        focus = QApplication.focusWidget()
        here = next(
            (
                index
                for index, (pane, _target) in enumerate(stops)
                if focus is not None and (pane is focus or pane.isAncestorOf(focus))
            ),
            -1 if delta > 0 else 0,
        )
        target = stops[(here + delta) % len(stops)][1]
        window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, True)  # show focus
        target.setFocus(Qt.FocusReason.TabFocusReason)


def _document_pane_of(widget: QWidget | None) -> ArticlePane | SourcePane | None:
    while widget is not None and not isinstance(widget, (ArticlePane, SourcePane)):
        widget = widget.parentWidget()
    return widget
