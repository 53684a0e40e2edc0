"""A quantity as written, and when two quantities say the same thing.

`Quantity` records a figure with its approximation, unit and kind; `quantities_agree`
decides whether a claim's figure says no more than its source's, allowing for "about",
"more than", vague amounts and dates given at different precision.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from sidebyside.core.spans import Span

__all__ = [
    "APPROXIMATIONS",
    "VAGUE_PREFIXES",
    "Quantity",
    "approximation_class",
    "date_parts",
    "dates_agree",
    "format_value",
    "quantities_agree",
]


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity as written: "about $10.8 million a month", "1,200 instructors", "2019".

    `span` covers the approximation and the figure ("about $10.8 million"); `figure` only
    the figure ("$10.8 million"). `value` is in plain units (10_800_000.0); for vague
    amounts ("thousands", "several thousand") it is the least they plainly mean (two
    thousand), and their `bounds` run from one unit to ten. `unit` is a currency code ("USD"), "%",
    "percentage points", "year", "date" or the counted noun as written, lowercased
    ("instructors"); "" when nothing follows. `kind` is "number", "money", "percent",
    "fraction", "year" or "date". `rate` is "month", "year", ... for "a month", "per year".
    """

    span: Span
    value: float
    unit: str
    approximation: str
    text: str
    kind: str
    figure: Span
    rate: str = ""

    @property
    def is_date(self) -> bool:
        return self.kind in ("year", "date")

    @property
    def approximation_class(self) -> str:
        """`approximation_class` of the approximation; a round amount in words ("a hundred",
        "a thousand") is approximate though nothing hedges it."""
        klass = approximation_class(self.approximation)
        if not klass and _ROUND_WORDS.fullmatch(" ".join(self.text.lower().split())):
            return "approximate"
        return klass

    @property
    def bounds(self) -> tuple[float, float]:
        """The interval of values the wording allows, for telling agreement from conflict."""
        value = self.value
        klass = self.approximation_class
        if klass == "approximate":
            return (value * 0.85, value * 1.15)
        if klass == "just below":
            return (value * 0.85, value)
        if klass == "at least":
            return (value, math.inf)
        if klass == "at most":
            return (0.0, value)
        if klass == "vague":  # "hundreds": from a hundred to a thousand
            return (value / 2, value * 5)
        return (value, value)


_APPROXIMATE = {
    "about", "around", "approximately", "approx.", "roughly", "some", "an estimated",
    "estimated", "circa", "c.", "~", "or so", "close to", "on the order of",
}  # fmt: skip
_JUST_BELOW = {"nearly", "almost", "just under", "just shy of"}
_AT_LEAST = {
    "more than", "over", "at least", "upwards of", "no fewer than", "no less than", "above",
    "or more", "+", "-plus", "well over", "just over", "in excess of", "well above",
}  # fmt: skip
_AT_MOST = {
    "up to", "at most", "no more than", "fewer than", "less than", "under", "below",
    "as many as", "as much as", "as few as", "as little as", "not more than", "well under",
}  # fmt: skip
# "several hundred", "a few thousand": vague amounts written before their unit
VAGUE_PREFIXES = frozenset({"several", "a few", "a couple of"})
_VAGUE = {
    *VAGUE_PREFIXES, "dozens", "scores", "hundreds", "thousands", "millions", "billions",
    "tens of thousands", "hundreds of thousands", "tens of millions", "hundreds of millions",
}  # fmt: skip


_ROUND_WORDS = re.compile(r"(?:a|one)[ -](?:hundred|thousand|million|billion|dozen)")

APPROXIMATIONS: frozenset[str] = frozenset(
    _APPROXIMATE | _JUST_BELOW | _AT_LEAST | _AT_MOST | _VAGUE
)


def approximation_class(approximation: str) -> str:
    """Group approximations by what they allow: "" (exact), "approximate", "just below",
    "at least", "at most" or "vague"."""
    phrase = approximation.lower()
    if not phrase:
        return ""
    for name, members in (
        ("approximate", _APPROXIMATE),
        ("just below", _JUST_BELOW),
        ("at least", _AT_LEAST),
        ("at most", _AT_MOST),
        ("vague", _VAGUE),
    ):
        if phrase in members:
            return name
    return "approximate"


def format_value(quantity: Quantity) -> str:
    """The quantity as a reader would say it back: the text as written, tidied."""
    return " ".join(quantity.text.split())


def quantities_agree(claim: Quantity, source: Quantity) -> bool:
    """Whether a claim's figure says no more than the source's: "about 1,200" and "1,180";
    "more than 200" and "about 240"; "March 2023" and "14 March 2023". Figures hedged
    alike must be equal ("at least 11" is not "at least nine"), and an exact figure where
    the source gives a range or an estimate says more than the source does."""
    if claim.is_date or source.is_date:
        return claim.is_date and source.is_date and dates_agree(claim, source)
    if claim.kind != source.kind:
        return False
    claim_class = claim.approximation_class
    source_class = source.approximation_class
    if claim_class == source_class or not claim_class:
        tolerance = 0.02 if claim_class == "approximate" else 1e-9
        return abs(claim.value - source.value) <= tolerance * max(abs(source.value), 1.0)
    low, high = claim.bounds
    source_low, source_high = source.bounds
    return low <= source_high and source_low <= high


def dates_agree(first: Quantity | float, second: Quantity | float) -> bool:
    """Dates agree when every part both give is equal: a year alone, year and month, or a
    full date, as `Quantity.value` encodes them (2023, 20230300, 20230314). A date written
    without its year ("November 2", encoded 1102) agrees with the same day of any year;
    pass the quantities themselves to tell it from a bare year."""
    year_a, month_a, day_a = date_parts(first)
    year_b, month_b, day_b = date_parts(second)
    if _in_decade(first, year_b) or _in_decade(second, year_a):
        return True  # "the 1960s" and 1962
    if year_a and year_b and year_a != year_b:
        return False
    if not (year_a and year_b) and not (month_a and month_b):
        return bool(year_a and year_b)  # a bare year against a date without one: unknown
    return (not month_a or not month_b or month_a == month_b) and (
        not day_a or not day_b or day_a == day_b
    )


def _in_decade(decade: Quantity | float, year: int) -> bool:
    """Whether `decade` is one ("the 1960s") and `year` falls in it."""
    if not isinstance(decade, Quantity) or not year or decade.value % 10:
        return False
    if not decade.text.rstrip("'’").endswith("s"):
        return False
    return decade.value <= year < decade.value + 10


def date_parts(date: Quantity | float) -> tuple[int, int, int]:
    """(year, month, day) of a date's value, 0 for each part it does not give."""
    yearless = isinstance(date, Quantity) and date.kind == "date"
    value = int(date.value if isinstance(date, Quantity) else date)
    if value < 10_000 and not yearless:
        return value, 0, 0
    return value // 10_000, value // 100 % 100, value % 100
