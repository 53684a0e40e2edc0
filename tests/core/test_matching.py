"""The matcher on small realistic reading lists: right passage first, reasons, differences,
and an honest empty answer when no source says it."""

from __future__ import annotations

import pickle

import pytest

from sidebyside.core.document import BlockKind, Document, DocumentBuilder, Metadata
from sidebyside.core.matching import Match, Matcher, SourceIndex, build_index


def document(*paragraphs: str, publisher: str = "", aliases: tuple[str, ...] = ()) -> Document:
    builder = DocumentBuilder()
    for paragraph in paragraphs:
        if paragraph.startswith("# "):
            builder.add(paragraph[2:], BlockKind.HEADING)
        else:
            builder.add(paragraph)
    return builder.build(Metadata(publisher=publisher, aliases=aliases))


AUDIT = document(
    "# Review of the channel deepening contract",
    "The audit office reviewed the contract awarded in March 2022 to Brannock Marine Works "
    "for deepening the main shipping channel of Port Veltmar. The contract was signed for 48.5 "
    "million crowns, but payments to the contractor had reached 71.2 million crowns by the end "
    "of September 2024.",
    "Over the following two years the port authority approved 17 variation orders, which "
    "together added 22.7 million crowns to the contract. Nine of these orders were approved by "
    "the harbour master alone, although the port's own rules require the board to approve any "
    "change above 500,000 crowns.",
    "The audit office considers that this silt was probably known to the port authority before "
    "the tender, since it is described in an environmental study commissioned in 2019.",
    publisher="Calder Coast Audit Office",
    aliases=("the audit office", "the auditors"),
)
COURIER = document(
    "Mayor Ilse Vantongeren, who chairs the port board, said she had not been told about most "
    'of the changes. "I learned about several of these variation orders from the auditors, not '
    'from the harbour master," she told the Courier.',
    "The company's chief executive, Maren Holloway, said the deeper channel would allow vessels "
    "of up to 9,000 containers to call at the port.",
    publisher="The Veltmar Courier",
    aliases=("the Courier",),
)
HARROW = document(
    "The harbour board at Harrow Bay approved 11 variation orders during the work, most of them "
    "to deal with rock that the original survey had missed.",
    "The board's chair said that every variation had been approved at a full board meeting.",
    publisher="Harrow Bay Gazette",
)
SOURCES = {"audit.md": AUDIT, "courier.txt": COURIER, "harrow.txt": HARROW}


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(SOURCES)


def best(matcher: Matcher, claim: str) -> Match:
    matches = matcher.match(claim)
    assert matches, f"no match for {claim!r}"
    return matches[0]


def test_paraphrase_finds_its_passage_first(matcher: Matcher) -> None:
    match = best(
        matcher,
        "It was in March 2022 that Brannock Marine Works landed the job of dredging "
        "Port Veltmar's main channel.",
    )
    assert match.source == "audit.md"
    assert match.text.startswith("The audit office reviewed the contract awarded in March 2022")
    assert AUDIT.text[match.start : match.end] == match.text
    assert any(reason.startswith("shares ") for reason in match.reasons)


def test_changed_number_still_matches_and_says_what_changed(matcher: Matcher) -> None:
    claim = "The chief executive said the deeper channel would let ships of 12,000 containers call."
    match = best(matcher, claim)
    assert match.source == "courier.txt"
    numbers = [d for d in match.differences if d.kind == "number"]
    assert [d.explanation for d in numbers] == [
        "The article says 12,000; the source says up to 9,000."
    ]
    assert numbers[0].source is not None
    assert numbers[0].source.of(match.text) == "up to 9,000"


def test_merged_claim_matches_both_sentences(matcher: Matcher) -> None:
    claim = (
        "The port authority approved 17 variation orders worth 22.7 million crowns, nine of them "
        "signed off by the harbour master alone in breach of the board's rules."
    )
    match = best(matcher, claim)
    assert match.source == "audit.md"
    assert "17 variation orders" in match.text and "harbour master alone" in match.text


