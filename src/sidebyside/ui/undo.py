"""Undoable reader actions. Each command asks the session for its write (one transaction)
and hands the `Changes` it returns to the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from sidebyside.core.verdicts import Verdict
from sidebyside.operations import ArticleSession, Changes

Apply = Callable[[Changes], None]


class SetVerdictCommand(QUndoCommand):
    def __init__(
        self, session: ArticleSession, claim_id: int, old: Verdict, new: Verdict, apply: Apply
    ) -> None:
        super().__init__(f"Set verdict to “{new.label}”")
        self._session, self._claim_id, self._old, self._new = session, claim_id, old, new
        self._apply = apply

    def redo(self) -> None:
        self._apply(self._session.set_verdict(self._claim_id, self._new))

    def undo(self) -> None:
        self._apply(self._session.set_verdict(self._claim_id, self._old))


class MarkClaimCommand(QUndoCommand):
    """Marking a claim. Undo hides it (keeping any note typed since); redo shows it again."""

    def __init__(self, session: ArticleSession, start: int, end: int, apply: Apply) -> None:
        super().__init__("Mark as claim")
        self._session, self._start, self._end, self._apply = session, start, end, apply
        self.claim_id: int | None = None

    def redo(self) -> None:
        if self.claim_id is None:
            changes = self._session.mark_claim(self._start, self._end)
            self.claim_id = changes.select
        else:
            changes = self._session.set_dismissed(self.claim_id, False)
        self._apply(changes)

    def undo(self) -> None:
        if self.claim_id is not None:
            self._apply(self._session.set_dismissed(self.claim_id, True))


class _Toggle(QUndoCommand):
    """A claim flag the reader sets; undo sets it back."""

    def __init__(
        self,
        text: str,
        write: Callable[[int, bool], Changes],
        claim_id: int,
        value: bool,
        apply: Apply,
    ) -> None:
        super().__init__(text)
        self._write, self._claim_id, self._value, self._apply = write, claim_id, value, apply

    def redo(self) -> None:
        self._apply(self._write(self._claim_id, self._value))

    def undo(self) -> None:
        self._apply(self._write(self._claim_id, not self._value))


def dismiss_claim_command(session: ArticleSession, claim_id: int, apply: Apply) -> QUndoCommand:
    return _Toggle("Dismiss claim", session.set_dismissed, claim_id, True, apply)


def restore_claim_command(session: ArticleSession, claim_id: int, apply: Apply) -> QUndoCommand:
    return _Toggle("Restore dismissed claim", session.set_dismissed, claim_id, False, apply)


def accept_claim_command(session: ArticleSession, claim_id: int, apply: Apply) -> QUndoCommand:
    return _Toggle("Accept suggested claim", session.set_accepted, claim_id, True, apply)


class MoveClaimCommand(QUndoCommand):
    """New boundaries for a claim (the reader selected the words it should cover)."""

    def __init__(
        self,
        session: ArticleSession,
        claim_id: int,
        old: tuple[int, int],
        new: tuple[int, int],
        apply: Apply,
    ) -> None:
        super().__init__("Adjust claim boundaries")
        self._session, self._claim_id, self._apply = session, claim_id, apply
        self._old, self._new = old, new

    def redo(self) -> None:
        self._apply(self._session.move_claim(self._claim_id, *self._new))

    def undo(self) -> None:
        self._apply(self._session.move_claim(self._claim_id, *self._old))
