"""Which attached sources each claim of an article cites, and the cited names with no
source attached (slow for long articles: background)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sidebyside.core.document import Document
from sidebyside.core.spans import Span
from sidebyside.records import DocumentInfo

if TYPE_CHECKING:  # the article reader loads with the first citations read, not at start
    from sidebyside.core.citations import LinkedAddress, MissingSource


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
    links: dict[int, tuple[str, ...]] = field(default_factory=dict)  # addresses it links
    linked: tuple[LinkedAddress, ...] = ()  # every address claims link (claims: indexes)

    def claims_linking(self, address: str) -> tuple[int, ...]:
        """The ids of the claims that link `address`."""
        return tuple(claim_id for claim_id, links in self.links.items() if address in links)

    @property
    def to_fetch(self) -> tuple[LinkedAddress, ...]:
        """The linked addresses no attached source was kept from."""
        return tuple(linked for linked in self.linked if not linked.attached)


NO_CITATIONS = Citations({}, {}, ())


def read_citations(
    article: Document, claims: Sequence[tuple[int, Span]], sources: Sequence[DocumentInfo]
) -> Citations:
    from sidebyside.core.citations import SourceNames, cite_sources, claim_links
    from sidebyside.core.claims import describe_claims

    ordered = sorted(claims, key=lambda item: item[1])
    cues = describe_claims(article, [span for _, span in ordered])
    marked = [
        _MarkedClaim(span.of(article.text), cue)
        for (_, span), cue in zip(ordered, cues, strict=True)
    ]
    names = [
        SourceNames(
            key=str(info.id),
            names=info.names,
            title=info.title,
            addresses=(info.address,) if "://" in info.address else (),
        )
        for info in sources
    ]
    links = claim_links(article, [span for _, span in ordered], cues)
    report = cite_sources(marked, names, links)
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
        links={
            claim_id: addresses
            for claim_id, addresses in zip(ids, report.links, strict=True)
            if addresses
        },
        linked=report.linked,
    )
