"""The report of a fetch shows every address, however many failed, and can be seen again."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea

from sidebyside.operations.linked_sources import LinkedResult, Outcome
from sidebyside.ui.linked_sources import FetchReport

FAILED = [
    LinkedResult(f"https://news{n}.example/story-{n}", Outcome.FAILED, reason="No answer.")
    for n in range(12)
]


def test_a_dozen_failures_are_all_there_to_scroll_to(qtbot) -> None:  # type: ignore[no-untyped-def]
    report = FetchReport(FAILED)
    qtbot.addWidget(report)
    report.show()
    qtbot.waitExposed(report)
    scroll = report.findChild(QScrollArea)
    assert scroll is not None and scroll.widget() is report.text
    assert all(result.address in report.text.text() for result in FAILED)
    assert "0 attached, 12 could not be fetched." in report.text.text()
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0  # longer than the box: it scrolls rather than cuts
    bar.setValue(bar.maximum())
    last = report.text.mapTo(scroll.viewport(), report.text.rect().bottomLeft())
    assert last.y() <= scroll.viewport().height()  # the last address can be brought into view


def test_the_last_report_opens_again_from_the_file_menu(qtbot, open_main_window) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window()
    action = window.actions_.fetch_report
    assert not action.isEnabled()  # no fetch yet
    window.linked_sources.report = FetchReport(FAILED, window)
    action.setEnabled(True)
    action.trigger()
    assert window.linked_sources.report.isVisible()
