"""Replacing a document's text with a newer version, moving every anchor that rests on it."""

from __future__ import annotations

from collections.abc import Mapping

from sidebyside.core.anchoring import Anchor
from sidebyside.core.document import Document
from sidebyside.core.rewording import same_words
from sidebyside.core.verdicts import Verdict
from sidebyside.store.convert import anchor_fields, document_fields
from sidebyside.store.models import ClaimRow, DocumentRow, LinkRow, MatchedRow, database, now


class RevisionActions:
    def anchors_on(self, document_id: int) -> tuple[dict[int, Anchor], dict[int, Anchor]]:
        """Anchors resting on a document: its claims' (an article) and its links' (a source)."""
        claims = {
            row.id: Anchor(row.start, row.end, row.exact, row.prefix, row.suffix)
            for row in ClaimRow.select().where(ClaimRow.article == document_id)
        }
        links = {
            row.id: Anchor(row.start, row.end, row.exact, row.prefix, row.suffix)
            for row in LinkRow.select().where(LinkRow.source == document_id)
        }
        return claims, links

    def replace_document(
        self,
        document_id: int,
        document: Document,
        claims: Mapping[int, Anchor | None],
        links: Mapping[int, Anchor | None],
    ) -> None:
        """Store the new text; move anchors found again, mark the rest as orphans (kept).

        The reader's title, publisher and aliases are kept; suggested links of
        every claim are recomputed on next view. A claim with a verdict whose words
        changed keeps the words the verdict was given for (`changed_from`), so that the
        reader is asked to review it.
        """
        fields = document_fields(document)
        for kept in ("title", "author", "publisher", "date", "aliases"):
            fields.pop(kept)
        with database.atomic():
            DocumentRow.update(**fields).where(DocumentRow.id == document_id).execute()
            before = {
                row.id: row
                for row in ClaimRow.select(
                    ClaimRow.id, ClaimRow.exact, ClaimRow.verdict, ClaimRow.changed_from
                ).where(ClaimRow.id.in_(list(claims)))
            }
            for claim_id, anchor in claims.items():
                if anchor is None:
                    ClaimRow.update(orphaned=True, updated_at=now()).where(
                        ClaimRow.id == claim_id
                    ).execute()
                else:
                    ClaimRow.update(
                        **anchor_fields(anchor),
                        orphaned=False,
                        changed_from=_changed_from(before.get(claim_id), anchor.exact),
                        updated_at=now(),
                    ).where(ClaimRow.id == claim_id).execute()
            for link_id, anchor in links.items():
                if anchor is None:
                    LinkRow.update(orphaned=True).where(LinkRow.id == link_id).execute()
                else:
                    LinkRow.update(**anchor_fields(anchor), orphaned=False).where(
                        LinkRow.id == link_id
                    ).execute()
            MatchedRow.delete().execute()  # every stored match was computed on the old text


def _changed_from(row: ClaimRow | None, new_text: str) -> str:
    """The words a claim's verdict was given for, if they differ from its new words.

    A review already awaited keeps the words of the first change (the verdict was given
    for those), and ends if the words are back to them. An unreviewed claim needs none.
    """
    if row is None or row.verdict == Verdict.UNREVIEWED.value:
        return ""
    reviewed = row.changed_from or row.exact
    return "" if same_words(reviewed, new_text) else reviewed
