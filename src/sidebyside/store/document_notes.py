"""The reader's notes on an article or a source as a whole (notes on claims are in `claims`)."""

from __future__ import annotations

from sidebyside.store.models import DocumentNoteRow, database, now


class DocumentNoteActions:
    def document_note_of(self, document_id: int) -> str:
        text = (
            DocumentNoteRow.select(DocumentNoteRow.text)
            .where(DocumentNoteRow.document == document_id)
            .scalar()
        )
        return text or ""

    def save_document_note(self, document_id: int, text: str) -> None:
        """Create or replace the note on a document; an empty note is kept as empty text."""
        with database.atomic():
            updated = (
                DocumentNoteRow.update(text=text, updated_at=now())
                .where(DocumentNoteRow.document == document_id)
                .execute()
            )
            if not updated:
                DocumentNoteRow.create(document=document_id, text=text)
