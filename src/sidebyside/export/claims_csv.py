"""Claims as CSV: one row per claim, for a spreadsheet, pandas or R.

Fields that hold several values (the passages of several sources) give one line per value,
in the same order in every such column. A field a spreadsheet would read as a formula
(starting with =, +, -, @, a tab or a carriage return) starts with an apostrophe, as does
one that starts with an apostrophe already, so dropping one leading apostrophe from any
field gives back the text exactly.
"""

from __future__ import annotations

import csv
import io

from sidebyside.core.matching.support import Support
from sidebyside.export.content import ExportContent, ExportedArticle, ExportedClaim, document_title
from sidebyside.records import LinkRecord

COLUMNS = (
    "article_id",
    "article",
    "claim_id",
    "claim_number",
    "claim",
    "verdict",
    "sources",
    "passages",
    "judgements",
    "differences",
    "tags",
    "notes",
    "link",
)
# What OWASP names as a formula's first character, and the apostrophe that marks it.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
ENCODING = "utf-8-sig"  # with a byte-order mark, so that Excel reads it as UTF-8


def neutralised(value: str) -> str:
    """`value` as a spreadsheet shows it as text, never runs it."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def restored(value: str) -> str:
    """The text a neutralised field held."""
    return value[1:] if value.startswith("'") else value


def export_csv(content: ExportContent) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180 rows; "\n" inside fields
    writer.writerow(COLUMNS)
    for article in content.articles:
        for claim in article.claims:
            writer.writerow([neutralised(value) for value in _row(article, claim)])
    return out.getvalue()


def _row(article: ExportedArticle, exported: ExportedClaim) -> list[str]:
    claim = exported.claim
    links = exported.links
    differences = [
        f"{_source_title(article, link)}: {' '.join(difference.explanation.split())}"
        for link in links
        for difference in link.differences
    ]
    return [
        str(article.article.id),
        document_title(article.article, "Untitled article"),
        str(claim.id),
        str(exported.number),
        claim.text,
        claim.verdict.label,
        "\n".join(_source_title(article, link) for link in links),
        "\n".join(" ".join(link.text.split()) for link in links),
        "\n".join(_judgement(link) for link in links),
        "\n".join(differences),
        "\n".join(exported.tags),
        exported.note,
        exported.address,
    ]


def _source_title(article: ExportedArticle, link: LinkRecord) -> str:
    return " ".join(document_title(article.source(link.source_id)).split())


def _judgement(link: LinkRecord) -> str:
    who = "confirmed by the reader" if link.state == "confirmed" else "suggested"
    judged = f", {Support(link.support).label}" if link.support else ""
    score = f", score {link.score:.2f}" if link.state != "confirmed" else ""
    return who + judged + score
