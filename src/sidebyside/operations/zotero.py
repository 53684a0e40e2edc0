"""Importing items of a Zotero library as articles or as sources of an article.

`prepare_zotero_import` reads the chosen items' files through the importers (slow: a
background thread may run it) and gives each document what Zotero knows of it: title,
authors, date, publisher and address. `record_zotero_import` stores them, on the thread
that owns the workspace; an item whose text the workspace (or the article) holds already
is not added twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sidebyside.core.document import Document
from sidebyside.core.errors import SidebysideError
from sidebyside.core.importers import import_file
from sidebyside.core.importers.formats import quoted
from sidebyside.core.progress import QUIET, Progress
from sidebyside.core.zotero import ZoteroItem
from sidebyside.operations.changes import NOTHING, Changes
from sidebyside.operations.reading import PreparedArticle, cues_as_json
from sidebyside.operations.session import ArticleSession

Role = Literal["article", "source"]


@dataclass(frozen=True)
class PreparedItem:
    item: ZoteroItem
    document: Document | None  # None when its file could not be read
    article: PreparedArticle | None = None  # with its suggested claims, as an article
    why: str = ""  # why it could not be read


@dataclass(frozen=True)
class ZoteroImport:
    role: Role
    items: tuple[PreparedItem, ...]


def choose_items(items: Sequence[ZoteroItem], keys: Sequence[str]) -> list[ZoteroItem]:
    """The items with these keys, in the order given; an error names any key not there."""
    by_key = {item.key.upper(): item for item in items}
    unknown = [key for key in keys if key.upper() not in by_key]
    if unknown:
        raise SidebysideError(
            "no item with a saved page or PDF has the key "
            + ", ".join(quoted(key) for key in unknown)
            + " in this Zotero library"
        )
    return [by_key[key.upper()] for key in dict.fromkeys(keys)]


def with_zotero_metadata(document: Document, item: ZoteroItem) -> Document:
    """What Zotero knows replaces what the file says, where Zotero knows it."""
    changes: dict[str, object] = {"address": item.address}
    if item.title:
        changes["title"] = item.title
    if item.authors:
        changes["author"] = ", ".join(item.authors)
    if item.date:
        changes["date"] = item.date
    if item.publisher:
        changes["publisher"] = item.publisher
    return document.with_metadata(**changes)


def prepare_zotero_import(
    items: Sequence[ZoteroItem], role: Role, progress: Progress = QUIET
) -> ZoteroImport:
    """Read each item's file; articles also get their suggested claims."""
    prepared = []
    for number, item in enumerate(items):
        progress.advance(number, len(items), f"reading {item.title}")
        try:
            document = with_zotero_metadata(import_file(item.attachment), item)
        except SidebysideError as error:
            prepared.append(PreparedItem(item, None, why=str(error)))
            continue
        article = None
        if role == "article":
            from sidebyside.core.claims import suggest_claims

            article = PreparedArticle(document, tuple(suggest_claims(document)))
        prepared.append(PreparedItem(item, document, article))
    progress.advance(len(items), len(items), "read")
    return ZoteroImport(role, tuple(prepared))


def record_zotero_import(
    session: ArticleSession, work: ZoteroImport, article_id: int | None = None
) -> tuple[list[str], Changes]:
    """Store the items read; lines saying what became of each, and what the window shows
    again. Sources go to `article_id`, else the open article, else the most recent one."""
    lines: list[str] = []
    if work.role == "source":
        article_id = article_id or (session.article.id if session.article else None)
        if article_id is None:
            articles = session.articles()
            if not articles:
                raise SidebysideError(
                    "the workspace holds no article to add these sources to; import an "
                    "article first (or pass --as article)"
                )
            article_id = articles[0].id
    changes = NOTHING
    first_article: int | None = None
    workspace = session.workspace
    with workspace.transaction():
        known_articles = {info.content_hash: info for info in workspace.articles()}
        attached = (
            {info.content_hash: info for info in workspace.sources_of(article_id)}
            if article_id is not None
            else {}
        )
        for prepared in work.items:
            title = quoted(prepared.item.title)
            if prepared.document is None:
                lines.append(f"{prepared.item.key} {title}: not imported: {prepared.why}")
                continue
            digest = prepared.document.content_hash
            if work.role == "article":
                if digest in known_articles:
                    lines.append(f"{prepared.item.key} {title}: already an article, kept as is")
                    continue
                assert prepared.article is not None
                info = workspace.add_article(prepared.article.document)
                suggestions = prepared.article.suggestions
                workspace.add_suggested_claims(
                    info.id, [(s.start, s.end, cues_as_json(s.cues)) for s in suggestions]
                )
                known_articles[digest] = info
                first_article = first_article or info.id
                lines.append(
                    f"{prepared.item.key} {title}: imported as an article "
                    f"({len(suggestions)} claims suggested)"
                )
            else:
                assert article_id is not None
                if digest in attached:
                    lines.append(f"{prepared.item.key} {title}: already a source, kept as is")
                    continue
                attached[digest] = workspace.add_source(article_id, prepared.document)
                lines.append(f"{prepared.item.key} {title}: imported as a source")
    if work.role == "article":
        changes = Changes(articles=True)
        if first_article is not None:
            changes = changes | session.open_article(first_article)
    elif session.article is not None and session.article.id == article_id:
        changes = session.open_article(article_id, remember=False) | Changes(articles=True)
    return lines, changes
