"""Who said it first, in the window: the claim panel's chain line, each step a link to that
document at its passage (by mouse or keyboard), and where the wording first appears."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from sidebyside.ui.main_window import MainWindow

CLAIM = (
    "At least 4,200 families were forced from their homes in the Tarsel valley, "
    "Meridian Press reported on Tuesday."
)
COPIED = (
    "Our field teams recorded that at least 4,200 families were forced from their homes "
    "in the Tarsel valley between 2 and 9 April, Meridian Press reported."
)


def stored_workspace(path: Path, relayed_story) -> None:  # type: ignore[no-untyped-def]
    paragraphs = ("Flooding in the Tarsel valley displaced thousands this spring.", CLAIM, COPIED)
    with relayed_story(path, *paragraphs, dated=True):
        pass


def open_on(qtbot, window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.article is not None, timeout=30_000)
    claim = next(c for c in window.claims_panel.model.claims if c.text == text)
    window.claims_panel.select(claim.id)
    qtbot.waitUntil(lambda: window.painted_claim == claim.id, timeout=30_000)
    return claim


def test_the_chain_shows_and_each_step_opens_its_source_at_the_passage(
    qtbot, open_main_window, workspace_path, tmp_path, relayed_story
) -> None:  # type: ignore[no-untyped-def]
    stored_workspace(workspace_path, relayed_story)
    window = open_main_window()
    window.resize(1400, 900)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    open_on(qtbot, window, CLAIM)
    panel = window.claim_panel
    assert panel.chain_text == (
        "Article → Meridian Press (names Halden Rights Observatory) → Halden Rights Observatory\n"
        "The wording first appears in Halden Rights Observatory (earliest dated)."
    )
    chain = panel.findChild(QLabel, "provenance_chain")
    assert chain.isVisible()
    window.grab().save(str(tmp_path / "chain-light.png"))

    wire, report = (info.id for info, _ in window.session.sources)
    report_document = window.session.source_document(report)
    with qtbot.waitSignal(panel.chain_step_chosen) as chosen:
        chain.linkActivated.emit("step:2")  # as a click on "Halden Rights Observatory" does
    document_id, start, end = chosen.args
    assert document_id == report
    assert "field teams recorded" in report_document.text[start:end]
    view = window.sources_area.pane_for(report).view
    assert view.hasFocus()
    assert view.textCursor().selectedText().startswith(report_document.text[start : start + 20])

    # By keyboard: Tab from the claim list reaches the chain, Tab moves from step to step,
    # Enter follows one.
    window.claims_panel.setFocus()
    for _ in range(30):
        if QApplication.focusWidget() is chain:
            break
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is chain
    with qtbot.waitSignal(panel.chain_step_chosen) as chosen:
        qtbot.keyClick(chain, Qt.Key.Key_Tab)  # the first step: the article
        qtbot.keyClick(chain, Qt.Key.Key_Return)
    assert window.article is not None and chosen.args[0] == window.article.id
    assert window.article_pane.view.hasFocus()
    assert window.article_pane.view.textCursor().selectedText() == CLAIM
    chain.setFocus()
    with qtbot.waitSignal(panel.chain_step_chosen) as chosen:
        qtbot.keyClick(chain, Qt.Key.Key_Tab)
        qtbot.keyClick(chain, Qt.Key.Key_Tab)
        qtbot.keyClick(chain, Qt.Key.Key_Return)
    assert chosen.args[0] == wire
    assert window.sources_area.pane_for(wire).view.hasFocus()


def test_a_claim_in_the_reports_words_credited_to_the_wire_says_so(
    qtbot, open_main_window, workspace_path, tmp_path, relayed_story
) -> None:  # type: ignore[no-untyped-def]
    stored_workspace(workspace_path, relayed_story)
    window = open_main_window()
    window.resize(1400, 900)
    open_on(qtbot, window, COPIED)
    text = window.claim_panel.suggestion_text
    assert (
        "Credited to Meridian Press; the wording is Halden Rights Observatory’s "
        "(Meridian Press names it)." in text
    )
    assert window.claim_panel.chain_text.startswith("Article → Meridian Press")
    try:
        window.dialogs.set_colour_scheme("dark")
        qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Base).lightness() < 128)
        window.grab().save(str(tmp_path / "chain-dark.png"))
    finally:
        window.dialogs.set_colour_scheme("light")
