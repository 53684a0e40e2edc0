"""Quantities in running text, so a claim's numbers can be checked against its source's.

Finds figures in digits ("1,200", "$10.8 million", "12%") and in words ("three hundred",
"a dozen", "thousands"), with the approximation around them ("about", "more than",
"an estimated"), what they count ("instructors") and whether they are years or dates,
which are compared as dates rather than as amounts.
"""

from __future__ import annotations

import re

from sidebyside.core.memo import remembered
from sidebyside.core.numbers.patterns import (
    _ADVERB_RATES,
    _APPROX_PHRASES,
    _CURRENCY_CODES,
    _DATE,
    _DECADE,
    _FRACTIONS,
    _MODIFIER_SUFFIXES,
    _MONTH,
    _MONTH_TOKENS,
    _MONTHS,
    _NOT_UNITS,
    _QUANTITY,
    _RATES,
    _SCALE_ABBREVIATIONS,
    _TOKEN,
    _TRIGGER_WORDS,
    _WORD_AFTER,
    _WORD_BEFORE,
    _YEAR_CUES,
    _YEAR_DETERMINERS,
    _YEAR_NOUNS,
    _YEAR_RANGE,
)
from sidebyside.core.numbers.quantity import (
    APPROXIMATIONS,
    VAGUE_PREFIXES,
    Quantity,
    approximation_class,
    date_parts,
    dates_agree,
    format_value,
    quantities_agree,
)
from sidebyside.core.numbers.written import SCALES, SMALL
from sidebyside.core.spans import Span

__all__ = [
    "APPROXIMATIONS",
    "Quantity",
    "approximation_class",
    "date_parts",
    "dates_agree",
    "find_quantities",
    "format_value",
    "is_month",
    "parse_written_number",
    "quantities_agree",
]


