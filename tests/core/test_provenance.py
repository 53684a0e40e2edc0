"""Who said it first: an article credits a wire story, which credits a rights group's
report; the chain, with its evidence, and where the claim's wording first appears."""

from __future__ import annotations

from sidebyside.core.citations import SourceNames
from sidebyside.core.document import Document, DocumentBuilder, Hyperlink, Metadata
from sidebyside.core.matching.matcher import Matcher
from sidebyside.core.provenance import Provenance, TracedSource, credit_sentence, trace
from sidebyside.core.spans import Span

CLAIM = (
    "At least 4,200 families were forced from their homes in the Tarsel valley, "
    "Meridian Press reported on Tuesday."
)
COPIED = (
    "Our field teams recorded that at least 4,200 families were forced from their homes "
    "in the Tarsel valley between 2 and 9 April, Meridian Press reported."
)
WIRE_PASSAGE = (
    "At least 4,200 families were forced from their homes across the valley, according to "
    "a report by the Halden Rights Observatory published on Monday."
)
REPORT_PASSAGE = (
    "Our field teams recorded that at least 4,200 families were forced from their homes "
    "in the Tarsel valley between 2 and 9 April."
)


def document(*paragraphs: str, links: tuple[Hyperlink, ...] = (), **metadata: str) -> Document:
    builder = DocumentBuilder()
    for paragraph in paragraphs:
        builder.add(paragraph)
    built = builder.build(Metadata(**metadata))  # type: ignore[arg-type]
    return Document(built.text, built.blocks, built.metadata, links=links)


def article(claim: str = CLAIM) -> Document:
    return document(
        "Flooding in the Tarsel valley displaced thousands this spring.",
        claim,
        "Officials said relief convoys would arrive within the week.",
        title="Valley floods",
        publisher="Daily Ledger",
    )


def wire(date: str = "2026-04-14", *, passage: str = WIRE_PASSAGE) -> Document:
    return document(
        "TARSEL (Meridian Press) - Aid workers struggled to reach villages cut off by water.",
        passage,
        "Roads into the valley remain closed.",
        title="Thousands flee Tarsel floods",
        publisher="Meridian Press",
        date=date,
    )


def report(date: str = "2026-04-13", *, closing: str = "Shelters are overcrowded.") -> Document:
    return document(
        "Situation report on the Tarsel valley",
        REPORT_PASSAGE,
        closing,
        title="Tarsel valley displacement",
        publisher="Halden Rights Observatory",
        aliases=("the Observatory",),
        date=date,
    )


def traced(claim: str, sources: dict[str, Document], the_article: Document | None = None):  # type: ignore[no-untyped-def]
    the_article = the_article or article(claim)
    start = the_article.text.index(claim)
    passages = Matcher(sources).align(claim).per_source
    attached = [
        TracedSource(SourceNames.from_document(key, doc), doc) for key, doc in sources.items()
    ]
    return trace("article", the_article, Span(start, start + len(claim)), attached, passages)


NAMES = {"wire": "Meridian Press", "report": "Halden Rights Observatory"}


def test_the_chain_runs_from_the_article_through_the_wire_to_the_report() -> None:
    sources = {"wire": wire(), "report": report()}
    provenance = traced(CLAIM, sources)
    assert [step.key for step in provenance.steps] == ["article", "wire", "report"]
    article_step, wire_step, report_step = provenance.steps
    assert wire_step.via == "Meridian Press" and not wire_step.by_link
    assert report_step.via == "Halden Rights Observatory"
    # The evidence: where each document names the next, and each source's passage.
    assert article(CLAIM).text[wire_step.cited_at.start : wire_step.cited_at.end] == (  # type: ignore[union-attr]
        "Meridian Press"
    )
    wire_text = sources["wire"].text
    assert "according to a report" in wire_text[wire_step.start : wire_step.end]  # type: ignore[index]
    cited = report_step.cited_at
    assert cited is not None and wire_text[cited.start : cited.end] == "Halden Rights Observatory"
    assert "field teams recorded" in sources["report"].text[report_step.start : report_step.end]  # type: ignore[index]
    assert provenance.chain_line(NAMES) == (
        "Article → Meridian Press (names Halden Rights Observatory) → Halden Rights Observatory"
    )
    assert not provenance.loops


