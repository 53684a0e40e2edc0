"""The one way sidebyside runs long work: off the UI thread, results back by signal.

Tasks run one at a time on a private thread pool, in submission order, so the
core objects they share (indexes, caches) never see two threads at once. A task may
report how far it has got (`progressed`) and be stopped (`cancel`): it then ends with
`Cancelled` at its next report, having written nothing.
"""

from __future__ import annotations

import contextlib
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from sidebyside.core.progress import reporting
from sidebyside.operations import Progress

REPORT_EVERY_S = 0.1


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay, progress: Progress) -> None:
        super().__init__()
        self._work = work
        self._relay = relay
        self._progress = progress

    @Slot()
    def run(self) -> None:
        try:
            with reporting(self._progress):
                self._progress.advance(0, 0)  # stopped before it began
                result = self._work()
        except BaseException as error:  # reported to the UI, never lost in a thread
            error.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            _emit(self._relay.failed, error)
        else:
            _emit(self._relay.finished, result)


class _Throttled:
    """Passes a task's progress on at most every REPORT_EVERY_S (and at the end): the
    status bar need not repaint a thousand times a second."""

    def __init__(self, signal: Any) -> None:
        self._signal = signal
        self._last = 0.0

    def __call__(self, done: int, total: int, what: str) -> None:
        now = time.monotonic()
        if now - self._last >= REPORT_EVERY_S or done >= total:
            self._last = now
            _emit(self._signal, done, total, what)


def _emit(signal: Any, *values: Any) -> None:
    with contextlib.suppress(RuntimeError):  # the window closed meanwhile: nobody to tell
        signal.emit(*values)


class TaskRunner(QObject):
    """Runs callables in the background; `busy_changed` drives the progress indicator."""

    busy_changed = Signal(bool, str)
    progressed = Signal(int, int, str)  # done, total, what: from the task running now

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pending = 0
        self._relays: set[_Relay] = set()
        self._progress: set[Progress] = set()
        self._go_on = threading.Event()
        self._go_on.set()
        self._closed = False

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        description: str = "",
        *,
        priority: int = 0,
    ) -> None:
        """Run `work` in the background, then `on_done(result)` or `on_error(error)` here.
        Queued work of higher `priority` runs first (what the reader waits for)."""
        if self._closed:
            return
        relay = _Relay()  # lives on the UI thread, so its signals arrive there
        self._relays.add(relay)
        progress = Progress(_Throttled(relay.progressed), self._go_on)
        self._progress.add(progress)
        relay.progressed.connect(self.progressed)

        def finish(handler: Callable[[Any], None], value: Any) -> None:
            if self._closed:  # the window closed: results of derived work are dropped
                return
            self._relays.discard(relay)
            self._progress.discard(progress)
            self._pending -= 1
            if not self._pending:
                self.busy_changed.emit(False, "")
            handler(value)

        relay.finished.connect(lambda result: finish(on_done, result))
        relay.failed.connect(lambda error: finish(on_error, error))
        self._pending += 1
        self.busy_changed.emit(True, description)
        self._pool.start(_Task(work, relay, progress), priority)

    @property
    def is_busy(self) -> bool:
        return self._pending > 0

    @contextlib.contextmanager
    def reader_first(self) -> Iterator[None]:
        """While the block runs, and until the screen is painted after it, background work
        pauses at its next step: the reader's click is answered first."""
        self._go_on.clear()
        try:
            yield
        finally:
            QTimer.singleShot(0, self, self._go_on.set)

    def cancel(self) -> None:
        """Stop every task queued or running; each ends with `Cancelled`."""
        for progress in self._progress:
            progress.cancel()

    def wait(self, milliseconds: int = 30000) -> bool:
        """Block until queued work is done."""
        return self._pool.waitForDone(milliseconds)

    def shut_down(self) -> None:
        """Stop running work at its next report, drop the rest and accept nothing new
        (window closing)."""
        self._closed = True
        self.cancel()
        self._pool.clear()
        self._pool.waitForDone(30000)
