"""The articles and their sources as CSL-JSON, which Zotero, Pandoc and every
citation processor read: one item per document.

The item type is guessed from what sidebyside knows: a web page, a newspaper article
(an article with a publisher), a report (a PDF), a book (an EPUB), else a document.
"""

from __future__ import annotations

import json
from typing import Any

from sidebyside.export.citation_fields import date_parts, names_of, web_address
from sidebyside.export.content import ExportContent, document_title
from sidebyside.records import DocumentInfo

# Types whose publisher is the periodical or site that holds them ("container-title").
_IN_A_CONTAINER = frozenset(("article-newspaper", "webpage", "article"))


def export_csl(content: ExportContent) -> str:
    documents: dict[int, DocumentInfo] = {}
    for article in content.articles:
        documents.setdefault(article.article.id, article.article)
    for source in content.sources:
        documents.setdefault(source.id, source)
    items = [csl_item(document) for document in documents.values()]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def csl_item(document: DocumentInfo) -> dict[str, Any]:
    kind = csl_type(document)
    item: dict[str, Any] = {
        "id": f"sidebyside-{document.id}",
        "type": kind,
        "title": document_title(document, "Untitled"),
    }
    authors = [
        {"family": name.family, "given": name.given} if name.is_person else {"literal": name.full}
        for name in names_of(document.author)
    ]
    if authors:
        item["author"] = authors
    issued = date_parts(document.date)
    if issued:
        item["issued"] = {"date-parts": [list(issued)]}
    elif document.date.strip():
        item["issued"] = {"literal": document.date.strip()}
    if document.publisher:
        item["container-title" if kind in _IN_A_CONTAINER else "publisher"] = document.publisher
    address = web_address(document.address)
    if address:
        item["URL"] = address
        accessed = date_parts(document.imported_at)
        if accessed:
            item["accessed"] = {"date-parts": [list(accessed)]}
    return item


def csl_type(document: DocumentInfo) -> str:
    if document.format == "pdf":
        return "report"
    if document.format == "epub":
        return "book"
    if document.role == "article" and document.publisher:
        return "article-newspaper"
    if web_address(document.address):
        return "webpage"
    if document.role == "article":
        return "article"
    return "document"
