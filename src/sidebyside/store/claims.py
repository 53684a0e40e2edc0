"""Claims the reader checks, their verdicts and their notes."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from sidebyside.core.anchoring import make_anchor
from sidebyside.core.verdicts import Verdict
from sidebyside.records import ClaimRecord
from sidebyside.store.convert import anchor_fields, claim_record
from sidebyside.store.models import ClaimRow, DocumentRow, MatchedRow, NoteRow, database, now
from sidebyside.store.tags import tags_by_claim


class ClaimActions:
    def add_claim(
        self,
        article_id: int,
        start: int,
        end: int,
        *,
        origin: str = "reader",
        cues: Mapping[str, object] | None = None,
    ) -> ClaimRecord:
        with database.atomic():
            row = self._create_claim(article_id, start, end, origin, cues)
        return claim_record(row)

    def add_suggested_claims(
        self, article_id: int, suggestions: Iterable[tuple[int, int, Mapping[str, object]]]
    ) -> list[ClaimRecord]:
        """Store the claim finder's suggestions (start, end, cues) in one transaction."""
        with database.atomic():
            rows = [
                self._create_claim(article_id, start, end, "suggested", cues)
                for start, end, cues in suggestions
            ]
        return [claim_record(row) for row in rows]

    @staticmethod
    def _create_claim(
        article_id: int, start: int, end: int, origin: str, cues: Mapping[str, object] | None
    ) -> ClaimRow:
        text = DocumentRow.select(DocumentRow.text).where(DocumentRow.id == article_id).scalar()
        if text is None:
            raise ValueError(f"no article {article_id}")
        if not 0 <= start < end <= len(text):
            raise ValueError(f"claim {start}..{end} lies outside the article")
        return ClaimRow.create(
            article=article_id,
            **anchor_fields(make_anchor(text, start, end)),
            origin=origin,
            cues=json.dumps(dict(cues or {}), ensure_ascii=False),
        )

    def claims_of(self, article_id: int, *, include_dismissed: bool = False) -> list[ClaimRecord]:
        """Claims in document order, then the orphans (not in the text: listed last, so that
        finding none of an imported file's words does not renumber the claims before)."""
        query = ClaimRow.select().where(ClaimRow.article == article_id)
        if not include_dismissed:
            query = query.where(ClaimRow.dismissed == False)  # noqa: E712 (peewee expression)
        tags = tags_by_claim(article_id)
        return [
            claim_record(row, tags.get(row.id, ()))
            for row in query.order_by(ClaimRow.orphaned, ClaimRow.start, ClaimRow.id)
        ]

    def claim_exists(self, claim_id: int) -> bool:
        return ClaimRow.select().where(ClaimRow.id == claim_id).exists()

    def claim(self, claim_id: int) -> ClaimRecord:
        tags = tags_by_claim(claim_ids=[claim_id]).get(claim_id, ())
        return claim_record(ClaimRow.get_by_id(claim_id), tags)

    def set_verdict(self, claim_id: int, verdict: Verdict, *, changed_from: str = "") -> None:
        """The reader's verdict: it ends any review a newer version asked for, unless
        `changed_from` (an undo) brings back the words that review was about."""
        with database.atomic():
            ClaimRow.update(
                verdict=Verdict(verdict).value, changed_from=changed_from, updated_at=now()
            ).where(ClaimRow.id == claim_id).execute()

    def set_dismissed(self, claim_id: int, dismissed: bool) -> None:
        with database.atomic():
            ClaimRow.update(dismissed=dismissed, updated_at=now()).where(
                ClaimRow.id == claim_id
            ).execute()

    def set_accepted(self, claim_id: int, accepted: bool) -> None:
        with database.atomic():
            ClaimRow.update(accepted=accepted, updated_at=now()).where(
                ClaimRow.id == claim_id
            ).execute()

    def move_claim(self, claim_id: int, start: int, end: int) -> ClaimRecord:
        """New boundaries for a claim; its matches are recomputed on next view."""
        with database.atomic():
            row = ClaimRow.get_by_id(claim_id)
            text = (
                DocumentRow.select(DocumentRow.text)
                .where(DocumentRow.id == row.article_id)
                .scalar()
            )
            if not 0 <= start < end <= len(text):
                raise ValueError(f"claim {start}..{end} lies outside the article")
            ClaimRow.update(
                **anchor_fields(make_anchor(text, start, end)), orphaned=False, updated_at=now()
            ).where(ClaimRow.id == claim_id).execute()
            MatchedRow.delete().where(MatchedRow.claim == claim_id).execute()
        return self.claim(claim_id)

    def note_of(self, claim_id: int) -> str:
        text = NoteRow.select(NoteRow.text).where(NoteRow.claim == claim_id).scalar()
        return text or ""

    def save_note(self, claim_id: int, text: str) -> None:
        """Create or replace the note on a claim; an empty note is kept as empty text."""
        with database.atomic():
            updated = (
                NoteRow.update(text=text, updated_at=now())
                .where(NoteRow.claim == claim_id)
                .execute()
            )
            if not updated:
                NoteRow.create(claim=claim_id, text=text)
