"""Tab goes through the window the way the eye reads it: the article, each source pane
left to right, the claim list with its filters, then the claim's verdict and notes.

Qt's own order is the order widgets were made in, and source panes are made when sources
arrive, so without this they would come last, after the notes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def set_tab_order(window: QWidget, regions: list[QWidget]) -> None:
    """Chain the focus stops of `regions` in that order, each region's own stops in the
    order Qt has them (the order they were built in, which is their reading order)."""
    chain = _focus_chain(window)
    stops = [widget for region in regions for widget in chain if region.isAncestorOf(widget)]
    for before, after in zip(stops, stops[1:], strict=False):
        QWidget.setTabOrder(before, after)


def _focus_chain(window: QWidget) -> list[QWidget]:
    widgets: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not None and widget is not window and len(widgets) < 10_000:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widgets.append(widget)
        widget = widget.nextInFocusChain()
    return widgets
