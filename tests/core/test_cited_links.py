"""Links are citations: the addresses a claim's sentence, the sentence it refers back to, or
a "read the report" line under its paragraph link."""

from __future__ import annotations

from dataclasses import replace

from sidebyside.core.citations import SourceNames, cite_sources, claim_links
from sidebyside.core.claims import suggest_claims
from sidebyside.core.document import Document, DocumentBuilder, Hyperlink


def _linked(paragraphs: list[str], anchors: list[tuple[str, str]]) -> Document:
    builder = DocumentBuilder()
    for paragraph in paragraphs:
        builder.add(paragraph)
    document = builder.build()
    links = []
    for anchor, address in anchors:
        start = document.text.index(anchor)
        links.append(Hyperlink(start, start + len(anchor), address))
    return replace(document, links=tuple(sorted(links, key=lambda link: link.start)))


def _links_by_claim(document: Document) -> dict[str, tuple[str, ...]]:
    claims = suggest_claims(document)
    found = claim_links(document, [c.span for c in claims], [c.cues for c in claims])
    return {
        " ".join(claim.text.split()[:4]): links for claim, links in zip(claims, found, strict=True)
    }


REPORT = "https://hrw.example/reports/dovrak"


def test_the_report_said_cites_the_link_of_the_sentence_before() -> None:
    document = _linked(
        [
            "Human Rights Watch published a report on Monday about the water cuts in Dovrak. "
            "The report said 340 households had gone without running water for three weeks."
        ],
        [("a report", REPORT)],
    )

    assert _links_by_claim(document) == {
        "Human Rights Watch published": (REPORT,),
        "The report said 340": (REPORT,),
    }


def test_a_read_the_report_line_under_the_paragraph_counts_for_its_claims() -> None:
    statement = "https://board.example/statement.pdf"
    document = _linked(
        [
            "The Dovrak Water Board said that 80 per cent of the pipes were over forty years "
            "old and that 12 of them had burst since January.",
            "Read the full statement",
            "Officials in the capital said 40 new wells would be dug by the end of the year.",
        ],
        [("Read the full statement", statement)],
    )

    links = _links_by_claim(document)

    assert links["The Dovrak Water Board"] == (statement,)
    assert links["Officials in the capital"] == ()  # the next paragraph: not its line


def test_a_missing_name_lists_the_addresses_linked_for_it_and_which_claims_use_each() -> None:
    document = _linked(
        [
            "Human Rights Watch published a report on Monday about the water cuts in Dovrak. "
            "The report said 340 households had gone without running water for three weeks.",
            "The Meridian Wire reported that the ministry had promised repairs by 12 May.",
        ],
        [("a report", REPORT), ("reported", "https://wire.example/story")],
    )
    claims = suggest_claims(document)
    links = claim_links(document, [c.span for c in claims], [c.cues for c in claims])

    report = cite_sources(claims, [], links)

    missing = {source.name: source for source in report.missing}
    hrw = missing["Human Rights Watch"].addresses
    assert [(linked.address, linked.claims) for linked in hrw] == [(REPORT, (0, 1))]
    assert [a.address for a in missing["Meridian Wire"].addresses] == ["https://wire.example/story"]


def test_a_source_kept_from_a_linked_address_is_cited_and_no_longer_missing() -> None:
    document = _linked(
        ["Human Rights Watch said in a report that 340 households had no running water."],
        [("a report", REPORT + "#summary")],
    )
    claims = suggest_claims(document)
    links = claim_links(document, [c.span for c in claims], [c.cues for c in claims])
    fetched = SourceNames("7", names=("hrw.example",), addresses=(REPORT + "/",))

    report = cite_sources(claims, [fetched], links)

    assert report.citations[0].cited == ("7",)
    assert report.missing == ()
    assert [linked.attached for linked in report.linked] == [True]


def test_of_two_names_in_a_claim_the_link_goes_to_the_one_its_words_are() -> None:
    wire = "https://wire.example/dovrak-cuts"
    document = _linked(
        [
            "Human Rights Watch found that 340 households had gone without running water "
            "for three weeks, the Meridian Wire reported."
        ],
        [("the Meridian Wire reported", wire)],
    )
    claims = suggest_claims(document)
    links = claim_links(document, [c.span for c in claims], [c.cues for c in claims])
    names = set(claims[0].cues.named)
    assert {"Meridian Wire", "Human Rights Watch"} <= {n.removeprefix("the ") for n in names}

    report = cite_sources(claims, [], links)

    missing = {source.name.removeprefix("the "): source for source in report.missing}
    assert [a.address for a in missing["Meridian Wire"].addresses] == [wire]
    assert missing["Human Rights Watch"].addresses == ()  # it names the group, links the wire
