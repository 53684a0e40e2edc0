"""The reader's edits to claims, each an undoable command: mark, accept, reshape,
dismiss, restore, and verdicts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sidebyside import operations
from sidebyside.core.claims import describe_claim
from sidebyside.core.verdicts import Verdict
from sidebyside.ui.undo import (
    AcceptClaimCommand,
    DismissClaimCommand,
    MarkClaimCommand,
    MoveClaimCommand,
    RestoreClaimCommand,
    SetVerdictCommand,
)

if TYPE_CHECKING:
    from sidebyside.ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class ClaimEditing(_Base):
    """Mixed into MainWindow."""

    def mark_selection_as_claim(self) -> None:
        span = self.article_pane.view.selected_span()
        if self.article is None or span is None:
            return
        document = self.article_pane.view.document_shown
        assert document is not None
        cues = operations.cues_as_json(describe_claim(span.of(document.text)))
        command = MarkClaimCommand(
            self.workspace, self.article.id, span.start, span.end, cues, self._after_claims_changed
        )
        self.undo_stack.push(command)

    def accept_current_claim(self) -> None:
        if self._claim is not None and not self._claim.accepted:
            self.undo_stack.push(
                AcceptClaimCommand(self.workspace, self._claim.id, self._after_claims_changed)
            )

    def restore_current_claim(self) -> None:
        if self._claim is not None and self._claim.dismissed:
            self.undo_stack.push(
                RestoreClaimCommand(self.workspace, self._claim.id, self._after_claims_changed)
            )

    def move_current_claim_to_selection(self) -> None:
        """The selected words of the article become the current claim's new boundaries."""
        span = self.article_pane.view.selected_span()
        if self._claim is None or span is None:
            return
        self.undo_stack.push(
            MoveClaimCommand(
                self.workspace, self._claim, span.start, span.end, self._after_claims_changed
            )
        )

    def dismiss_current_claim(self) -> None:
        if self._claim is not None:
            self.claim_panel.flush_note()
            self.undo_stack.push(
                DismissClaimCommand(self.workspace, self._claim.id, self._after_claims_changed)
            )

    def choose_verdict(self, claim_id: int, verdict: Verdict) -> None:
        old = self.workspace.claim(claim_id).verdict
        if old != verdict:
            self.undo_stack.push(
                SetVerdictCommand(
                    self.workspace, claim_id, old, verdict, self._after_verdict_changed
                )
            )

    def choose_verdict_for_current(self, verdict: Verdict) -> None:
        if self._claim is not None:
            self.choose_verdict(self._claim.id, verdict)

    def _after_verdict_changed(self, claim_id: int) -> None:
        claim = self.workspace.claim(claim_id)
        self.claims_panel.update_claim(claim)
        self.article_pane.show_claims(self.claims_panel.model.claims)  # judged: not pending
        if self._claim is not None and self._claim.id == claim_id:
            self._claim = claim
            self.claim_panel.set_verdict_shown(claim)

    def _after_claims_changed(self, select_id: int | None) -> None:
        if self.article is not None:
            self._reload_claims(keep_id=select_id)
            self._refresh_citations()
