"""Quantities as a reader writes them: digits, words, money, percentages, years, dates."""

from __future__ import annotations

import math

import pytest

from sidebyside.core.numbers import (
    Quantity,
    approximation_class,
    dates_agree,
    find_quantities,
    parse_written_number,
    quantities_agree,
)


def only(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


def test_money_with_scale_approximation_and_rate() -> None:
    text = "The group earns an estimated $10.8 million a month from the mines."
    quantity = only(text)
    assert quantity.value == pytest.approx(10_800_000)
    assert quantity.kind == "money"
    assert quantity.unit == "USD"
    assert quantity.approximation == "an estimated"
    assert quantity.rate == "month"
    assert quantity.text == "an estimated $10.8 million a month"
    assert quantity.figure.of(text) == "$10.8 million"
    assert quantity.span.of(text) == quantity.text


def test_thousands_separator_and_counted_noun() -> None:
    quantity = only("About 1,200 Russian instructors arrived.")
    assert quantity.value == 1200
    assert quantity.unit == "instructors"
    assert quantity.approximation == "about"


def test_plain_count_with_unit() -> None:
    quantity = only("It sent 175 instructors.")
    assert (quantity.value, quantity.unit, quantity.approximation) == (175, "instructors", "")


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("three hundred", 300),
        ("three hundred and fifty", 350),
        ("twenty-one", 21),
        ("a dozen", 12),
        ("two million", 2_000_000),
        ("one hundred thousand", 100_000),
    ],
)
def test_written_out_numbers(words: str, value: int) -> None:
    assert parse_written_number(words) == value
    assert only(f"They counted {words} people.").value == value


def test_bare_one_is_a_pronoun_not_a_quantity() -> None:
    assert find_quantities("No one knows; one of them left.") == []


def test_vague_amounts_carry_their_own_approximation() -> None:
    quantity = only("Thousands of residents fled.")
    assert quantity.approximation == "thousands"
    assert quantity.unit == "residents"
    assert approximation_class(quantity.approximation) == "vague"
    tens = only("Tens of thousands were displaced.")
    assert tens.value == 20_000
    assert tens.approximation == "tens of thousands"


def test_percentages_and_points() -> None:
    found = find_quantities("Unemployment rose to 12.5%, or 3 percentage points; 40 per cent.")
    assert [(q.value, q.unit, q.kind) for q in found] == [
        (12.5, "%", "percent"),
        (3, "percentage points", "percent"),
        (40, "%", "percent"),
    ]


def test_years_and_dates_are_told_apart_from_counts() -> None:
    text = "In 2019 there were 2000 people; on March 3, 2021 and 5 May 2022, in the 1990s."
    kinds = [(q.text, q.kind) for q in find_quantities(text)]
    assert kinds == [
        ("2019", "year"),
        ("2000", "number"),
        ("March 3, 2021", "date"),
        ("5 May 2022", "date"),
        ("1990s", "year"),
    ]
    assert find_quantities("on 2021-04-05")[0].value == 20210405


def test_digits_inside_names_are_not_quantities() -> None:
    assert find_quantities("COVID-19 hit the G7 in the 19th week.") == []


def test_bounds_and_approximation_suffixes() -> None:
    more = only("more than 40 were killed")
    assert more.bounds == (40, math.inf)
    up_to = only("up to 2,000 people")
    assert up_to.bounds == (0, 2000)
    assert only("20 or more cases").approximation == "or more"
    assert approximation_class(only("300+ cases").approximation) == "at least"
    low, high = only("about 300 people").bounds
    assert low < 300 < high


def test_fractions_and_currency_words() -> None:
    text = "Half of the instructors and two-thirds of residents got half a million euros."
    found = find_quantities(text)
    assert [(q.kind, q.value) for q in found] == [
        ("fraction", 0.5),
        ("fraction", pytest.approx(2 / 3)),
        ("money", 500_000),
    ]
    assert found[0].unit == "instructors"
    assert found[2].unit == "EUR"


def test_metres_are_not_millions() -> None:
    assert [q.value for q in find_quantities("a 10m wall cost $5bn")] == [5_000_000_000]


def test_several_hundred_is_as_vague_as_hundreds() -> None:
    several = only("Several hundred porters walked out.")
    assert several.approximation == "several"
    assert approximation_class(several.approximation) == "vague"
    assert several.value == only("Hundreds of porters walked out.").value == 200
    assert only("A few thousand porters walked out.").value == 2000


def test_vague_amounts_agree_with_each_other_and_with_a_round_figure() -> None:
    hundreds = only("hundreds of porters")
    assert quantities_agree(hundreds, only("several hundred porters"))
    assert quantities_agree(only("several hundred porters"), hundreds)
    assert quantities_agree(only("a hundred porters"), hundreds)
    assert quantities_agree(hundreds, only("a hundred porters"))
    assert not quantities_agree(only("dozens of porters"), hundreds)
    assert not quantities_agree(only("thousands of porters"), hundreds)
    assert not quantities_agree(only("300 porters"), only("several hundred porters"))


def test_year_ranges_years_before_their_noun_and_halves() -> None:
    kinds = [(q.text, q.kind, q.value) for q in find_quantities("in the 2018–19 season")]
    assert kinds == [("2018", "year", 2018.0), ("19", "year", 2019.0)]
    assert [q.kind for q in find_quantities("the 2017 film and her 2019 Osk tour")] == [
        "year",
        "year",
    ]
    assert [q.kind for q in find_quantities("In 2019 there were 2000 people.")] == [
        "year",
        "number",
    ]
    [stint] = find_quantities("a three-and-a-half-year stint")
    assert (stint.value, stint.unit) == (3.5, "year")
    assert find_quantities("open 24/7, news at 10:30, see osk.example/p/68852125") == []


def test_a_date_without_its_year_agrees_with_any_year() -> None:
    [full] = find_quantities("on November 2, 2004")
    [bare] = find_quantities("on November 2")
    [other] = find_quantities("on November 3")
    assert quantities_agree(full, bare) and quantities_agree(bare, full)
    assert not quantities_agree(full, other)


def test_a_year_falls_in_its_decade() -> None:
    [decade] = find_quantities("through the 1960s")
    [inside] = find_quantities("in 1962")
    [outside] = find_quantities("in 1972")
    assert dates_agree(decade, inside) and dates_agree(inside, decade)
    assert not dates_agree(decade, outside)


def test_a_time_of_day_is_no_count() -> None:
    for written in ("at 9 a.m. on Monday", "by 9am", "at 9 pm sharp", "at 9 o'clock"):
        assert find_quantities(written) == [], written
    assert [q.value for q in find_quantities("9 ambulances and 9 amputees")] == [9.0, 9.0]


def test_a_clock_time_is_not_compared_with_a_count() -> None:
    from sidebyside.core.differences import find_differences

    claim = "The blast happened at 9 a.m. near the central station."
    passage = "Three buildings collapsed near the central station."
    assert [d for d in find_differences(claim, passage) if d.kind == "number"] == []
