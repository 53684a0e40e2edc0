"""Nothing changes by accident: the mouse wheel passing over the Verdict box does nothing,
Alt+V opens the View menu rather than the box, Tab leaves a note rather than typing into
it, and a file added twice is one source."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QKeySequence, QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel

from sidebyside.core.verdicts import Verdict


def wheel(widget, notches: int) -> None:  # type: ignore[no-untyped-def]
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(0, 0),
        QPoint(0, -120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def newer_version_question(qtbot, window):  # type: ignore[no-untyped-def]
    """The box asking whether a file read again is a newer version, once it is shown."""
    from PySide6.QtWidgets import QMessageBox

    def shown() -> QMessageBox | None:
        boxes = window.findChildren(QMessageBox, "newer_version_question")
        return next((box for box in boxes if box.isVisible()), None)

    qtbot.waitUntil(lambda: shown() is not None, timeout=30_000)
    box = shown()
    assert box is not None
    return box


def open_on_first_claim(qtbot, open_main_window, article_files):  # type: ignore[no-untyped-def]
    """A window on the article with its first claim selected; the window and the claim."""
    window = open_main_window(list(article_files))
    qtbot.waitUntil(lambda: window.article is not None, timeout=30_000)
    claim = window.claims_panel.model.claims[0]
    assert window.claims_panel.select(claim.id)
    return window, claim


def test_the_wheel_over_the_verdict_box_changes_nothing(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    window, claim = open_on_first_claim(qtbot, open_main_window, article_files)
    box = window.claim_panel.verdict
    window.claims_panel.view.setFocus()
    assert not box.hasFocus()
    wheel(box, 2)
    assert box.currentData() == Verdict.UNREVIEWED.value
    assert window.session.claim(claim.id).verdict is Verdict.UNREVIEWED
    assert window.undo_stack.count() == 0


def test_no_label_of_the_claim_panel_takes_a_menu_letter(qtbot, open_main_window) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window()
    menus = {
        QKeySequence.mnemonic(action.text()).toString() for action in window.menuBar().actions()
    }
    assert "Alt+V" in menus
    for label in window.claim_panel.findChildren(QLabel):
        mnemonic = QKeySequence.mnemonic(label.text()).toString()
        assert not mnemonic or mnemonic not in menus, (label.text(), mnemonic)


def test_tab_leaves_the_note_instead_of_typing_into_it(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window(list(article_files))
    qtbot.waitUntil(lambda: window.article is not None, timeout=30_000)
    assert window.claims_panel.select(window.claims_panel.model.claims[0].id)
    notes = window.claim_panel.notes
    notes.setFocus()
    qtbot.keyClicks(notes, "checked")
    qtbot.keyClick(notes, Qt.Key.Key_Tab)
    assert notes.toPlainText() == "checked"
    assert not notes.hasFocus()


def test_the_same_file_added_twice_is_one_source_and_the_window_says_so(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    article, source = article_files
    window = open_main_window([article, source])
    qtbot.waitUntil(lambda: len(window.session.sources) == 1, timeout=30_000)
    window.documents.add_source_files([source])
    qtbot.waitUntil(
        lambda: "already a source" in window.statusBar().currentMessage(), timeout=30_000
    )
    assert len(window.session.sources) == 1
    assert "report.txt" in window.statusBar().currentMessage()


def test_a_rejected_passage_is_no_longer_shown_in_the_colour_of_support(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    from sidebyside.ui.palette import current_highlights

    window = open_main_window(list(article_files))
    qtbot.waitUntil(lambda: len(window.session.sources) == 1, timeout=30_000)
    claim = next(c for c in window.claims_panel.model.claims if "240" in c.text)
    with qtbot.waitSignal(window.matches_shown, timeout=30_000):
        window.claims_panel.select(claim.id)
    [pane] = window.sources_area.panes
    link = pane.current_link
    assert link is not None

    def colours_over_the_passage() -> set[str]:
        return {
            selection.format.background().color().name()
            for selection in pane.view.extraSelections()
            if link.text in selection.cursor.selectedText()
        }

    green = current_highlights().passage.name()
    assert green in colours_over_the_passage()
    qtbot.mouseClick(pane.reject_button, Qt.MouseButton.LeftButton)
    for _ in range(10):  # ▶ until the rejected passage is the one in view again
        if pane.current_link is None or pane.current_link.id == link.id:
            break
        qtbot.mouseClick(pane.next_button, Qt.MouseButton.LeftButton)
    assert pane.current_link is not None and pane.current_link.state == "rejected"
    assert green not in colours_over_the_passage()
    assert current_highlights().rejected.name() in colours_over_the_passage()


def test_file_dialogs_open_in_the_folder_last_chosen(
    qtbot, open_main_window, article_files, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from sidebyside.ui import file_dialogs

    article, source = article_files
    window = open_main_window([article])
    qtbot.waitUntil(lambda: window.article is not None, timeout=30_000)
    asked_in: list[str] = []

    def choose(parent, caption, folder, filters):  # type: ignore[no-untyped-def]
        asked_in.append(folder)  # the reader picks the source file in the dialog
        return [str(source)], filters

    monkeypatch.setattr(file_dialogs, "get_open_file_names", choose)
    window.dialogs.ask_add_sources()
    window.dialogs.ask_add_sources()
    assert asked_in[0] == str(Path.home())  # not wherever sidebyside was started from
    assert asked_in[1] == str(source.parent)


def test_a_newer_copy_of_a_source_file_is_offered_as_a_replacement(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    article, source = article_files
    window = open_main_window([article, source])
    qtbot.waitUntil(lambda: len(window.session.sources) == 1, timeout=30_000)
    source.write_text(
        source.read_text(encoding="utf-8") + "\nA later paragraph added to the report.\n",
        encoding="utf-8",
    )

    def question() -> QMessageBox:
        return newer_version_question(qtbot, window)

    window.documents.add_source_files([source])
    box = question()
    assert "already a source" in box.text()
    assert len(window.session.sources) == 1  # nothing happens until the reader answers
    replace = next(b for b in box.buttons() if b.text() == "Replace")
    replace.click()
    qtbot.waitUntil(lambda: "later paragraph" in window.session.sources[0][1].text, timeout=30_000)
    assert len(window.session.sources) == 1

    source.write_text("An entirely different report with the same file name.\n", encoding="utf-8")
    window.documents.add_source_files([source])
    box = question()
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    cancel.click()
    qtbot.wait(200)
    assert len(window.session.sources) == 1
    assert "later paragraph" in window.session.sources[0][1].text


def test_no_two_entries_of_a_menu_share_a_letter(qtbot, open_main_window) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window()

    def check(menu) -> None:  # type: ignore[no-untyped-def]
        letters = [
            QKeySequence.mnemonic(action.text()).toString()
            for action in menu.actions()
            if not action.isSeparator()
        ]
        letters = [letter for letter in letters if letter]
        assert len(letters) == len(set(letters)), (menu.title(), letters)
        for action in menu.actions():
            if action.menu() is not None:
                check(action.menu())

    check(window.menuBar())


def test_the_selected_claim_is_in_view_after_the_filter_is_cleared(
    qtbot, open_main_window, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QTest

    from sidebyside.ui.claim_list import ClaimRole

    article = tmp_path / "long.md"
    article.write_text(
        "# Many counts\n\n"
        + "\n\n".join(
            f"The Observatory said {n} families were displaced from district {n}."
            for n in range(60)
        ),
        encoding="utf-8",
    )
    window = open_main_window([article])
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() >= 50, timeout=30_000)
    panel = window.claims_panel
    panel.focus_filter()
    QTest.keyClicks(panel._words, "district 57")  # the reader narrows the list ...
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 1, timeout=5_000)
    target = panel.proxy.index(0, 0).data(ClaimRole)
    panel.select(target.id)  # ... picks the claim it leaves ...
    qtbot.waitUntil(lambda: window.current_claim is not None, timeout=5_000)
    assert window.current_claim.id == target.id
    panel._words.clear()  # ... and widens it again: that claim is still in view
    qtbot.waitUntil(
        lambda: (
            panel.view.viewport()
            .rect()
            .intersects(panel.view.visualRect(panel.view.currentIndex()))
        ),
        timeout=5_000,
    )
    assert panel.current_claim().id == target.id


def test_opening_an_article_again_reopens_the_stored_one_with_its_work(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]

    article, source = article_files
    window = open_main_window([article, source])
    qtbot.waitUntil(lambda: len(window.session.sources) == 1, timeout=30_000)
    first = window.article
    claim = window.claims_panel.model.claims[0]
    window.edits.choose_verdict(claim.id, Verdict.SUPPORTED)
    window.documents.open_article_files([article])
    qtbot.waitUntil(
        lambda: "already in this workspace" in window.statusBar().currentMessage(),
        timeout=30_000,
    )
    assert [info.id for info in window.session.articles()] == [first.id]
    assert window.article.id == first.id and len(window.session.sources) == 1
    assert window.session.claim(claim.id).verdict is Verdict.SUPPORTED

    article.write_text(article.read_text(encoding="utf-8").replace("240", "250"), "utf-8")
    window.documents.open_article_files([article])

    box = newer_version_question(qtbot, window)
    assert "already in this workspace" in box.text()
    next(button for button in box.buttons() if button.text() == "Replace").click()
    qtbot.waitUntil(lambda: "250" in window.session.article_document.text, timeout=30_000)
    assert [info.id for info in window.session.articles()] == [first.id]
    assert window.session.claim(claim.id).verdict is Verdict.SUPPORTED


def test_an_arrow_on_the_verdict_box_opens_the_list_instead_of_changing_the_verdict(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QTest

    window, claim = open_on_first_claim(qtbot, open_main_window, article_files)
    box = window.claim_panel.verdict
    box.setFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_S):
        QTest.keyClick(box, key)
        assert window.session.claim(claim.id).verdict is Verdict.UNREVIEWED
        assert box.view().isVisible()  # the choice is shown, not made
        box.hidePopup()
    assert window.undo_stack.count() == 0
    box.showPopup()
    QTest.keyClick(box.view(), Qt.Key.Key_Down)
    QTest.keyClick(box.view(), Qt.Key.Key_Return)  # chosen in the list: a deliberate act
    qtbot.waitUntil(
        lambda: window.session.claim(claim.id).verdict is not Verdict.UNREVIEWED, timeout=5_000
    )
