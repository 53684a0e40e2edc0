"""Cues of a claim: the names it attributes to, its numbers, quotations, hedges and verb."""

from __future__ import annotations

import pytest

from sidebyside.core.cues import (
    NameContext,
    describe,
    find_generic_references,
    find_names,
)


def names(text: str, context: NameContext | None = None) -> list[tuple[str, str]]:
    return [(name.canonical, name.kind) for name in find_names(text, context)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Prime Minister Aleksy Brandt visited Molde.",
            [("Aleksy Brandt", "person"), ("Molde", "name")],
        ),
        (
            "As Minister of Foreign Affairs Ilyas Demirov stated at the briefing, it is so.",
            [("Ilyas Demirov", "person")],
        ),
        (
            "The Ministry of Foreign Affairs of the Republic of Estavia rejects it.",
            [("Ministry of Foreign Affairs of the Republic of Estavia", "organisation")],
        ),
        (
            "According to the data of the Prosecutor General's Office, three died.",
            [("Prosecutor General's Office", "organisation")],
        ),
        ("Mali's authorities agreed with HRW's findings.", [
            ("Mali", "name"), ("HRW", "organisation"),
        ]),
        ("Residents in Osk said the sirens did not sound.", [("Osk", "name")]),
        ("The Estavian side rejects it.", []),
        ("Fish catches reported by the Lower Selu Fishers' Cooperative fell.", [
            ("Lower Selu Fishers' Cooperative", "organisation"),
        ]),
        ("Gen. J. R. Okoro met the U.S. Army on Jan. 5.", [
            ("J. R. Okoro", "person"), ("U.S. Army", "organisation"),
        ]),
    ],
)  # fmt: skip
def test_names_without_titles_or_sentence_openers(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert names(text) == expected


def test_context_spells_out_acronyms_and_surnames() -> None:
    article = (
        "The Sahel Watch Group (SWG) published a report. Interior Ministry spokesman Piet "
        "Dorland told reporters that 146 bodies had been found. Dorland said more would come."
    )
    context = NameContext.from_text(article)
    assert context.acronyms == {"SWG": "Sahel Watch Group"}
    assert context.canonical("Dorland") == "Piet Dorland"
    assert context.canonical("SWG's") == "Sahel Watch Group"


@pytest.mark.parametrize(
    ("text", "sources", "verb"),
    [
        (
            "Norwire further reported that the contract could be worth $10.8 million a month.",
            ("Norwire",),
            "reported",
        ),
        (
            "According to several reports, especially from Associated Press, AFP, Reuters and "
            "DW as well as BBC, the army signed an agreement.",
            ("Associated Press", "AFP", "Reuters", "DW", "BBC"),
            "according to",
        ),
        (
            '"We heard the water first," said Eryk Maas, a 54-year-old farmer.',
            ("Eryk Maas",),
            "said",
        ),
        (
            "The Vardenian Red Cross, which has volunteers in most districts, said on Friday "
            "that it had counted 300 dead.",
            ("Vardenian Red Cross",),
            "said",
        ),
        (
            "Moscow blocked the request for an inquiry, diplomatic sources said.",
            ("diplomatic sources",),
            "said",
        ),
        ('"This is a massacre," the SWG report said.', ("SWG",), "said"),
        (
            "A survey by the charity Reading Futures found that 42 per cent have no books.",
            ("Reading Futures",),
            "found",
        ),
        (
            "The Environmental Protection Agency has not inspected the site, according to the "
            "agency's own published records.",
            ("the agency's own published records",),
            "according to",
        ),
        ("Defenders of the plan will say that numbers matter less.", (), ""),
    ],
)
def test_attributions(text: str, sources: tuple[str, ...], verb: str) -> None:
    cues = describe(text)
    assert cues.sources == sources
    assert cues.verb == verb


def test_named_and_generic_sources_are_told_apart() -> None:
    cues = describe("Human Rights Watch (HRW) noted that the report was the worst, officials said.")
    assert cues.named == ("Human Rights Watch",)
    assert cues.generic == ("officials",)


def test_a_news_agency_is_a_source_wherever_it_is_named() -> None:
    cues = describe("Witnesses identified the soldiers to Reuters' reporters in the town.")
    assert "Reuters" in cues.named


def test_the_documents_own_names_are_never_sources() -> None:
    text = "Halvik told Norland Wire by telephone that the count started late."
    context = NameContext.from_text(text, own=["Norland Wire"])
    assert describe(text, context).named == ("Halvik",)


def test_numbers_quotes_and_hedges() -> None:
    text = (
        'The group said the "worst single atrocity" killed about 300 people and that the '
        "contract, allegedly worth $10.8 million a month, was signed in 2019."
    )
    cues = describe(text)
    assert cues.numbers == ("about 300", "$10.8 million a month")
    assert cues.quotes == ("worst single atrocity",)
    assert "allegedly" in cues.hedges and "about" in cues.hedges


def test_scare_quotes_are_not_quotations() -> None:
    assert describe('Moscow hailed an "important victory" against "terrorism".').quotes == ()


def test_marks_point_at_the_cues() -> None:
    text = "Norwire reported that 146 bodies had been recovered, allegedly."
    cues = describe(text)
    found = {(mark.kind, text[mark.start : mark.end]) for mark in cues.marks}
    assert {("source", "Norwire"), ("verb", "reported"), ("number", "146")} <= found
    assert ("hedge", "allegedly") in found


def test_generic_references() -> None:
    text = "Health officials and the agency's own published records, Interior Ministry spokesman."
    assert [span.of(text) for span in find_generic_references(text)] == [
        "Health officials",
        "the agency's own published records",
        "spokesman",
    ]


def test_cues_round_trip_to_json_shape() -> None:
    data = describe("Norwire reported that about 300 people died.").to_json()
    assert set(data) == {"sources", "numbers", "quotes", "hedges", "verb", "refers_to"}
    assert data["sources"] == ["Norwire"]


def test_a_region_before_a_noun_is_not_a_source_name() -> None:
    cues = describe(
        "The contingent has grown to 1,100, according to two Western diplomats in Bomasi."
    )
    assert "Western" not in cues.named
