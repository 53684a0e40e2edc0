"""Finding each claim's passages in the background, through the session.

The selected claim is matched at once; the others follow, a few claims per task, so that
an export is complete and the reader's next choice never waits long behind them. Each
task runs the session's pure matching step on the task thread; its results are recorded
by the session on the UI thread, and the window shows the `Changes` they return.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from sidebyside.core.progress import current_progress
from sidebyside.operations import (
    WRITE_ERRORS,
    ArticleSession,
    Changes,
    FoundPassages,
    MatchingSession,
)
from sidebyside.records import ClaimRecord
from sidebyside.ui.tasks import TaskRunner

CLAIMS_PER_TASK = 3
AHEAD = 2  # claims after the selected one matched next: the reader usually goes on
SELECTED, AHEAD_OF_READER = 2, 1  # task priorities: the selected claim, then the next ones
READER_IDLE_S = 0.5  # background matching waits this long after the reader's last selection

Found = tuple[list[FoundPassages], dict[int, tuple[str, bytes]]]


class PassageFinder(QObject):
    changed = Signal(object)  # Changes recorded from found passages
    failed = Signal(object)  # an error from the matching thread
    progress = Signal(int, int)  # claims matched so far and in all, in this round; 0, 0: done

    def __init__(self, session: ArticleSession, runner: TaskRunner, parent: QObject) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._round = 0
        self._last_selection_at = 0.0
        self._queued: set[int] = set()  # claims submitted ahead of the reader, not yet back
        self._recorded: set[int] = set()  # claims whose passages were stored in this round
        self._reached = (0, 0)  # claims matched and in all, in this round
        self._round_pending: set[int] = set()  # claims of this round not matched yet
        self.running = False

    def find(self, claim: ClaimRecord, ahead: Sequence[ClaimRecord] = ()) -> bool:
        """Find the claim's passages now, ahead of the background; False if they are
        stored already (and current). The claims `ahead` (those the reader is likely to
        open next) are matched right after it, before the rest."""
        self._last_selection_at = time.monotonic()
        needed = self._session.needs_matching(claim.id)
        next_ones = [
            c
            for c in ahead[:AHEAD]
            if c.id not in self._queued and self._session.needs_matching(c.id)
        ]
        key, work = self._session.key, self._session.matching_work()
        if needed and claim.id not in self._queued:  # else on its way already
            self._submit(key, work, [claim], self.tr("Finding passages…"), SELECTED)
        if next_ones:
            self._submit(key, work, next_ones, "", AHEAD_OF_READER)
        return needed

    def _submit(
        self,
        key: str,
        work: MatchingSession,
        claims: Sequence[ClaimRecord],
        say: str,
        priority: int,
    ) -> None:
        pairs = [(claim.id, claim.text) for claim in claims]
        queued = {claim_id for claim_id, _ in pairs}
        self._queued |= queued

        def record(found: Found) -> None:
            self._queued -= queued
            self._record(key, found)

        def fail(error: BaseException) -> None:
            self._queued -= queued
            self.failed.emit(error)

        self._runner.submit(
            lambda: _match(work, pairs),
            record,
            fail,
            say,
            priority=priority,
        )

    def match_remaining(self, then: Callable[[], None] | None = None) -> None:
        """Find passages for every claim not matched yet, then call `then`."""
        self._round += 1
        self._recorded = set()
        pending = self._session.pending_matches()
        if pending.work is None or not pending.claims:
            self._finish(then)
            return
        self.running = True
        self._round_pending = {claim_id for claim_id, _ in pending.claims}
        matched = max(0, len(self._session.claims()) - len(pending.claims))  # done before
        self._reached = (matched, matched + len(pending.claims))
        self._step(self._round, pending.key, pending.work, list(pending.claims), matched, then)

    def stop(self) -> tuple[int, int] | None:
        """Stop background matching after the task now running (each claim is still
        matched when the reader selects it); how far it had got, if it was running."""
        self._round += 1
        reached = self._reached if self.running else None
        self._finish(None)
        return reached

    def _step(
        self,
        round_: int,
        key: str,
        work: MatchingSession,
        pending: list[tuple[int, str]],
        done: int,
        then: Callable[[], None] | None,
    ) -> None:
        if round_ != self._round:
            return  # the article or its sources changed, or the reader stopped it
        left = [item for item in pending if item[0] not in self._recorded]
        done += len(pending) - len(left)  # found meanwhile for the reader
        pending = left
        if not pending:
            self._finish(then)
            return
        total = done + len(pending)
        self._reached = (done, total)
        self.progress.emit(done, total)
        chunk, rest = pending[:CLAIMS_PER_TASK], pending[CLAIMS_PER_TASK:]

        def recorded(found: Found) -> None:
            if round_ == self._round:
                self._record(key, found)
            # While the reader moves through claims, background matching steps aside: it
            # shares the interpreter with the UI thread.
            QTimer.singleShot(
                self._pause_ms(),
                self,  # dropped if the window is gone by then
                lambda: self._step(round_, key, work, rest, done + len(chunk), then),
            )

        self._runner.submit(
            lambda: _match(work, chunk),
            recorded,
            self.failed.emit,
            "",  # the status bar's "Matching claims: 12 of 42" says it
        )

    def _record(self, key: str, found: Found) -> None:
        try:
            changes: Changes = self._session.record_matches(key, *found)
        except WRITE_ERRORS:
            return  # not stored (disk full, another writer): found again when next needed
        self._recorded |= changes.links
        newly = changes.links & self._round_pending
        if newly and self.running:  # the count moves as claims are matched, not per step
            self._round_pending -= newly
            done, total = self._reached
            self._reached = (min(total, done + len(newly)), total)
            self.progress.emit(*self._reached)
        self.changed.emit(changes)

    def _finish(self, then: Callable[[], None] | None) -> None:
        if self.running:
            self.running = False
            self.progress.emit(0, 0)
        if then is not None:
            then()

    def _pause_ms(self) -> int:
        idle = time.monotonic() - self._last_selection_at
        return 0 if idle >= READER_IDLE_S else int((READER_IDLE_S - idle) * 1000)


def _match(work: MatchingSession, claims: list[tuple[int, str]]) -> Found:
    """Runs on the task thread: only the matcher's own documents and indexes are read."""
    progress = current_progress()
    found = []
    for number, (claim_id, text) in enumerate(claims):
        progress.advance(number, len(claims))  # waits while the reader waits for the screen
        found.append(work.passages_for(text, claim_id))
    return found, work.take_unsaved_indexes()
