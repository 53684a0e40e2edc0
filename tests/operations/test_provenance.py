"""Who said it first, through the session: the chain of a stored claim from its stored
passages, following the reader's dates and judgements."""

from __future__ import annotations

from pathlib import Path

from sidebyside.core.claims import suggest_claims
from sidebyside.core.document import Document, DocumentBuilder, Metadata
from sidebyside.operations import ArticleSession, PreparedArticle
from sidebyside.operations.provenance import provenance_names

CLAIM = (
    "At least 4,200 families were forced from their homes in the Tarsel valley, "
    "Meridian Press reported on Tuesday."
)


def document(*paragraphs: str, **metadata: str) -> Document:
    builder = DocumentBuilder()
    for paragraph in paragraphs:
        builder.add(paragraph)
    return builder.build(Metadata(**metadata))  # type: ignore[arg-type]


ARTICLE = document("Flooding in the Tarsel valley displaced thousands this spring.", CLAIM)
WIRE = document(
    "TARSEL (Meridian Press) - Aid workers struggled to reach villages cut off by water.",
    "At least 4,200 families were forced from their homes across the valley, according to "
    "a report by the Halden Rights Observatory published on Monday.",
    title="Thousands flee Tarsel floods",
    publisher="Meridian Press",
)
REPORT = document(
    "Situation report on the Tarsel valley",
    "Our field teams recorded that at least 4,200 families were forced from their homes "
    "in the Tarsel valley between 2 and 9 April.",
    title="Tarsel valley displacement",
    publisher="Halden Rights Observatory",
)


def opened(path: Path) -> tuple[ArticleSession, int, int]:
    session = ArticleSession.open(path)
    session.record_article(PreparedArticle(ARTICLE, tuple(suggest_claims(ARTICLE))))
    assert session.article is not None
    session.add_source(session.article.id, WIRE)
    session.add_source(session.article.id, REPORT)
    session.open_article(session.article.id)
    session.match_all()
    wire, report = (info.id for info, _ in session.sources)
    return session, wire, report


def test_a_stored_claim_has_its_chain_and_the_first_appearance(tmp_path: Path) -> None:
    session, wire, report = opened(tmp_path / "workspace.sqlite")
    try:
        assert session.article is not None
        claim = next(c for c in session.claims() if c.text == CLAIM)
        provenance = session.provenance_of(claim, session.links_of(claim.id))
        assert [step.key for step in provenance.steps] == [
            str(session.article.id),
            str(wire),
            str(report),
        ]
        names = provenance_names([info for info, _ in session.sources])
        assert provenance.chain_line(names) == (
            "Article → Meridian Press (names Halden Rights Observatory) → Halden Rights Observatory"
        )
        assert provenance.first is not None and provenance.first.reason == "cited by the others"

        # The reader dates the wire before the report: the dates decide.
        session.update_source(wire, {"date": "2026-04-10"})
        session.update_source(report, {"date": "2026-04-13"})
        dated = session.provenance_of(claim, session.links_of(claim.id))
        assert dated.first is not None
        assert (dated.first.key, dated.first.reason) == (str(wire), "earliest dated")

        # Rejecting the report's passages: the wire still names it, but no passage is shown.
        for link in session.links_of(claim.id):
            if link.source_id == report:
                session.set_link_state(link.id, "rejected")
        rejected = session.provenance_of(claim, session.links_of(claim.id))
        assert [step.key for step in rejected.steps][-1] == str(report)
        assert rejected.steps[-1].start is None
        assert rejected.first is None
    finally:
        session.close()
