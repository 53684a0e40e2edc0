"""`sidebyside --screenshot OUT.png`: the window as a person sees it, once matches are painted."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from sidebyside.ui.main_window import MainWindow

SCREENSHOT_SIZE = (1400, 880)
TIMEOUT_MS = 60_000


def take_screenshot_when_ready(
    window: MainWindow, out: Path, claim_number: int = 1, claim_id: int | None = None
) -> None:
    """Resize, wait for a claim's passages (the first by default, or the claim `claim_id`
    such as a `sidebyside://` address names), save a PNG and quit.

    Exits with status 1 if the passages are not painted within a minute.
    """
    window.resize(*SCREENSHOT_SIZE)
    done = False

    def save(painted: int | None = None) -> None:
        nonlocal done
        wanted = claim_id or _claim_id(window, claim_number)
        if done or painted != wanted:
            return
        done = True
        _grab_when_idle(window, out)

    def give_up() -> None:
        if not done:
            print(
                "sidebyside: timed out waiting for matches; screenshot not taken", file=sys.stderr
            )
            QApplication.exit(1)

    window.matches_shown.connect(save)
    window.article_loaded.connect(lambda _id: _select_claim(window, claim_number, claim_id))
    _select_claim(window, claim_number, claim_id)
    if window.painted_claim is not None:  # stored passages, painted while the article loaded
        save(window.painted_claim)
    QTimer.singleShot(TIMEOUT_MS, give_up)


def _claim_id(window: MainWindow, number: int) -> int | None:
    claims = window.claims_panel.model.claims
    return claims[min(number, len(claims)) - 1].id if claims else None


def _select_claim(window: MainWindow, number: int, claim_id: int | None = None) -> None:
    wanted = claim_id or _claim_id(window, number)
    current = window.claims_panel.current_claim()
    if wanted is not None and (current is None or current.id != wanted):
        window.claims_panel.select(wanted)


def _grab_when_idle(window: MainWindow, out: Path) -> None:
    """Wait for background work (such as the missing-sources count) to settle first, then
    for the results it delivered to be shown (one more turn of the event loop)."""
    if window.runner.is_busy:
        QTimer.singleShot(20, lambda: _grab_when_idle(window, out))
    else:
        QTimer.singleShot(0, lambda: _grab_and_quit(window, out))


def _grab_and_quit(window: MainWindow, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out), "PNG"):
        print(f"sidebyside: could not write {out}", file=sys.stderr)
        QApplication.exit(1)
        return
    window.close()
    QApplication.exit(0)
