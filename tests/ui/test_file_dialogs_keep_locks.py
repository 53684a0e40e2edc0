"""Listing the workspace's folder in a file dialog keeps the workspace's locks: Qt used to
read every file's first bytes for its type, and closing that read dropped SQLite's locks,
so another sidebyside deleted the write-ahead log this one was writing into."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from sidebyside.operations import ArticleSession
from sidebyside.ui.file_dialogs import file_dialog

LOCKS = Path("/proc/locks")


def locks_on(path: Path) -> int:
    inode = os.stat(path).st_ino
    return sum(1 for line in LOCKS.read_text().splitlines() if f":{inode} " in line)


@pytest.mark.skipif(not LOCKS.exists(), reason="no /proc/locks to read the locks from")
def test_a_file_dialog_on_the_workspace_folder_leaves_its_locks(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = ArticleSession.open(tmp_path / "work.sidebyside")
    try:
        session.articles()
        held = locks_on(session.path)
        assert held > 0  # SQLite holds the workspace while it is open
        dialog = file_dialog(None, "Open Article", str(tmp_path), "All files (*)")
        dialog.setViewMode(QFileDialog.ViewMode.Detail)  # the type column: what read files
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.findChildren(object) != [], timeout=5_000)
        qtbot.wait(1500)  # the folder is listed and typed in a background thread
        assert locks_on(session.path) == held
    finally:
        session.close()
