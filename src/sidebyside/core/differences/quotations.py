"""Quotations the passage does not print word for word."""

from __future__ import annotations

from sidebyside.core.differences.finding import Difference
from sidebyside.core.quotes import (
    closest_wording,
    elided_parts,
    find_quotations,
    quote_pieces,
    reads_as_title,
)
from sidebyside.core.spans import Span
from sidebyside.core.words import all_words, is_content, present


def quotation_differences(claim_text: str, passage_text: str) -> list[Difference]:
    found: list[Difference] = []
    for span in find_quotations(claim_text):
        quoted = span.of(claim_text)
        if reads_as_title(quoted):  # "Master of Puppets", "Brown v. Board": a name
            found += _missing_title_words(claim_text, passage_text, span)
            continue
        if _elided_verbatim(quoted, passage_text):
            continue
        pieces = quote_pieces(quoted, passage_text)
        if pieces is not None and len(pieces) == 1:
            continue  # verbatim
        if pieces is not None:
            first, second = (" ".join(p.of(passage_text).split()) for p in pieces)
            found.append(
                Difference(
                    "quote",
                    span,
                    Span(min(p.start for p in pieces), max(p.end for p in pieces)),
                    f"The quotation joins two separate places in the source: “{first}” "
                    f"and “{second}”.",
                )
            )
            continue
        closest = closest_wording(quoted, passage_text)
        if closest is None:
            found.append(
                Difference("quote", span, None, "The quoted words are not in the passage at all.")
            )
            continue
        wording = " ".join(closest.of(passage_text).split())
        found.append(
            Difference(
                "quote",
                span,
                closest,
                f"The quoted words are not in the source verbatim; the closest wording is "
                f"“{wording}”.",
            )
        )
    return found


def _missing_title_words(claim_text: str, passage_text: str, span: Span) -> list[Difference]:
    """A quoted title is looked for as a name: its words the passage lacks, each run of
    them once; nothing when the passage has them all, in whatever form."""
    passage_stems = {w.stem for w in all_words(passage_text)}
    runs: list[list[Span]] = [[]]
    for word in all_words(claim_text):
        if not span.start <= word.start < span.end or not is_content(word.lower):
            continue
        if present(word.stem, passage_stems):
            runs.append([])
        else:
            runs[-1].append(Span(word.start, word.end))
    found = []
    for run in (run for run in runs if run):
        missing = Span(run[0].start, run[-1].end)
        phrase = " ".join(missing.of(claim_text).split())
        found.append(
            Difference("absent", missing, None, f"The passage says nothing of “{phrase}”.")
        )
    return found


def _elided_verbatim(quoted: str, passage_text: str) -> bool:
    """Whether a quotation that leaves words out ("mature, tasteful, and [...] sexy") has
    each of its pieces verbatim in the passage, in order."""
    parts = elided_parts(quoted)
    if len(parts) < 2:
        return False
    reached = 0
    for part in parts:
        pieces = quote_pieces(part, passage_text[reached:])
        if pieces is None or len(pieces) != 1:
            return False
        reached += pieces[0].end
    return True
