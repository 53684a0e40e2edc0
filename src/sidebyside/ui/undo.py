"""Undoable reader actions. Each command asks the session for its write (one transaction)
and hands the `Changes` it returns to the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from sidebyside.core.spans import Span
from sidebyside.core.verdicts import Verdict
from sidebyside.operations import WRITE_ERRORS, ArticleSession, Changes
from sidebyside.records import ClaimRecord, LinkRecord


class Window(Protocol):
    """What a command needs of the window: show a change, or say a write failed."""

    def apply(self, changes: Changes) -> None: ...

    def write_failed(self, error: BaseException) -> None: ...


class _Command(QUndoCommand):
    """Runs a session write; if the workspace refuses it (full disk, locked, read-only),
    the window says so and the command leaves the stack: nothing was done to undo."""

    def __init__(self, text: str, window: Window) -> None:
        super().__init__(text)
        self._window = window

    def _run(self, write: Callable[[], Changes]) -> None:
        try:
            changes = write()
        except WRITE_ERRORS as error:
            self.setObsolete(True)
            self._window.write_failed(error)
            return
        self._window.apply(changes)


class SetVerdictCommand(_Command):
    """A verdict set (or the same one confirmed after the claim's words changed): it ends
    the review the claim awaited; undo brings back the verdict and that review."""

    def __init__(
        self,
        session: ArticleSession,
        claim: ClaimRecord,
        new: Verdict,
        window: Window,
        text: str | None = None,
    ) -> None:
        super().__init__(text or f"Set verdict to “{new.label}”", window)
        self._session, self._claim_id, self._new = session, claim.id, new
        self._old, self._changed_from = claim.verdict, claim.changed_from

    def redo(self) -> None:
        self._run(lambda: self._session.set_verdict(self._claim_id, self._new))

    def undo(self) -> None:
        self._run(
            lambda: self._session.set_verdict(
                self._claim_id, self._old, changed_from=self._changed_from
            )
        )


class MarkClaimCommand(_Command):
    """Marking a claim. Undo hides it (keeping any note typed since); redo shows it again."""

    def __init__(self, session: ArticleSession, start: int, end: int, window: Window) -> None:
        super().__init__("Mark as claim", window)
        self._session, self._start, self._end = session, start, end
        self.claim_id: int | None = None

    def redo(self) -> None:
        self._run(self._mark_or_show)

    def _mark_or_show(self) -> Changes:
        if self.claim_id is None:
            changes = self._session.mark_claim(self._start, self._end)
            self.claim_id = changes.select
            return changes
        return self._session.set_dismissed(self.claim_id, False)

    def undo(self) -> None:
        claim_id = self.claim_id
        if claim_id is not None:
            self._run(lambda: self._session.set_dismissed(claim_id, True))


class _Toggle(_Command):
    """A claim flag the reader sets; undo sets it back."""

    def __init__(
        self,
        text: str,
        write: Callable[[int, bool], Changes],
        claim_id: int,
        value: bool,
        window: Window,
    ) -> None:
        super().__init__(text, window)
        self._write, self._claim_id, self._value = write, claim_id, value

    def redo(self) -> None:
        self._run(lambda: self._write(self._claim_id, self._value))

    def undo(self) -> None:
        self._run(lambda: self._write(self._claim_id, not self._value))


def dismiss_claim_command(session: ArticleSession, claim_id: int, window: Window) -> QUndoCommand:
    return _Toggle("Dismiss claim", session.set_dismissed, claim_id, True, window)


def restore_claim_command(session: ArticleSession, claim_id: int, window: Window) -> QUndoCommand:
    return _Toggle("Restore dismissed claim", session.set_dismissed, claim_id, False, window)


def accept_claim_command(session: ArticleSession, claim_id: int, window: Window) -> QUndoCommand:
    return _Toggle("Accept suggested claim", session.set_accepted, claim_id, True, window)


class MoveClaimCommand(_Command):
    """New boundaries for a claim (the reader selected the words it should cover)."""

    def __init__(
        self,
        session: ArticleSession,
        claim_id: int,
        old: tuple[int, int],
        new: tuple[int, int],
        window: Window,
    ) -> None:
        super().__init__("Adjust claim boundaries", window)
        self._session, self._claim_id = session, claim_id
        self._old, self._new = old, new

    def redo(self) -> None:
        self._run(lambda: self._session.move_claim(self._claim_id, *self._new))

    def undo(self) -> None:
        self._run(lambda: self._session.move_claim(self._claim_id, *self._old))


class SetLinkStateCommand(_Command):
    """A passage confirmed, rejected or put back to suggested; undo restores its state."""

    def __init__(self, session: ArticleSession, link: LinkRecord, new: str, window: Window) -> None:
        text = {
            "confirmed": "Confirm passage",
            "rejected": "Reject passage",
            "suggested": "Clear passage judgement",
        }[new]
        super().__init__(text, window)
        self._session, self._link_id, self._old, self._new = session, link.id, link.state, new

    def redo(self) -> None:
        self._run(lambda: self._session.set_link_state(self._link_id, self._new))

    def undo(self) -> None:
        self._run(lambda: self._session.set_link_state(self._link_id, self._old))


class LinkPassageCommand(_Command):
    """A passage linked by hand; undo removes it, redo links the same words again."""

    def __init__(
        self, session: ArticleSession, claim_id: int, source_id: int, span: Span, window: Window
    ) -> None:
        super().__init__("Link passage", window)
        self._session, self._claim_id, self._source_id, self._span = (
            session,
            claim_id,
            source_id,
            span,
        )
        self._link_id: int | None = None

    def redo(self) -> None:
        self._run(self._link)

    def _link(self) -> Changes:
        self._link_id, changes = self._session.link_passage(
            self._claim_id, self._source_id, self._span
        )
        return changes

    def undo(self) -> None:
        link_id = self._link_id
        if link_id is not None:
            self._run(lambda: self._session.remove_reader_link(link_id))


class SetTagsCommand(_Command):
    """A claim's tags changed (one added, one removed, or several at once); undo puts
    back the ones it had."""

    def __init__(
        self,
        session: ArticleSession,
        claim: ClaimRecord,
        new: tuple[str, ...],
        window: Window,
    ) -> None:
        old = claim.tags
        added = [tag for tag in new if tag.lower() not in {t.lower() for t in old}]
        removed = [tag for tag in old if tag.lower() not in {t.lower() for t in new}]
        if added and not removed:
            text = "Add tag “{}”".format("”, “".join(added))
        elif removed and not added:
            text = "Remove tag “{}”".format("”, “".join(removed))
        else:
            text = "Change tags"
        super().__init__(text, window)
        self._session, self._claim_id, self._old, self._new = session, claim.id, old, new

    def redo(self) -> None:
        self._run(lambda: self._session.set_tags(self._claim_id, self._new))

    def undo(self) -> None:
        self._run(lambda: self._session.set_tags(self._claim_id, self._old))
