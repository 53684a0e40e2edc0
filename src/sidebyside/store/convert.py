"""Rows to records and back: JSON columns decoded in one place."""

from __future__ import annotations

import json

from sidebyside.core.anchoring import Anchor
from sidebyside.core.document import Block, Document, Hyperlink, Metadata
from sidebyside.core.verdicts import Verdict
from sidebyside.records import ClaimRecord, DifferenceRecord, DocumentInfo, LinkRecord
from sidebyside.store.models import ClaimRow, DocumentRow, LinkRow


def document_info(row: DocumentRow) -> DocumentInfo:
    return DocumentInfo(
        id=row.id,
        role=row.role,
        title=row.title,
        author=row.author,
        publisher=row.publisher,
        date=row.date,
        address=row.address,
        aliases=tuple(json.loads(row.aliases or "[]")),
        format=row.format,
        original_name=row.original_name,
        content_hash=row.content_hash,
        imported_at=row.imported_at,
    )


def core_document(row: DocumentRow) -> Document:
    return Document(
        text=row.text,
        blocks=tuple(Block.from_json(block) for block in json.loads(row.blocks)),
        metadata=Metadata(
            title=row.title,
            author=row.author,
            publisher=row.publisher,
            date=row.date,
            address=row.address,
            language=row.language,
            aliases=tuple(json.loads(row.aliases or "[]")),
        ),
        format=row.format,
        imported_at=row.imported_at,
        original=bytes(row.original or b""),
        original_name=row.original_name,
        links=tuple(
            Hyperlink(int(link["start"]), int(link["end"]), str(link["address"]))
            for link in json.loads(row.hyperlinks or "[]")
        ),
    )


def document_fields(document: Document) -> dict[str, object]:
    meta = document.metadata
    return {
        "title": meta.title,
        "author": meta.author,
        "publisher": meta.publisher,
        "date": meta.date,
        "address": meta.address,
        "language": meta.language,
        "aliases": json.dumps(list(meta.aliases), ensure_ascii=False),
        "format": document.format,
        "text": document.text,
        "blocks": json.dumps([block.to_json() for block in document.blocks]),
        "hyperlinks": json.dumps(
            [
                {"start": link.start, "end": link.end, "address": link.address}
                for link in document.links
            ],
            ensure_ascii=False,
        ),
        "content_hash": document.content_hash,
        "imported_at": document.imported_at,
        "original": document.original or None,
        "original_name": document.original_name,
    }


def anchor_fields(anchor: Anchor) -> dict[str, object]:
    """The columns that hold an anchor (claims and links store it alike)."""
    return {
        "start": anchor.start,
        "end": anchor.end,
        "exact": anchor.exact,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
    }


def claim_record(row: ClaimRow, tags: tuple[str, ...] = ()) -> ClaimRecord:
    cues = json.loads(row.cues or "{}")
    return ClaimRecord(
        id=row.id,
        article_id=row.article_id,
        start=row.start,
        end=row.end,
        text=row.exact,
        origin=row.origin,
        verdict=Verdict(row.verdict),
        dismissed=row.dismissed,
        orphaned=row.orphaned,
        cued_sources=tuple(cues.get("sources", ())),
        accepted=row.accepted,
        changed_from=row.changed_from,
        tags=tags,
        prefix=row.prefix or "",
        suffix=row.suffix or "",
    )


def link_record(row: LinkRow) -> LinkRecord:
    return LinkRecord(
        id=row.id,
        claim_id=row.claim_id,
        source_id=row.source_id,
        rank=row.rank,
        start=row.start,
        end=row.end,
        text=row.exact,
        score=row.score,
        reasons=tuple(json.loads(row.reasons or "[]")),
        differences=tuple(DifferenceRecord(**item) for item in json.loads(row.differences or "[]")),
        state=row.state,
        orphaned=row.orphaned,
        support=row.support,
        wording=row.wording,
        prefix=row.prefix or "",
        suffix=row.suffix or "",
    )
