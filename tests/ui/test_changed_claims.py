"""After a newer version of the article, a judged claim whose words changed is flagged in
the claim list and the claim panel with the old and the new words; an unchanged one is
not; the flag goes only when the reader says the verdict holds or sets one, and Ctrl+Z
brings it back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from sidebyside.core.verdicts import Verdict
from sidebyside.records import ClaimRecord
from sidebyside.ui.main_window import MainWindow

FIRST = """# Raid on the market town

The monitors said soldiers killed 300 civilians in the market town last week.

A spokesman for the governor said the convoy carried only food and medicine.

The weather in the capital was mild for the season.
"""

KILLED = "The monitors said soldiers killed 300 civilians in the market town last week."
CONVOY = "A spokesman for the governor said the convoy carried only food and medicine."


def row_text(window: MainWindow, claim_id: int, role: Qt.ItemDataRole) -> str:
    model = window.claims_panel.model
    return str(model.index(model.row_of(claim_id)).data(role))


def claim_named(window: MainWindow, words: str) -> ClaimRecord:
    return next(c for c in window.claims_panel.model.claims if words in c.text)


def judged_then_replaced(qtbot, open_main_window, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    """The window after the reader judged both claims and the article was corrected."""
    first = tmp_path / "raid.md"
    first.write_text(FIRST, encoding="utf-8")
    window = open_main_window([first])
    qtbot.waitUntil(lambda: len(window.claims_panel.model.claims) == 2, timeout=30_000)
    for words, verdict in ((KILLED, Verdict.SUPPORTED), (CONVOY, Verdict.CONTRADICTED)):
        assert window.claims_panel.select(claim_named(window, words).id)
        box = window.claim_panel.verdict
        box.setCurrentIndex(box.findData(verdict.value))  # as the reader picks it
    assert window.session.claim(claim_named(window, KILLED).id).verdict is Verdict.SUPPORTED
    newer = tmp_path / "raid-corrected.md"
    newer.write_text(FIRST.replace("300", "350"), encoding="utf-8")
    assert window.article is not None
    window.documents.reimport_document(window.article.id, newer)
    qtbot.waitUntil(
        lambda: any(c.needs_review for c in window.claims_panel.model.claims), timeout=30_000
    )
    return window


def test_the_reader_sees_which_verdict_to_check_again_with_both_texts(
    qtbot, open_main_window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = judged_then_replaced(qtbot, open_main_window, tmp_path)
    killed, convoy = claim_named(window, "killed 350"), claim_named(window, "convoy")

    shown = row_text(window, killed.id, Qt.ItemDataRole.DisplayRole)
    assert "⚑" in shown and "changed since your verdict" in shown
    tip = row_text(window, killed.id, Qt.ItemDataRole.ToolTipRole)
    assert "“…soldiers killed 300 civilians in…” → “…soldiers killed 350 civilians in…”" in tip
    assert "⚑" not in row_text(window, convoy.id, Qt.ItemDataRole.DisplayRole)
    assert "Changed" not in row_text(window, convoy.id, Qt.ItemDataRole.ToolTipRole)

    assert window.claims_panel.select(killed.id)
    panel = window.claim_panel
    assert panel.review_text == (
        "Changed in the newer version: “…soldiers killed 300 civilians in…” → "
        "“…soldiers killed 350 civilians in…”. Check the verdict again."
    )
    assert panel.mark_reviewed.isVisible()
    assert panel.verdict.currentData() == Verdict.SUPPORTED.value  # kept, not silently

    assert window.claims_panel.select(convoy.id)
    assert panel.review_text == "" and not panel.mark_reviewed.isVisible()


def test_the_flag_goes_only_by_the_readers_act_and_undo_brings_it_back(
    qtbot, open_main_window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = judged_then_replaced(qtbot, open_main_window, tmp_path)
    killed, convoy = claim_named(window, "killed 350"), claim_named(window, "convoy")
    panel = window.claim_panel

    assert window.claims_panel.select(killed.id)
    qtbot.keyClicks(panel.notes, "Checked the wire.")  # a note is not a review
    assert window.claims_panel.select(convoy.id)
    assert window.claims_panel.select(killed.id)
    assert panel.review_text and window.session.claim(killed.id).needs_review

    qtbot.mouseClick(panel.mark_reviewed, Qt.MouseButton.LeftButton)
    assert panel.review_text == "" and not panel.mark_reviewed.isVisible()
    assert "⚑" not in row_text(window, killed.id, Qt.ItemDataRole.DisplayRole)
    assert window.session.claim(killed.id).verdict is Verdict.SUPPORTED
    assert window.undo_stack.undoText() == "Mark as reviewed"

    window.undo_stack.undo()
    assert "→ “…soldiers killed 350 civilians in…”" in panel.review_text
    assert "⚑" in row_text(window, killed.id, Qt.ItemDataRole.DisplayRole)
    assert window.session.claim(killed.id).needs_review

    window.edits.choose_verdict_for_current(Verdict.SUPPORTED)  # Ctrl+1: the same verdict again
    assert panel.review_text == "" and not window.session.claim(killed.id).needs_review
    window.undo_stack.undo()
    assert panel.review_text and window.session.claim(killed.id).needs_review

    box = panel.verdict
    box.setCurrentIndex(box.findData(Verdict.PARTLY_SUPPORTED.value))  # another verdict
    assert panel.review_text == ""
    assert window.session.claim(killed.id).verdict is Verdict.PARTLY_SUPPORTED
    window.undo_stack.undo()
    assert box.currentData() == Verdict.SUPPORTED.value and panel.review_text