def test_the_wording_first_appears_in_the_earliest_dated_source() -> None:
    provenance = traced(CLAIM, {"wire": wire("2026-04-14"), "report": report("13 April 2026")})
    assert provenance.first is not None
    assert (provenance.first.key, provenance.first.reason) == ("report", "earliest dated")
    assert provenance.first_line(NAMES) == (
        "The wording first appears in Halden Rights Observatory (earliest dated)."
    )
    later = traced(CLAIM, {"wire": wire("2026-04-10"), "report": report("2026-04-13")})
    assert later.first is not None and later.first.key == "wire"


def test_without_dates_the_wording_is_the_one_the_others_cite() -> None:
    provenance = traced(CLAIM, {"wire": wire(""), "report": report("")})
    assert provenance.first is not None
    assert (provenance.first.key, provenance.first.reason) == ("report", "cited by the others")


def test_a_cycle_stops_the_chain() -> None:
    citing_back = report(closing="Meridian Press first reported the figure on Monday.")
    # The report's passage sentence is followed by one naming the wire: the chain does not
    # go round again.
    sources = {"wire": wire(), "report": citing_back}
    provenance = traced(CLAIM, sources)
    assert [step.key for step in provenance.steps] == ["article", "wire", "report"]
    looping = document(
        "Situation report on the Tarsel valley",
        REPORT_PASSAGE.rstrip(".") + ", according to Meridian Press.",
        publisher="Halden Rights Observatory",
    )
    provenance = traced(CLAIM, {"wire": wire(), "report": looping})
    assert [step.key for step in provenance.steps] == ["article", "wire", "report"]
    assert provenance.loops


def test_a_link_to_another_attached_source_is_a_step_too() -> None:
    anchor = "a report"
    passage = (
        "At least 4,200 families were forced from their homes across the valley, according to "
        "a report published on Monday."
    )
    plain = wire(passage=passage)
    start = plain.text.index(anchor)
    linked = Document(
        plain.text,
        plain.blocks,
        plain.metadata,
        links=(Hyperlink(start, start + len(anchor), "https://halden.example/reports/tarsel"),),
    )
    the_report = report().with_metadata(address="https://Halden.example/reports/tarsel/#summary")
    provenance = traced(CLAIM, {"wire": linked, "report": the_report})
    assert [step.key for step in provenance.steps] == ["article", "wire", "report"]
    step = provenance.steps[2]
    assert step.by_link and step.via == "https://halden.example/reports/tarsel"
    assert step.cited_at == Span(start, start + len(anchor))
    assert provenance.chain_line(NAMES) == (
        "Article → Meridian Press (links to Halden Rights Observatory) → Halden Rights Observatory"
    )
    # Without the link, nothing in the wire's passage names the report.
    assert [s.key for s in traced(CLAIM, {"wire": plain, "report": the_report}).steps] == [
        "article",
        "wire",
    ]


def test_a_claim_in_the_reports_words_credited_to_the_wire() -> None:
    sources = {"wire": wire(), "report": report()}
    alignment = Matcher(sources).align(COPIED)
    assert alignment.cited == ("wire",)
    assert alignment.wording_of == "report"
    provenance = traced(COPIED, sources)
    assert [step.key for step in provenance.steps] == ["article", "wire", "report"]
    assert provenance.first is not None
    assert (provenance.first.key, provenance.first.reason) == (
        "report",
        "the only one in its words",
    )
    assert credit_sentence(["Meridian Press"], "Halden Rights Observatory") == (
        "Credited to Meridian Press; the wording is Halden Rights Observatory’s."
    )


def test_a_claim_that_names_no_source_has_no_chain() -> None:
    claim = "Officials said relief convoys would arrive within the week."
    provenance = traced(claim, {"wire": wire(), "report": report()}, article())
    assert provenance == Provenance((provenance.steps[0],))
    assert provenance.chain_line(NAMES) == "" and provenance.chain_json() == []


def test_the_articles_own_link_starts_the_chain() -> None:
    claim = "At least 4,200 families were forced from their homes in the Tarsel valley."
    plain = article(claim)
    start = plain.text.index("forced from their homes")
    linked = Document(
        plain.text,
        plain.blocks,
        plain.metadata,
        links=(Hyperlink(start, start + 23, "https://meridian.example/tarsel-floods"),),
    )
    the_wire = wire().with_metadata(address="https://meridian.example/tarsel-floods")
    provenance = traced(claim, {"wire": the_wire, "report": report()}, linked)
    assert [step.key for step in provenance.steps] == ["article", "wire", "report"]
    assert provenance.steps[1].by_link
    assert provenance.steps[1].cited_at == Span(start, start + 23)
