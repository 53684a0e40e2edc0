"""Which attached sources each claim of an article cites, and the cited names with no
source attached (slow for long articles: background)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sidebyside.core.document import Document
from sidebyside.core.spans import Span
from sidebyside.records import DocumentInfo

if TYPE_CHECKING:  # the article reader loads with the first citations read, not at start
    from sidebyside.core.citations import MissingSource


@dataclass(frozen=True)
class _MarkedClaim:
    text: str
    cues: Any


@dataclass(frozen=True)
class Citations:
    """`cited[claim_id]` lists source ids; `named[claim_id]` says whether the claim named
    them (False: it names no source, so every source may support it)."""

    cited: dict[int, tuple[int, ...]]
    named: dict[int, bool]
    missing: tuple[MissingSource, ...]


NO_CITATIONS = Citations({}, {}, ())


def read_citations(
    article: Document, claims: Sequence[tuple[int, Span]], sources: Sequence[DocumentInfo]
) -> Citations:
    from sidebyside.core.citations import SourceNames, cite_sources
    from sidebyside.core.claims import describe_claims

    ordered = sorted(claims, key=lambda item: item[1])
    cues = describe_claims(article, [span for _, span in ordered])
    marked = [
        _MarkedClaim(span.of(article.text), cue)
        for (_, span), cue in zip(ordered, cues, strict=True)
    ]
    names = [SourceNames(key=str(info.id), names=info.names, title=info.title) for info in sources]
    report = cite_sources(marked, names)
    ids = [claim_id for claim_id, _ in ordered]
    return Citations(
        cited={
            claim_id: tuple(int(key) for key in citation.cited)
            for claim_id, citation in zip(ids, report.citations, strict=True)
        },
        named={
            claim_id: not citation.names_none
            for claim_id, citation in zip(ids, report.citations, strict=True)
        },
        missing=tuple(sorted(report.missing, key=lambda item: (-item.count, item.name))),
    )
