"""Stored matcher indexes: derived data, kept only while the source text is unchanged."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sidebyside.store.models import DocumentRow, SourceIndexRow, database


class IndexActions:
    def stored_indexes(self, document_ids: Iterable[int]) -> dict[int, bytes]:
        """Indexes whose source text has not changed since they were built."""
        ids = list(document_ids)
        if not ids:
            return {}
        rows = (
            SourceIndexRow.select(SourceIndexRow.document, SourceIndexRow.data)
            .join(DocumentRow)
            .where(
                (SourceIndexRow.document.in_(ids))
                & (SourceIndexRow.content_hash == DocumentRow.content_hash)
            )
        )
        return {row.document_id: bytes(row.data) for row in rows}

    def save_indexes(self, indexes: Mapping[int, tuple[str, bytes]]) -> None:
        """Store (content hash, bytes) per document id, replacing older ones."""
        with database.atomic():
            for document_id, (content_hash, data) in indexes.items():
                SourceIndexRow.insert(
                    document=document_id, content_hash=content_hash, data=data
                ).on_conflict_replace().execute()
