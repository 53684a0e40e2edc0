"""Which attached source a claim cites, and which cited sources are missing."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from sidebyside.core.citations import (
    SourceNames,
    acronym_of,
    cite_sources,
    names_match,
    strip_possessive,
)
from sidebyside.core.claims import suggest_claims
from sidebyside.core.cues import Cues, describe
from sidebyside.core.document import DocumentBuilder, Metadata


@dataclass(frozen=True)
class Marked:
    """A claim as the reader marked it: text and cues, nothing else."""

    text: str
    cues: Cues


def marked(text: str) -> Marked:
    return Marked(text, describe(text))


HRW = SourceNames("hrw-mali.html", ("Human Rights Watch", "HRW"), "Mali: Massacre in Moura")
WIRE = SourceNames("wire.html", ("Meridian Press",), "Instructors' footprint grows")
STATEMENT = SourceNames("ministry-statement.txt", (), "ministry-statement")


@pytest.mark.parametrize(
    ("name", "acronym"),
    [
        ("Human Rights Watch", "HRW"),
        ("Agence France-Presse", "AFP"),
        ("Ministry of Foreign Affairs", "MFA"),
        ("Reuters", ""),
    ],
)
def test_acronym_of(name: str, acronym: str) -> None:
    assert acronym_of(name) == acronym


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Human Rights Watch", "HRW"),
        ("HRW's", "Human Rights Watch"),
        ("Reuters'", "reuters"),
        ("The Northern Courier", "Northern Courier"),
        ("Meridian", "Meridian Press"),
        ("Ministry of Foreign Affairs", "Ministry of Foreign Affairs of the Valdorian Federation"),
    ],
)
def test_names_that_match(a: str, b: str) -> None:
    assert names_match(a, b) and names_match(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Human Rights Watch", "Amnesty International"),
        ("Ministry", "Ministry of Mines"),
        ("AP", "Reuters"),
        ("Press", "Meridian Press"),
    ],
)
def test_names_that_do_not_match(a: str, b: str) -> None:
    assert not names_match(a, b)


def test_strip_possessive() -> None:
    assert [strip_possessive(n) for n in ("HRW's", "Reuters'", "Ross")] == [
        "HRW",
        "Reuters",
        "Ross",
    ]


def test_a_claim_cites_the_source_it_names() -> None:
    report = cite_sources([marked("HRW's report said soldiers killed 300 civilians.")], [HRW, WIRE])
    (citation,) = report.citations
    assert citation.cited == ("hrw-mali.html",)
    assert citation.by == ("HRW",)
    assert not citation.names_none
    assert report.missing == ()


def test_a_claim_naming_no_source_may_lean_on_any() -> None:
    report = cite_sources([marked("About 300 people were killed in Moura.")], [HRW, WIRE])
    (citation,) = report.citations
    assert citation.names_none
    assert citation.cited == ("hrw-mali.html", "wire.html")


def test_a_generic_reference_cites_a_source_it_describes() -> None:
    claim = marked("The ministry's statement insists that there are no soldiers in Kalundi.")
    report = cite_sources([claim], [HRW, WIRE, STATEMENT])
    assert report.citations[0].cited == ("ministry-statement.txt",)


def test_missing_sources_are_counted_by_claim_with_their_variants() -> None:
    claims = [
        marked("Reuters reported that the contract could be worth $10.8 million a month."),
        marked("Reuters' sources said the deal was signed in 2021."),
        marked("Agence France-Presse said 12 people died, AFP reported later."),
        marked("Human Rights Watch (HRW) noted that 300 civilians were killed."),
    ]
    report = cite_sources(claims, [HRW])
    assert [(m.name, m.count) for m in report.missing] == [
        ("Reuters", 2),
        ("Agence France-Presse", 1),
    ]
    assert report.missing[1].variants == ("Agence France-Presse", "AFP")
    assert report.missing[0].describe() == "Reuters — cited by 2 claims"
    assert report.citations[1].cited == ()  # names a source, none attached for it


def test_suggested_claims_cite_through_what_they_refer_back_to() -> None:
    builder = DocumentBuilder()
    builder.add("Human Rights Watch (HRW) noted that soldiers killed 300 civilians in Moura.")
    builder.add("According to the report, the massacre took place over four days.")
    document = builder.build(Metadata(title="Mali"))
    report = cite_sources(suggest_claims(document), [HRW, WIRE])
    assert [citation.cited for citation in report.citations] == [
        ("hrw-mali.html",),
        ("hrw-mali.html",),
    ]


def test_a_quoted_title_cites_its_source() -> None:
    source = SourceNames("siegle.html", (), "Russia's Wagner Play Undermines the Transition")
    claim = marked(
        "Two researchers wrote an article headlined “Russia’s Wagner Play Undermines the "
        "Transition” in which they warned of abuses."
    )
    other = SourceNames("other.html", ("Meridian Press",), "Something else entirely")
    (citation,) = cite_sources([claim], [source, other]).citations
    assert citation.cited == ("siegle.html",)
    assert citation.by == (source.title,)


def test_the_report_cites_the_source_called_so_not_every_report() -> None:
    rights = SourceNames("rights.md", ("Sahel Rights Observatory", "the report"), "Killings")
    ministry = SourceNames("ministry.txt", (), "Statement concerning a report on events")
    claim = marked("The report documented similar abuses in at least 11 other villages.")
    [citation] = cite_sources([claim], [rights, ministry]).citations
    assert citation.cited == ("rights.md",)
    # with no source called "the report", one whose title holds the words is cited
    [alone] = cite_sources([claim], [ministry]).citations
    assert alone.cited == ("ministry.txt",)
