"""Notes on a whole article or source: opened from the pane, saved as typed, kept."""

from __future__ import annotations

from sidebyside.ui.main_window import MainWindow


def wait_for_article(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.article is not None, timeout=30_000)


def test_notes_on_the_article_and_a_source_are_saved_as_typed_and_kept(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window(list(article_files))
    wait_for_article(qtbot, window)
    qtbot.waitUntil(lambda: len(window.sources_area.panes) == 1, timeout=30_000)
    article = window.article
    assert article is not None

    with qtbot.waitSignal(window.article_pane.notes_requested):
        window.article_pane.notes_button.click()
    dialog = window.document_notes.open(article.id)
    assert "Borrowed army" in dialog.windowTitle()
    qtbot.keyClicks(dialog.notes, "Ask the editor about the raid figure.")
    qtbot.waitUntil(
        lambda: (
            window.session.document_note_of(article.id) == "Ask the editor about the raid figure."
        ),
        timeout=5000,
    )

    pane = window.sources_area.panes[0]
    source = pane.info
    with qtbot.waitSignal(window.sources_area.notes_requested):
        pane.notes_button.click()
    source_dialog = window.document_notes.open(source.id)
    assert source_dialog is not dialog
    qtbot.keyClicks(source_dialog.notes, "Report by the Observatory")
    source_dialog.close()  # closing saves at once, without waiting for the pause
    assert window.session.document_note_of(source.id) == "Report by the Observatory"
    window.close()

    reopened = open_main_window()
    wait_for_article(qtbot, reopened)
    shown = reopened.document_notes.open(source.id)
    assert shown.notes.toPlainText() == "Report by the Observatory"
    assert (
        reopened.document_notes.open(article.id).notes.toPlainText()
        == "Ask the editor about the raid figure."
    )
    assert reopened.document_notes.open(source.id) is shown  # one window per document


def test_a_document_note_that_cannot_be_saved_is_kept_for_the_next_start(
    qtbot, open_main_window, article_files, workspace_path
) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from sidebyside import operations

    window = open_main_window(list(article_files))
    wait_for_article(qtbot, window)
    article = window.article
    assert article is not None
    dialog = window.document_notes.open(article.id)
    other = sqlite3.connect(workspace_path, timeout=1)
    other.execute("BEGIN EXCLUSIVE")
    try:
        dialog.notes.setPlainText("typed while another program wrote")
        dialog.flush_note()
        assert window.document_notes.saver.banner.isVisible()
        kept = operations.unsaved_notes(workspace_path, operations.DOCUMENT_NOTES)
        assert kept == {article.id: "typed while another program wrote"}
        assert operations.unsaved_notes(workspace_path) == {}  # claims' notes are apart
    finally:
        other.rollback()
        other.close()
    qtbot.waitUntil(lambda: not window.document_notes.saver.banner.isVisible(), timeout=15_000)
    assert window.session.document_note_of(article.id) == "typed while another program wrote"