@remembered
def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, in order, with its approximation, unit and kind.

    Bare "one" is left out: in prose it is mostly a pronoun ("one of them"). Digits that
    are part of a name ("COVID-19", "G7") are not quantities.
    """
    found: list[Quantity] = []
    taken: list[Span] = []
    tokens = list(_TOKEN.finditer(text))
    triggers = [
        token.start()
        for token in tokens
        if not token.group()[0].isalpha() or token.group().lower() in _TRIGGER_WORDS
    ]
    if not triggers:
        return found
    has_month = any(token.group()[:3] in _MONTH_TOKENS for token in tokens)
    for date in _find_dates(text, has_month):
        found.append(date)
        taken.append(date.figure)
    reached = 0
    for position in triggers:
        if position < reached:
            continue
        match = _match_at(text, position)
        if match is None:
            continue
        reached = match.end("figure")
        figure = Span(match.start("figure"), match.end("figure"))
        if not figure or any(figure.overlaps(span) for span in taken):
            continue
        if match.group("digits") and (
            _in_code(text, match.start("digits"), match.end("digits"))
            or _CLOCK.match(text, match.end("digits"))
        ):
            continue
        quantity = _quantity_from_match(text, match)
        if quantity is not None:
            found.append(quantity)
    found.sort(key=lambda quantity: quantity.span)
    return found


_CODE_MARKS = ":/="
# A time of day is no count: "at 9 a.m.", "9pm", "9 o'clock" (the article's "9" against a
# source's "three buildings" is not a changed figure).
_CLOCK = re.compile(r"\s?(?:[ap]\.?\s?m\b\.?|o['’]clock\b)", re.IGNORECASE)


def _in_code(text: str, start: int, end: int) -> bool:
    """Whether digits are part of a time, a ratio or a path rather than a figure of their
    own: "10:30", "24/7", "kickstarter.com/projects/68852125"."""
    before = text[start - 1] if start else ""
    after = text[end : end + 2]
    after_digit = text[start - 2 : start - 1].isdigit()
    if before in "/=" and before or (before in ":(" and after_digit):  # "6-7(4)"
        return True
    return after[:1] in _CODE_MARKS and after[1:2].isdigit()


def _match_at(text: str, position: int) -> re.Match[str] | None:
    """The quantity whose figure contains `position` (a digit, currency sign or number
    word: running the full pattern only there is many times faster than scanning every
    character), tried first with the approximation, currency or "a" before it."""
    starts = []
    trigger = position
    before = text[max(0, position - 32) : position]
    if text[position] == "$" and before.endswith(("US", "A", "C")):
        cut = 2 if before.endswith("US") else 1
        position -= cut
        before = before[:-cut]
    elif before.endswith(("USD ", "EUR ", "GBP ")):
        position -= 4
        before = before[:-4]
    if before.lower().endswith("a ") and (len(before) < 3 or not before[-3].isalnum()):
        starts.append(position - 2)
        position -= 2
        before = before[:-2]
    words = before.split()
    for count in (3, 2, 1):
        phrase = " ".join(words[-count:]).lower()
        if len(words) >= count and phrase in _APPROX_PHRASES and before[-1:].isspace():
            starts.insert(0, position - len(before) + before.lower().rfind(phrase))
            break
    starts += [position, trigger]
    for start in starts:
        match = _QUANTITY.match(text, start)
        if match and match.start("figure") <= trigger < match.end("figure"):
            return match
    return None


def _quantity_from_match(text: str, match: re.Match[str]) -> Quantity | None:
    approximation = " ".join((match.group("approx") or "").lower().split())
    suffix = (match.group("suffix") or "").strip().lower()
    if suffix and not approximation:
        approximation = {"+": "+", "-plus": "-plus"}.get(suffix, "or " + suffix.split()[-1])
    start = match.start()
    currency = (match.group("currency") or "").strip()
    kind = "number"
    if match.group("digits"):
        value = float(match.group("digits").replace(",", ""))
        scale = (match.group("dscale") or "").strip().lower()
        abbreviation = (match.group("abbrev") or "").lower()
        if abbreviation and not currency:
            return None  # "10m" is ten metres unless it is money
        value *= SCALES.get(scale, 1) * _SCALE_ABBREVIATIONS.get(abbreviation, 1)
    elif match.group("halfscale"):
        value = 0.5 * SCALES.get(match.group("halfscale").split()[-1].lower(), 12)
    elif match.group("fraction"):
        value = _FRACTIONS[" ".join(re.split(r"[\s-]+", match.group("fraction").lower()))]
        kind = "fraction"
    elif match.group("written"):
        words = " ".join(match.group("written").lower().split())
        if words == "one" and not currency and not match.group("percent"):
            return None
        parsed = parse_written_number(words)
        if parsed is None:
            return None
        value = parsed
    else:
        approximation = " ".join(match.group("vague").lower().split())
        start = match.start("figure")
        value = 2.0 * _vague_unit(approximation)
    if match.group("andhalf"):
        value += 0.5  # "three-and-a-half"
    if approximation in VAGUE_PREFIXES:
        value *= 2  # "several hundred" means at least what "hundreds" does
    end = match.end()
    unit = ""
    rate = ""
    if currency:
        kind = "money"
        unit = _CURRENCY_CODES.get(currency.replace(" ", ""), currency)
    elif match.group("percent"):
        kind = "percent"
        unit = "percentage points" if "point" in match.group("percent").lower() else "%"
    elif not match.group("vague") or text.startswith(" of ", end):
        unit, money = _unit_after(text, end)
        if money:
            kind, unit = "money", money
    if kind == "money":
        rate_match = _RATES.match(text, _skip_currency_word(text, end))
        if rate_match:
            rate = rate_match.group("rate") or _ADVERB_RATES[rate_match.group("adverb").lower()]
            rate = "year" if rate.lower() == "annum" else rate.lower()
            end = rate_match.end()
    if kind == "number" and not approximation and match.group("digits"):
        year = _as_year(text, match)
        if year is not None:
            return year
    return Quantity(
        span=Span(start, end),
        value=value,
        unit=unit,
        approximation=approximation,
        text=text[start:end],
        kind=kind,
        figure=Span(match.start("figure"), match.end("figure")),
        rate=rate,
    )


def _vague_unit(phrase: str) -> float:
    words = phrase.split()
    value = {"dozens": 12.0, "scores": 20.0}.get(words[-1], 0.0)
    if not value:
        value = float(SCALES[words[-1].rstrip("s")])
    if words[0] == "tens":
        value *= 10
    elif words[0] == "hundreds" and len(words) > 1:
        value *= 100
    return value


def _skip_currency_word(text: str, position: int) -> int:
    after = _WORD_AFTER.match(text, position)
    if after and after.group("word").lower() in _CURRENCY_CODES:
        return after.end()
    return position


def _unit_after(text: str, position: int) -> tuple[str, str]:
    """The counted noun after a figure ("175 Russian instructors" -> "instructors"), and a
    currency code when the noun is a currency ("300 dollars")."""
    if text.startswith("-", position):  # "a 15-member squad", "a three-and-a-half-year stint"
        joined = _WORD_AFTER.match(text, position + 1)
        if joined is not None and joined.start("word") == position + 1:
            return joined.group("word").lower(), ""
    first = _WORD_AFTER.match(text, position)
    if first is None or "\n" in text[position : first.start("word")]:
        return "", ""
    word = first.group("word")
    lowered = word.lower()
    if lowered in _CURRENCY_CODES:
        return _CURRENCY_CODES[lowered], _CURRENCY_CODES[lowered]
    if lowered == "of":  # "thousands of people", "half of the instructors"
        following = _WORD_AFTER.match(text, first.end())
        if following and following.group("word").lower() in ("the", "its", "their", "all"):
            following = _WORD_AFTER.match(text, following.end())
        if following and following.group("word").lower() not in _NOT_UNITS:
            return following.group("word").lower(), ""
        return "", ""
    if lowered in _NOT_UNITS:
        return "", ""
    second = _WORD_AFTER.match(text, first.end())
    looks_like_modifier = (
        word[0].isupper() or "-" in word or lowered.endswith(_MODIFIER_SUFFIXES)
    ) and lowered not in ("people", "times")
    if (
        looks_like_modifier
        and second is not None
        and not text[first.end() : second.start("word")].strip()
        and second.group("word").lower() not in _NOT_UNITS
        and second.group("word")[0].islower()
    ):
        return second.group("word").lower(), ""
    return lowered, ""


def _as_year(text: str, match: re.Match[str]) -> Quantity | None:
    digits = match.group("digits")
    if not re.fullmatch(r"1[5-9]\d\d|20\d\d", digits) or match.group("percent"):
        return None
    if match.group("dscale") or match.group("abbrev") or match.group("suffix"):
        return None
    before = _WORD_BEFORE.search(text, 0, match.start())
    cue = before is not None and before.group("word").lower() in _YEAR_CUES
    month_before = before is not None and before.group("word").lower()[:3] in _MONTHS
    after = _WORD_AFTER.match(text, match.end())
    counted = (
        after is not None
        and not text[match.end() : after.start("word")].strip()
        and after.group("word").lower() not in _NOT_UNITS
    )
    if counted and not cue and not month_before and not _names_a_year(text, match, after):
        return None
    return _year(text, match.start("figure"), match.end("figure"), int(digits))


def _names_a_year(text: str, match: re.Match[str], after: re.Match[str] | None) -> bool:
    """Whether a four-digit figure before a noun is the year of something: "the 2017 film",
    "her 2019 album", "the 2018 Lumbe Cup" (a count would read "the 2,000 people")."""
    before = _WORD_BEFORE.search(text, 0, match.start())
    if after is None or before is None or not text[before.end("word") : match.start()].isspace():
        return False
    word = before.group("word")
    determiner = word.lower() in _YEAR_DETERMINERS or word.endswith(("'s", "’s"))
    noun = after.group("word")
    return determiner and (noun[0].isupper() or noun.lower() in _YEAR_NOUNS)


def _year(text: str, start: int, end: int, value: int) -> Quantity:
    span = Span(start, end)
    return Quantity(
        span=span,
        value=float(value),
        unit="year",
        approximation="",
        text=span.of(text),
        kind="year",
        figure=span,
    )


def _year_ranges(text: str) -> list[Quantity]:
    """Both years of "2018–19", "1616–17" or "2018-2019", the second in full."""
    found: list[Quantity] = []
    for match in _YEAR_RANGE.finditer(text):
        first = int(match.group("first"))
        second_text = match.group("second")
        second = int(second_text)
        if len(second_text) == 2:
            second += first // 100 * 100
        if not first < second <= first + 100:
            continue
        found.append(_year(text, match.start("first"), match.end("first"), first))
        found.append(_year(text, match.start("second"), match.end("second"), second))
    return found


def _find_dates(text: str, has_month: bool = True) -> list[Quantity]:
    dates: list[Quantity] = []
    for match in _DATE.finditer(text) if has_month or "-" in text else ():
        if match.group("iso"):
            year, month, day = (int(match.group(g)) for g in ("iy", "im", "id"))
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
        else:
            month_name = match.group("m1") or match.group("m2") or match.group("m3")
            if month_name.rstrip(".") == "May" and match.group("m3") is None:
                pass  # "May 3" is a date; "may 3" never matches (case-sensitive)
            month = _MONTHS[month_name[:3].lower()]
            day_text = match.group("d1") or match.group("d2") or "0"
            day = int(day_text)
            year_text = match.group("y1") or match.group("y2") or match.group("y3") or "0"
            year = int(year_text)
            if day > 31:
                continue
        span = Span(match.start(), match.end())
        dates.append(
            Quantity(
                span=span,
                value=float(year * 10_000 + month * 100 + day),
                unit="date",
                approximation="",
                text=span.of(text),
                kind="date",
                figure=span,
            )
        )
    for ranged in _year_ranges(text):
        if not any(ranged.span.overlaps(date.span) for date in dates):
            dates.append(ranged)
    for match in _DECADE.finditer(text) if "0s" in text or "0's" in text else ():
        span = Span(match.start("decade"), match.end())
        if any(span.overlaps(date.span) for date in dates):
            continue
        dates.append(
            Quantity(
                span=span,
                value=float(match.group("decade")),
                unit="year",
                approximation="decade",
                text=span.of(text),
                kind="year",
                figure=span,
            )
        )
    return dates


_MONTH_NAME = re.compile(_MONTH)


def is_month(word: str) -> bool:
    """Whether a word is the name of a month as written in dates ("March", "Sept.")."""
    return _MONTH_NAME.fullmatch(word) is not None


def parse_written_number(words: str) -> float | None:
    """ "three hundred and fifty" -> 350.0; "a dozen" -> 12.0; None when not a number."""
    total = 0.0
    current = 0.0
    seen = False
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("and", ""):
            continue
        if word in ("a", "one") and not seen:
            current += 1
            seen = True
        elif word in SMALL:
            if word == "dozen":
                current = (current or 1) * 12
            else:
                current += SMALL[word]
            seen = True
        elif word == "hundred":
            current = (current or 1) * 100
            seen = True
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None
