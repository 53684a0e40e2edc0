"""Hedges of the passage that the claim drops."""

from __future__ import annotations

from sidebyside.core.differences.finding import Difference
from sidebyside.core.hedges import find_hedges, hedge_family
from sidebyside.core.spans import Span


def hedge_differences(
    claim_text: str, passage_text: str, covered: list[Span], attributed: bool
) -> list[Difference]:
    claim_families = {hedge_family(phrase) for _, phrase in find_hedges(claim_text)}
    if attributed:  # "The Tribune reported that…" attributes as much as "according to"
        claim_families.add("attribution")
    found: list[Difference] = []
    reported: set[str] = set()
    for span, phrase in find_hedges(passage_text):
        family = hedge_family(phrase)
        if family in claim_families or any(span.overlaps(c) for c in covered):
            continue
        if family in ("estimate", "bound"):
            continue  # approximations are compared figure by figure above
        if phrase in reported:
            continue
        reported.add(phrase)
        written = " ".join(span.of(passage_text).split())
        explanation = (
            f"The source attributes this (“{written}”); the article states it as its own."
            if family == "attribution"
            else f"The source says “{written}”; the article drops this hedge."
        )
        found.append(Difference("hedge", None, span, explanation))
    return found
