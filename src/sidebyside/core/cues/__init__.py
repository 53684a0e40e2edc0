"""Cues: what in a claim tells a reader where it comes from and what to check.

A claim's cues are the sources it names ("Human Rights Watch", "the report"),
its numbers, quotations and hedges, and the verb that attributes it ("noted",
"according to"). Numbers, hedges and quotations come from `numbers`, `hedges`
and `quotes`; names, generic references and attribution are read here, by
rules a reader can follow rather than a statistical model, and every cue is
marked where it was found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from sidebyside.core.cues.attribution import Attribution, find_attributions, inside_any
from sidebyside.core.cues.names import NameContext, NameMention, find_names
from sidebyside.core.cues.references import find_generic_references
from sidebyside.core.cues.vocabulary import WORD, words
from sidebyside.core.hedges import find_hedges
from sidebyside.core.numbers import Quantity, find_quantities
from sidebyside.core.quotes import find_quotations

__all__ = [
    "Analysis",
    "Attribution",
    "CueMark",
    "Cues",
    "NameContext",
    "NameMention",
    "analyse",
    "countable_quantities",
    "describe",
    "find_attributions",
    "find_generic_references",
    "find_names",
    "is_duration",
    "with_hedges",
]

# Quotations shorter than this many words are scare quotes ("terrorism"), not speech.
MIN_QUOTE_WORDS = 3

_MAY_HAVE_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|"
    r"scores|half|third|quarter|twice|double|triple)\b",
    re.IGNORECASE,
)
_MAY_HAVE_HEDGE = re.compile(
    r"alleg|purport|suppos|so-called|accus|claim|report|said to|rumou?r|according|estimat|"
    r"approx|roughly|\bmay\b|might|could|possibl|perhaps|probabl|likely|potential|presumabl|"
    r"apparent|appear|seem|suggest|indicat|believed|thought|suspect|understood|preliminary|"
    r"provisional|unverified|unconfirmed|verified|confirmed|in part|partly|partial",
    re.IGNORECASE,
)
_TIME_UNITS = words(
    "year years month months week weeks day days hour hours minute minutes decade decades "
    "century centuries"
)


@dataclass(frozen=True, slots=True)
class CueMark:
    """Where a cue sits, in offsets relative to the text that was described."""

    kind: str  # "source", "number", "quote", "hedge" or "verb"
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Cues:
    """What a claim leans on and what a reader should check in it.

    `sources` holds the names the claim attributes to, in the form the document
    first gives them ("Human Rights Watch" for "HRW's"), then generic references
    ("the report"); `named` is the subset that are names. `refers_to` holds the
    named sources a generic reference or pronoun points back to ("the report" ->
    "Human Rights Watch"); only a whole document can fill it in.
    """

    sources: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    hedges: tuple[str, ...] = ()
    verb: str = ""
    named: tuple[str, ...] = ()
    refers_to: tuple[str, ...] = ()
    marks: tuple[CueMark, ...] = field(default=(), compare=False)

    @property
    def generic(self) -> tuple[str, ...]:
        return tuple(source for source in self.sources if source not in self.named)

    def to_json(self) -> dict[str, object]:
        return {
            "sources": list(self.sources),
            "numbers": list(self.numbers),
            "quotes": list(self.quotes),
            "hedges": list(self.hedges),
            "verb": self.verb,
            "refers_to": list(self.refers_to),
        }


@dataclass(frozen=True, slots=True)
class Analysis:
    """A claim's cues with the names and quantities they were read from, for further scoring."""

    cues: Cues
    names: tuple[NameMention, ...]
    quantities: tuple[Quantity, ...]


def describe(text: str, context: NameContext | None = None) -> Cues:
    """The cues of one claim; `context` carries what the rest of the document says about names."""
    return analyse(text, context).cues


