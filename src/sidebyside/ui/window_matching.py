"""Finding each claim's passages in the sources, off the UI thread.

The selected claim is matched at once; the others follow in the background, a few
claims per task, so that an export is complete and the reader's next choice never
waits long behind them. Results are stored on the UI thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from sidebyside import operations
from sidebyside.core.document import Document
from sidebyside.core.spans import Span
from sidebyside.records import ClaimRecord, LinkRecord

if TYPE_CHECKING:
    from sidebyside.ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object

CLAIMS_PER_TASK = 3
READER_IDLE_S = 0.5  # background matching waits this long after the reader's last selection


def primary_links(links: list[LinkRecord]) -> list[LinkRecord]:
    """The passages whose differences are marked in the claim: the reader's confirmed
    ones, else the single best suggestion (weaker candidates would only add noise)."""
    confirmed = [link for link in links if link.state == "confirmed"]
    if confirmed:
        return confirmed
    suggested = [link for link in links if link.state == "suggested" and not link.orphaned]
    return [max(suggested, key=lambda link: link.score)] if suggested else []


class PassageFinding(_Base):
    """Mixed into MainWindow."""

    def find_passages(self, claim: ClaimRecord) -> None:
        """Show the claim's stored passages, or find them in the background first."""
        self._last_selection_at = time.monotonic()
        key = self._sources_key()
        if not self._sources or self.workspace.matches_are_current(claim.id, key):
            self._paint_links(claim.id)
            return
        self.sources_area.show_links([])
        documents = self._source_documents()
        stored = self._stored_indexes
        self.runner.submit(
            lambda: self._find_links(key, documents, stored, claim.text),
            lambda found: self._on_links_found(claim.id, key, *found),
            self.dialogs.show_error,
            self.tr("Finding passages…"),
        )

    def match_remaining_claims(self, then: Callable[[], None] | None = None) -> None:
        """Find passages for every claim not matched yet, then call `then`."""
        self._matching_round += 1
        if self.article is None or not self._sources:
            if then is not None:
                then()
            return
        key = self._sources_key()
        pending = [
            (claim.id, claim.text)
            for claim in self.workspace.claims_needing_matches(self.article.id, key)
        ]
        self._match_chunk(self._matching_round, key, pending, len(pending), then)

    def _match_chunk(
        self,
        round_: int,
        key: str,
        pending: list[tuple[int, str]],
        total: int,
        then: Callable[[], None] | None,
    ) -> None:
        if round_ != self._matching_round:
            return  # the article or its sources changed: a newer round took over
        if not pending:
            if then is not None:
                then()
            return
        chunk, rest = pending[:CLAIMS_PER_TASK], pending[CLAIMS_PER_TASK:]
        documents = self._source_documents()
        stored = self._stored_indexes

        def work() -> list[tuple[int, operations.FoundPassages, dict[int, tuple[str, bytes]]]]:
            return [
                (claim_id, *self._find_links(key, documents, stored, text))
                for claim_id, text in chunk
            ]

        def done(
            results: list[tuple[int, operations.FoundPassages, dict[int, tuple[str, bytes]]]],
        ) -> None:
            if round_ == self._matching_round:
                for claim_id, found, unsaved in results:
                    self._on_links_found(claim_id, key, found, unsaved)
            # While the reader is moving through claims, background matching steps aside:
            # it shares the interpreter with the UI thread.
            QTimer.singleShot(
                self._background_pause_ms(),
                self,  # dropped if the window is gone by then
                lambda: self._match_chunk(round_, key, rest, total, then),
            )

        self.runner.submit(
            work,
            done,
            self.dialogs.show_error,
            self.tr("Finding passages for every claim ({0} of {1})…").format(
                total - len(pending), total
            ),
        )

    def _background_pause_ms(self) -> int:
        idle = time.monotonic() - self._last_selection_at
        return 0 if idle >= READER_IDLE_S else int((READER_IDLE_S - idle) * 1000)

    def _source_names(self) -> dict[int, str]:
        return {info.id: info.short_name for info, _ in self._sources}

    def _sources_key(self) -> str:
        return operations.sources_key([info for info, _ in self._sources])

    def _source_documents(self) -> dict[int, Document]:
        return {info.id: document for info, document in self._sources}

    def _find_links(
        self, key: str, documents: dict[int, Document], stored: dict[int, bytes], claim_text: str
    ) -> tuple[operations.FoundPassages, dict[int, tuple[str, bytes]]]:
        """Runs on the task thread: one matcher per set of sources, reused for every claim."""
        if key not in self._matching:
            self._matching.clear()
            self._matching[key] = operations.MatchingSession(documents, stored)
        session = self._matching[key]
        unsaved, session.unsaved_indexes = session.unsaved_indexes, {}
        return session.passages_for(claim_text), unsaved

    def _on_links_found(
        self,
        claim_id: int,
        key: str,
        found: operations.FoundPassages,
        unsaved_indexes: dict[int, tuple[str, bytes]],
    ) -> None:
        if key != self._sources_key():
            return  # found for sources since added, removed or replaced: no longer true
        if unsaved_indexes:
            self.workspace.save_indexes(unsaved_indexes)
        if not self.workspace.claim_exists(claim_id):
            return  # deleted while its passages were being found
        if not self.workspace.matches_are_current(claim_id, key):
            self.workspace.replace_suggested_links(claim_id, found.links, key, found.suggestion)
        # else found twice (selected while queued in the background): the first stays, as
        # the reader may already have acted on it
        if self._claim is not None and self._claim.id == claim_id:
            self._paint_links(claim_id)

    def _paint_links(self, claim_id: int) -> None:
        self._links = self.workspace.links_of(claim_id)
        self.sources_area.show_links(self._links)
        primary = primary_links(self._links)
        self.claim_panel.update_links(primary)
        self.claim_panel.show_suggestion(
            self.workspace.reviewed_suggestion_of(claim_id, self._links), self._source_names()
        )
        self.article_pane.show_differences(
            self._claim,
            [
                Span(d.claim_start, d.claim_end)
                for link in primary
                for d in link.differences
                if d.claim_start is not None and d.claim_end is not None
            ],
        )
        self._show_citations()
        self.matches_shown.emit(claim_id)
