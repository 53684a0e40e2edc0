"""How far a passage backs a claim, judged apart from finding it.

Showing a passage and judging it are two steps: the matcher shows each source's best
passage whenever it bears on the claim (`bears_on`), and `judge` then says whether it
supports the claim, supports part of it (the "says nothing of" differences list the rest),
contradicts it (a figure, date or quotation given otherwise, or a denial), or is only
related. The cut points are calibrated on WiCE's real claims (claims-dev; see
benchmarks/calibrate.py), never on text the team wrote.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only named: judging a passage must not load the detectors
    from sidebyside.core.differences import Difference


__all__ = [
    "BEARS_ON",
    "Support",
    "backs_part",
    "bears_on",
    "judge",
    "strength",
]


class Support(StrEnum):
    SUPPORTS = "supports"
    PARTLY_SUPPORTS = "partly_supports"
    CONTRADICTS = "contradicts"
    RELATED = "related"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Support.SUPPORTS: "supports the claim",
    Support.PARTLY_SUPPORTS: "supports part of the claim",
    Support.CONTRADICTS: "at odds with the claim",
    Support.RELATED: "related, does not say this",
}

# How much of the claim the passage says: the share of its content (by how telling each
# word is), of its names and figures, and the closeness of the wording; and how much of
# it the passage's source says anywhere ("source"); less the share of the claim's
# characters the passage says nothing of. Fitted to WiCE claims-dev's three labels
# (macro-F1; see benchmarks/wice.py), weights scaled to add up to 1.
STRENGTH_WEIGHTS = {
    "coverage": 0.36,
    "source": 0.35,
    "names": 0.13,
    "numbers": 0.09,
    "wording": 0.07,
}
UNSAID_WEIGHT = 0.11
BEARS_ON = 0.08  # strength under which a passage does not bear on the claim at all
PARTLY = 0.22  # strength from which a passage backs part of the claim
SUPPORTS = 0.52  # strength from which it backs all of it
AT_ODDS = frozenset({"number", "date", "quote", "negation"})  # the passage says otherwise


def strength(features: Mapping[str, float]) -> float:
    """A feature not given (a passage judged outside its source) counts as `coverage`."""
    coverage = features.get("coverage", 0.0)
    return sum(weight * features.get(name, coverage) for name, weight in STRENGTH_WEIGHTS.items())


def bears_on(features: Mapping[str, float]) -> bool:
    """Whether the passage speaks of what the claim speaks of, enough to be shown."""
    return strength(features) >= BEARS_ON


def backs_part(features: Mapping[str, float]) -> bool:
    """Whether the passage is strong enough to back part of the claim."""
    return strength(features) >= PARTLY


def judge(
    features: Mapping[str, float], differences: Iterable[Difference], claim_length: int
) -> Support:
    """`claim_length` in characters: the "says nothing of" findings count by their share
    of the claim."""
    found = list(differences)
    unsaid = sum(d.claim.end - d.claim.start for d in found if d.kind == "absent" and d.claim)
    value = strength(features) - UNSAID_WEIGHT * unsaid / max(claim_length, 1)
    if value < PARTLY:
        return Support.RELATED
    if any(_at_odds(difference) for difference in found):
        return Support.CONTRADICTS  # a passage that backs part of it, and says otherwise
    if value >= SUPPORTS and not any(_backs_less(difference) for difference in found):
        return Support.SUPPORTS
    return Support.PARTLY_SUPPORTS


def _backs_less(difference: Difference) -> bool:
    """A figure of the claim that the passage does not give, or a hedge of the passage
    that the claim drops: the passage backs a weaker claim than the article makes."""
    if difference.kind == "number":
        return difference.source is None
    return difference.kind == "hedge" and difference.claim is not None


def _at_odds(difference: Difference) -> bool:
    """A figure or date the passage gives otherwise, a quotation it words otherwise, or a
    denial of what the claim says. (A name is not enough: the passage may name the same
    one in another way.)"""
    return difference.source is not None and difference.kind in AT_ODDS


def is_weak(support: str) -> bool:
    """A passage shown because it bears on the claim, though it does not say it: worth a
    look, not a find."""
    return support == Support.RELATED
