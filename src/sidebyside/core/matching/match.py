"""A passage of a source put beside a claim: where it is, why, and how far it backs it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sidebyside.core.differences import Difference
from sidebyside.core.matching.support import Support

__all__ = ["Match"]


@dataclass(frozen=True, slots=True)
class Match:
    """A passage of one source that supports (or bears on) a claim.

    `start`/`end` are offsets into the source document's text. The spans of each
    difference are relative to the claim text and to `text` (the passage).
    """

    source: str
    start: int
    end: int
    text: str
    score: float
    reasons: tuple[str, ...]
    differences: tuple[Difference, ...] = ()
    support: Support = Support.RELATED
    wording: float = 0.0  # how closely the passage's wording follows the claim's (0-1)
    # what the score and the judgement were made of (see rerank.WEIGHTS, support.judge)
    features: Mapping[str, float] = field(default_factory=dict, compare=False)

    def to_json(self) -> dict[str, object]:
        """Plain data; difference spans on the source side in document offsets."""
        return {
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": self.score,
            "reasons": list(self.reasons),
            "support": str(self.support),
            "differences": [d.to_json(source_offset=self.start) for d in self.differences],
        }
