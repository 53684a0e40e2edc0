"""The window as a reader uses it: demo on first start, marking, verdicts, notes, reopening."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QTextCursor
from PySide6.QtWidgets import QLabel, QMessageBox

from sidebyside.core.verdicts import Verdict
from sidebyside.ui.main_window import MainWindow


def select_words(window: MainWindow, words: str) -> None:
    view = window.article_pane.view
    document = view.document_shown
    assert document is not None
    start = document.text.index(words)
    view_start, view_end = view.view_range_of(start, start + len(words))
    cursor = QTextCursor(view.document())
    cursor.setPosition(view_start)
    cursor.setPosition(view_end, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def wait_for_article(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.article is not None, timeout=30_000)


def test_first_start_shows_the_demo_with_matches_beside_the_first_claim(
    qtbot, open_main_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window()
    wait_for_article(qtbot, window)
    assert "Kalundi" in window.article.title
    assert len(window.sources_area.panes) == 3
    assert window.claims_panel.model.rowCount() >= 8
    with qtbot.waitSignal(window.matches_shown, timeout=30_000):
        window.claims_panel.select(window.claims_panel.model.claims[1].id)
    shown = [pane.current_link for pane in window.sources_area.panes if pane.current_link]
    assert shown, "the selected claim should have a matching passage in at least one source"


def test_marked_claim_verdict_and_note_survive_closing_and_reopening(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    article, source = article_files
    window = open_main_window([article, source])
    wait_for_article(qtbot, window)
    words = "This sentence is ordinary prose about the weather in the capital."
    select_words(window, words)
    assert window.actions_.mark_claim.isEnabled()
    window.actions_.mark_claim.trigger()
    claim = window.claims_panel.current_claim()
    assert claim is not None and claim.text == words and claim.origin == "reader"

    panel = window.claim_panel
    panel.verdict.setCurrentIndex(panel.verdict.findData(Verdict.NOT_IN_SOURCE.value))
    panel.notes.setFocus()
    qtbot.keyClicks(panel.notes, "No source mentions the weather.")
    window.close()  # closing saves the note at once, without waiting for the debounce

    reopened = open_main_window()
    assert reopened.article is not None and reopened.article.title == window.article.title
    [found] = [c for c in reopened.claims_panel.model.claims if c.text == words]
    assert found.verdict is Verdict.NOT_IN_SOURCE
    assert reopened.claims_panel.select(found.id)
    assert reopened.claim_panel.notes.toPlainText() == "No source mentions the weather."


def test_notes_are_saved_while_typing(qtbot, open_main_window, article_files) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window(list(article_files))
    wait_for_article(qtbot, window)
    claim = window.claims_panel.model.claims[0]
    window.claims_panel.select(claim.id)
    qtbot.keyClicks(window.claim_panel.notes, "checked against the report")
    qtbot.waitUntil(
        lambda: window.session.workspace.note_of(claim.id) == "checked against the report",
        timeout=5000,
    )


def test_marking_a_claim_can_be_undone_and_redone(qtbot, open_main_window, article_files) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window(list(article_files))
    wait_for_article(qtbot, window)
    before = window.claims_panel.model.rowCount()
    select_words(window, "ordinary prose about the weather")
    window.actions_.mark_claim.trigger()
    assert window.claims_panel.model.rowCount() == before + 1
    window.actions_.undo.trigger()
    assert window.claims_panel.model.rowCount() == before
    window.actions_.redo.trigger()
    assert window.claims_panel.model.rowCount() == before + 1


def test_verdict_shortcut_and_undo(qtbot, open_main_window, article_files) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window(list(article_files))
    wait_for_article(qtbot, window)
    claim = window.claims_panel.model.claims[0]
    window.claims_panel.select(claim.id)
    window.actions_.verdicts[list(Verdict).index(Verdict.SUPPORTED)].trigger()
    assert window.session.workspace.claim(claim.id).verdict is Verdict.SUPPORTED
    assert window.claim_panel.verdict.currentData() == Verdict.SUPPORTED.value
    window.actions_.undo.trigger()
    assert window.session.workspace.claim(claim.id).verdict is Verdict.UNREVIEWED


def test_a_binary_file_named_html_is_refused_with_a_message_and_changes_nothing(
    qtbot, open_main_window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window()
    wait_for_article(qtbot, window)
    articles_before = window.session.workspace.articles()
    bogus = tmp_path / "report.html"
    bogus.write_bytes(bytes(range(256)) * 40)
    window.documents.open_article_files([bogus])
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "error_message") is not None, timeout=30_000
    )
    message = window.findChild(QMessageBox, "error_message")
    assert "report.html" in message.text()
    message.close()
    assert window.session.workspace.articles() == articles_before
    assert window.article == articles_before[0]


def test_dropping_files_adds_them_as_sources(qtbot, open_main_window, article_files) -> None:  # type: ignore[no-untyped-def]
    article, source = article_files
    window = open_main_window([article])
    wait_for_article(qtbot, window)
    assert window.sources_area.panes == []
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    point = window.sources_area.mapTo(window, window.sources_area.rect().center())
    event = QDropEvent(
        QPointF(point),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: len(window.sources_area.panes) == 1, timeout=30_000)
    assert window.sources_area.panes[0].info.original_name == "report.txt"


def test_export_writes_claims_and_notes(
    qtbot, open_main_window, article_files, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window(list(article_files))
    wait_for_article(qtbot, window)
    claim = window.claims_panel.model.claims[0]
    window.claims_panel.select(claim.id)
    qtbot.keyClicks(window.claim_panel.notes, "Matches the report.")
    out = tmp_path / "notes.md"
    with qtbot.waitSignal(window.export_written, timeout=30_000):
        window.export_markdown_to(out)
    text = out.read_text(encoding="utf-8")
    assert "## Claim 1" in text and "Matches the report." in text
    # the claim never selected got its passage too: the export is complete
    assert "an estimated 240 civilians were killed during the raid" in text


def test_claim_list_model_is_a_valid_qt_model(qtbot, qtmodeltester, open_main_window) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window()
    qtbot.waitUntil(lambda: window.article is not None, timeout=30_000)
    qtmodeltester.check(window.claims_panel.model)
    qtmodeltester.check(window.claims_panel.proxy)


def test_dark_appearance_darkens_the_window_and_its_highlights(qtbot, open_main_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPalette

    from sidebyside.ui.palette import current_highlights

    window = open_main_window()
    wait_for_article(qtbot, window)
    light_focus = current_highlights().focused_claim
    try:
        window.dialogs.set_colour_scheme("dark")
        qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Base).lightness() < 128)
        assert current_highlights().focused_claim != light_focus
        assert window.settings.colour_scheme == "dark"
    finally:
        window.dialogs.set_colour_scheme("light")
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Base).lightness() > 128)


def test_replacing_the_article_moves_claims_keeps_notes_and_shows_orphans(
    qtbot, open_main_window, article_files, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    article, _source = article_files
    window = open_main_window(list(article_files))
    wait_for_article(qtbot, window)
    claims = {claim.text: claim for claim in window.claims_panel.model.claims}
    kept = claims["Meridian Press reported that the contractor is paid $9.6 million a month."]
    dropped = claims["The Observatory said an estimated 240 civilians were killed in the raid."]
    window.session.workspace.save_note(dropped.id, "Note on a sentence the correction removes.")
    newer = tmp_path / "article-corrected.md"
    newer.write_text(
        "# Borrowed army (corrected)\n\nAn editor's note was added at the top of this piece.\n\n"
        "Meridian Press reported that the contractor is paid $9.6 million a month.\n",
        encoding="utf-8",
    )
    window.documents.reimport_document(window.article.id, newer)
    qtbot.waitUntil(
        lambda: any(c.orphaned for c in window.claims_panel.model.claims), timeout=30_000
    )
    after = {claim.id: claim for claim in window.claims_panel.model.claims}
    text = window.article_pane.view.document_shown.text
    assert text[after[kept.id].start : after[kept.id].end] == kept.text
    assert after[dropped.id].orphaned
    assert (
        window.session.workspace.note_of(dropped.id) == "Note on a sentence the correction removes."
    )
    assert (
        "not found"
        in window.claims_panel.model.index(window.claims_panel.model.row_of(dropped.id)).data()
    )


def test_a_source_fetched_from_a_local_address_is_kept(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    page = (
        b"<html><head><title>Observatory report</title></head><body><article>"
        b"<h1>Observatory report</h1><p>An estimated 240 civilians were killed in the raid on "
        b"the market town, researchers found after interviewing witnesses.</p>"
        b"<p>The group interviewed 58 people, 37 of them witnesses of the killings.</p>"
        b"</article></body></html>"
    )

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        article, _source = article_files
        window = open_main_window([article])
        wait_for_article(qtbot, window)
        url = f"http://127.0.0.1:{server.server_address[1]}/report.html"
        window.documents.add_source_from_url(url)
        qtbot.waitUntil(lambda: len(window.sources_area.panes) == 1, timeout=30_000)
    finally:
        server.shutdown()
        server.server_close()
    info = window.sources_area.panes[0].info
    assert info.address == url
    assert "58 people" in window.session.workspace.document(info.id).text


def test_missing_sources_are_listed_and_disappear_once_attached(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    article, source = article_files
    window = open_main_window([article])
    wait_for_article(qtbot, window)
    missing = window.claims_panel.missing
    qtbot.waitUntil(lambda: "Meridian Press" in missing.names(), timeout=30_000)
    assert missing.isVisibleTo(window)
    window.documents.add_source_files([source], alias="Meridian Press")
    qtbot.waitUntil(lambda: len(window.sources_area.panes) == 1, timeout=30_000)
    qtbot.waitUntil(lambda: "Meridian Press" not in missing.names(), timeout=30_000)
    assert "Meridian Press" in window.sources_area.panes[0].info.aliases


def test_suggestions_can_be_accepted_dismissed_restored_and_reshaped(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window(list(article_files))
    wait_for_article(qtbot, window)
    panel = window.claims_panel
    claim = panel.model.claims[0]
    assert claim.is_pending_suggestion
    panel.select(claim.id)
    window.actions_.accept_claim.trigger()
    assert window.session.workspace.claim(claim.id).accepted
    assert not panel.current_claim().is_pending_suggestion

    select_words(window, "The Observatory said an estimated 240 civilians were killed")
    window.actions_.move_claim.trigger()
    moved = window.session.workspace.claim(claim.id)
    assert moved.text == "The Observatory said an estimated 240 civilians were killed"
    window.actions_.undo.trigger()
    assert window.session.workspace.claim(claim.id).text == claim.text

    window.actions_.dismiss_claim.trigger()
    assert claim.id not in [c.id for c in panel.model.claims]
    panel.set_shows_dismissed(True)
    assert panel.select(claim.id)
    assert "(dismissed)" in panel.model.index(panel.model.row_of(claim.id)).data()
    window.actions_.restore_claim.trigger()
    assert not window.session.workspace.claim(claim.id).dismissed


def test_claims_filter_by_the_source_they_cite(qtbot, open_main_window, article_files) -> None:  # type: ignore[no-untyped-def]
    article, source = article_files
    window = open_main_window([article])
    wait_for_article(qtbot, window)
    window.documents.add_source_files([source], alias="Meridian Press")
    qtbot.waitUntil(lambda: len(window.sources_area.panes) == 1, timeout=30_000)
    panel = window.claims_panel
    qtbot.waitUntil(lambda: "Meridian Press" not in panel.missing.names(), timeout=30_000)
    source_id = window.sources_area.panes[0].info.id
    panel.proxy.set_source(source_id)
    shown = [panel.proxy.index(row, 0).data() for row in range(panel.proxy.rowCount())]
    assert any("Meridian Press reported" in text for text in shown), shown
    assert not any("The Observatory said" in text for text in shown)
    meridian = next(c for c in panel.model.claims if c.text.startswith("Meridian Press"))
    panel.select(meridian.id)
    qtbot.waitUntil(lambda: window.sources_area.panes[0].is_cited, timeout=30_000)


def test_a_selection_a_letter_short_marks_whole_words(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window(list(article_files))
    wait_for_article(qtbot, window)
    select_words(window, "rdinary prose about the weath")
    window.actions_.mark_claim.trigger()
    assert window.claims_panel.current_claim().text == "ordinary prose about the weather"


def test_dismissing_keeps_the_readers_place_in_the_list(qtbot, open_main_window) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window()
    wait_for_article(qtbot, window)
    claims = window.claims_panel.model.claims
    window.claims_panel.select(claims[3].id)
    window.actions_.dismiss_claim.trigger()
    assert window.claims_panel.current_claim().id == claims[4].id


def test_removing_a_source_keeps_claims_and_notes(qtbot, open_main_window) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window()
    wait_for_article(qtbot, window)
    claim = window.claims_panel.current_claim()
    window.session.workspace.save_note(claim.id, "keep this")
    source_id = window.sources_area.panes[0].info.id
    window.documents.remove_source(source_id)
    assert source_id not in [pane.info.id for pane in window.sources_area.panes]
    assert len(window.sources_area.panes) == 2
    assert window.session.workspace.note_of(claim.id) == "keep this"


def test_removing_the_article_shows_the_next_one(qtbot, open_main_window, article_files) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window(list(article_files))
    wait_for_article(qtbot, window)
    first = window.article
    window.documents.open_demo()
    qtbot.waitUntil(lambda: window.article is not None and window.article.id != first.id)
    demo = window.article
    window.documents.remove_article(demo.id)
    assert window.article == window.session.workspace.document_info(first.id)
    assert [info.id for info in window.session.workspace.articles()] == [first.id]


def test_reopening_returns_to_the_claim_last_selected(qtbot, open_main_window) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window()
    wait_for_article(qtbot, window)
    third = window.claims_panel.model.claims[2]
    window.claims_panel.select(third.id)
    window.close()
    reopened = open_main_window()
    assert reopened.claims_panel.current_claim().id == third.id


def test_a_passage_linked_by_hand_is_checked_for_differences(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window(list(article_files))
    wait_for_article(qtbot, window)
    claim = next(c for c in window.claims_panel.model.claims if "Observatory said" in c.text)
    window.claims_panel.select(claim.id)
    qtbot.waitUntil(lambda: bool(window.sources_area.panes), timeout=30_000)
    pane = window.sources_area.panes[0]
    text = pane.view.document_shown.text
    words = "The group interviewed 58 people, 37 of them witnesses."
    start = text.index(words)
    view_start, view_end = pane.view.view_range_of(start, start + len(words))
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(view_start)
    cursor.setPosition(view_end, QTextCursor.MoveMode.KeepAnchor)
    pane.view.setTextCursor(cursor)
    pane.link_selection()
    [linked] = [
        link for link in window.session.workspace.links_of(claim.id) if link.state == "confirmed"
    ]
    assert linked.text == words
    assert linked.differences, "the hand-made link was not compared with the claim"


def test_clicking_a_highlighted_claim_in_the_article_selects_it(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window(list(article_files))
    wait_for_article(qtbot, window)
    first, second = window.claims_panel.model.claims[:2]
    window.claims_panel.select(first.id)
    view = window.article_pane.view
    position, _ = view.view_range_of(second.start + 5, second.start + 5)
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    view.setTextCursor(cursor)
    assert window.claims_panel.current_claim().id == second.id


def test_the_claim_count_tells_verdicts_apart(qtbot, open_main_window, article_files) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window(list(article_files))
    wait_for_article(qtbot, window)
    claim = window.claims_panel.model.claims[0]
    window.claims_panel.select(claim.id)
    window.actions_.verdicts[list(Verdict).index(Verdict.CONTRADICTED)].trigger()
    count = window.claims_panel.findChild(QLabel, "claim_count")
    assert count.text() == "2 claims: 1 contradicted, 1 unreviewed"


def show_passages_of(qtbot, window: MainWindow, claim_id: int) -> None:  # type: ignore[no-untyped-def]
    """Select the claim (it may be selected already, as the first) and wait for its
    passages to be painted."""
    window.claims_panel.select(claim_id)
    qtbot.waitUntil(
        lambda: (
            any(pane.current_link is not None for pane in window.sources_area.panes)
            and window.claim_panel.suggestion_text != ""
        ),
        timeout=30_000,
    )


def open_on_the_observatory_claim(qtbot, open_main_window, article_files):  # type: ignore[no-untyped-def]
    """A window on the test article with its passages painted for the claim the report
    supports."""
    window = open_main_window(list(article_files))
    wait_for_article(qtbot, window)
    claim = next(c for c in window.claims_panel.model.claims if "Observatory said" in c.text)
    show_passages_of(qtbot, window, claim.id)
    return window, claim


def test_the_suggested_verdict_is_offered_never_set_and_accepting_it_undoes(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    window, claim = open_on_the_observatory_claim(qtbot, open_main_window, article_files)
    panel = window.claim_panel
    button = panel.accept_suggestion
    assert button.isVisible() and button.isEnabled()
    suggestion = window.session.workspace.suggestion_of(claim.id)
    assert suggestion is not None and suggestion.verdict is Verdict.SUPPORTED
    assert "Passages suggest: <b>Supported</b>" in panel.suggestion_text
    assert (
        window.session.workspace.claim(claim.id).verdict is Verdict.UNREVIEWED
    )  # not set silently
    pane = window.sources_area.panes[0]
    assert "supports the claim" in pane.status_text
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.session.workspace.claim(claim.id).verdict is Verdict.SUPPORTED
    assert panel.verdict.currentData() == Verdict.SUPPORTED.value
    assert not button.isEnabled()  # nothing left to accept
    window.actions_.undo.trigger()
    assert window.session.workspace.claim(claim.id).verdict is Verdict.UNREVIEWED
    assert button.isEnabled()


def test_rejecting_the_passage_changes_what_the_passages_suggest(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    window, claim = open_on_the_observatory_claim(qtbot, open_main_window, article_files)
    assert "Passages suggest: <b>Supported</b>" in window.claim_panel.suggestion_text
    pane = window.sources_area.panes[0]
    with qtbot.waitSignal(window.matches_shown, timeout=5_000):
        qtbot.mouseClick(pane.reject_button, Qt.MouseButton.LeftButton)
    assert "Supported" not in window.claim_panel.suggestion_text
    assert (
        window.session.workspace.claim(claim.id).verdict is Verdict.UNREVIEWED
    )  # still only offered


def test_a_note_that_cannot_be_saved_is_kept_shown_as_not_saved_and_saved_later(
    qtbot, open_main_window, article_files, workspace_path
) -> None:  # type: ignore[no-untyped-def]
    """Another program holds the workspace's write lock past the wait: the note stays in the
    editor, the window says it is not saved, keeps a recovery copy, and saves it once the
    lock is gone."""
    import sqlite3

    from sidebyside import operations

    window = open_main_window(list(article_files))
    wait_for_article(qtbot, window)
    claim = window.claims_panel.model.claims[0]
    window.claims_panel.select(claim.id)
    other = sqlite3.connect(workspace_path, timeout=1)
    other.execute("BEGIN EXCLUSIVE")  # nobody else may write until this ends
    try:
        window.claim_panel.notes.setPlainText("checked against the report")
        window.claim_panel.flush_note()  # waits out busy_timeout, then fails
        assert window.notes.banner.isVisible()
        assert "Not saved: another program is writing to the workspace" in (
            window.notes.banner.text()
        )
        assert operations.unsaved_notes(workspace_path) == {claim.id: "checked against the report"}
        assert window.claim_panel.notes.toPlainText() == "checked against the report"
    finally:
        other.rollback()
        other.close()
    qtbot.waitUntil(lambda: not window.notes.banner.isVisible(), timeout=15_000)
    assert window.session.workspace.note_of(claim.id) == "checked against the report"
    assert operations.unsaved_notes(workspace_path) == {}  # the recovery copy is gone


def test_notes_left_unsaved_by_a_previous_run_are_saved_on_the_next_start(
    qtbot, open_main_window, article_files, workspace_path
) -> None:  # type: ignore[no-untyped-def]
    from sidebyside import operations

    window = open_main_window(list(article_files))
    wait_for_article(qtbot, window)
    claim = window.claims_panel.model.claims[0]
    window.close()
    operations.keep_unsaved_notes(workspace_path, {claim.id: "typed before the disk filled"})
    reopened = open_main_window()
    assert reopened.session.workspace.note_of(claim.id) == "typed before the disk filled"
    assert operations.unsaved_notes(workspace_path) == {}
