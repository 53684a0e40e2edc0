"""Quantities in running text, so a claim's numbers can be checked against its source's.

Finds figures in digits ("1,200", "$10.8 million", "12%") and in words ("three hundred",
"a dozen", "thousands"), with the approximation around them ("about", "more than",
"an estimated"), what they count ("instructors") and whether they are years or dates,
which are compared as dates rather than as amounts.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from sidebyside.core.spans import Span

__all__ = [
    "APPROXIMATIONS",
    "Quantity",
    "approximation_class",
    "dates_agree",
    "find_quantities",
    "format_value",
    "quantities_agree",
]


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity as written: "about $10.8 million a month", "1,200 instructors", "2019".

    `span` covers the approximation and the figure ("about $10.8 million"); `figure` only
    the figure ("$10.8 million"). `value` is in plain units (10_800_000.0); for vague
    amounts ("thousands") it is the lower bound. `unit` is a currency code ("USD"), "%",
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
    def bounds(self) -> tuple[float, float]:
        """The interval of values the wording allows, for telling agreement from conflict."""
        value = self.value
        klass = approximation_class(self.approximation)
        if klass == "approximate":
            return (value * 0.85, value * 1.15)
        if klass == "just below":
            return (value * 0.85, value)
        if klass == "at least":
            return (value, math.inf)
        if klass == "at most":
            return (0.0, value)
        if klass == "vague":
            return (value, value * 5)
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
_VAGUE = {
    "dozens", "scores", "hundreds", "thousands", "millions", "billions", "tens of thousands",
    "hundreds of thousands", "tens of millions", "hundreds of millions",
}  # fmt: skip


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


# --- written-out numbers ------------------------------------------------------------------

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
_SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}  # fmt: skip
_SCALE_ABBREVIATIONS = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
_FRACTIONS = {
    "half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3,
    "one-third": 1 / 3, "two thirds": 2 / 3, "two-thirds": 2 / 3, "a quarter": 0.25,
    "one quarter": 0.25, "three quarters": 0.75, "three-quarters": 0.75,
}  # fmt: skip

_WORD = "|".join(sorted(list(_SMALL) + list(_SCALES), key=len, reverse=True))
_WRITTEN = (
    rf"(?:(?:a|one)[ -](?:hundred|thousand|million|billion|dozen)|(?:{_WORD}))"
    rf"(?:(?:[ -]|[ ]and[ ])(?:{_WORD}))*"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CURRENCY_PREFIX = r"US\$|A\$|C\$|\$|€|£|¥|₽|(?:USD|EUR|GBP)\s?"
_CURRENCY_CODES = {
    "$": "USD", "US$": "USD", "A$": "AUD", "C$": "CAD", "€": "EUR", "£": "GBP", "¥": "JPY",
    "₽": "RUB", "USD": "USD", "EUR": "EUR", "GBP": "GBP", "dollars": "USD", "dollar": "USD",
    "euros": "EUR", "euro": "EUR", "pounds": "GBP", "yuan": "CNY", "roubles": "RUB",
    "rubles": "RUB", "yen": "JPY", "francs": "CFA",
}  # fmt: skip
_APPROX_PREFIX = "|".join(
    re.escape(phrase)
    for phrase in sorted(
        (_APPROXIMATE | _JUST_BELOW | _AT_LEAST | _AT_MOST) - {"or so", "or more", "+", "-plus"},
        key=len,
        reverse=True,
    )
)
_VAGUE_WORDS = (
    r"(?:(?:tens|hundreds)\s+of\s+)?(?:dozens|scores|hundreds|thousands|millions|billions)"
)

_FRACTION_WORDS = "|".join(
    re.escape(phrase).replace("\\ ", r"[\s-]+").replace("\\-", r"[\s-]+")
    for phrase in sorted(_FRACTIONS, key=len, reverse=True)
)
_TOKEN = re.compile(r"[$€£¥₽]|\d+|[A-Za-z]+")
_MONTH_TOKENS = frozenset(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
)
_TRIGGER_WORDS = frozenset(
    [*_SMALL, *_SCALES, "dozens", "scores", "hundreds", "thousands", "millions", "billions"]
    + ["tens", "half", "third", "thirds", "quarter", "quarters"]
)
_APPROX_PHRASES = frozenset(
    (_APPROXIMATE | _JUST_BELOW | _AT_LEAST | _AT_MOST) - {"or so", "or more", "+", "-plus"}
)
_QUANTITY = re.compile(
    rf"""
    (?:(?P<approx>{_APPROX_PREFIX})\s+)?
    (?P<figure>
        (?P<currency>{_CURRENCY_PREFIX})?
        (?:
            (?P<digits>(?<![\w.,])(?<![A-Za-z]-)(?:{_DIGITS}))(?![\w-]*\d)(?!st\b|nd\b|rd\b|th\b)
            (?:(?P<dscale>\s?(?:hundred|thousand|million|billion|trillion)\b)
              |(?P<abbrev>(?:k|m|mn|bn)\b))?
          | (?P<halfscale>\bhalf\s+a\s+(?:dozen|thousand|million|billion)\b)
          | (?P<fraction>\b(?:{_FRACTION_WORDS})\b)
          | (?P<written>\b{_WRITTEN}\b)
          | (?P<vague>\b{_VAGUE_WORDS}\b)
        )
        (?P<percent>\s?(?:%|percent\b|per\s+cent\b|percentage\s+points?\b))?
    )
    (?P<suffix>\s+or\s+(?:more|so)\b|\+|-plus\b)?
    """,
    re.IGNORECASE | re.VERBOSE,
)

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = re.compile(
    rf"""
    \b(?:
        (?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))
      | (?P<m1>{_MONTH})\s+(?P<d1>\d{{1}}|\d{{2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}}))?
      | (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>\d{{4}}))?
      | (?P<m3>{_MONTH})\s+(?P<y3>\d{{4}})
    )(?![\w-])
    """,
    re.VERBOSE,
)
_DECADE = re.compile(r"\b(?:the\s+)?(?P<decade>1[5-9]\d0|20\d0)'?s\b", re.IGNORECASE)


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_NOT_UNITS = _word_set(
    """a an the of in on at to for from by with and or but nor as than that which who whom
    whose this these those it its is are was were be been being has have had do does did
    will would shall should can could may might must not no per percent cent each every
    said says say according since until till after before during while when where if so
    such also only more most less least about around over under up down out into onto
    upon they them their he him his she her we us our you your i me my there here then
    than too very just some any all both either neither other another such own same"""
)
_MODIFIER_SUFFIXES = ("al", "ian", "ese", "ish", "ive", "ary", "ed", "ic", "ful", "time")
_RATES = re.compile(
    r"\s*(?:a|an|per|each|every)\s+(?P<rate>day|week|month|year|quarter|annum)\b"
    r"|\s*(?P<adverb>daily|weekly|monthly|annually|yearly)\b",
    re.IGNORECASE,
)
_ADVERB_RATES = {
    "daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year",
}  # fmt: skip
_YEAR_CUES = _word_set(
    "in since by until till from of during before after through circa early late mid end"
    " spring summer autumn fall winter year"
)
_WORD_AFTER = re.compile(r"\s*(?P<word>[A-Za-z][A-Za-z'’-]*)")
_WORD_BEFORE = re.compile(r"(?P<word>[A-Za-z][A-Za-z'’-]*)[\s-]*$")


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
        quantity = _quantity_from_match(text, match)
        if quantity is not None:
            found.append(quantity)
    found.sort(key=lambda quantity: quantity.span)
    return found


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
        value *= _SCALES.get(scale, 1) * _SCALE_ABBREVIATIONS.get(abbreviation, 1)
    elif match.group("halfscale"):
        value = 0.5 * _SCALES.get(match.group("halfscale").split()[-1].lower(), 12)
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
        value = float(_SCALES[words[-1].rstrip("s")])
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
    if counted and not cue and not month_before:
        return None
    span = Span(match.start("figure"), match.end("figure"))
    return Quantity(
        span=span,
        value=float(digits),
        unit="year",
        approximation="",
        text=span.of(text),
        kind="year",
        figure=span,
    )


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
        elif word in _SMALL:
            if word == "dozen":
                current = (current or 1) * 12
            else:
                current += _SMALL[word]
            seen = True
        elif word == "hundred":
            current = (current or 1) * 100
            seen = True
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def format_value(quantity: Quantity) -> str:
    """The quantity as a reader would say it back: the text as written, tidied."""
    return " ".join(quantity.text.split())


def quantities_agree(claim: Quantity, source: Quantity) -> bool:
    """Whether a claim's figure says no more than the source's: "about 1,200" and "1,180";
    "more than 200" and "about 240"; "March 2023" and "14 March 2023". Figures hedged
    alike must be equal ("at least 11" is not "at least nine"), and an exact figure where
    the source gives a range or an estimate says more than the source does."""
    if claim.is_date or source.is_date:
        return claim.is_date and source.is_date and dates_agree(claim.value, source.value)
    if claim.kind != source.kind:
        return False
    claim_class = approximation_class(claim.approximation)
    source_class = approximation_class(source.approximation)
    if claim_class == source_class or not claim_class:
        tolerance = 0.02 if claim_class == "approximate" else 1e-9
        return abs(claim.value - source.value) <= tolerance * max(abs(source.value), 1.0)
    low, high = claim.bounds
    source_low, source_high = source.bounds
    return low <= source_high and source_low <= high


def dates_agree(first: float, second: float) -> bool:
    """Dates agree when every part both give is equal: a year alone, year and month, or a
    full date, as `Quantity.value` encodes them (2023, 20230300, 20230314)."""
    a, b = int(first), int(second)
    year_a = a if a < 10_000 else a // 10_000
    year_b = b if b < 10_000 else b // 10_000
    if year_a != year_b:
        return False
    if a < 10_000 or b < 10_000:
        return True
    month_a, month_b = a // 100 % 100, b // 100 % 100
    day_a, day_b = a % 100, b % 100
    return (not month_a or not month_b or month_a == month_b) and (
        not day_a or not day_b or day_a == day_b
    )
