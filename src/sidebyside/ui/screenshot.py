"""`sidebyside --screenshot OUT.png`: the window as a person sees it, once matches are painted."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from sidebyside.ui.main_window import MainWindow

SCREENSHOT_SIZE = (1400, 880)
TIMEOUT_MS = 60_000


def take_screenshot_when_ready(window: MainWindow, out: Path) -> None:
    """Resize, wait for the first claim's passages, save a PNG and quit (status 1 on timeout)."""
    window.resize(*SCREENSHOT_SIZE)
    done = False

    def save(_claim_id: int | None = None) -> None:
        nonlocal done
        if done:
            return
        done = True
        QTimer.singleShot(150, lambda: _grab_and_quit(window, out))

    def give_up() -> None:
        if not done:
            print(
                "sidebyside: timed out waiting for matches; screenshot not taken", file=sys.stderr
            )
            QApplication.exit(1)

    window.matches_shown.connect(save)
    window.article_loaded.connect(lambda _id: _select_first_claim(window))
    _select_first_claim(window)
    QTimer.singleShot(TIMEOUT_MS, give_up)


def _select_first_claim(window: MainWindow) -> None:
    claims = window.claims_panel.model.claims
    if claims and window.claims_panel.current_claim() is None:
        window.claims_panel.select(claims[0].id)


def _grab_and_quit(window: MainWindow, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out), "PNG"):
        print(f"sidebyside: could not write {out}", file=sys.stderr)
        QApplication.exit(1)
        return
    window.close()
    QApplication.exit(0)
