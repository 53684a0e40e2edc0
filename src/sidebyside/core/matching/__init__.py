"""Evidence matching: which passage of which source says what a claim says, and why.

`Matcher(sources).match(claim)` gives the best passages above a calibrated threshold,
each with human-readable reasons and the differences between claim and passage.

The names below are loaded when first used: reading a judgement (`Support`, `Alignment`)
must not load numpy and the indexes, which only matching needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # for the type checker, which cannot follow __getattr__
    from sidebyside.core.matching.alignment import Alignment as Alignment
    from sidebyside.core.matching.index import (
        INDEX_VERSION as INDEX_VERSION,
    )
    from sidebyside.core.matching.index import (
        SourceIndex as SourceIndex,
    )
    from sidebyside.core.matching.index import (
        build_index as build_index,
    )
    from sidebyside.core.matching.match import Match as Match
    from sidebyside.core.matching.matcher import THRESHOLD as THRESHOLD
    from sidebyside.core.matching.matcher import Matcher as Matcher
    from sidebyside.core.matching.support import Support as Support
    from sidebyside.core.matching.support import is_weak as is_weak

_HOMES = {
    "Alignment": "alignment",
    "INDEX_VERSION": "index",
    "SourceIndex": "index",
    "build_index": "index",
    "Match": "match",
    "THRESHOLD": "matcher",
    "Matcher": "matcher",
    "is_weak": "support",
    "Support": "support",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
