"""How a long step says how far it has got, and how it is told to stop.

A step calls `progress.advance(done, total, what)` between units of work; the caller may
`cancel()` from any thread, and the step then stops at its next report by raising
`Cancelled`. Work stopped this way writes nothing it has not finished.

Deep steps (a PDF's pages, a source's index) report to `current_progress()`, the progress
the caller set for its thread with `reporting(progress)`, so that no reader or matcher
signature has to carry it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from sidebyside.core.errors import SidebysideError

Report = Callable[[int, int, str], None]


class Cancelled(SidebysideError):
    """The reader stopped the work."""

    def __init__(self) -> None:
        super().__init__("Stopped.")


MAX_PAUSE_S = 0.5  # the longest a step waits for the reader before going on anyway


class Progress:
    """Shared by the step and its caller; safe to use from two threads.

    `go_on`, when given, is an event the caller clears while the reader is waiting for
    the screen (a click being answered): the step then pauses at its next report, so that
    it does not share the interpreter with the UI thread at that moment.
    """

    def __init__(self, report: Report | None = None, go_on: threading.Event | None = None) -> None:
        self._report = report
        self._go_on = go_on
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def advance(self, done: int, total: int, what: str = "") -> None:
        """Say how far the work is; raises `Cancelled` once the caller asked it to stop."""
        if self._go_on is not None:
            self._go_on.wait(MAX_PAUSE_S)
        if self._stop.is_set():
            raise Cancelled
        if self._report is not None:
            self._report(done, total, what)
            if self._stop.is_set():  # stopped by whoever watches the report
                raise Cancelled


QUIET = Progress()  # for callers that neither watch nor stop the work

_current: ContextVar[Progress] = ContextVar("progress", default=QUIET)


def current_progress() -> Progress:
    return _current.get()


@contextmanager
def reporting(progress: Progress) -> Iterator[Progress]:
    """Deep steps run in this block report to (and are stopped by) `progress`."""
    token = _current.set(progress)
    try:
        yield progress
    finally:
        _current.reset(token)
