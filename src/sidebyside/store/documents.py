"""Adding, listing and describing the articles and sources of a workspace."""

from __future__ import annotations

import json

from peewee import fn

from sidebyside.core.document import Document
from sidebyside.records import DocumentInfo
from sidebyside.store.convert import core_document, document_fields, document_info
from sidebyside.store.models import DocumentRow, database, now

# What lists and headers need: everything but the text and the original file.
INFO_COLUMNS = (
    DocumentRow.id,
    DocumentRow.role,
    DocumentRow.article,
    DocumentRow.title,
    DocumentRow.author,
    DocumentRow.publisher,
    DocumentRow.date,
    DocumentRow.address,
    DocumentRow.aliases,
    DocumentRow.format,
    DocumentRow.content_hash,
    DocumentRow.imported_at,
    DocumentRow.original_name,
)

EDITABLE_METADATA = ("title", "author", "publisher", "date", "address", "aliases")


class DocumentActions:
    def add_article(self, document: Document) -> DocumentInfo:
        with database.atomic():
            row = DocumentRow.create(role="article", **document_fields(document))
        return document_info(row)

    def add_source(self, article_id: int, document: Document) -> DocumentInfo:
        with database.atomic():
            position = (
                DocumentRow.select(fn.COALESCE(fn.MAX(DocumentRow.position), -1))
                .where(DocumentRow.article == article_id)
                .scalar()
            )
            row = DocumentRow.create(
                role="source",
                article=article_id,
                position=position + 1,
                **document_fields(document),
            )
        return document_info(row)

    def remove_document(self, document_id: int) -> None:
        with database.atomic():
            DocumentRow.delete().where(DocumentRow.id == document_id).execute()

    def articles(self) -> list[DocumentInfo]:
        """Articles, the most recently opened first."""
        rows = (
            DocumentRow.select(*INFO_COLUMNS)
            .where(DocumentRow.role == "article")
            .order_by(DocumentRow.opened_at.desc(), DocumentRow.id.desc())
        )
        return [document_info(row) for row in rows]

    def sources_of(self, article_id: int) -> list[DocumentInfo]:
        rows = (
            DocumentRow.select(*INFO_COLUMNS)
            .where(DocumentRow.article == article_id)
            .order_by(DocumentRow.position, DocumentRow.id)
        )
        return [document_info(row) for row in rows]

    def document(self, document_id: int) -> Document:
        """The document to read and match (the original file's bytes are not loaded)."""
        row = (
            DocumentRow.select(
                *INFO_COLUMNS, DocumentRow.language, DocumentRow.text, DocumentRow.blocks
            )
            .where(DocumentRow.id == document_id)
            .get()
        )
        return core_document(row)

    def original_of(self, document_id: int) -> bytes:
        """The file as it was imported, kept so a document can be re-read later."""
        data = (
            DocumentRow.select(DocumentRow.original).where(DocumentRow.id == document_id).scalar()
        )
        return bytes(data or b"")

    def document_info(self, document_id: int) -> DocumentInfo:
        return document_info(
            DocumentRow.select(*INFO_COLUMNS).where(DocumentRow.id == document_id).get()
        )

    def document_exists(self, document_id: int) -> bool:
        return DocumentRow.select().where(DocumentRow.id == document_id).exists()

    def mark_article_opened(self, article_id: int) -> None:
        with database.atomic():
            DocumentRow.update(opened_at=now()).where(DocumentRow.id == article_id).execute()

    def update_metadata(self, document_id: int, **changes: object) -> DocumentInfo:
        """Change what the reader may edit: title, author, publisher, date, address, aliases."""
        unknown = set(changes) - set(EDITABLE_METADATA)
        if unknown:
            raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
        values = dict(changes)
        if "aliases" in values:
            aliases = [str(name).strip() for name in values["aliases"] if str(name).strip()]  # type: ignore[attr-defined]
            values["aliases"] = json.dumps(aliases, ensure_ascii=False)
        with database.atomic():
            DocumentRow.update(**values).where(DocumentRow.id == document_id).execute()
        return self.document_info(document_id)
