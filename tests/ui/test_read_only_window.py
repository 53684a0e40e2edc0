"""A read-only workspace in the window: it says so, shows the work, and offers nothing
that would change it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from sidebyside.core.verdicts import Verdict
from sidebyside.operations import ArticleSession, prepare_article, record_article
from sidebyside.store import Workspace
from sidebyside.ui.app import open_window


def test_a_read_only_workspace_is_shown_and_cannot_be_changed(
    qtbot, article_files, workspace_path: Path, settings
) -> None:  # type: ignore[no-untyped-def]
    article, source = article_files
    with Workspace.open(workspace_path) as workspace:
        info = record_article(workspace, prepare_article(article, [source]))
        claim = workspace.claims_of(info.id)[0]
        workspace.save_note(claim.id, "checked against the report")
        workspace.set_verdict(claim.id, Verdict.SUPPORTED)

    session = ArticleSession(Workspace.open(workspace_path, read_only=True))
    window = open_window(session, [], settings=settings)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.article is not None, timeout=30_000)
        assert "(read-only)" in window.windowTitle()
        banner = window.statusBar().findChild(QLabel, "read_only_banner")
        assert banner is not None and banner.isVisible()
        assert window.claims_panel.select(claim.id)
        assert window.claim_panel.notes.toPlainText() == "checked against the report"
        assert window.claim_panel.notes.isReadOnly()
        assert not window.claim_panel.verdict.isEnabled()
        actions = window.actions_
        for action in (
            actions.mark_claim,
            actions.dismiss_claim,
            actions.open_article,
            actions.add_source,
            actions.reimport,
            actions.remove_article,
            *actions.verdicts,
        ):
            assert not action.isEnabled(), action.text()
        assert actions.export.isEnabled()  # reading out is still possible
        window.documents.add_source_files([source])  # a drop, say: refused in words
        assert "read-only" in window.statusBar().currentMessage()
        assert len(session.sources) == 1
    finally:
        window.close()
        session.close()