def test_dropped_hedge_is_reported(matcher: Matcher) -> None:
    match = best(
        matcher, "The port authority knew about the silt before the tender, as a 2019 study shows."
    )
    assert match.source == "audit.md"
    assert any(d.kind == "hedge" and "probably" in d.explanation for d in match.differences)


def test_same_topic_distractor_is_told_apart(matcher: Matcher) -> None:
    match = best(matcher, "Most variation orders dealt with rock the original survey had missed.")
    assert match.source == "harrow.txt"


def test_quotation_found_verbatim_is_a_reason(matcher: Matcher) -> None:
    claim = (
        'The mayor said: "I learned about several of these variation orders from the auditors, '
        'not from the harbour master."'
    )
    match = best(matcher, claim)
    assert match.source == "courier.txt"
    assert "quoted words found verbatim" in match.reasons


def test_cited_source_is_a_reason(matcher: Matcher) -> None:
    match = best(matcher, "The Courier reported that Maren Holloway expects bigger ships to call.")
    assert match.source == "courier.txt"
    assert "names the source: The Courier" in match.reasons or any(
        reason.startswith("names the source") for reason in match.reasons
    )


def test_absent_claim_is_unmatched(matcher: Matcher) -> None:
    assert matcher.match("The harbour master has resigned and moved abroad with his family.") == []
    assert matcher.match("Wildlife charities counted 3,000 dead seabirds on the beaches.") == []


def test_claim_of_stopwords_only_is_unmatched(matcher: Matcher) -> None:
    assert matcher.match("It was what it was.") == []
    assert matcher.match("") == []


def test_restricting_sources(matcher: Matcher) -> None:
    claim = "Nine variation orders were approved by the harbour master alone."
    assert best(matcher, claim).source == "audit.md"
    assert all(m.source != "audit.md" for m in matcher.match(claim, sources=["harrow.txt"]))


def test_best_per_source_gives_each_pane_its_candidates(matcher: Matcher) -> None:
    panes = matcher.best_per_source("The harbour board approved variation orders.", candidates=2)
    assert set(panes) <= set(SOURCES)
    assert "harrow.txt" in panes
    for matches in panes.values():
        assert 1 <= len(matches) <= 2
        assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
        assert all(m.score >= matcher.threshold for m in matches)


def test_best_per_source_for_the_panes_shown(matcher: Matcher) -> None:
    claim = "Nine variation orders were approved by the harbour master alone."
    assert set(matcher.best_per_source(claim, sources=["courier.txt", "harrow.txt"])) <= {
        "courier.txt",
        "harrow.txt",
    }
    assert "audit.md" in matcher.best_per_source(claim, sources=["audit.md"])


def test_matches_never_overlap_and_respect_top(matcher: Matcher) -> None:
    matches = matcher.match("variation orders approved by the harbour board", top=5, minimum=0)
    assert len(matches) <= 5
    for first in matches:
        for second in matches:
            if first is not second and first.source == second.source:
                assert first.end <= second.start or second.end <= first.start


def test_deterministic() -> None:
    claim = "The contract was signed for 48.5 million crowns but payments reached 71.2 million."
    assert Matcher(SOURCES).match(claim) == Matcher(dict(reversed(SOURCES.items()))).match(claim)


def test_match_json_places_differences_in_the_source() -> None:
    match = best(Matcher(SOURCES), "The contract was signed for 50 million crowns in 2022.")
    data = match.to_json()
    assert data["source"] == "audit.md"
    for difference in data["differences"]:  # type: ignore[attr-defined]
        if difference["source"] is not None:
            start, end = difference["source"]
            assert match.start <= start < end <= match.end


def test_stored_index_is_used_and_a_stale_one_rebuilt() -> None:
    stored = {
        key: SourceIndex.from_bytes(build_index(doc).to_bytes()) for key, doc in SOURCES.items()
    }
    claim = "Nine variation orders were approved by the harbour master alone."
    assert Matcher(SOURCES, indexes=stored).match(claim) == Matcher(SOURCES).match(claim)
    stale = {"audit.md": build_index(HARROW)}
    assert Matcher(SOURCES, indexes=stale).match(claim)[0].source == "audit.md"


