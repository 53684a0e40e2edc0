"""Tags in the window: typed in the claim panel with completion, shown in the list,
filtered by, undone."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sidebyside.ui.main_window import MainWindow


def wait_for_article(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.article is not None, timeout=30_000)


def type_tags(qtbot, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    field = window.claim_panel.tags
    field.setFocus()
    field.clear()
    qtbot.keyClicks(field, text)
    popup = field.completer_.popup()
    if popup is not None and popup.isVisible():
        popup.hide()
    qtbot.keyClick(field, Qt.Key.Key_Return)


def shown_rows(window: MainWindow) -> list[str]:
    proxy = window.claims_panel.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def test_tags_typed_in_the_claim_panel_are_kept_listed_and_undone(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window(list(article_files))
    wait_for_article(qtbot, window)
    claim = window.claims_panel.model.claims[0]
    window.claims_panel.select(claim.id)
    type_tags(qtbot, window, "casualties, Observatory ")
    assert window.session.workspace.tags_of(claim.id) == ("casualties", "Observatory")
    row = window.claims_panel.model.row_of(claim.id)
    text = window.claims_panel.model.index(row).data()
    assert text.endswith("[casualties] [Observatory]")
    assert window.claim_panel.tags.text() == "casualties, Observatory"
    assert window.undo_stack.undoText() == "Add tag “casualties”, “Observatory”"

    type_tags(qtbot, window, "casualties")
    assert window.session.workspace.tags_of(claim.id) == ("casualties",)
    assert window.undo_stack.undoText() == "Remove tag “Observatory”"
    window.actions_.undo.trigger()
    assert window.session.workspace.tags_of(claim.id) == ("casualties", "Observatory")
    assert window.claim_panel.tags.text() == "casualties, Observatory"
    window.actions_.undo.trigger()
    assert window.session.workspace.tags_of(claim.id) == ()
    assert "[" not in window.claims_panel.model.index(row).data()
    window.actions_.redo.trigger()
    assert window.session.workspace.tags_of(claim.id) == ("casualties", "Observatory")


def test_a_tag_typed_before_moving_on_is_kept_for_its_claim(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window(list(article_files))
    wait_for_article(qtbot, window)
    first, second = window.claims_panel.model.claims[:2]
    window.claims_panel.select(first.id)
    window.claim_panel.tags.setFocus()
    qtbot.keyClicks(window.claim_panel.tags, "money")
    window.actions_.next_claim.trigger()  # Alt+Down, without Enter
    assert window.claim_panel.claim is not None and window.claim_panel.claim.id == second.id
    assert window.session.workspace.tags_of(first.id) == ("money",)
    assert window.session.workspace.tags_of(second.id) == ()
    assert window.claim_panel.tags.text() == ""


def test_completion_offers_the_tags_already_used_in_the_workspace(
    qtbot, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window(list(article_files))
    wait_for_article(qtbot, window)
    first, second = window.claims_panel.model.claims[:2]
    window.claims_panel.select(first.id)
    type_tags(qtbot, window, "contract money, casualties")
    window.claims_panel.select(second.id)
    field = window.claim_panel.tags
    field.setFocus()
    qtbot.keyClicks(field, "casualties, mon")
    completer = field.completer_
    assert completer.popup() is not None and completer.popup().isVisible()
    offered = completer.completionModel()
    assert [offered.index(row, 0).data() for row in range(offered.rowCount())] == ["contract money"]
    # choosing the completion keeps the tags typed before it
    assert completer.currentCompletion() == "casualties, contract money"


def test_the_claim_list_filters_by_tag(
    qtbot, qtmodeltester, open_main_window, article_files
) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window(list(article_files))
    wait_for_article(qtbot, window)
    claims = window.claims_panel.model.claims
    first, second = claims[:2]
    window.claims_panel.select(first.id)
    type_tags(qtbot, window, "checked")
    window.claims_panel.select(second.id)
    type_tags(qtbot, window, "Checked, money")  # joins the tag used already
    assert window.session.workspace.tags_of(second.id) == ("checked", "money")

    window.claims_panel.show_claims_tagged("money")
    assert len(shown_rows(window)) == 1 and shown_rows(window)[0].endswith("[checked] [money]")
    window.claims_panel.show_claims_tagged("checked")
    assert len(shown_rows(window)) == 2
    window.claims_panel.show_claims_tagged("")  # no tag
    assert len(shown_rows(window)) == len(claims) - 2
    assert not any("[checked]" in row for row in shown_rows(window))
    qtmodeltester.check(window.claims_panel.proxy)
    window.claims_panel.show_claims_tagged(None)
    assert len(shown_rows(window)) == len(claims)
