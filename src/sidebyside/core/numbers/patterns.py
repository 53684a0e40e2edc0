"""The patterns and word lists that find quantities in text."""

from __future__ import annotations

import re

from sidebyside.core.numbers.quantity import (
    _APPROXIMATE,
    _AT_LEAST,
    _AT_MOST,
    _JUST_BELOW,
    VAGUE_PREFIXES,
)
from sidebyside.core.numbers.written import COUNTED, FRACTION_WORDS, SCALES, SMALL

# --- written-out numbers ------------------------------------------------------------------

_SCALE_ABBREVIATIONS = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
_FRACTIONS = {
    "half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3,
    "one-third": 1 / 3, "two thirds": 2 / 3, "two-thirds": 2 / 3, "a quarter": 0.25,
    "one quarter": 0.25, "three quarters": 0.75, "three-quarters": 0.75,
}  # fmt: skip

_WORD = "|".join(sorted(list(SMALL) + list(SCALES), key=len, reverse=True))
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
        (_APPROXIMATE | _JUST_BELOW | _AT_LEAST | _AT_MOST | VAGUE_PREFIXES)
        - {"or so", "or more", "+", "-plus"},
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
_TRIGGER_WORDS = frozenset({*SMALL, *SCALES, *COUNTED, *FRACTION_WORDS})
_APPROX_PHRASES = frozenset(
    (_APPROXIMATE | _JUST_BELOW | _AT_LEAST | _AT_MOST | VAGUE_PREFIXES)
    - {"or so", "or more", "+", "-plus"}
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
        (?P<andhalf>[ -]and[ -]a[ -]half\b)?
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
# "2018–19", "1616–17", "2018-2019": two years, the second often cut to its last digits
_YEAR_RANGE = re.compile(
    r"(?<![\w.,$€£¥₽])(?P<first>1[5-9]\d\d|20\d\d)(?P<join>\s?[-–—/]\s?)"
    r"(?P<second>\d\d(?:\d\d)?)(?![\w-]*\d)(?!\s?(?:%|percent\b))"
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
# what a year names when written before it: "the 2017 film", "her 2019 album"
_YEAR_NOUNS = _word_set(
    """film films movie season seasons election elections census album single song novel
    book play series tournament championship championships cup games olympics edition
    report budget campaign war general presidential parliamentary primary world summer
    winter spring autumn fall fiscal financial academic school model version release tour
    festival awards award ceremony draft survey study law act case decision uprising
    revolution earthquake flood floods attack attacks crisis protests strike final finals
    race league show exhibition documentary trial merger deal agreement treaty"""
)
_YEAR_DETERMINERS = _word_set("the a an his her their its our whose this that")
_WORD_AFTER = re.compile(r"\s*(?P<word>[A-Za-z][A-Za-z'’-]*)")
_WORD_BEFORE = re.compile(r"(?P<word>[A-Za-z][A-Za-z'’-]*)[\s-]*$")
