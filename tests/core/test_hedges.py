"""Hedges: found with their place, grouped by the caution they express."""

from __future__ import annotations

from sidebyside.core.hedges import find_hedges, hedge_family


def phrases(text: str) -> list[str]:
    return [phrase for _, phrase in find_hedges(text)]


def test_allegation_report_and_attribution() -> None:
    text = "The militia allegedly killed 40 people, reportedly at night, according to Reuters."
    found = find_hedges(text)
    assert [phrase for _, phrase in found] == ["allegedly", "reportedly", "according to"]
    assert [span.of(text) for span, _ in found] == ["allegedly", "reportedly", "according to"]


def test_approximations_count_only_before_a_figure() -> None:
    assert phrases("A story about cats.") == []
    assert phrases("about 300 people") == ["about"]
    assert phrases("an estimated 300 people") == ["an estimated"]
    assert phrases("at least 40 dead") == ["at least"]


def test_modals_but_not_the_month_or_plain_could_not() -> None:
    assert phrases("The toll may have been higher.") == ["may have"]
    assert phrases("It happened in May 2021.") == []
    assert phrases("He could not attend.") == []
    assert phrases("It could be worse.") == ["could be"]


def test_unverified_wording() -> None:
    assert phrases("The claim could not be independently verified.") == [
        "could not be independently verified"
    ]


def test_families_group_wordings_of_the_same_caution() -> None:
    assert hedge_family("alleged") == hedge_family("allegedly") == "allegation"
    assert hedge_family("is said to") == hedge_family("reportedly") == "report"
    assert hedge_family("more than") == "bound"
    assert hedge_family("about") == "estimate"
    assert hedge_family("thousands") == "estimate"
    assert hedge_family("banana") == ""


def test_so_called_puts_a_name_in_scare_quotes_and_hedges_nothing() -> None:
    assert phrases("The so-called Lumbe Dockers' Front took the harbour.") == []
    assert hedge_family("so-called") == ""
