"""Notes to Markdown: one section per claim, in document order.

Reads well as plain text, in any Markdown editor and in Obsidian: a heading per
claim, the claim and each linked passage as blockquotes with where they come
from, then the reader's notes.
"""

from __future__ import annotations

from datetime import date

from sidebyside.core.matching.support import Support
from sidebyside.core.verdicts import verdict_summary
from sidebyside.export.content import ExportContent, ExportedArticle, ExportedClaim, document_title
from sidebyside.export.markdown_text import blockquote, contain_note, escape_inline
from sidebyside.records import DocumentInfo, LinkRecord

CLAIM_HEADING_LEVEL = 2
NOTE_MIN_HEADING_LEVEL = 4


def export_markdown(content: ExportContent) -> str:
    parts = [_front_matter(content.exported_on)]
    for article in content.articles:
        parts.append(_article_section(article))
    return "\n\n".join(parts).rstrip() + "\n"


def _front_matter(exported_on: date) -> str:
    return f"---\nexported_by: sidebyside\nexported_on: {exported_on.isoformat()}\n---"


def _article_section(report: ExportedArticle) -> str:
    article = report.article
    lines = [f"# {escape_inline(article.title or article.original_name or 'Untitled article')}"]
    described = describe_document(article)
    if described:
        lines += ["", described]
    if report.sources:
        lines += ["", "Sources:", ""]
        lines += [f"- {describe_document(source, with_title=True)}" for source in report.sources]
    lines += document_notes_lines(report)
    sources = {source.id: source for source in report.sources}
    if report.claims:
        verdicts = [claim_report.claim.verdict for claim_report in report.claims]
        lines += ["", f"**{verdict_summary(verdicts)}.**"]
    for claim_report in report.claims:
        lines += ["", _claim_section(claim_report, sources, report)]
    if not report.claims:
        lines += ["", "*No claims marked yet.*"]
    return "\n".join(lines)


def document_notes_lines(report: ExportedArticle) -> list[str]:
    """The reader's notes on the article and on each source, each under a heading of its
    own ("Notes on the article", "Notes on “Source title”")."""
    lines: list[str] = []
    for document in (report.article, *report.sources):
        note = report.notes.get(document.id, "")
        if not note.strip():
            continue
        heading = (
            "Notes on the article"
            if document is report.article
            else f"Notes on “{escape_inline(document_title(document))}”"
        )
        lines += [
            "",
            f"{'#' * CLAIM_HEADING_LEVEL} {heading}",
            "",
            contain_note(note, min_heading_level=CLAIM_HEADING_LEVEL + 1),
        ]
    return lines


def describe_document(document: DocumentInfo, *, with_title: bool = False) -> str:
    """ "Author · Publisher · Date · <address>" (the title first, in bold, if asked)."""
    pieces = []
    if with_title:
        pieces.append(f"**{escape_inline(document.title or document.original_name)}**")
    for value in (document.author, document.publisher, document.date):
        if value:
            pieces.append(escape_inline(value))
    if document.address:
        pieces.append(_address(document.address))
    return " · ".join(pieces)


def _address(address: str) -> str:
    """A web address as an autolink; a file path as code, which needs no escaping."""
    if "://" in address and " " not in address and ">" not in address:
        return f"<{address}>"
    if "`" not in address:
        return f"`{address}`"
    return escape_inline(address)


def _claim_section(
    report: ExportedClaim, sources: dict[int, DocumentInfo], article: ExportedArticle
) -> str:
    claim = report.claim
    heading = "#" * CLAIM_HEADING_LEVEL
    where = (
        "*could not be found in the current text of the article*"
        if claim.orphaned
        else f"*Article, {article.location(claim.article_id, claim.start)}*"
    )
    lines = [
        f"{heading} Claim {report.number}: {claim.verdict.label}",
        "",
        blockquote(claim.text),
        "",
        where,
        "",
        open_link(report.address),
    ]
    if report.tags:
        lines += ["", "Tags: " + ", ".join(escape_inline(tag) for tag in report.tags)]
    for remark in claim_remarks(report, sources):
        lines += ["", remark]
    for link in report.links:
        lines += [
            "",
            *_link_lines(
                link, sources.get(link.source_id), article.location(link.source_id, link.start)
            ),
        ]
    return "\n".join(lines + claim_ending(report))


def claim_ending(report: ExportedClaim) -> list[str]:
    """What closes a claim's section in either Markdown export: a word when no passage is
    linked to it, then the reader's notes."""
    lines: list[str] = []
    if not report.links:
        lines += ["", "*No passage of the attached sources is linked to this claim.*"]
    if report.note.strip():
        lines += [
            "",
            f"{'#' * (CLAIM_HEADING_LEVEL + 1)} Notes",
            "",
            contain_note(report.note, min_heading_level=NOTE_MIN_HEADING_LEVEL),
        ]
    return lines


def claim_remarks(report: ExportedClaim, sources: dict[int, DocumentInfo]) -> list[str]:
    """What sidebyside says of the claim, in italics: words a newer version changed, who
    said it first (the chain through the sources, where the wording first appears), the
    verdict the passages suggest, whose wording it copies."""
    remarks = []
    change = report.claim.text_change
    if change is not None:
        remarks.append(
            f"*Changed in the newer version: “{escape_inline(change[0])}” → "
            f"“{escape_inline(change[1])}”. The verdict was given for the earlier words.*"
        )
    names = {str(key): _short_name(source) for key, source in sources.items()}
    provenance = report.provenance
    chain = provenance.chain_line(names)
    if chain:
        remarks.append(f"*Who said it first: {escape_inline(chain)}.*")
    first = provenance.first_line(names)
    if first:
        remarks.append(f"*{escape_inline(first)}*")
    suggestion = report.suggestion
    if suggestion is not None and suggestion.verdict is not None:
        remarks.append(f"*The passages suggest: {suggestion.verdict.label.lower()}.*")
        if suggestion.wording_of is not None:
            credited = [str(key) for key in suggestion.credited]
            line = provenance.credit_line(credited, str(suggestion.wording_of), names)
            remarks.append(f"*{escape_inline(line)}*")
    return remarks


def open_link(address: str) -> str:
    """The claim's way back into sidebyside, as a Markdown link."""
    return f"[Open in sidebyside]({address})"


def _short_name(source: DocumentInfo | None) -> str:
    return source.short_name if source else "an unknown source"


def _link_lines(link: LinkRecord, source: DocumentInfo | None, location: str) -> list[str]:
    title = document_title(source)
    lines = [
        f"**{escape_inline(title)}**, {location} · {link_state(link)}:",
        "",
        blockquote(link.text),
    ]
    if link.differences:
        lines += ["", *difference_lines(link)]
    return lines


def link_state(link: LinkRecord) -> str:
    """ "Confirmed by the reader, supports the claim", "Suggested by sidebyside, …"."""
    judged = f", {Support(link.support).label}" if link.support else ""
    if link.state == "confirmed":
        return f"Confirmed by the reader{judged}"
    return f"Suggested by sidebyside{judged}, score {link.score:.2f}"


def difference_lines(link: LinkRecord) -> list[str]:
    """The passage's differences from the claim, as a Markdown list."""
    return [f"- {escape_inline(difference.explanation)}" for difference in link.differences]
