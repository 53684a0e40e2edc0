"""One way a claim departs from its passage, placed in both texts."""

from __future__ import annotations

from dataclasses import dataclass

from sidebyside.core.spans import Span

KINDS = ("number", "hedge", "quote", "name", "date", "negation", "absent")


@dataclass(frozen=True, slots=True)
class Difference:
    """One way the claim departs from the passage.

    `claim` is a span of the claim text and `source` a span of the passage text given
    to `find_differences` (add the passage's offset to place it in the source document);
    either is None when the finding has no place on that side.
    """

    kind: str
    claim: Span | None
    source: Span | None
    explanation: str

    def to_json(self, source_offset: int = 0) -> dict[str, object]:
        return {
            "kind": self.kind,
            "claim": None if self.claim is None else [self.claim.start, self.claim.end],
            "source": (
                None
                if self.source is None
                else [self.source.start + source_offset, self.source.end + source_offset]
            ),
            "explanation": self.explanation,
        }
