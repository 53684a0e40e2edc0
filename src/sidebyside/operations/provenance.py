"""Who said it first, for a claim of the workspace: its chain of attributions through the
attached sources and where its wording first appears (`core.provenance`), from the
passages stored for it. Quick (a few sentences read per step): the window asks on the
claim's selection."""

from __future__ import annotations

from collections.abc import Sequence

from sidebyside.core.citations import SourceNames
from sidebyside.core.document import Document
from sidebyside.core.provenance import NO_PROVENANCE, Provenance, TracedSource, trace
from sidebyside.core.spans import Span
from sidebyside.records import ClaimRecord, DocumentInfo, LinkRecord

__all__ = ["NO_PROVENANCE", "Provenance", "provenance_names", "trace_claim"]


def trace_claim(
    article: DocumentInfo,
    article_document: Document,
    claim: ClaimRecord,
    sources: Sequence[tuple[DocumentInfo, Document]],
    links: Sequence[LinkRecord],
) -> Provenance:
    """The claim's chain, keyed by document ids as text ("12"); none for a claim that is
    no longer in the article's text."""
    if claim.orphaned:
        return NO_PROVENANCE
    traced = [
        TracedSource(
            SourceNames(
                key=str(info.id),
                names=info.names,
                title=info.title,
                addresses=(info.address,) if "://" in info.address else (),
            ),
            document.with_metadata(date=info.date, address=info.address),
        )
        for info, document in sources
    ]
    return trace(
        str(article.id),
        article_document,
        Span(claim.start, claim.end),
        traced,
        passages_by_source(links),
    )


def passages_by_source(links: Sequence[LinkRecord]) -> dict[str, list[LinkRecord]]:
    """Each source's passages for the claim, best first: rejected and orphaned ones left
    out, and in a source where the reader confirmed passages, those alone."""
    kept = [link for link in links if link.state != "rejected" and not link.orphaned]
    decided = {link.source_id for link in kept if link.state == "confirmed"}
    by_source: dict[str, list[LinkRecord]] = {}
    for link in sorted(kept, key=lambda link: (link.state != "confirmed", -link.score)):
        if link.source_id in decided and link.state != "confirmed":
            continue
        by_source.setdefault(str(link.source_id), []).append(link)
    return by_source


def provenance_names(sources: Sequence[DocumentInfo]) -> dict[str, str]:
    """What a chain calls each source: its short name ("Meridian Press")."""
    return {str(info.id): info.short_name for info in sources}
