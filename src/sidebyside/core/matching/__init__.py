"""Evidence matching: which passage of which source says what a claim says, and why.

`Matcher(sources).match(claim)` gives the best passages above a calibrated threshold,
each with human-readable reasons and the differences between claim and passage.
"""

from sidebyside.core.matching.index import INDEX_VERSION, SourceIndex, build_index
from sidebyside.core.matching.matcher import THRESHOLD, Match, Matcher, is_weak

__all__ = [
    "INDEX_VERSION",
    "THRESHOLD",
    "Match",
    "Matcher",
    "SourceIndex",
    "build_index",
    "is_weak",
]
