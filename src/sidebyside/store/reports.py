"""Reading everything about one article at once, for export."""

from __future__ import annotations

from sidebyside.store.records import ArticleReport, ClaimReport


class ReportActions:
    def article_report(self, article_id: int) -> ArticleReport:
        article = self.document_info(article_id)  # type: ignore[attr-defined]
        sources = tuple(self.sources_of(article_id))  # type: ignore[attr-defined]
        claims = tuple(
            ClaimReport(
                claim=claim,
                links=tuple(self.links_of(claim.id, include_rejected=False)),  # type: ignore[attr-defined]
                note=self.note_of(claim.id),  # type: ignore[attr-defined]
            )
            for claim in self.claims_of(article_id)  # type: ignore[attr-defined]
        )
        return ArticleReport(article=article, sources=sources, claims=claims)
