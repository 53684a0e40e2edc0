"""What goes out in every export: the passages the reader stands behind, read once.

An export holds the passages the reader confirmed, and, for each source without one, its
best suggested passage with its judgement. Weaker candidates, and their own differences,
stay out. Every format reads this and nothing else, so the rule lives here only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sidebyside.core.deep_links import claim_address
from sidebyside.core.provenance import NO_PROVENANCE, Provenance
from sidebyside.records import (
    ArticleReport,
    ClaimRecord,
    DocumentInfo,
    LinkRecord,
    SuggestionRecord,
)


@dataclass(frozen=True, slots=True)
class ExportedClaim:
    number: int  # its place in the article, from 1
    claim: ClaimRecord
    links: tuple[LinkRecord, ...]  # only those the reader stands behind (`shown_links`)
    note: str
    suggestion: SuggestionRecord | None
    tags: tuple[str, ...]  # the reader's labels
    address: str  # sidebyside:// link back to the claim
    provenance: Provenance = NO_PROVENANCE  # who said it first (`core.provenance`)


@dataclass(frozen=True, slots=True)
class ExportedArticle:
    article: DocumentInfo
    sources: tuple[DocumentInfo, ...]
    claims: tuple[ExportedClaim, ...]
    locations: Mapping[tuple[int, int], str] = field(default_factory=dict)
    notes: Mapping[int, str] = field(default_factory=dict)  # document id -> its note

    def location(self, document_id: int, start: int) -> str:
        """Where an offset sits, in words: "page 3, paragraph 12"."""
        return self.locations.get((document_id, start), f"character {start}")

    def source(self, source_id: int) -> DocumentInfo | None:
        return next((source for source in self.sources if source.id == source_id), None)


@dataclass(frozen=True, slots=True)
class ExportContent:
    workspace: Path
    exported_on: date
    articles: tuple[ExportedArticle, ...]

    @property
    def sources(self) -> tuple[DocumentInfo, ...]:
        """Every source of the exported articles, once each, in order of first use."""
        seen: dict[int, DocumentInfo] = {}
        for article in self.articles:
            for source in article.sources:
                seen.setdefault(source.id, source)
        return tuple(seen.values())


def shown_links(links: Iterable[LinkRecord]) -> list[LinkRecord]:
    """The passages worth a reader's time: those the reader confirmed, then the best
    suggestion of each source the reader has not confirmed a passage of. Weaker
    candidates, with their own differences, are left out; so are rejected passages."""
    links = list(links)
    confirmed = [link for link in links if link.state == "confirmed"]
    decided = {link.source_id for link in confirmed}
    best: dict[int, LinkRecord] = {}
    for link in links:
        if link.state != "suggested" or link.orphaned or link.source_id in decided:
            continue
        if link.source_id not in best or link.score > best[link.source_id].score:
            best[link.source_id] = link
    return confirmed + sorted(best.values(), key=lambda link: -link.score)


def collect(
    reports: Sequence[ArticleReport],
    *,
    workspace: Path,
    exported_on: date | None = None,
    provenance: Mapping[int, Provenance] | None = None,
) -> ExportContent:
    """What goes out of these articles, exported from the workspace file at `workspace`;
    `provenance[claim_id]` is the claim's chain of attributions, where worked out."""
    provenance = provenance or {}
    articles = []
    for report in reports:
        claims = tuple(
            ExportedClaim(
                number=number,
                claim=claim_report.claim,
                links=tuple(shown_links(claim_report.links)),
                note=claim_report.note,
                suggestion=claim_report.suggestion,
                tags=claim_report.claim.tags,
                address=claim_address(workspace, report.article.id, claim_report.claim.id),
                provenance=provenance.get(claim_report.claim.id, NO_PROVENANCE),
            )
            for number, claim_report in enumerate(report.claims, start=1)
        )
        articles.append(
            ExportedArticle(
                article=report.article,
                sources=report.sources,
                claims=claims,
                locations=report.locations,
                notes=report.notes,
            )
        )
    return ExportContent(
        workspace=Path(workspace), exported_on=exported_on or date.today(), articles=tuple(articles)
    )


def document_title(document: DocumentInfo | None, fallback: str = "Unknown source") -> str:
    """A document's title, else its file's name."""
    if document is None:
        return fallback
    return document.title or document.original_name or fallback
