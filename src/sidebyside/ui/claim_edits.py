"""The reader's edits of claims, each pushed on the undo stack as a command that asks the
session for its write and hands the `Changes` back to the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand

from sidebyside.core.spans import Span
from sidebyside.core.verdicts import Verdict
from sidebyside.ui.undo import (
    LinkPassageCommand,
    MarkClaimCommand,
    MoveClaimCommand,
    SetLinkStateCommand,
    SetTagsCommand,
    SetVerdictCommand,
    accept_claim_command,
    dismiss_claim_command,
    restore_claim_command,
)

if TYPE_CHECKING:
    from sidebyside.ui.main_window import MainWindow


class ClaimEdits(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session

    def mark_selection(self) -> None:
        """The selected words of the article become a claim of the reader's own."""
        span = self.window.article_pane.view.selected_span()
        if self.session.article is not None and span is not None:
            self._push(MarkClaimCommand(self.session, span.start, span.end, self.window))

    def accept_current(self) -> None:
        claim = self.window.current_claim
        if claim is not None and not claim.accepted:
            self._push(accept_claim_command(self.session, claim.id, self.window))

    def restore_current(self) -> None:
        claim = self.window.current_claim
        if claim is not None and claim.dismissed:
            self._push(restore_claim_command(self.session, claim.id, self.window))

    def move_current_to_selection(self) -> None:
        """The selected words of the article become the current claim's new boundaries."""
        claim = self.window.current_claim
        span = self.window.article_pane.view.selected_span()
        if claim is not None and span is not None:
            self._push(
                MoveClaimCommand(
                    self.session,
                    claim.id,
                    (claim.start, claim.end),
                    (span.start, span.end),
                    self.window,
                )
            )

    def dismiss_current(self) -> None:
        claim = self.window.current_claim
        if claim is not None:
            self.window.claim_panel.flush_note()
            self._push(dismiss_claim_command(self.session, claim.id, self.window))

    def choose_verdict(self, claim_id: int, verdict: Verdict) -> None:
        """A verdict chosen; the same one again counts when the claim awaits review."""
        claim = self.session.claim(claim_id)
        if claim.verdict != verdict or claim.needs_review:
            self._push(SetVerdictCommand(self.session, claim, verdict, self.window))

    def mark_reviewed(self, claim_id: int) -> None:
        """The reader checked a claim whose words changed: its verdict stands."""
        claim = self.session.claim(claim_id)
        if claim.needs_review:
            self._push(
                SetVerdictCommand(
                    self.session, claim, claim.verdict, self.window, self.tr("Mark as reviewed")
                )
            )

    def mark_current_reviewed(self) -> None:
        claim = self.window.current_claim
        if claim is not None:
            self.mark_reviewed(claim.id)

    def choose_verdict_for_current(self, verdict: Verdict) -> None:
        claim = self.window.current_claim
        if claim is not None:
            self.choose_verdict(claim.id, verdict)

    def set_tags(self, claim_id: int, tags: tuple[str, ...]) -> None:
        """The tags the reader typed for a claim (an undoable change, if they differ)."""
        claim = self.session.claim(claim_id)
        if [tag.lower() for tag in claim.tags] != [tag.lower() for tag in tags]:
            self._push(SetTagsCommand(self.session, claim, tags, self.window))

    def choose_link_state(self, link_id: int, state: str) -> None:
        """A passage confirmed or rejected (or either taken back) in a source pane."""
        claim = self.window.current_claim
        link = (
            next((link for link in self.session.links_of(claim.id) if link.id == link_id), None)
            if claim is not None
            else None
        )
        if link is not None and link.state != state:
            self._push(SetLinkStateCommand(self.session, link, state, self.window))

    def link_passage(self, source_id: int, span: Span) -> None:
        """Words the reader selected in a source become a passage of the selected claim."""
        claim = self.window.current_claim
        if claim is not None:
            self._push(LinkPassageCommand(self.session, claim.id, source_id, span, self.window))

    def _push(self, command: QUndoCommand) -> None:
        self.window.undo_stack.push(command)
