"""The notes preview: the note formatted beside the editor as the reader types, raw HTML
shown as text, no image or other resource ever loaded, toggled with Ctrl+Shift+P."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QFont, QTextDocument

from sidebyside.operations import ArticleSession, prepare_article, record_article
from sidebyside.store import Workspace
from sidebyside.ui.app import open_window


def bold_words(document: QTextDocument) -> list[str]:
    """The runs of text the preview draws in bold."""
    found: list[str] = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.isValid() and fragment.charFormat().fontWeight() >= QFont.Weight.Bold:
                found.append(fragment.text())
            fragments += 1
        block = block.next()
    return found


def window_on_first_claim(qtbot, open_main_window, article_files):  # type: ignore[no-untyped-def]
    window = open_main_window(list(article_files))
    qtbot.waitUntil(lambda: window.article is not None, timeout=30_000)
    assert window.claims_panel.select(window.claims_panel.model.claims[0].id)
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def test_the_key_shows_and_hides_the_preview_and_it_is_remembered(
    qtbot, open_main_window, article_files, settings
) -> None:  # type: ignore[no-untyped-def]
    window = window_on_first_claim(qtbot, open_main_window, article_files)
    panel = window.claim_panel
    assert not panel.notes_preview.isVisible()
    panel.notes.setFocus()
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(panel.notes, Qt.Key.Key_P, modifiers)
    assert panel.notes_preview.isVisible()
    assert window.actions_.preview_notes.isChecked()
    assert settings.notes_preview
    assert panel.notes.toPlainText() == ""  # the key typed nothing into the note
    qtbot.keyClick(panel.notes, Qt.Key.Key_P, modifiers)
    assert not panel.notes_preview.isVisible()
    assert not settings.notes_preview


def test_typing_markdown_shows_it_formatted(qtbot, open_main_window, article_files) -> None:  # type: ignore[no-untyped-def]
    window = window_on_first_claim(qtbot, open_main_window, article_files)
    panel = window.claim_panel
    window.actions_.preview_notes.trigger()
    panel.notes.setFocus()
    qtbot.keyClicks(panel.notes, "Figures **match** the report")
    preview = panel.notes_preview
    qtbot.waitUntil(lambda: "report" in preview.toPlainText(), timeout=5_000)
    assert preview.toPlainText().strip() == "Figures match the report"
    assert bold_words(preview.document()) == ["match"]
    # another claim: its own (empty) note at once, not the one typed above
    assert window.claims_panel.select(window.claims_panel.model.claims[1].id)
    assert preview.toPlainText().strip() == ""


def test_raw_html_typed_into_a_note_is_shown_as_text(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    window = window_on_first_claim(qtbot, open_main_window, article_files)
    panel = window.claim_panel
    window.actions_.preview_notes.trigger()
    panel.notes.setFocus()
    qtbot.keyClicks(panel.notes, "Ask <b>them</b> <script>alert(1)</script>")
    preview = panel.notes_preview
    qtbot.waitUntil(lambda: "alert" in preview.toPlainText(), timeout=5_000)
    assert preview.toPlainText().strip() == "Ask <b>them</b> <script>alert(1)</script>"
    assert bold_words(preview.document()) == []


def test_an_image_in_a_note_loads_nothing(qtbot, open_main_window, article_files) -> None:  # type: ignore[no-untyped-def]
    window = window_on_first_claim(qtbot, open_main_window, article_files)
    panel = window.claim_panel
    preview = panel.notes_preview
    asked: list[QUrl] = []
    preview.resource_refused.connect(asked.append)
    window.actions_.preview_notes.trigger()
    panel.notes.setFocus()
    qtbot.keyClicks(panel.notes, "See ![x](http://example.com/a.png) now")
    qtbot.waitUntil(lambda: "now" in preview.toPlainText(), timeout=5_000)
    preview.grab()  # laid out and painted, as on screen
    assert "[image: x]" in preview.toPlainText()
    assert asked == []
    # the spy does see what a document asks for: an <img> would have been noticed, and refused
    preview.setHtml("<img src='http://example.com/b.png'>")
    preview.grab()
    assert QUrl("http://example.com/b.png") in asked


def test_a_read_only_workspace_shows_the_preview(
    qtbot, article_files, workspace_path: Path, settings
) -> None:  # type: ignore[no-untyped-def]
    article, source = article_files
    with Workspace.open(workspace_path) as workspace:
        info = record_article(workspace, prepare_article(article, [source]))
        claim = workspace.claims_of(info.id)[0]
        workspace.save_note(claim.id, "Matches the *report*.")
    settings.notes_preview = True  # as the reader left it last time
    session = ArticleSession(Workspace.open(workspace_path, read_only=True))
    window = open_window(session, [], settings=settings)
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.article is not None, timeout=30_000)
        assert window.claims_panel.select(claim.id)
        preview = window.claim_panel.notes_preview
        assert window.actions_.preview_notes.isChecked()
        assert preview.isVisible()
        assert preview.toPlainText().strip() == "Matches the report."
    finally:
        window.close()
        session.close()
