"""Notes for an Obsidian vault: front matter Obsidian reads as properties (title, author,
date, sources, tags), a `^claim-N` block id under each claim so a note can embed or link
to it, quotes as `> [!quote]` callouts, and each source by its title as a `[[link]]`.

Claims are numbered through the file, so that the block ids stay unique when several
articles are exported together.
"""

from __future__ import annotations

import json
import re

from sidebyside.core.verdicts import verdict_summary
from sidebyside.export.citation_fields import date_parts, iso
from sidebyside.export.content import ExportContent, ExportedArticle, ExportedClaim, document_title
from sidebyside.export.markdown import (
    CLAIM_HEADING_LEVEL,
    claim_ending,
    claim_remarks,
    describe_document,
    difference_lines,
    document_notes_lines,
    link_state,
    open_link,
)
from sidebyside.export.markdown_text import escape_inline
from sidebyside.records import DocumentInfo, LinkRecord

# What a wiki link cannot hold (it would end it, or point at a heading or block).
_NOT_IN_A_WIKI_LINK = re.compile(r"[\[\]|#^\\<>*_`\n]")
# What an Obsidian tag cannot hold: it is one word of letters, digits, _, - and /.
_NOT_IN_A_TAG = re.compile(r"[^\w/-]+")


def export_obsidian(content: ExportContent) -> str:
    parts = [_front_matter(content)]
    number = 0
    for article in content.articles:
        lines = _article_head(article)
        for claim in article.claims:
            number += 1
            lines += ["", _claim_section(number, claim, article)]
        if not article.claims:
            lines += ["", "*No claims marked yet.*"]
        parts.append("\n".join(lines))
    return "\n\n".join(parts).rstrip() + "\n"


def obsidian_tag(tag: str) -> str:
    """A reader's tag as Obsidian spells one: "budget cuts" -> "budget-cuts"."""
    cleaned = _NOT_IN_A_TAG.sub("-", tag).strip("-")
    return cleaned if cleaned and not cleaned.isdigit() else f"tag-{cleaned}".rstrip("-")


def _front_matter(content: ExportContent) -> str:
    """YAML with every value double-quoted in JSON's escapes, which YAML reads alike."""
    articles = content.articles
    lines = ["---"]
    if len(articles) == 1:
        article = articles[0].article
        lines.append(f"title: {_yaml(document_title(article, 'Untitled article'))}")
        if article.author:
            lines.append(f"author: {_yaml(article.author)}")
        parts = date_parts(article.date)
        if parts or article.date:
            lines.append(f"date: {_yaml(iso(parts) if parts else article.date)}")
        if article.address:
            lines.append(f"source: {_yaml(article.address)}")
    else:
        lines.append(f"title: {_yaml(f'sidebyside export of {len(articles)} articles')}")
        lines.append("articles:")
        lines += [f"  - {_yaml(document_title(a.article, 'Untitled article'))}" for a in articles]
    sources = content.sources
    lines.append("sources:" if sources else "sources: []")
    lines += [f"  - {_yaml(_wiki_link(document_title(source)))}" for source in sources]
    tags = sorted(
        {obsidian_tag(tag) for a in articles for claim in a.claims for tag in claim.tags},
        key=str.lower,
    )
    lines.append("tags:" if tags else "tags: []")
    lines += [f"  - {_yaml(tag)}" for tag in tags]
    lines += ["exported_by: sidebyside", f"exported_on: {content.exported_on.isoformat()}", "---"]
    return "\n".join(lines)


def _yaml(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _wiki_link(title: str) -> str:
    """`[[Title]]`, or the title as it is if a link cannot hold it."""
    title = " ".join(title.split())
    return title if _NOT_IN_A_WIKI_LINK.search(title) else f"[[{title}]]"


def _source_name(source: DocumentInfo | None) -> str:
    title = " ".join(document_title(source).split())
    link = _wiki_link(title)
    return link if link != title else f"**{escape_inline(title)}**"


def _article_head(article: ExportedArticle) -> list[str]:
    document = article.article
    lines = [f"# {escape_inline(document_title(document, 'Untitled article'))}"]
    described = describe_document(document)
    if described:
        lines += ["", described]
    if article.sources:
        lines += ["", "Sources:", ""]
        for source in article.sources:
            rest = describe_document(source)
            lines.append(f"- {_source_name(source)}" + (f" · {rest}" if rest else ""))
    lines += document_notes_lines(article)
    if article.claims:
        verdicts = [claim.claim.verdict for claim in article.claims]
        lines += ["", f"**{verdict_summary(verdicts)}.**"]
    return lines


def _claim_section(number: int, exported: ExportedClaim, article: ExportedArticle) -> str:
    claim = exported.claim
    where = (
        "Article, could not be found in its current text"
        if claim.orphaned
        else f"Article, {article.location(claim.article_id, claim.start)}"
    )
    lines = [
        f"{'#' * CLAIM_HEADING_LEVEL} Claim {number}: {claim.verdict.label}",
        "",
        *_callout(where, claim.text),
        "",
        f"^claim-{number}",  # after a callout, a block id stands on a line of its own
        "",
        open_link(exported.address),
    ]
    if exported.tags:
        lines += ["", "Tags: " + " ".join(f"#{obsidian_tag(tag)}" for tag in exported.tags)]
    sources = {source.id: source for source in article.sources}
    for remark in claim_remarks(exported, sources):
        lines += ["", remark]
    for link in exported.links:
        lines += ["", *_link_lines(link, article)]
    return "\n".join(lines + claim_ending(exported))


def _callout(title: str, text: str) -> list[str]:
    return [f"> [!quote] {title}", f"> {escape_inline(text)}"]


def _link_lines(link: LinkRecord, article: ExportedArticle) -> list[str]:
    source = article.source(link.source_id)
    title = f"{_source_name(source)}, {article.location(link.source_id, link.start)}"
    lines = _callout(f"{title} · {link_state(link)}", link.text)
    if link.differences:
        lines += ["", *difference_lines(link)]
    return lines
