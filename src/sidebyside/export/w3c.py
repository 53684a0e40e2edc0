"""The reader's claims and confirmed passages as W3C Web Annotation JSON-LD.

One annotation per claim: its target is the article, by a `TextQuoteSelector` (exact,
prefix, suffix) and a `TextPositionSelector` (start, end), and its bodies are
`TextualBody`s for the note (purpose "commenting"), the verdict ("assessing") and each
tag ("tagging"). One annotation per confirmed passage: its target is the source passage,
selected the same way, and its body links it (purpose "linking") to its claim's
annotation. Positions count characters (code points) of the canonical text, as every
anchor in sidebyside does; see the README for JavaScript's UTF-16 offsets.

Suggested claims the reader never accepted, judged, noted, tagged or linked are not
exported: an annotation says what the reader stands behind.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path, PurePath
from typing import Any

from sidebyside.core.matching.support import Support
from sidebyside.export.content import ExportContent, ExportedArticle
from sidebyside.records import ClaimRecord, DocumentInfo, LinkRecord

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_NAMESPACE = uuid.UUID("7f1b3f2e-5c1e-4a39-9d0e-5a1d3c2b9e10")  # sidebyside's annotation ids


def export_w3c(content: ExportContent) -> str:
    """An `AnnotationCollection` holding one page with every annotation, as JSON text."""
    items: list[dict[str, Any]] = []
    for article in content.articles:
        items += article_annotations(article)
    seed = ",".join(article.article.content_hash for article in content.articles)
    collection = {
        "@context": CONTEXT,
        "id": _urn("collection", seed),
        "type": "AnnotationCollection",
        "label": "sidebyside: claims checked against their sources",
        "total": len(items),
        "first": {
            "id": _urn("page", seed),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


def article_annotations(exported: ExportedArticle) -> list[dict[str, Any]]:
    """The annotations of one article: each claim, then each of its confirmed passages."""
    annotations: list[dict[str, Any]] = []
    for item in exported.claims:
        claim = item.claim
        worked_on = bool(item.note.strip() or item.tags) or any(
            link.state == "confirmed" for link in item.links
        )
        if claim.is_pending_suggestion and not worked_on:
            continue  # a suggestion the reader has not touched: nothing of theirs to carry
        claim_id = claim_annotation_id(exported.article, claim)
        annotations.append(
            _claim_annotation(claim_id, exported.article, claim, item.note, item.tags)
        )
        for link in item.links:
            source = exported.source(link.source_id)
            if link.state == "confirmed" and source is not None:
                annotations.append(_link_annotation(exported.article, source, link, claim_id))
    return annotations


def claim_annotation_id(article: DocumentInfo, claim: ClaimRecord) -> str:
    return _urn("claim", f"{article.content_hash}:{claim.id}")


def document_iri(document: DocumentInfo) -> str:
    """What identifies a document to other tools: its web address, its file as a file:
    address, else its text's hash."""
    address = document.address.strip()
    if "://" in address or address.startswith("urn:"):
        return address
    if address and PurePath(address).is_absolute():
        return Path(address).as_uri()
    return f"urn:sha256:{document.content_hash}"


def _claim_annotation(
    annotation_id: str,
    article: DocumentInfo,
    claim: ClaimRecord,
    note: str,
    tags: tuple[str, ...],
) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = []
    if note.strip():
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": note,
                "format": "text/markdown",
            }
        )
    bodies.append({"type": "TextualBody", "purpose": "assessing", "value": claim.verdict.label})
    bodies += [{"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in tags]
    return {
        "id": annotation_id,
        "type": "Annotation",
        "motivation": "assessing",
        "body": bodies,
        "target": _target(
            article, claim.start, claim.end, claim.text, (claim.prefix, claim.suffix)
        ),
    }


def _link_annotation(
    article: DocumentInfo,
    source: DocumentInfo,
    link: LinkRecord,
    claim_id: str,
) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = [
        {"type": "SpecificResource", "purpose": "linking", "source": claim_id}
    ]
    if link.support:
        bodies.append(
            {"type": "TextualBody", "purpose": "describing", "value": Support(link.support).label}
        )
    return {
        "id": _urn("link", f"{article.content_hash}:{link.id}"),
        "type": "Annotation",
        "motivation": "linking",
        "body": bodies,
        "target": _target(source, link.start, link.end, link.text, (link.prefix, link.suffix)),
    }


def _target(
    document: DocumentInfo, start: int, end: int, exact: str, context: tuple[str, str]
) -> dict[str, Any]:
    prefix, suffix = context
    source: dict[str, Any] = {"id": document_iri(document), "type": "Text"}
    if document.title:
        source["dc:title"] = document.title
    return {
        "source": source,
        "selector": [
            {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
            {"type": "TextPositionSelector", "start": start, "end": end},
        ],
    }


def _urn(kind: str, seed: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'sidebyside:{kind}:{seed}')}"
