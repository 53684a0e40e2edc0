"""Who wrote an article and when, as its head prints it: "By Jane Doe and John Roe",
"Global Research, July 26, 2023", "Published 2024-05-01".

One home for reading bylines and datelines: the importers fill a document's author and
date from them, and the claim finder takes the names as the document's own.
"""

from __future__ import annotations

import re

from sidebyside.core.numbers import Quantity, date_parts, find_quantities

_BYLINE = re.compile(r"^By\s+(.{3,80}?)(?:\s*[|·]|$)")
_NAME_SEPARATORS = re.compile(r",\s*|\s+and\s+|\s+&\s+")
_SEGMENTS = re.compile(r"\s+[|·•—–]\s+|\s+-\s+")
_ISO_TIMESTAMP = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})[T ]\d")
_WORD = re.compile(r"\S*[^\W\d_]\S*")

_NAME_MAX_WORDS = 6
_NAME_PARTICLES = frozenset(
    ("de", "da", "das", "do", "dos", "du", "del", "della", "der", "den", "di", "la", "le",
     "van", "von", "bin", "ibn", "al", "el", "y")
)  # fmt: skip

# A dateline is short: beside its date, a few capitalised words or words of its own
# ("Published", "Updated on", "Global Research,"); a sentence that names a date says more.
_DATELINE_MAX_CHARS = 200
_DATELINE_MAX_WORDS = 12  # "Norland Wire | Updated on 15 March 2026 | 4 min read" has 8
_DATELINE_SEGMENT_MAX_CHARS = 80
_DATELINE_OTHER_WORDS = 4
_DATELINE_WORDS = frozenset(
    ("published", "updated", "posted", "last", "modified", "first", "on", "at", "am", "pm",
     "gmt", "utc")
)  # fmt: skip


def byline_names(line: str) -> tuple[str, ...]:
    """The names a byline gives ("By Jane Doe and John Roe" -> ("Jane Doe", "John Roe")),
    without a date printed after them; () when the line is not a byline ("By the end of
    May, the ministry said")."""
    match = _BYLINE.match(line)
    if not match:
        return ()
    names = tuple(name.strip() for name in _NAME_SEPARATORS.split(match.group(1)))
    if not all(_is_name(name) or any(char.isdigit() for char in name) for name in names):
        return ()
    return tuple(name for name in names if _is_name(name))


def _is_name(text: str) -> bool:
    """Whether `text` reads as a person's or an outlet's name: capitalised words, with
    the particles names carry ("Ana de la Cruz")."""
    words = text.split()
    return (
        0 < len(words) <= _NAME_MAX_WORDS
        and words[0][:1].isupper()
        and all(word[:1].isupper() or word.lower() in _NAME_PARTICLES for word in words)
        and not any(char.isdigit() for char in text)
    )


def iso_date(text: str) -> str:
    """The first date in `text` that gives its year and month, as ISO ("2024-05-01", or
    "2024-05" without a day); "" when there is none."""
    timestamp = _ISO_TIMESTAMP.match(text)
    if timestamp:
        return timestamp.group(1)
    date = _first_date(text)
    return _iso(date) if date is not None else ""


def dateline_date(line: str) -> str:
    """The ISO date of a dateline ("May 1, 2024", "Published 2024-05-01", "Norland Wire |
    Updated 15 March 2026"); "" when the line is not one (a sentence that names a date)."""
    if len(line) > _DATELINE_MAX_CHARS or len(_WORD.findall(line)) > _DATELINE_MAX_WORDS:
        return ""  # a sentence that names a date: "Ana Ruiz (May 3, 1920 – 1999) was a …"
    for segment in _SEGMENTS.split(line):
        date = _first_date(segment) if len(segment) <= _DATELINE_SEGMENT_MAX_CHARS else None
        if date is None:
            continue
        rest = _WORD.findall(segment[: date.span.start] + " " + segment[date.span.end :])
        if len(rest) <= _DATELINE_OTHER_WORDS and all(
            word[:1].isupper() or word.strip(",.:;").lower() in _DATELINE_WORDS for word in rest
        ):
            return _iso(date)
    return ""


def _first_date(text: str) -> Quantity | None:
    for quantity in find_quantities(text):
        year, month, _ = date_parts(quantity)
        if quantity.kind == "date" and year and month:
            return quantity
    return None


def _iso(date: Quantity) -> str:
    year, month, day = date_parts(date)
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
