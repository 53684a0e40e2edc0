"""Fetch All Linked Sources… in the window, from a server on 127.0.0.1: the checklist of the
claims' addresses, fetched in the background, attached, and the failure explained."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import linked_site as site
from pdf_files import pdf_bytes
from sidebyside.core.claims import suggest_claims
from sidebyside.operations import ArticleSession, Changes, PreparedArticle
from sidebyside.ui.linked_sources import LinkedChecklist
from sidebyside.ui.main_window import MainWindow


@pytest.fixture
def base(serve_local: Callable[..., str]) -> str:
    pdf = pdf_bytes([site.STATEMENT_LINES], title="Statement on the Dovrak pipes")
    return serve_local(site.replies(pdf))


def test_fetch_all_linked_sources_attaches_two_and_explains_the_404(
    qtbot, workspace_path: Path, open_main_window: Callable[..., MainWindow], base: str
) -> None:  # type: ignore[no-untyped-def]
    document = site.article(base)
    session = ArticleSession.open(workspace_path)
    session.record_article(PreparedArticle(document, tuple(suggest_claims(document))))
    session.close()
    window = open_main_window()
    qtbot.waitUntil(lambda: window.session.article is not None)
    # Until the store keeps links, give the open article the links its importer read.
    window.session.article_document = document
    window.apply(Changes(citations=True))
    qtbot.waitUntil(lambda: len(window.session.citations.linked) == 3, timeout=10000)
    missing = window.claims_panel.missing
    assert any(f"↳ {base}/hrw-report (claims 1)" in line for line in missing.lines())

    checklist = LinkedChecklist(window.session.citations.to_fetch, window)
    qtbot.addWidget(checklist)
    assert checklist.list.count() == 3
    window.linked_sources.fetch(checklist.chosen())
    qtbot.waitUntil(lambda: window.linked_sources.report is not None, timeout=15000)

    report = window.linked_sources.report
    assert report is not None
    assert {info.address for info, _ in window.session.sources} == {
        base + "/news/wire-story",
        base + "/board.pdf",
    }
    assert "2 attached, 1 could not be fetched." in report.text.text()
    assert "404" in report.text.text()
    assert f'href="https://web.archive.org/web/{base}/hrw-report"' in report.text.text()
    assert report.text.accessibleName()
    qtbot.waitUntil(
        lambda: [m.name for m in window.session.citations.missing] == ["Human Rights Watch"]
    )
    window.grab().save("/tmp/fl_window.png")
    report.grab().save("/tmp/fl_report.png")
