"""In the window, a source read with a second article is the one already stored; taking it
off one article leaves it with the other."""

from __future__ import annotations

from pathlib import Path

from sidebyside.ui.main_window import MainWindow


def wait_for_article(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.article is not None, timeout=30_000)


def test_a_source_shared_by_two_articles_is_one_and_leaves_one_article_only(
    qtbot, open_main_window, article_files, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    article_file, source_file = article_files
    window = open_main_window([article_file, source_file])
    wait_for_article(qtbot, window)
    first = window.article
    assert first is not None
    qtbot.waitUntil(lambda: len(window.sources_area.panes) == 1, timeout=30_000)
    shared = window.sources_area.panes[0].info

    second_file = tmp_path / "follow-up.md"
    second_file.write_text(
        "# Follow-up\n\nThe Observatory now says 240 civilians were killed.\n", encoding="utf-8"
    )
    window.documents.open_article_files([second_file, source_file])
    qtbot.waitUntil(
        lambda: (
            window.article is not None
            and window.article.id != first.id
            and len(window.session.sources) == 1
        ),
        timeout=30_000,
    )
    second = window.article
    assert [info.id for info, _ in window.session.sources] == [shared.id]
    overview = window.session.project_overview()
    [use] = overview.sources
    assert {article.id for article in use.articles} == {first.id, second.id}

    window.documents.remove_source(shared.id)
    qtbot.waitUntil(lambda: not window.session.sources, timeout=10_000)
    assert [info.id for info in window.session.workspace.sources_of(first.id)] == [shared.id]
    window.load_article(first.id)
    assert [info.id for info, _ in window.session.sources] == [shared.id]
    assert len(window.sources_area.panes) == 1