def test_index_is_picklable_and_rejects_damage() -> None:
    index = build_index(AUDIT)
    copy = pickle.loads(pickle.dumps(index))
    assert copy.terms == index.terms and copy.matches(AUDIT)
    with pytest.raises(ValueError):
        SourceIndex.from_bytes(b"not an index")


def test_no_sources() -> None:
    assert Matcher({}).match("anything at all") == []
    assert Matcher({}).best_per_source("anything at all") == {}


def _titled(title: str, *paragraphs: str) -> Document:
    builder = DocumentBuilder()
    for paragraph in paragraphs:
        builder.add(paragraph)
    return builder.build(Metadata(title=title))


STATEMENT = _titled(
    "ministry-statement",
    "The Ministry categorically rejects the insinuations contained in the said document.",
    "The Valdorian Federation has no military contingent on the territory of the Republic of "
    "Kalundi. Valdorian specialists present in the country are instructors engaged in training "
    "programmes at the express invitation of the legitimate Kalundian authorities.",
    "In 2025 Valdoria delivered 12,000 tonnes of wheat to the Republic of Kalundi.",
)
WIRE = document(
    "The first Valdorian instructors landed in Bomasi in June 2023, three months after the "
    "last Corvalian troops left Kalundi.",
    "Residents said the instructors drive pickup trucks that carry no markings.",
    publisher="Meridian Press",
)


def test_quotation_never_printed_finds_the_cited_sources_closest_passage() -> None:
    matcher = Matcher({"statement.txt": STATEMENT, "wire.html": WIRE})
    claim = (
        "The ministry's statement insists that Valdoria \"has no soldiers in Kalundi, only "
        'instructors invited by a sovereign government."'
    )
    found = matcher.match(claim)
    assert found and found[0].source == "statement.txt"
    assert "no military contingent" in found[0].text
    quote = [d for d in found[0].differences if d.kind == "quote"]
    assert quote and "not in the source verbatim" in quote[0].explanation
    assert any("names the source" in reason for reason in found[0].reasons)


def test_invented_quote_finds_what_the_person_did_say() -> None:
    sources = {
        "paper.txt": document(
            "The harbour board met on Tuesday to discuss the dredging contract.",
            'Harbour master Aldo Kettleby defended the work. "Stopping the dredgers would have '
            'cost the port far more than finishing the channel," Kettleby said.',
            "Shipping lines have asked for a deeper berth at the container terminal.",
            publisher="Veltmar Courier",
        ),
    }
    claim = 'Kettleby said: "Halting the dredging would have cost the port more than finishing it."'
    found = Matcher(sources).match(claim)
    assert found and "Stopping the dredgers" in found[0].text
    assert any(d.kind == "quote" for d in found[0].differences)


def test_attribution_of_the_matched_source_is_not_missing_content(matcher: Matcher) -> None:
    claim = (
        "The Veltmar Courier reported that Mayor Ilse Vantongeren, who chairs the port board, "
        "had not been told about most of the changes."
    )
    found = matcher.match(claim)
    assert found and found[0].source == "courier.txt"
    assert all(d.kind != "absent" for d in found[0].differences)
    assert all(d.kind != "hedge" for d in found[0].differences)
    assert all(d.kind != "name" for d in found[0].differences)  # "Halting" is no name


def test_changed_figure_prefers_the_passage_about_the_same_quantity() -> None:
    """The demo's report: 'at least nine other villages in Tanza' is the passage, not the
    insurgents' 'at least 40 civilians in attacks on villages'."""
    from pathlib import Path

    from sidebyside.core.importers import import_file

    sources = Path(__file__).resolve().parents[2] / "resources" / "demo" / "sources"
    matcher = Matcher({"report": import_file(sources / "rights-report.md")})
    claim = (
        "The report also documented similar abuses in at least 11 other villages in Tanza "
        "province since the instructors arrived."
    )
    found = matcher.match(claim)
    assert found and "at least nine other villages" in found[0].text
    assert any("nine" in d.explanation for d in found[0].differences if d.kind == "number")
