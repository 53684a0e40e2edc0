"""Verdicts as schema.org `ClaimReview` JSON-LD, the form fact-check tools and search
engines read: one review per claim the reader gave a verdict.

Each review names the claim (`claimReviewed`), the verdict as the rating's
`alternateName`, and as its `url` the claim's sidebyside:// address (the export is not a
web page; publishing a review means replacing it with the review's page). The claim is
`itemReviewed`, with the article's author, date and address as its `appearance`; the
sources of the passages the reader stands behind are its `citation`. Notes stay out: they
are the reader's working notes, not a published review.
"""

from __future__ import annotations

import json
from typing import Any

from sidebyside.core.verdicts import Verdict
from sidebyside.export.citation_fields import date_parts, iso, names_of, web_address
from sidebyside.export.content import ExportContent, ExportedArticle, ExportedClaim, document_title
from sidebyside.records import DocumentInfo

CONTEXT = "https://schema.org"


def export_claimreview(content: ExportContent) -> str:
    reviews = [
        _review(article, claim, content)
        for article in content.articles
        for claim in article.claims
        if claim.claim.verdict is not Verdict.UNREVIEWED
    ]
    document = {"@context": CONTEXT, "@graph": reviews}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _review(
    article: ExportedArticle, exported: ExportedClaim, content: ExportContent
) -> dict[str, Any]:
    claim = exported.claim
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "url": exported.address,
        "claimReviewed": claim.text,
        "datePublished": content.exported_on.isoformat(),
        "reviewRating": {"@type": "Rating", "alternateName": claim.verdict.label},
        "itemReviewed": _claim(article.article),
    }
    cited = {link.source_id: article.source(link.source_id) for link in exported.links}
    citations = [_creative_work(source) for source in cited.values() if source is not None]
    if citations:
        review["citation"] = citations
    if exported.tags:
        review["keywords"] = list(exported.tags)
    return review


def _claim(article: DocumentInfo) -> dict[str, Any]:
    claim: dict[str, Any] = {"@type": "Claim"}
    authors = _authors(article)
    if authors:
        claim["author"] = authors[0] if len(authors) == 1 else authors
    parts = date_parts(article.date)
    if parts:
        claim["datePublished"] = iso(parts)
    claim["appearance"] = _creative_work(article)
    return claim


def _authors(document: DocumentInfo) -> list[dict[str, Any]]:
    """Who made the claim: the article's authors, else its publisher."""
    found: list[dict[str, Any]] = [
        {"@type": "Person" if name.is_person else "Organization", "name": name.full}
        for name in names_of(document.author)
    ]
    if not found and document.publisher:
        found.append({"@type": "Organization", "name": document.publisher})
    return found


def _creative_work(document: DocumentInfo) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "name": document_title(document)}
    address = web_address(document.address)
    if address:
        work["url"] = address
    if document.publisher:
        work["publisher"] = {"@type": "Organization", "name": document.publisher}
    parts = date_parts(document.date)
    if parts:
        work["datePublished"] = iso(parts)
    return work