def analyse(text: str, context: NameContext | None = None, *, hedges: bool = True) -> Analysis:
    """`describe`, keeping the names and quantities found on the way.

    Without `hedges` the (slowest) hedge search is left out, for a first pass
    over every sentence; `with_hedges` adds them to the few that are kept.
    """
    if context is None:
        context = NameContext.from_text(text)
    marks: list[CueMark] = []
    numbers: list[str] = []
    quantities = countable_quantities(text)
    for quantity in quantities:
        numbers.append(" ".join(quantity.text.split()))
        marks.append(CueMark("number", quantity.span.start, quantity.span.end))
    quoted = find_quotations(text)
    quotes: list[str] = []
    for span in quoted:
        if len(WORD.findall(span.of(text))) >= MIN_QUOTE_WORDS:
            quotes.append(span.of(text))
            marks.append(CueMark("quote", span.start, span.end))
    hedge_marks = _hedge_marks(text, bool(numbers)) if hedges else []
    marks.extend(hedge_marks)

    names = [name for name in find_names(text, context) if not context.is_own(name.canonical)]
    named: list[str] = []
    generic: list[str] = []
    attributions = find_attributions(text, names, context, quoted)
    verbs = [a for a in attributions if a.kind == "verb"] or attributions
    verb = " ".join(verbs[0].verb.of(text).lower().split()) if verbs else ""
    for attribution in attributions:
        marks.append(CueMark("verb", attribution.verb.start, attribution.verb.end))
        for name in attribution.names:
            named.append(name.canonical)
            marks.append(CueMark("source", name.start, name.end))
        for reference in attribution.references:
            generic.append(" ".join(reference.of(text).split()))
            marks.append(CueMark("source", reference.start, reference.end))
    leaning_on: list[str] = []
    for name in names:
        if inside_any(name.span, quoted):
            continue
        if context.is_source(name.canonical):
            named.append(name.canonical)
            marks.append(CueMark("source", name.start, name.end))
        elif not attributions and context.is_known_speaker(name.canonical):
            leaning_on.append(name.canonical)  # "FWA researchers collected 340 samples"
    named_unique = _unique(named)
    cues = Cues(
        sources=_unique([*named_unique, *_unique(generic, casefold=True)]),
        numbers=tuple(numbers),
        quotes=tuple(quotes),
        hedges=_unique(mark_text for mark_text in _mark_texts(text, hedge_marks)),
        verb=verb,
        named=named_unique,
        refers_to=_unique(leaning_on),
        marks=tuple(sorted(set(marks), key=lambda mark: (mark.start, mark.end, mark.kind))),
    )
    return Analysis(cues, tuple(names), tuple(quantities))


def with_hedges(text: str, cues: Cues) -> Cues:
    """The cues with the hedges of `text` filled in (see `analyse`)."""
    marks = _hedge_marks(text, bool(cues.numbers))
    return replace(
        cues,
        hedges=_unique(_mark_texts(text, marks)),
        marks=tuple(sorted({*cues.marks, *marks}, key=lambda m: (m.start, m.end, m.kind))),
    )


def _hedge_marks(text: str, has_numbers: bool) -> list[CueMark]:
    if not (has_numbers or _MAY_HAVE_HEDGE.search(text)):
        return []
    return [CueMark("hedge", span.start, span.end) for span, _phrase in find_hedges(text)]


def _mark_texts(text: str, marks: Iterable[CueMark]) -> Iterator[str]:
    for mark in marks:
        yield " ".join(text[mark.start : mark.end].lower().split())


def countable_quantities(text: str) -> list[Quantity]:
    """Quantities worth checking: amounts, money, shares; not dates or bare years."""
    if not _MAY_HAVE_NUMBER.search(text):
        return []
    return [quantity for quantity in find_quantities(text) if not quantity.is_date]


def is_duration(quantity: Quantity) -> bool:
    """ "three years", "four days": spans of time, a weaker sign of a checkable fact."""
    return quantity.unit in _TIME_UNITS


def _unique(items: Iterable[str], *, casefold: bool = False) -> tuple[str, ...]:
    seen: set[str] = set()
    kept: list[str] = []
    for item in items:
        key = item.casefold() if casefold else item
        if item and key not in seen:
            seen.add(key)
            kept.append(item)
    return tuple(kept)
