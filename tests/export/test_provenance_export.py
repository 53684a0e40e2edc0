"""Who said it first, in the Markdown export: the chain line and the first appearance under
the claim, and the credit for a claim in one source's words credited to another."""

from __future__ import annotations

from pathlib import Path

from sidebyside.core.claims import suggest_claims
from sidebyside.core.document import Document, DocumentBuilder, Metadata
from sidebyside.operations import ArticleSession, PreparedArticle, export_text

CLAIM = (
    "At least 4,200 families were forced from their homes in the Tarsel valley, "
    "Meridian Press reported on Tuesday."
)
COPIED = (
    "Our field teams recorded that at least 4,200 families were forced from their homes "
    "in the Tarsel valley between 2 and 9 April, Meridian Press reported."
)
UNSOURCED = "Officials said relief convoys would arrive within the week."


def document(*paragraphs: str, **metadata: str) -> Document:
    builder = DocumentBuilder()
    for paragraph in paragraphs:
        builder.add(paragraph)
    return builder.build(Metadata(**metadata))  # type: ignore[arg-type]


def exported(path: Path) -> str:
    article = document(CLAIM, COPIED, UNSOURCED, title="Valley floods")
    wire = document(
        "TARSEL (Meridian Press) - Aid workers struggled to reach villages cut off by water.",
        "At least 4,200 families were forced from their homes across the valley, according "
        "to a report by the Halden Rights Observatory published on Monday.",
        title="Thousands flee Tarsel floods",
        publisher="Meridian Press",
    )
    report = document(
        "Situation report on the Tarsel valley",
        "Our field teams recorded that at least 4,200 families were forced from their homes "
        "in the Tarsel valley between 2 and 9 April.",
        title="Tarsel valley displacement",
        publisher="Halden Rights Observatory",
    )
    session = ArticleSession.open(path)
    try:
        session.record_article(PreparedArticle(article, tuple(suggest_claims(article))))
        assert session.article is not None
        session.add_source(session.article.id, wire)
        session.add_source(session.article.id, report)
        session.open_article(session.article.id)
        session.match_all()
        return export_text(session.workspace, [session.article.id])
    finally:
        session.close()


def section(markdown: str, claim: str) -> str:
    """The export's section of the claim: from its heading to the next."""
    parts = markdown.split("\n## ")
    return next(part for part in parts if claim in part)


def test_the_chain_line_is_under_the_claim(tmp_path: Path) -> None:
    markdown = exported(tmp_path / "workspace.sqlite")
    chain = (
        "*Who said it first: Article → Meridian Press (names Halden Rights Observatory) → "
        "Halden Rights Observatory.*"
    )
    mine = section(markdown, CLAIM)
    assert chain in mine
    assert mine.index("> " + CLAIM[:40]) < mine.index(chain)
    assert "*The wording first appears in Halden Rights Observatory (cited by the others).*" in mine
    assert "Who said it first" not in section(markdown, UNSOURCED)


def test_a_claim_in_the_reports_words_credited_to_the_wire(tmp_path: Path) -> None:
    copied = section(exported(tmp_path / "workspace.sqlite"), COPIED)
    assert (
        "*Credited to Meridian Press; the wording is Halden Rights Observatory’s "
        "(Meridian Press names it).*"
    ) in copied
