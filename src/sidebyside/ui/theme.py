"""Light, dark or the system's look, applied to the whole application.

Qt 6.8+ can ask the platform for a colour scheme, but not every platform
honours it (the offscreen one, many X11 desktops), so an explicit choice also
sets a matching Fusion palette.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

DARK_COLOURS = {
    QPalette.ColorRole.Window: "#2b2d30",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1f22",
    QPalette.ColorRole.AlternateBase: "#26282b",
    QPalette.ColorRole.ToolTipBase: "#3c3f41",
    QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.PlaceholderText: "#8c8f94",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#3c3f41",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Link: "#6aa7ff",
    QPalette.ColorRole.Highlight: "#2f65ca",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Mid: "#4a4d50",
    QPalette.ColorRole.Dark: "#1a1b1d",
    QPalette.ColorRole.Light: "#4f5255",
    QPalette.ColorRole.Midlight: "#45484b",
    QPalette.ColorRole.Shadow: "#101010",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK_COLOURS.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7d80"))
    return palette


def apply_colour_scheme(key: str) -> None:
    """`key` is "system", "light" or "dark"."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(
            {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(
                key, Qt.ColorScheme.Unknown
            )
        )
    if key == "dark":
        app.setPalette(dark_palette())
    elif key == "light":
        app.setPalette(app.style().standardPalette())
    else:
        app.setPalette(QPalette())
