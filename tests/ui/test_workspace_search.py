"""Search Workspace in the window: Ctrl+Shift+F, type, see the hits grouped by document with
the words in bold, and Enter goes to the claim or to the words in the source."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from accessibility import unnamed_controls
from sidebyside.core.spans import Span
from sidebyside.ui.search_dialog import HTML_ROLE, SearchDialog


def open_search(qtbot, window) -> SearchDialog:  # type: ignore[no-untyped-def]
    key = QKeySequence("Ctrl+Shift+F")[0]
    QTest.keyClick(QApplication.focusWidget() or window, key.key(), key.keyboardModifiers())
    dialog = window.findChild(SearchDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.field.hasFocus())
    return dialog


def ready_window(qtbot, open_main_window, article_files):  # type: ignore[no-untyped-def]
    window = open_main_window(list(article_files))
    qtbot.waitUntil(lambda: len(window.sources_area.panes) == 1, timeout=30_000)
    qtbot.waitUntil(lambda: window.painted_claim is not None, timeout=30_000)
    return window


def test_typing_shows_hits_grouped_by_document_and_enter_selects_the_claim(  # type: ignore[no-untyped-def]
    qtbot, open_main_window, article_files, qtmodeltester
) -> None:
    window = ready_window(qtbot, open_main_window, article_files)
    claims = window.claims_panel.model.claims
    target = next(claim for claim in claims if "contractor" in claim.text)
    window.claims_panel.select(claims[0].id)
    dialog = open_search(qtbot, window)
    qtbot.keyClicks(dialog.field, "contrac")  # as typed: the start of a word finds it
    qtbot.waitUntil(lambda: bool(dialog.hits), timeout=5000)
    assert {hit.kind for hit in dialog.hits} == {"article", "claim"}
    groups = [dialog.model.item(row).text() for row in range(dialog.model.rowCount())]
    assert groups == ["Borrowed army — article"]
    rows = [dialog.model.item(0).child(row) for row in range(dialog.model.item(0).rowCount())]
    assert all("<b>contractor</b>" in row.data(HTML_ROLE) for row in rows)
    assert dialog.count_text == f"{len(dialog.hits)} hits in 1 document"
    qtmodeltester.check(dialog.model)
    QTest.keyClick(dialog.field, Qt.Key.Key_Down)  # into the hits, the first one current
    assert dialog.results.hasFocus() and dialog.current_hit() == dialog.hits[0]
    claim_row = next(i for i, hit in enumerate(dialog.hits) if hit.kind == "claim")
    while dialog.current_hit() != dialog.hits[claim_row]:
        QTest.keyClick(dialog.results, Qt.Key.Key_Down)
    QTest.keyClick(dialog.results, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.current_claim is not None and window.current_claim.id == target.id


def test_enter_on_a_source_hit_shows_the_words_in_the_source_pane(  # type: ignore[no-untyped-def]
    qtbot, open_main_window, article_files
) -> None:
    window = ready_window(qtbot, open_main_window, article_files)
    dialog = open_search(qtbot, window)
    qtbot.keyClicks(dialog.field, "interviewed")
    qtbot.waitUntil(lambda: bool(dialog.hits), timeout=5000)
    [hit] = dialog.hits
    assert hit.kind == "source" and dialog.count_text == "1 hit in 1 document"
    QTest.keyClick(dialog.field, Qt.Key.Key_Return)
    pane = window.sources_area.pane_for(hit.document_id)
    assert pane is not None and pane.isVisible()
    assert pane.view.selected_span() == Span(hit.start, hit.end)
    assert pane.view.document_shown.text[hit.start : hit.end] == "interviewed"


def test_filters_narrow_the_hits_and_escape_closes(  # type: ignore[no-untyped-def]
    qtbot, open_main_window, article_files
) -> None:
    window = ready_window(qtbot, open_main_window, article_files)
    dialog = open_search(qtbot, window)
    qtbot.keyClicks(dialog.field, "civilians")
    qtbot.waitUntil(lambda: bool(dialog.hits), timeout=5000)
    assert {hit.kind for hit in dialog.hits} >= {"article", "source"}
    dialog.verdict.setCurrentIndex(dialog.verdict.findData("supported"))
    dialog.verdict.activated.emit(dialog.verdict.currentIndex())
    assert dialog.hits == [] and dialog.count_text == "No hits"
    dialog.verdict.setCurrentIndex(0)
    source = window.sources_area.panes[0].info.id
    dialog.source.setCurrentIndex(dialog.source.findData(source))
    dialog.source.activated.emit(dialog.source.currentIndex())
    assert {hit.kind for hit in dialog.hits} <= {"source", "article", "claim"}
    assert any(hit.kind == "source" and hit.document_id == source for hit in dialog.hits)
    QTest.keyClick(dialog.field, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_every_control_of_the_search_box_has_a_name_and_a_description(  # type: ignore[no-untyped-def]
    qtbot, open_main_window, article_files
) -> None:
    window = ready_window(qtbot, open_main_window, article_files)
    dialog = open_search(qtbot, window)
    missing = unnamed_controls(dialog)
    assert missing == [], "\n".join(map(str, missing))
    assert "Search &Workspace…" in [
        action.text() for menu in window.menuBar().actions() for action in menu.menu().actions()
    ]
