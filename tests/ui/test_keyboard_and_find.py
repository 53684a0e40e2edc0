"""Keyboard first: Find in a pane, the passage keys, Ctrl+Tab between panes, visible focus
and a name for every control a screen reader reaches."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from accessibility import unnamed_controls
from sidebyside.core.spans import Span


def open_checked(qtbot, open_main_window, article_files):  # type: ignore[no-untyped-def]
    """A window on the article and its report, the first claim's passages painted."""
    window = open_main_window(list(article_files))
    qtbot.waitUntil(lambda: len(window.sources_area.panes) == 1, timeout=30_000)
    claim = window.claims_panel.model.claims[0]
    window.claims_panel.select(claim.id)
    qtbot.waitUntil(lambda: window.painted_claim == claim.id, timeout=30_000)
    return window, window.sources_area.panes[0]


def press(qtbot, window, sequence: str) -> None:  # type: ignore[no-untyped-def]
    """Press keys the way a person does: at whatever widget has the focus."""
    from PySide6.QtGui import QKeySequence

    key = QKeySequence(sequence)[0]
    target = QApplication.focusWidget() or window
    QTest.keyClick(target, key.key(), key.keyboardModifiers())


def test_ctrl_f_in_a_source_finds_counts_and_steps_through_hits(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    window, pane = open_checked(qtbot, open_main_window, article_files)
    pane.view.setFocus()
    press(qtbot, window, "Ctrl+F")
    bar = pane.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "the")
    text = pane.view.document_shown.text
    expected = text.lower().count("the")
    assert len(bar.hits) == expected >= 2
    assert bar.count_text == f"1 of {expected}"
    first = bar.current_hit
    assert pane.view.selected_span() == first  # the hit is selected: Ctrl+L would link it
    press(qtbot, window, "F3")
    assert bar.count_text == f"2 of {expected}" and bar.current_hit != first
    press(qtbot, window, "Shift+F3")
    assert bar.current_hit == first
    marked = {
        (s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in pane.view.extraSelections()
    }
    assert all(pane.view.view_range(hit) in marked for hit in bar.hits)  # every hit marked
    press(qtbot, window, "Escape")
    assert not bar.isVisible() and pane.view.hasFocus()
    assert window.article_pane.find_bar.isHidden()  # the article's bar was never opened


def test_find_says_when_nothing_matches_and_ignores_case_and_curly_quotes(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    window, pane = open_checked(qtbot, open_main_window, article_files)
    window.article_pane.view.setFocus()
    press(qtbot, window, "Ctrl+F")
    bar = window.article_pane.find_bar
    qtbot.keyClicks(bar.field, "gold mines")
    assert bar.hits == [] and bar.count_text == "No matches"
    bar.field.clear()
    qtbot.keyClicks(bar.field, "OBSERVATORY SAID")
    assert len(bar.hits) == 1 and bar.count_text == "1 of 1"


def test_a_find_hit_in_a_source_is_linked_with_ctrl_l(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    window, pane = open_checked(qtbot, open_main_window, article_files)
    claim = window.current_claim
    pane.view.setFocus()
    press(qtbot, window, "Ctrl+F")
    qtbot.keyClicks(pane.find_bar.field, "58 people")
    hit = pane.find_bar.current_hit
    press(qtbot, window, "Ctrl+L")
    qtbot.waitUntil(
        lambda: any(
            link.state == "confirmed" and (link.start, link.end) == (hit.start, hit.end)
            for link in window.session.links_of(claim.id)
        ),
        timeout=10_000,
    )


def test_a_hand_link_snaps_to_whole_words(qtbot, open_main_window, article_files) -> None:  # type: ignore[no-untyped-def]
    window, pane = open_checked(qtbot, open_main_window, article_files)
    claim = window.current_claim
    text = pane.view.document_shown.text
    start = text.index("interviewed") + 3  # the drag began inside a word ...
    end = text.index("witnesses") + 4  # ... and stopped short of the end of another
    view_start, view_end = pane.view.view_range(Span(start, end))
    cursor = pane.view.textCursor()
    cursor.setPosition(view_start)
    cursor.setPosition(view_end, cursor.MoveMode.KeepAnchor)
    pane.view.setTextCursor(cursor)
    pane.view.setFocus()
    press(qtbot, window, "Ctrl+L")
    qtbot.waitUntil(
        lambda: any(link.state == "confirmed" for link in window.session.links_of(claim.id)),
        timeout=10_000,
    )
    linked = next(link for link in window.session.links_of(claim.id) if link.state == "confirmed")
    assert text[linked.start : linked.end] == "interviewed 58 people, 37 of them witnesses"


def test_passage_keys_confirm_and_step_in_the_pane_used_last(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    window, pane = open_checked(qtbot, open_main_window, article_files)
    link = pane.current_link
    assert link is not None
    window.claims_panel.view.setFocus()  # the keys still reach the only source pane
    press(qtbot, window, "Ctrl+Shift+Return")
    qtbot.waitUntil(
        lambda: window.session.links_of(window.current_claim.id)[0].state == "confirmed",
        timeout=10_000,
    )
    assert "Confirmed by you" in pane.status_text
    press(qtbot, window, "Ctrl+Z")  # undone like any other change
    qtbot.waitUntil(
        lambda: all(
            other.state != "confirmed" for other in window.session.links_of(window.current_claim.id)
        ),
        timeout=10_000,
    )
    pane.view.setFocus()
    press(qtbot, window, "Ctrl+Shift+Del")
    qtbot.waitUntil(lambda: "Rejected by you" in pane.status_text, timeout=10_000)


def test_ctrl_tab_goes_round_the_panes_and_back(qtbot, open_main_window, article_files) -> None:  # type: ignore[no-untyped-def]
    window, pane = open_checked(qtbot, open_main_window, article_files)
    window.article_pane.view.setFocus()
    visited = []
    for _ in range(4):
        press(qtbot, window, "Ctrl+Tab")
        visited.append(QApplication.focusWidget())
    assert visited == [
        pane.view,
        window.claims_panel.view,
        window.claim_panel.verdict,
        window.article_pane.view,
    ]
    press(qtbot, window, "Ctrl+Shift+Tab")
    assert QApplication.focusWidget() is window.claim_panel.verdict
    window.claim_panel.notes.setFocus()  # Ctrl+Tab leaves the notes too
    press(qtbot, window, "Ctrl+Tab")
    assert QApplication.focusWidget() is window.article_pane.view


def test_tab_walks_from_the_article_through_the_source_to_the_claim(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    window, pane = open_checked(qtbot, open_main_window, article_files)
    window.article_pane.view.setFocus()
    seen: list[QWidget] = []
    for _ in range(30):
        press(qtbot, window, "Tab")
        seen.append(QApplication.focusWidget())
    for stop in (pane.view, window.claims_panel.view, window.claim_panel.verdict):
        assert stop in seen
    notes = window.claim_panel.notes
    assert notes in seen
    assert seen.index(pane.view) < seen.index(window.claims_panel.view)
    assert seen.index(window.claim_panel.verdict) < seen.index(notes)


def test_the_focused_pane_and_button_show_a_frame(qtbot, open_main_window, article_files) -> None:  # type: ignore[no-untyped-def]
    window, pane = open_checked(qtbot, open_main_window, article_files)
    highlight = pane.palette().color(pane.palette().ColorRole.Highlight)

    def frame_colour(view: QWidget) -> QColor:
        """The colour along the top edge of the view's text area."""
        image = view.grab().toImage()
        area = view.viewport().geometry()
        return QColor(image.pixel(area.center().x(), area.top()))

    window.article_pane.view.setFocus()
    qtbot.wait(50)
    assert frame_colour(pane.view) != highlight
    for view in (pane.view, window.claims_panel.view, window.claim_panel.notes):
        view.setFocus()
        qtbot.wait(50)
        assert frame_colour(view) == highlight, view
    button = pane.next_button
    button.setEnabled(True)
    for control in (button, window.claim_panel.verdict):
        control.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.wait(50)
        image = control.grab().toImage()
        assert QColor(image.pixel(image.width() // 2, 1)) == highlight, control


def test_every_control_has_a_name_and_a_description_for_screen_readers(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    window, _pane = open_checked(qtbot, open_main_window, article_files)
    window.article_pane.find_bar.open()
    missing = unnamed_controls(window)
    assert missing == [], "\n".join(map(str, missing))


class GreedyField(QLineEdit):
    """A line edit that claims every key, as X11's does for its Emacs keys (Ctrl+E, …)."""

    def event(self, event):  # type: ignore[no-untyped-def]
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
        return super().event(event)


def test_the_window_keys_win_over_a_text_field_that_claims_them(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    window, _pane = open_checked(qtbot, open_main_window, article_files)
    from sidebyside.ui.window_keys import window_keys_first

    field = GreedyField(window.claims_panel)
    window_keys_first(field)
    field.show()
    first = window.current_claim
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # Next Claim
    qtbot.waitUntil(lambda: window.current_claim.id != first.id, timeout=5_000)
    QTest.keyClicks(field, "ab")
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # still the field's
    QTest.keyClick(field, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == ""


def test_a_rejected_passage_keeps_its_place_among_the_candidates(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    window, pane = open_checked(qtbot, open_main_window, article_files)
    links = window.session.links_of(window.current_claim.id)
    assert len(links) >= 2
    pane.view.setFocus()
    press(qtbot, window, "Alt+Right")
    second = pane.current_link
    position = pane._position.text()
    assert position.startswith("2 of")
    press(qtbot, window, "Ctrl+Shift+Del")
    qtbot.waitUntil(lambda: "Rejected by you" in pane.status_text, timeout=10_000)
    assert pane.current_link.id == second.id and pane._position.text() == position
