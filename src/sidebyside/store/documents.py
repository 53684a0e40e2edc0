"""Adding, listing and describing the articles and sources of a workspace."""

from __future__ import annotations

import json

from peewee import fn

from sidebyside.core.document import Document
from sidebyside.records import DocumentInfo
from sidebyside.store.convert import core_document, document_fields, document_info
from sidebyside.store.models import (
    ArticleSourceRow,
    ClaimRow,
    DocumentRow,
    LinkRow,
    database,
    now,
)

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
        """Attach a source to an article. A source the workspace holds already (the same
        text, attached to another article) is attached as it is, not stored twice: one
        source, its index, note and newer versions serve every article using it. The same
        text from another publisher (a wire story two papers ran) stays a source of its
        own, as does a second copy within one article."""
        with database.atomic():
            position = (
                ArticleSourceRow.select(fn.COALESCE(fn.MAX(ArticleSourceRow.position), -1))
                .where(ArticleSourceRow.article == article_id)
                .scalar()
            ) + 1
            row = _stored_copy(article_id, document)
            if row is None:
                row = DocumentRow.create(
                    role="source",
                    article=article_id,
                    position=position,
                    **document_fields(document),
                )
            ArticleSourceRow.insert(
                article=article_id, source=row.id, position=position
            ).on_conflict_ignore().execute()
        return document_info(row)

    def articles_using(self, source_id: int) -> list[int]:
        """The ids of the articles a source is attached to, first attached first."""
        rows = (
            ArticleSourceRow.select(ArticleSourceRow.article)
            .where(ArticleSourceRow.source == source_id)
            .order_by(ArticleSourceRow.id)
        )
        return [row.article_id for row in rows]

    def detach_source(self, article_id: int, source_id: int) -> None:
        """Take a source off one article, with that article's links to it. Other articles
        keep it; a source no article uses any more is deleted."""
        with database.atomic():
            claims = ClaimRow.select(ClaimRow.id).where(ClaimRow.article == article_id)
            LinkRow.delete().where(
                (LinkRow.source == source_id) & (LinkRow.claim.in_(claims))
            ).execute()
            ArticleSourceRow.delete().where(
                (ArticleSourceRow.article == article_id) & (ArticleSourceRow.source == source_id)
            ).execute()
            _let_go_of(source_id, article_id)

    def remove_document(self, document_id: int) -> None:
        """Delete a document. An article goes with its claims and notes, and with the
        sources no other article uses; a source goes from every article."""
        with database.atomic():
            attached = [
                row.source_id
                for row in ArticleSourceRow.select(ArticleSourceRow.source).where(
                    ArticleSourceRow.article == document_id
                )
            ]
            ArticleSourceRow.delete().where(ArticleSourceRow.article == document_id).execute()
            for source_id in attached:
                _let_go_of(source_id, document_id)
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
        """The article's sources, in the order they were attached to it."""
        rows = (
            DocumentRow.select(*INFO_COLUMNS)
            .join(ArticleSourceRow, on=ArticleSourceRow.source == DocumentRow.id)
            .where(ArticleSourceRow.article == article_id)
            .order_by(ArticleSourceRow.position, DocumentRow.id)
        )
        return [document_info(row) for row in rows]

    def document(self, document_id: int) -> Document:
        """The document to read and match (the original file's bytes are not loaded)."""
        row = (
            DocumentRow.select(
                *INFO_COLUMNS,
                DocumentRow.language,
                DocumentRow.text,
                DocumentRow.blocks,
                DocumentRow.hyperlinks,
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


def _stored_copy(article_id: int, document: Document) -> DocumentRow | None:
    """The stored source with this text that another article uses and whose publisher does
    not differ from the document's, if there is one."""
    attached = ArticleSourceRow.select(ArticleSourceRow.source).where(
        ArticleSourceRow.article == article_id
    )
    publisher = document.metadata.publisher.strip().casefold()
    for row in (
        DocumentRow.select(*INFO_COLUMNS)
        .where(
            (DocumentRow.role == "source")
            & (DocumentRow.content_hash == document.content_hash)
            & (DocumentRow.id.not_in(attached))
        )
        .order_by(DocumentRow.id)
    ):
        stored = row.publisher.strip().casefold()
        if not publisher or not stored or stored == publisher:
            return row
    return None


def _let_go_of(source_id: int, article_id: int) -> None:
    """After a source left `article_id`: delete it if no article uses it any more, else let
    `document.article` name an article that still does (deleting that article would
    otherwise take the source with it)."""
    still = (
        ArticleSourceRow.select(ArticleSourceRow.article)
        .where(ArticleSourceRow.source == source_id)
        .order_by(ArticleSourceRow.id)
        .first()
    )
    if still is None:
        DocumentRow.delete().where(
            (DocumentRow.id == source_id) & (DocumentRow.role == "source")
        ).execute()
    else:
        DocumentRow.update(article=still.article_id).where(
            (DocumentRow.id == source_id) & (DocumentRow.article == article_id)
        ).execute()
