"""A change the workspace refuses (another program holds the write lock): the window says
"Not saved", shows what is stored, and keeps nothing on the undo stack."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from sidebyside.core.verdicts import Verdict


def test_a_verdict_refused_by_a_locked_workspace_is_not_shown_as_set(
    qtbot, open_main_window, article_files, workspace_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window(list(article_files))
    qtbot.waitUntil(lambda: window.article is not None, timeout=30_000)
    qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=30_000)
    claim = window.claims_panel.model.claims[0]
    assert window.claims_panel.select(claim.id)

    locker = sqlite3.connect(workspace_path, timeout=1)
    locker.execute("BEGIN IMMEDIATE")  # another program writing, for longer than we wait
    try:
        window.actions_.verdicts[list(Verdict).index(Verdict.SUPPORTED)].trigger()
    finally:
        locker.rollback()
        locker.close()

    box = window.findChild(QMessageBox, "not_saved_message")
    assert box is not None and "another program is writing to the workspace" in box.text()
    assert window.session.claim(claim.id).verdict is Verdict.UNREVIEWED
    assert window.claim_panel.verdict.currentData() == Verdict.UNREVIEWED.value
    assert window.undo_stack.count() == 0  # nothing was done, so nothing to undo
    box.close()

    window.actions_.verdicts[list(Verdict).index(Verdict.SUPPORTED)].trigger()  # lock gone
    assert window.session.claim(claim.id).verdict is Verdict.SUPPORTED
    assert window.undo_stack.count() == 1
