"""Quotations: spans inside the marks, whatever marks the text uses."""

from __future__ import annotations

from sidebyside.core.quotes import find_quotations, quotation_at


def quoted(text: str) -> list[str]:
    return [span.of(text) for span in find_quotations(text)]


def test_straight_and_curly_double_quotes() -> None:
    assert quoted('He said "we will stay" and “leave later,” then left.') == [
        "we will stay",
        "leave later,",
    ]


def test_single_quotes_are_not_apostrophes() -> None:
    text = "The instructors' pay was ‘not enough’ and didn’t change; 'truly' so."
    assert quoted(text) == ["not enough", "truly"]


def test_nested_quote_belongs_to_the_outer_one() -> None:
    assert quoted("“He called it a ‘disaster’ for us,” she said.") == [
        "He called it a ‘disaster’ for us,"
    ]


def test_quote_left_open_at_paragraph_end_continues() -> None:
    text = "“This goes on\n\n“and ends here,” she said."
    assert quoted(text) == ["This goes on", "and ends here,"]


def test_inch_marks_and_other_conventions() -> None:
    assert quoted('He is 5\'10" tall and "ok".') == ["ok"]
    assert quoted("„Wir schaffen das“, sagte sie. «Oui» dit-il.") == ["Wir schaffen das", "Oui"]


def test_quotation_at() -> None:
    text = 'a "b c" d'
    span = quotation_at(text, 4)
    assert span is not None and span.of(text) == "b c"
    assert quotation_at(text, 0) is None


def test_closest_wording_survives_letters_that_lowercase_longer() -> None:
    from sidebyside.core.quotes import closest_wording

    passage = "İstanbul officials said the İzmir port would close."
    span = closest_wording("the Izmir port would close", passage)
    assert span is not None
    assert passage[span.start : span.end].endswith("close")


def test_closest_wording_finds_the_statement_said_in_another_order() -> None:
    from sidebyside.core.quotes import closest_wording

    passage = "Officials met on Friday. Dockers at Lumbe have not been paid since the cranes broke."
    span = closest_wording("Lumbe cranes broken; dockers unpaid", passage)
    assert span is not None
    assert span.of(passage) == "Dockers at Lumbe have not been paid since the cranes broke"


def test_titles_read_as_names_and_speech_as_quotations() -> None:
    from sidebyside.core.quotes import reads_as_title

    for title in (
        "Osklight",
        "Varn and others v. Harbour Board of Lumbe",
        "Lights of Lumbe",
        "The 50 finest harbours of all time",
        "Osk-FM",
        "The Lumbe Gazette: Part 2",
    ):
        assert reads_as_title(title), title
    for said in (
        "I heard about it from the harbour master",
        "has no sailors in Osk, only pilots",
        "he hasn't paid a thing",
        "Lumbe cranes broken; dockers unpaid",
        "the building, mooring and repairing of boats at the Osk yard",
    ):
        assert not reads_as_title(said), said


def test_elided_parts() -> None:
    from sidebyside.core.quotes import elided_parts

    assert elided_parts("slow, shabby, and [...] charming") == ["slow, shabby, and", "charming"]
    assert elided_parts("slow … charming") == ["slow", "charming"]
    assert elided_parts("slow and charming") == ["slow and charming"]
