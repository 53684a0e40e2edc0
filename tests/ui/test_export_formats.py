"""Exporting from the window: the save dialog's file type chooses the format, and the
next export offers the format chosen last (Markdown at first)."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import Qt

from sidebyside.ui import file_dialogs


def test_choosing_csv_in_the_save_dialog_writes_a_csv_and_is_remembered(
    qtbot, open_main_window, article_files, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window(list(article_files))
    qtbot.waitUntil(lambda: window.article is not None, timeout=30_000)
    claim = window.claims_panel.model.claims[0]
    window.claims_panel.select(claim.id)
    qtbot.keyClicks(window.claim_panel.notes, 'Checked, "twice".')
    offered: list[tuple[str, str, str]] = []
    answers = [
        (str(tmp_path / "claims"), "CSV of claims (*.csv)"),  # no suffix typed
        (str(tmp_path / "again.csv"), "CSV of claims (*.csv)"),
    ]

    def choose(parent, caption, suggested, filters, selected):  # type: ignore[no-untyped-def]
        offered.append((suggested, filters, selected))
        return answers[len(offered) - 1]

    monkeypatch.setattr(file_dialogs, "get_save_file_name", choose)
    with qtbot.waitSignal(window.export_written, timeout=30_000):
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    suggested, filters, selected = offered[0]
    assert selected == "Markdown notes (*.md)"  # Ctrl+E offers Markdown first
    assert suggested.endswith(" notes.md")
    for name in ("Obsidian notes (*.md)", "CSV of claims (*.csv)", "CSL-JSON of sources"):
        assert name in filters
    with (tmp_path / "claims.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(window.claims_panel.model.claims)
    assert 'Checked, "twice".' in [row["notes"] for row in rows]
    assert window.settings.export_format == "csv"

    with qtbot.waitSignal(window.export_written, timeout=30_000):
        window.actions_.export.trigger()
    suggested, _, selected = offered[1]
    assert selected == "CSV of claims (*.csv)" and suggested.endswith(" claims.csv")
    assert (tmp_path / "again.csv").is_file()
