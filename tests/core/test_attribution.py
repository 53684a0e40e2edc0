"""Attribution phrases: who says it, as opposed to what is said."""

from __future__ import annotations

import pytest

from sidebyside.core.words.attribution import attribution_spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Riverside Tribune reported that the council will vote.",
            ["The Riverside Tribune reported that"],
        ),
        (
            "According to several reports, the instructors arrived.",
            ["According to several reports"],
        ),
        (
            "The ministry's statement insists that Valdoria has no soldiers.",
            ["The ministry's statement insists that"],
        ),
        (
            "The Sahel Rights Observatory (SRO) noted that 240 died.",
            ["The Sahel Rights Observatory (SRO) noted that"],
        ),
        ("In the same statement, Vesgrad dismissed the findings.", ["In the same statement"]),
        (
            "Kalundi pays $9.6 million a month, citing three people familiar with it.",
            ["citing three people familiar with it"],
        ),
        ("The contingent grew to 1,100, three diplomats said.", ["three diplomats said"]),
    ],
)
def test_attribution_phrases_are_found(text: str, expected: list[str]) -> None:
    assert [span.of(text) for span in attribution_spans(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Vesgrad initially sent 180 instructors to train the army.",
        "Troops gathered the men and said nothing.",
        "The council will vote on the budget next week.",
    ],
)
def test_plain_statements_have_no_attribution(text: str) -> None:
    assert attribution_spans(text) == []
