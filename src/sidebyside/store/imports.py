"""What importing annotations needs of the store: finding a claim or passage already there
(so that a file imported twice adds nothing), and keeping the ones not found as orphans."""

from __future__ import annotations

from sidebyside.core.anchoring import Anchor
from sidebyside.records import ClaimRecord, LinkRecord
from sidebyside.store.convert import anchor_fields, claim_record, link_record
from sidebyside.store.models import ClaimRow, LinkRow, database


class ImportActions:
    def claim_at(self, article_id: int, start: int, end: int) -> ClaimRecord | None:
        """The article's claim over exactly these characters (dismissed or not), if any."""
        row = (
            ClaimRow.select()
            .where(
                (ClaimRow.article == article_id)
                & (ClaimRow.start == start)
                & (ClaimRow.end == end)
                & (ClaimRow.orphaned == False)  # noqa: E712 (peewee expression)
            )
            .order_by(ClaimRow.id)
            .first()
        )
        return None if row is None else claim_record(row)

    def orphan_claim_quoting(self, article_id: int, exact: str) -> ClaimRecord | None:
        """The article's orphaned claim with these words, if any."""
        row = (
            ClaimRow.select()
            .where(
                (ClaimRow.article == article_id)
                & (ClaimRow.exact == exact)
                & (ClaimRow.orphaned == True)  # noqa: E712 (peewee expression)
            )
            .order_by(ClaimRow.id)
            .first()
        )
        return None if row is None else claim_record(row)

    def add_orphan_claim(self, article_id: int, anchor: Anchor) -> ClaimRecord:
        """A claim of the reader's that could not be found in the article's text: kept with
        the words and context it was given, greyed as an orphan."""
        with database.atomic():
            row = ClaimRow.create(
                article=article_id, **anchor_fields(anchor), origin="reader", orphaned=True
            )
        return claim_record(row)

    def link_at(self, claim_id: int, source_id: int, start: int, end: int) -> LinkRecord | None:
        row = (
            LinkRow.select()
            .where(
                (LinkRow.claim == claim_id)
                & (LinkRow.source == source_id)
                & (LinkRow.start == start)
                & (LinkRow.end == end)
            )
            .order_by(LinkRow.id)
            .first()
        )
        return None if row is None else link_record(row)

    def add_orphan_link(self, claim_id: int, source_id: int, anchor: Anchor) -> LinkRecord:
        """A confirmed passage that could not be found in its source's text: kept, orphaned."""
        with database.atomic():
            row = LinkRow.create(
                claim=claim_id,
                source=source_id,
                rank=-1,
                **anchor_fields(anchor),
                state="confirmed",
                reasons='["imported"]',
                orphaned=True,
            )
        return link_record(row)
