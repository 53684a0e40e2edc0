"""A document's author, date and address as citation formats want them: persons split
into family and given names, dates as year, month and day, web addresses only."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sidebyside.core.bylines import iso_date

_LIST_SEPARATORS = re.compile(r"\s*;\s*|\s+and\s+|\s+&\s+")
_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?\s*$")
_PARTICLES = frozenset(
    ("de", "da", "das", "do", "dos", "du", "del", "della", "der", "den", "di", "la", "le",
     "van", "von", "bin", "ibn", "al", "el", "y", "ter", "ten", "st.")
)  # fmt: skip
# Words that make a byline an organisation's, not a person's: "Human Rights Watch".
_ORGANISATION_WORDS = frozenset(
    ("agency", "association", "bureau", "centre", "center", "committee", "council",
     "department", "desk", "foundation", "group", "institute", "international", "media",
     "ministry", "network", "news", "newsroom", "office", "press", "reporters", "service",
     "staff", "team", "times", "university", "watch", "wire", "editors", "editorial")
)  # fmt: skip
_PERSON_MAX_WORDS = 4


@dataclass(frozen=True, slots=True)
class Name:
    """A person's name in two parts, or (family "") an organisation's or an unsplit name."""

    given: str
    family: str
    literal: str = ""

    @property
    def is_person(self) -> bool:
        return bool(self.family)

    @property
    def full(self) -> str:
        return f"{self.given} {self.family}".strip() if self.family else self.literal


def names_of(author: str) -> list[Name]:
    """The names in a document's author field: "Jane Doe; John Roe", "Jane Doe and John
    Roe", "Doe, Jane", "Jane Doe, John Roe" or "Human Rights Watch"."""
    author = " ".join(author.split())
    if not author:
        return []
    parts = [part for part in _LIST_SEPARATORS.split(author) if part]
    if len(parts) == 1 and "," in author:
        family, _, given = author.partition(",")
        if len(family.split()) == 1 and 0 < len(given.split()) <= 3 and "," not in given:
            return [Name(given=given.strip(), family=family.strip())]  # "Doe, Jane"
        parts = [part.strip() for part in author.split(",") if part.strip()]
    return [_name(part) for part in parts]


def _name(text: str) -> Name:
    words = text.split()
    is_organisation = (
        len(words) < 2
        or len(words) > _PERSON_MAX_WORDS
        or any(word.lower().strip(".,") in _ORGANISATION_WORDS for word in words)
        or not words[0][:1].isupper()
        or any(character.isdigit() for character in text)
    )
    if is_organisation:
        return Name(given="", family="", literal=text)
    family_from = len(words) - 1
    for index in range(1, len(words) - 1):
        if words[index].lower() in _PARTICLES:
            family_from = index
            break
    return Name(given=" ".join(words[:family_from]), family=" ".join(words[family_from:]))


def date_parts(text: str) -> tuple[int, ...] | None:
    """A date as (year, month, day), (year, month) or (year,); None when there is none
    ("May 1, 2024", "2024-05-01", "2024-05-01T10:00:00+00:00", "2024")."""
    match = _ISO.match(text)
    if match is None:
        found = iso_date(text)
        match = _ISO.match(found) if found else None
    if match is None:
        return None
    return tuple(int(part) for part in match.groups() if part)


def iso(parts: tuple[int, ...]) -> str:
    """(2024, 5, 1) -> "2024-05-01"; (2024, 5) -> "2024-05"."""
    return "-".join([f"{parts[0]:04d}", *(f"{part:02d}" for part in parts[1:])])


def web_address(address: str) -> str | None:
    """The document's address if it is one on the web (a file path is no citation)."""
    address = address.strip()
    if re.match(r"^https?://\S+$", address, re.IGNORECASE):
        return address
    return None
