"""Numbers written out in words: the one table every part of sidebyside reads them from."""

from __future__ import annotations

__all__ = ["COUNTED", "SCALES", "SMALL", "WRITTEN", "spelled"]

SMALL: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
SCALES: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}  # fmt: skip
# Vague counts ("dozens of", "hundreds of") and the words of fractions.
COUNTED = frozenset({"dozens", "scores", "hundreds", "thousands", "millions", "billions", "tens"})
FRACTION_WORDS = frozenset({"half", "third", "thirds", "quarter", "quarters"})

# Every word that writes a figure. "one" is left out: in prose it is mostly a pronoun.
WRITTEN = frozenset((set(SMALL) | set(SCALES) | COUNTED | FRACTION_WORDS) - {"one"})

_SPELLED = {value: word for word, value in SMALL.items() if value <= 20 and word != "dozen"}


def spelled(number: int) -> str | None:
    """The word for a whole number up to twenty ("nine"), as an index would hold it."""
    return _SPELLED.get(number)
