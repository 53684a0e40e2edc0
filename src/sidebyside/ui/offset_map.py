"""Mapping between canonical code-point offsets and positions in a Qt text document.

The view holds one Qt block per canonical block, and Qt counts UTF-16 code
units, so a character outside the Basic Multilingual Plane (an emoji) takes
two positions. Every conversion goes through this map; nothing guesses.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@dataclass(frozen=True, slots=True)
class _Segment:
    start: int  # canonical offset of the block
    end: int
    view_start: int
    astral: tuple[int, ...]  # canonical offsets (relative) of characters needing two units


class OffsetMap:
    def __init__(self) -> None:
        self._segments: list[_Segment] = []
        self._starts: list[int] = []
        self._view_starts: list[int] = []

    def add_block(self, start: int, text: str, view_start: int) -> None:
        astral = tuple(match.start() for match in _ASTRAL.finditer(text))
        self._segments.append(_Segment(start, start + len(text), view_start, astral))
        self._starts.append(start)
        self._view_starts.append(view_start)

    def to_view(self, offset: int) -> int:
        """Qt position of a canonical offset; offsets between blocks go to the next block."""
        if not self._segments:
            return 0
        index = max(0, bisect_right(self._starts, offset) - 1)
        segment = self._segments[index]
        if offset > segment.end:
            if index + 1 < len(self._segments):
                return self._segments[index + 1].view_start
            offset = segment.end
        relative = max(0, offset - segment.start)
        extra = bisect_right(segment.astral, relative - 1)
        return segment.view_start + relative + extra

    def to_canonical(self, position: int) -> int:
        if not self._segments:
            return 0
        index = max(0, bisect_right(self._view_starts, position) - 1)
        segment = self._segments[index]
        relative_units = position - segment.view_start
        offset = 0
        units = 0
        # walk only past astral characters: each adds one extra unit
        for astral_offset in segment.astral:
            if units + (astral_offset - offset) >= relative_units:
                break
            units += astral_offset - offset + 2
            offset = astral_offset + 1
        result = segment.start + offset + max(0, relative_units - units)
        return min(result, segment.end)
