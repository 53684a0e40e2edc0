"""Claim suggestions: the sentences of an article a careful reader would check.

A sentence is suggested when it attributes something to a source, reports a
number, quotes someone or states a contested fact; each suggestion carries its
cues and the reasons it was chosen, so the reader can see why. Sentences that
continue one another ("He added that…", a quotation running on) are suggested
together. Headings, bylines, share buttons, newsletter prompts, disclaimers and
author notes are never claims. Rules only: the same article always gives the
same suggestions, quickly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sidebyside.core.claims.antecedents import with_antecedents
from sidebyside.core.claims.boilerplate import is_boilerplate, own_names
from sidebyside.core.claims.scoring import THRESHOLD, score_claim
from sidebyside.core.claims.units import claim_units, continues_previous
from sidebyside.core.cues import Analysis, Cues, NameContext, analyse, describe, with_hedges
from sidebyside.core.document import Block, Document
from sidebyside.core.progress import current_progress
from sidebyside.core.spans import Span

__all__ = [
    "THRESHOLD",
    "ClaimSuggestion",
    "describe_claim",
    "describe_claims",
    "is_boilerplate",
    "own_names",
    "score_claim",
    "suggest_claims",
]


@dataclass(frozen=True, slots=True)
class ClaimSuggestion:
    """A stretch of the article worth checking, with what to check in it and why."""

    start: int
    end: int
    text: str
    cues: Cues
    reasons: tuple[str, ...] = ()
    score: float = 0.0

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def to_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "cues": self.cues.to_json(),
            "reasons": list(self.reasons),
        }


def suggest_claims(document: Document, language: str = "en") -> list[ClaimSuggestion]:
    """Claims worth checking in `document`, in reading order, offsets into its text."""
    text = document.text
    reader = _Reader(document)
    suggestions: list[ClaimSuggestion] = []
    previous: tuple[int, Span, Block] | None = None  # where the last suggestion was
    for number, (unit, block) in enumerate(claim_units(document, language)):
        unit_text = unit.of(text)
        if is_boilerplate(unit_text):
            continue
        analysis, cues, names = reader.read(unit_text, number)
        score, reasons = score_claim(unit_text, cues, names, analysis.quantities)
        if (
            previous is not None
            and previous[0] == number - 1
            and continues_previous(text, previous[1], previous[2], unit, block, cues)
        ):
            cues = with_hedges(unit_text, cues)
            suggestions[-1] = _joined(text, suggestions[-1], unit, cues, reasons)
            previous = (number, suggestions[-1].span, block)
            continue
        if score >= THRESHOLD:
            cues = with_hedges(unit_text, cues)
            suggestions.append(
                ClaimSuggestion(unit.start, unit.end, unit_text, cues, reasons, score)
            )
            previous = (number, unit, block)
    return suggestions


def describe_claim(text: str, document: Document | None = None) -> Cues:
    """Cues for a claim the reader marked; the document, when given, helps read its names.

    To find what "the report" in a marked claim stands for, use `describe_claims`,
    which reads the article up to each claim.
    """
    own = own_names(document) if document is not None else ()
    context = NameContext.from_text(document.text if document else text, own=own)
    return describe(text, context)


def describe_claims(document: Document, spans: Sequence[Span], language: str = "en") -> list[Cues]:
    """Cues for claims the reader marked at `spans`, in the order given.

    The article is read once, in order, up to each claim, so a claim's "the
    report" or "he" finds the source named before it, as in `suggest_claims`.
    """
    text = document.text
    reader = _Reader(document)
    units = [unit for unit, _ in claim_units(document, language)]
    found: dict[int, Cues] = {}
    read = 0
    progress = current_progress()
    for number, index in enumerate(sorted(range(len(spans)), key=lambda i: spans[i].start)):
        progress.advance(number, len(spans))
        span = spans[index]
        while read < len(units) and units[read].end <= span.start:
            unit_text = units[read].of(text)
            if not is_boilerplate(unit_text):
                reader.read(unit_text, read)
            read += 1
        claim_text = span.of(text)
        _, cues, _ = reader.read(claim_text, read, remember=False)
        found[index] = with_hedges(claim_text, cues)
    return [found[index] for index in range(len(spans))]


class _Reader:
    """Reads an article's sentences in order, remembering names and who spoke, so that
    each sentence is read in the light of those before it."""

    def __init__(self, document: Document) -> None:
        self.context = NameContext.from_text(document.text, own=own_names(document))
        self.recent: list[tuple[int, Cues]] = []  # (unit number, cues) read so far

    def read(
        self, text: str, number: int, *, remember: bool = True
    ) -> tuple[Analysis, Cues, list[str]]:
        """The analysis of `text`, its cues with antecedents filled in, and its names."""
        analysis = analyse(text, self.context, hedges=False)
        names = [name.canonical for name in analysis.names]
        if remember:
            self.context.learn(
                name for name in analysis.names if name.canonical in analysis.cues.named
            )
        cues = with_antecedents(
            text, analysis.cues, self.recent, number, analysis.names, self.context
        )
        if remember:
            self.recent.append((number, cues))
        return analysis, cues, names


def _joined(
    text: str, last: ClaimSuggestion, unit: Span, cues: Cues, reasons: tuple[str, ...]
) -> ClaimSuggestion:
    shift = unit.start - last.start
    marks = (
        *last.cues.marks,
        *(replace(m, start=m.start + shift, end=m.end + shift) for m in cues.marks),
    )
    merged = Cues(
        sources=_merge(last.cues.sources, cues.sources),
        numbers=last.cues.numbers + cues.numbers,
        quotes=last.cues.quotes + cues.quotes,
        hedges=_merge(last.cues.hedges, cues.hedges),
        verb=last.cues.verb or cues.verb,
        named=_merge(last.cues.named, cues.named),
        refers_to=_merge(last.cues.refers_to, cues.refers_to),
        marks=marks,
    )
    return ClaimSuggestion(
        last.start,
        unit.end,
        text[last.start : unit.end],
        merged,
        _merge(last.reasons, ("continues the sentence before", *reasons)),
        last.score,
    )


def _merge(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return first + tuple(item for item in second if item not in first)
