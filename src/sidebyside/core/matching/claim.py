"""What the matcher reads from a claim once, before looking at any passage."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sidebyside.core.document import Document
from sidebyside.core.numbers import Quantity, find_quantities
from sidebyside.core.numbers.written import spelled
from sidebyside.core.quotes import find_quotations
from sidebyside.core.words import (
    ATTRIBUTION_WORDS,
    STOPWORDS,
    Word,
    name_runs,
    stem,
    tokens,
    words,
)
from sidebyside.core.words.attribution import ATTRIBUTION_VERBS, attribution_spans

__all__ = ["ClaimProfile", "SourceNameFinder", "plain_text", "profile_claim"]


@dataclass(frozen=True, slots=True)
class ClaimProfile:
    """A claim's evidence-bearing parts.

    `stems` are the content stems a passage should share (attribution verbs, the names
    of sources and figures left out: figures are compared as quantities, so a changed
    number still finds its passage). `optional` and `optional_names` are those of the
    claim's attribution ("Marsh said", "the ministry's statement insists"): evidence when
    the passage has them, no loss when it does not. `names` are proper names as written with their
    stems; `cited` the keys of sources the claim credits ("according to Meridian"), not
    those it names as actors ("Vesgrad sent instructors").
    """

    text: str
    stems: tuple[str, ...]
    optional: tuple[str, ...]  # stems of the claim's attribution ("Marsh said")
    names: tuple[tuple[str, tuple[str, ...]], ...]
    optional_names: tuple[tuple[str, tuple[str, ...]], ...]
    quantities: tuple[Quantity, ...]
    quotations: tuple[str, ...]
    cited: tuple[str, ...]
    query: tuple[str, ...]  # stems to retrieve with: content stems and figures
    figures: tuple[tuple[str, ...], ...]  # how each figure is spelled in the index
    figure_quantities: tuple[Quantity, ...]  # the quantity of each of `figures`
    spelled: dict[str, str]  # stem -> the claim's own word, for reasons
    plain: str  # lowercased words and spaces, for comparing wording
    source_names: tuple[str, ...] = ()  # names of attached sources, as the claim writes them
    cites_unattached: bool = False  # it attributes ("Reuters reported") to no attached source


class SourceNameFinder:
    """Names by which a claim may cite each source: publisher, aliases, short title.

    A source known only by a file name ("ministry-statement") is cited by the words of
    that name when they stand in the claim's attribution: "the ministry's statement
    insists", "the ministry said", "in the same statement".
    """

    def __init__(self, sources: Mapping[str, Document]) -> None:
        self._owners: dict[str, set[str]] = {}
        self._own: dict[str, list[str]] = {}
        self._descriptors: dict[str, set[str]] = {}
        for key, document in sources.items():
            metadata = document.metadata
            names = [metadata.publisher, *metadata.aliases]
            title = " ".join(metadata.title.split())
            if title and len(title.split()) <= 4:
                names.append(title)
            if title and not any(char.isspace() for char in title):  # a file name
                slug = " ".join(re.split(r"[-_.]+", title)).strip()
                for word in slug.split():
                    if word.lower() not in STOPWORDS and len(word) > 2:
                        self._descriptors.setdefault(stem(word.lower()), set()).add(key)
                names.append(slug)
            self._own[key] = [name for name in names if name.strip()]
            for name in names:
                cleaned = " ".join(name.split()).lower()
                if cleaned and cleaned not in STOPWORDS:
                    self._owners.setdefault(cleaned, set()).add(key)
        names_by_length = sorted(self._owners, key=len, reverse=True)
        self._pattern = (
            re.compile(
                r"(?<!\w)(?:" + "|".join(re.escape(name) for name in names_by_length) + r")(?!\w)",
                re.IGNORECASE,
            )
            if names_by_length
            else None
        )

    def own(self, key: str) -> list[str]:
        """The names of the source itself: not content a passage of it must repeat."""
        return self._own.get(key, [])

    def described(self, phrase: str) -> set[str]:
        """Keys of the sources known by a file name that shares a word with `phrase`."""
        keys: set[str] = set()
        for word in words(phrase):
            if word.lower in STOPWORDS or word.lower in _VERBS:
                continue
            keys |= self._descriptors.get(word.stem, set())
        return keys

    def find(self, text: str) -> list[tuple[int, int, frozenset[str]]]:
        """(start, end, source keys) of every source name in `text`."""
        if self._pattern is None:
            return []
        return [
            (found.start(), found.end(), frozenset(self._owners[found.group().lower()]))
            for found in self._pattern.finditer(text)
        ]


def profile_claim(text: str, names: SourceNameFinder | None = None) -> ClaimProfile:
    cited_spans = names.find(text) if names is not None else []
    attribution = [
        (span.start, span.end, frozenset(names.described(span.of(text)) if names else ()))
        for span in attribution_spans(text)
    ]
    # A source is cited where its name stands in the attribution ("Meridian Press reported
    # that", "according to SRO"); elsewhere it is an actor ("Vesgrad sent instructors").
    credited = [
        (start, end, keys)
        for start, end, keys in cited_spans
        if any(a_start <= start and end <= a_end for a_start, a_end, _ in attribution)
    ]
    cited: dict[str, None] = {}
    for _, _, keys in [*credited, *attribution]:
        for key in sorted(keys):
            cited.setdefault(key, None)
    in_citation = _covered(cited_spans)
    in_attribution = _covered(attribution)
    claim_words = list(words(text))
    stems: dict[str, None] = {}
    optional: dict[str, None] = {}
    query: dict[str, None] = {}
    for word in claim_words:
        if word.lower in STOPWORDS or (len(word.lower) < 2 and not word.is_number):
            continue
        query.setdefault(word.stem, None)
        if word.is_number or word.lower in ATTRIBUTION_WORDS or in_citation(word.start):
            continue
        if in_attribution(word.start):  # who said it: evidence when the passage says so too
            optional.setdefault(word.stem, None)
        else:
            stems.setdefault(word.stem, None)
    all_names = _names(text, claim_words, in_citation)
    names_found = [n for n in all_names if not in_attribution(text.find(n[0]))]
    for token in tokens(text):  # the index's own spelling of figures ("1200")
        if token[:1].isdigit():
            query.setdefault(token, None)
    quantities = tuple(q for q in find_quantities(text) if q.kind != "fraction")
    figures = [(q, forms) for q in quantities if (forms := _figure_forms(text, q))]
    spelled: dict[str, str] = {}
    for word in claim_words:
        spelled.setdefault(word.stem, word.lower)
    return ClaimProfile(
        text=text,
        stems=tuple(stems),
        optional=tuple(stem for stem in optional if stem not in stems),
        names=tuple(names_found),
        optional_names=tuple(n for n in all_names if n not in names_found),
        quantities=quantities,
        quotations=tuple(
            span.of(text) for span in find_quotations(text) if len(span.of(text).split()) >= 2
        ),
        cited=tuple(cited),
        query=tuple(query),
        figures=tuple(forms for _, forms in figures),
        figure_quantities=tuple(q for q, _ in figures),
        spelled=spelled,
        plain=plain_text(text),
        source_names=tuple(dict.fromkeys(text[start:end] for start, end, _ in cited_spans)),
        cites_unattached=bool(attribution) and not cited,
    )


def _figure_forms(text: str, quantity: Quantity) -> tuple[str, ...]:
    """The index tokens that would spell this figure: "1,200" -> "1200", "nine" -> "9" and
    "nine", a date -> its year."""
    forms = [token for token in tokens(quantity.figure.of(text)) if token[:1].isdigit()]
    if quantity.is_date:
        return tuple(form for form in forms if len(form) == 4)
    value = quantity.value
    if value == int(value):
        whole = int(value)
        forms.append(str(whole))
        word = spelled(whole)
        if word is not None:
            forms.append(word)
    return tuple(dict.fromkeys(forms))


_VERBS = frozenset(ATTRIBUTION_VERBS) | {"that", "insisted", "insists"}
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")
_PLAIN_WORD = re.compile(r"\d+(?:\.\d+)+|\w+")


def plain_text(text: str) -> str:
    """Lowercased words separated by single spaces, figures kept whole ("1,400" -> "1400",
    "9.6" stays "9.6"): the form in which wording is compared."""
    return " ".join(_PLAIN_WORD.findall(_THOUSANDS.sub("", text.lower())))


def _covered(spans: Iterable[tuple[int, int, frozenset[str]]]) -> _Coverage:
    return _Coverage([(start, end) for start, end, _ in spans])


class _Coverage:
    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = spans

    def __call__(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self._spans)


def _names(
    text: str, claim_words: list[Word], in_citation: _Coverage
) -> list[tuple[str, tuple[str, ...]]]:
    """The claim's proper names (`core.words.name_runs`: "Ostrog Group", "Tanza") with
    their stems, leaving out the words of its citation ("Meridian Press reported")."""
    found: dict[str, tuple[str, ...]] = {}
    for span, _phrase in name_runs(text):
        run: list[Word] = []
        for word in [w for w in claim_words if span.start <= w.start < span.end] + [None]:
            if word is not None and not in_citation(word.start):
                run.append(word)
                continue
            if run:
                phrase = text[run[0].start : run[-1].end]
                found.setdefault(phrase, tuple(stem(w.lower) for w in run))
            run = []
    return list(found.items())
