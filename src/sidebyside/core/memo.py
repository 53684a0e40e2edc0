"""Remembering what pure text readers found, so that a claim compared with twenty passages
(and a passage shown beside many claims) is read once, not each time."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

__all__ = ["remembered"]

T = TypeVar("T")
SIZE = 8192  # texts remembered per reader; claims and passages are short


def remembered(reader: Callable[[str], list[T]]) -> Callable[[str], list[T]]:
    """`reader(text)` computed once per text; each caller gets its own list (of the same
    immutable items), so a caller that changes its list changes nothing for the next."""
    cached = lru_cache(maxsize=SIZE)(lambda text: tuple(reader(text)))

    @wraps(reader)
    def read(text: str) -> list[T]:
        return list(cached(text))

    return read
