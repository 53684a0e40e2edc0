"""View → Project: every article with its progress, every source with its articles; Enter
opens an article."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from sidebyside.core.verdicts import Verdict
from sidebyside.ui.main_window import MainWindow
from sidebyside.ui.project_view import ProjectDialog


def wait_for_article(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.article is not None, timeout=30_000)


def open_project(qtbot, window: MainWindow) -> ProjectDialog:  # type: ignore[no-untyped-def]
    window.actions_.project.trigger()
    dialog = window.findChild(QDialog, "project_view")
    assert isinstance(dialog, ProjectDialog)
    qtbot.waitExposed(dialog)
    return dialog


def rows(model) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_the_project_lists_articles_with_progress_and_opens_one(
    qtbot, qtmodeltester, open_main_window, article_files, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    article_file, source_file = article_files
    window = open_main_window([article_file, source_file])
    wait_for_article(qtbot, window)
    first = window.article
    assert first is not None
    claim = window.claims_panel.model.claims[0]
    window.claims_panel.select(claim.id)
    window.actions_.verdicts[list(Verdict).index(Verdict.SUPPORTED)].trigger()
    other = tmp_path / "second.md"
    other.write_text("# Second look\n\nThe mayor said 40 buses were bought.\n", encoding="utf-8")
    window.documents.open_article_files([other])
    qtbot.waitUntil(
        lambda: window.article is not None and window.article.id != first.id, timeout=30_000
    )

    dialog = open_project(qtbot, window)
    qtmodeltester.check(dialog.articles_model)
    qtmodeltester.check(dialog.sources_model)
    articles = rows(dialog.articles_model)
    assert articles[0][0] == "Second look (open)"
    claims_first = len(window.session.workspace.claims_of(first.id))
    assert articles[1][0] == "Borrowed army"
    assert articles[1][1] == "1"
    assert articles[1][2].startswith(f"{claims_first} claims: 1 supported, ")
    assert rows(dialog.sources_model) == [["Observatory report", "Borrowed army"]]

    dialog.articles.setFocus()
    dialog.articles.selectRow(1)
    qtbot.keyClick(dialog.articles, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.article is not None and window.article.id == first.id, timeout=10_000
    )
    assert not dialog.isVisible()


def test_double_clicking_a_source_opens_the_article_that_uses_it(
    qtbot, open_main_window, article_files, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window(list(article_files))
    wait_for_article(qtbot, window)
    first = window.article
    assert first is not None
    other = tmp_path / "second.md"
    other.write_text("# Second look\n\nThe mayor said 40 buses were bought.\n", encoding="utf-8")
    window.documents.open_article_files([other])
    qtbot.waitUntil(
        lambda: window.article is not None and window.article.id != first.id, timeout=30_000
    )
    dialog = open_project(qtbot, window)
    index = dialog.sources_model.index(0, 1)
    dialog.sources.doubleClicked.emit(index)
    qtbot.waitUntil(
        lambda: window.article is not None and window.article.id == first.id, timeout=10_000
    )
