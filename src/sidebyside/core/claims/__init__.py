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

from dataclasses import dataclass

from sidebyside.core.claims.antecedents import with_antecedents
from sidebyside.core.claims.boilerplate import is_boilerplate, own_names
from sidebyside.core.claims.scoring import THRESHOLD, score_claim
from sidebyside.core.claims.units import claim_units, continues_previous
from sidebyside.core.cues import Cues, NameContext, analyse, describe, with_hedges
from sidebyside.core.document import Block, Document
from sidebyside.core.spans import Span

__all__ = [
    "THRESHOLD",
    "ClaimSuggestion",
    "describe_claim",
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
    context = NameContext.from_text(text, own=own_names(document))
    suggestions: list[ClaimSuggestion] = []
    recent: list[tuple[int, Cues]] = []  # (unit number, cues) of the units read so far
    previous: tuple[int, Span, Block] | None = None  # where the last suggestion was
    for number, (unit, block) in enumerate(claim_units(document, language)):
        unit_text = unit.of(text)
        if is_boilerplate(unit_text):
            continue
        analysis = analyse(unit_text, context, hedges=False)
        names = [name.canonical for name in analysis.names]
        context.learn(name for name in analysis.names if name.canonical in analysis.cues.named)
        cues = with_antecedents(unit_text, analysis.cues, recent, number, names, context)
        recent.append((number, cues))
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
    """Cues for a claim the reader marked; the document, when given, helps read its names."""
    own = own_names(document) if document is not None else ()
    context = NameContext.from_text(document.text if document else text, own=own)
    return describe(text, context)


def _joined(
    text: str, last: ClaimSuggestion, unit: Span, cues: Cues, reasons: tuple[str, ...]
) -> ClaimSuggestion:
    merged = Cues(
        sources=_merge(last.cues.sources, cues.sources),
        numbers=last.cues.numbers + cues.numbers,
        quotes=last.cues.quotes + cues.quotes,
        hedges=_merge(last.cues.hedges, cues.hedges),
        verb=last.cues.verb or cues.verb,
        named=_merge(last.cues.named, cues.named),
        refers_to=_merge(last.cues.refers_to, cues.refers_to),
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
