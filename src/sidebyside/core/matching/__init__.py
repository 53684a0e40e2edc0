"""Evidence matching: which passage of which source says what a claim says, and why.

`Matcher(sources).match(claim)` gives the best passages above a calibrated threshold,
each with human-readable reasons and the differences between claim and passage.
"""

from sidebyside.core.matching.alignment import Alignment
from sidebyside.core.matching.index import INDEX_VERSION, SourceIndex, build_index
from sidebyside.core.matching.match import Match
from sidebyside.core.matching.matcher import THRESHOLD, Matcher, is_weak
from sidebyside.core.matching.support import Support

__all__ = [
    "INDEX_VERSION",
    "Alignment",
    "Support",
    "THRESHOLD",
    "Match",
    "Matcher",
    "SourceIndex",
    "build_index",
    "is_weak",
]
