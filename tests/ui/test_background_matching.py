"""Background matching shows how far it has got and stops when the reader clicks Stop;
a claim selected afterwards still gets its passages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolButton

TOWNS = ["Arden", "Brisk", "Calder", "Dunmore", "Eskdale", "Farrow", "Glenholm", "Harwick"]


def write_files(folder: Path) -> list[Path]:
    article = ["# Wells of the valley", ""]
    source = ["Valley water survey", ""]
    for number, town in enumerate(TOWNS * 2):
        wells = 10 + number
        article.append(f"The survey office said {wells} wells in {town} ran dry in round {number}.")
        article.append("")
        source.append(f"In round {number}, {wells} wells in {town} were found dry by the survey.")
        source.append("")
    paths = [folder / "article.md", folder / "survey.txt"]
    paths[0].write_text("\n".join(article), encoding="utf-8")
    paths[1].write_text("\n".join(source), encoding="utf-8")
    return paths


def test_stop_halts_background_matching_and_selection_still_finds_passages(
    qtbot, open_main_window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window(write_files(tmp_path))
    qtbot.waitUntil(lambda: len(window.claims_panel.model.claims) >= 16, timeout=30_000)
    label = window.statusBar().findChild(QLabel, "matching_progress")
    stop = next(
        button for button in window.statusBar().findChildren(QToolButton) if button.text() == "Stop"
    )

    window.passages.match_remaining()
    assert label.isVisible() and label.text().startswith("Matching claims:")
    assert stop.isVisible()
    qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
    assert not label.isVisible()
    said = window.statusBar().currentMessage()
    assert said.startswith("Stopped matching at ") and "of 16 claims" in said
    qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=30_000)
    left = window.session.pending_matches().claims
    assert len(left) >= 5, "Stop did not stop: every claim was matched"
    assert not label.isVisible()

    claim_id, text = left[-1]
    with qtbot.waitSignal(window.matches_shown, timeout=30_000) as shown:
        window.claims_panel.select(claim_id)
    assert shown.args == [claim_id]
    [pane] = window.sources_area.panes
    assert pane.current_link is not None
    town = next(town for town in TOWNS if town in text)
    assert town in pane.current_link.text
