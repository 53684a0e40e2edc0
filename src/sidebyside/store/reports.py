"""Reading everything about one article at once, for export."""

from __future__ import annotations

from sidebyside.core.document import Document
from sidebyside.records import ArticleReport, ClaimReport


def describe_location(document: Document, start: int) -> str:
    """Where an offset sits, in words a reader can find: "page 3, paragraph 12"."""
    for number, block in enumerate(document.blocks, start=1):
        if block.start <= start < block.end:
            paragraph = f"paragraph {number}"
            return f"page {block.page}, {paragraph}" if block.page is not None else paragraph
    return f"character {start}"


class ReportActions:
    def article_report(self, article_id: int) -> ArticleReport:
        article = self.document_info(article_id)  # type: ignore[attr-defined]
        sources = tuple(self.sources_of(article_id))  # type: ignore[attr-defined]
        documents: dict[int, Document] = {
            info.id: self.document(info.id)  # type: ignore[attr-defined]
            for info in (article, *sources)
        }
        claims = []
        locations: dict[tuple[int, int], str] = {}
        for claim in self.claims_of(article_id):  # type: ignore[attr-defined]
            links = tuple(self.links_of(claim.id, include_rejected=False))  # type: ignore[attr-defined]
            locations[(article_id, claim.start)] = describe_location(
                documents[article_id], claim.start
            )
            for link in links:
                locations[(link.source_id, link.start)] = describe_location(
                    documents[link.source_id], link.start
                )
            claims.append(
                ClaimReport(
                    claim=claim,
                    links=links,
                    note=self.note_of(claim.id),  # type: ignore[attr-defined]
                    suggestion=self.reviewed_suggestion_of(claim.id, links),  # type: ignore[attr-defined]
                )
            )
        notes = {
            info.id: note
            for info in (article, *sources)
            if (note := self.document_note_of(info.id)).strip()  # type: ignore[attr-defined]
        }
        return ArticleReport(
            article=article,
            sources=sources,
            claims=tuple(claims),
            locations=locations,
            notes=notes,
        )
