"""Links between a claim and passages of its sources: suggested, confirmed or rejected."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from sidebyside.core.anchoring import make_anchor
from sidebyside.core.verdicts import Verdict
from sidebyside.records import ClaimRecord, DifferenceRecord, LinkRecord, SuggestionRecord
from sidebyside.store.convert import anchor_fields, claim_record, link_record
from sidebyside.store.models import ClaimRow, DocumentRow, LinkRow, MatchedRow, database
from sidebyside.store.tags import tags_by_claim


@dataclass(frozen=True, slots=True)
class NewLink:
    source_id: int
    start: int
    end: int
    score: float = 0.0
    reasons: tuple[str, ...] = ()
    differences: tuple[DifferenceRecord, ...] = ()
    support: str = ""
    wording: float = 0.0


class LinkActions:
    def links_of(self, claim_id: int, *, include_rejected: bool = True) -> list[LinkRecord]:
        query = LinkRow.select().where(LinkRow.claim == claim_id)
        if not include_rejected:
            query = query.where(LinkRow.state != "rejected")
        return [link_record(row) for row in query.order_by(LinkRow.source, LinkRow.rank)]

    def claims_needing_matches(self, article_id: int, sources_key: str) -> list[ClaimRecord]:
        """Claims (not dismissed, not orphaned) whose passages were not found for these sources."""
        current = MatchedRow.select(MatchedRow.claim).where(MatchedRow.sources_key == sources_key)
        rows = (
            ClaimRow.select()
            .where(
                (ClaimRow.article == article_id)
                & (ClaimRow.dismissed == False)  # noqa: E712 (peewee expression)
                & (ClaimRow.orphaned == False)  # noqa: E712
                & (ClaimRow.id.not_in(current))
            )
            .order_by(ClaimRow.start, ClaimRow.id)
        )
        tags = tags_by_claim(article_id)
        return [claim_record(row, tags.get(row.id, ())) for row in rows]

    def matches_are_current(self, claim_id: int, sources_key: str) -> bool:
        stored = MatchedRow.select(MatchedRow.sources_key).where(MatchedRow.claim == claim_id)
        return bool(stored.scalar() == sources_key)

    def suggestion_of(self, claim_id: int) -> SuggestionRecord | None:
        """The verdict the claim's current passages suggest, if they were matched."""
        row = MatchedRow.get_or_none(MatchedRow.claim == claim_id)
        if row is None:
            return None
        return SuggestionRecord(
            verdict=Verdict(row.suggested) if row.suggested else None,
            credited=tuple(json.loads(row.credited or "[]")),
            wording_of=row.wording_of,
            unattached=row.unattached,
        )

    def reviewed_suggestion_of(
        self, claim_id: int, links: Sequence[LinkRecord] | None = None
    ) -> SuggestionRecord | None:
        """What the claim's passages suggest now, after the reader's confirmations and
        rejections (see `core.matching.alignment.reviewed_suggestion`)."""
        from sidebyside.core.matching.alignment import reviewed_suggestion  # differences: on use

        stored = self.suggestion_of(claim_id)
        if stored is None:
            return None
        current = self.links_of(claim_id) if links is None else links
        verdict, wording_of = reviewed_suggestion(current, stored.credited, stored.unattached)
        return SuggestionRecord(verdict, stored.credited, wording_of, stored.unattached)

    def replace_suggested_links(
        self,
        claim_id: int,
        links: Sequence[NewLink],
        sources_key: str,
        suggestion: SuggestionRecord | None = None,
    ) -> list[LinkRecord]:
        """Swap the matcher's suggestions for new ones; the reader's decisions stay."""
        with database.atomic():
            kept = {
                (row.source_id, row.start, row.end)
                for row in LinkRow.select().where(
                    (LinkRow.claim == claim_id) & (LinkRow.state != "suggested")
                )
            }
            LinkRow.delete().where(
                (LinkRow.claim == claim_id) & (LinkRow.state == "suggested")
            ).execute()
            for rank, link in enumerate(links):
                if (link.source_id, link.start, link.end) not in kept:
                    self._create_link(claim_id, link, rank, "suggested")
            suggestion = suggestion or SuggestionRecord(None)
            MatchedRow.insert(
                claim=claim_id,
                sources_key=sources_key,
                suggested=suggestion.verdict.value if suggestion.verdict else "",
                credited=json.dumps(list(suggestion.credited)),
                wording_of=suggestion.wording_of,
                unattached=suggestion.unattached,
            ).on_conflict_replace().execute()
        return self.links_of(claim_id)

    def add_reader_link(self, claim_id: int, link: NewLink) -> LinkRecord:
        """A passage the reader chose by hand: confirmed from the start."""
        with database.atomic():
            row = self._create_link(claim_id, link, -1, "confirmed")
        return link_record(row)

    def remove_reader_link(self, link_id: int) -> int:
        """Delete a passage the reader linked by hand; returns the id of its claim."""
        with database.atomic():
            claim_id = int(LinkRow.select(LinkRow.claim).where(LinkRow.id == link_id).scalar())
            LinkRow.delete().where((LinkRow.id == link_id) & (LinkRow.rank == -1)).execute()
        return claim_id

    def set_link_state(self, link_id: int, state: str) -> int:
        """Confirm, reject or restore a passage; returns the id of its claim."""
        if state not in ("suggested", "confirmed", "rejected"):
            raise ValueError(f"unknown link state {state!r}")
        with database.atomic():
            LinkRow.update(state=state).where(LinkRow.id == link_id).execute()
        return int(LinkRow.select(LinkRow.claim).where(LinkRow.id == link_id).scalar())

    @staticmethod
    def _create_link(claim_id: int, link: NewLink, rank: int, state: str) -> LinkRow:
        text = DocumentRow.select(DocumentRow.text).where(DocumentRow.id == link.source_id).scalar()
        return LinkRow.create(
            claim=claim_id,
            source=link.source_id,
            rank=rank,
            **anchor_fields(make_anchor(text, link.start, link.end)),
            score=link.score,
            reasons=json.dumps(list(link.reasons), ensure_ascii=False),
            differences=json.dumps([asdict(d) for d in link.differences], ensure_ascii=False),
            state=state,
            support=link.support,
            wording=link.wording,
        )
