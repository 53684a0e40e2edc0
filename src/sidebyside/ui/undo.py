"""Undoable reader actions. Each command applies itself through the store, one transaction."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from sidebyside.core.verdicts import Verdict
from sidebyside.records import ClaimRecord
from sidebyside.store import Workspace


class SetVerdictCommand(QUndoCommand):
    def __init__(
        self,
        workspace: Workspace,
        claim_id: int,
        old: Verdict,
        new: Verdict,
        changed: Callable[[int], None],
    ) -> None:
        super().__init__(f"Set verdict to “{new.label}”")
        self._workspace, self._claim_id, self._old, self._new = workspace, claim_id, old, new
        self._changed = changed

    def redo(self) -> None:
        self._workspace.set_verdict(self._claim_id, self._new)
        self._changed(self._claim_id)

    def undo(self) -> None:
        self._workspace.set_verdict(self._claim_id, self._old)
        self._changed(self._claim_id)


class MarkClaimCommand(QUndoCommand):
    """Marking a claim. Undo hides it (keeping any note typed since); redo shows it again."""

    def __init__(
        self,
        workspace: Workspace,
        article_id: int,
        start: int,
        end: int,
        cues: dict[str, object],
        changed: Callable[[int | None], None],
    ) -> None:
        super().__init__("Mark as claim")
        self._workspace, self._article_id = workspace, article_id
        self._start, self._end, self._cues = start, end, cues
        self._changed = changed
        self.claim: ClaimRecord | None = None

    def redo(self) -> None:
        if self.claim is None:
            self.claim = self._workspace.add_claim(
                self._article_id, self._start, self._end, origin="reader", cues=self._cues
            )
        else:
            self._workspace.set_dismissed(self.claim.id, False)
        self._changed(self.claim.id)

    def undo(self) -> None:
        if self.claim is not None:
            self._workspace.set_dismissed(self.claim.id, True)
        self._changed(None)


class DismissClaimCommand(QUndoCommand):
    def __init__(
        self, workspace: Workspace, claim_id: int, changed: Callable[[int | None], None]
    ) -> None:
        super().__init__("Dismiss claim")
        self._workspace, self._claim_id, self._changed = workspace, claim_id, changed

    def redo(self) -> None:
        self._workspace.set_dismissed(self._claim_id, True)
        self._changed(None)

    def undo(self) -> None:
        self._workspace.set_dismissed(self._claim_id, False)
        self._changed(self._claim_id)


class AcceptClaimCommand(QUndoCommand):
    def __init__(
        self, workspace: Workspace, claim_id: int, changed: Callable[[int | None], None]
    ) -> None:
        super().__init__("Accept suggested claim")
        self._workspace, self._claim_id, self._changed = workspace, claim_id, changed

    def redo(self) -> None:
        self._workspace.set_accepted(self._claim_id, True)
        self._changed(self._claim_id)

    def undo(self) -> None:
        self._workspace.set_accepted(self._claim_id, False)
        self._changed(self._claim_id)


class RestoreClaimCommand(QUndoCommand):
    def __init__(
        self, workspace: Workspace, claim_id: int, changed: Callable[[int | None], None]
    ) -> None:
        super().__init__("Restore dismissed claim")
        self._workspace, self._claim_id, self._changed = workspace, claim_id, changed

    def redo(self) -> None:
        self._workspace.set_dismissed(self._claim_id, False)
        self._changed(self._claim_id)

    def undo(self) -> None:
        self._workspace.set_dismissed(self._claim_id, True)
        self._changed(None)


class MoveClaimCommand(QUndoCommand):
    """New boundaries for a claim (the reader selected the words it should cover)."""

    def __init__(
        self,
        workspace: Workspace,
        claim: ClaimRecord,
        start: int,
        end: int,
        changed: Callable[[int | None], None],
    ) -> None:
        super().__init__("Adjust claim boundaries")
        self._workspace, self._claim_id, self._changed = workspace, claim.id, changed
        self._old = (claim.start, claim.end)
        self._new = (start, end)

    def redo(self) -> None:
        self._workspace.move_claim(self._claim_id, *self._new)
        self._changed(self._claim_id)

    def undo(self) -> None:
        self._workspace.move_claim(self._claim_id, *self._old)
        self._changed(self._claim_id)
