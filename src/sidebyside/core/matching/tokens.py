"""Tokens of a whole source at numpy speed: boundaries and 64-bit hashes, no Python objects.

Splitting 20 MB into three million Python `bytes` and hashing each into a dict took over a
second; here a polynomial hash of every token comes from two cumulative sums, and only a
source's distinct tokens (a few thousand) are ever looked at one by one. The tokens are
those of `sidebyside.core.words.tokens`: runs between blanks of `clean_bytes` output, with
trailing "." and "," dropped.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["token_hashes"]

_BASE = 1_000_003
_INVERSE = pow(_BASE, -1, 1 << 64)
_LENGTH_MIX = np.uint64(0x9E3779B97F4A7C15)
_BLANKS = np.zeros(256, dtype=bool)
_BLANKS[[9, 10, 11, 12, 13, 32]] = True

Positions = npt.NDArray[np.int64]
Hashes = npt.NDArray[np.uint64]


_POWERS: list[npt.NDArray[np.uint64]] = []


def _powers(size: int) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """BASE**i and BASE**-i modulo 2**64 for i < size, computed once and grown as needed."""
    if not _POWERS or _POWERS[0].size < size:
        length = max(size, 2 * (_POWERS[0].size if _POWERS else 0), 1 << 17)
        powers = np.empty(length, dtype=np.uint64)
        inverse = np.empty(length, dtype=np.uint64)
        powers[0] = inverse[0] = 1
        powers[1:] = np.cumprod(np.full(length - 1, _BASE, dtype=np.uint64))
        inverse[1:] = np.cumprod(np.full(length - 1, _INVERSE, dtype=np.uint64))
        _POWERS[:] = [powers, inverse]
    return _POWERS[0][:size], _POWERS[1][:size]


def token_hashes(data: bytes) -> tuple[Positions, Positions, Hashes, bytes]:
    """(starts, ends, hashes) of every token of `clean_bytes` output, and the bytes with
    the dropped trailing punctuation blanked, from which a token reads `data[start:end]`."""
    codes = np.frombuffer(data, dtype=np.uint8).copy()
    size = codes.size
    if size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.uint64), b""
    for _ in range(2):  # "U.S.," loses its "," and then its "."
        trailing = (codes == 46) | (codes == 44)
        trailing[:-1] &= _BLANKS[codes[1:]]
        codes[trailing] = 32
    blank = _BLANKS[codes]
    inside = ~blank
    edges = np.diff(np.concatenate(([False], inside, [False])).astype(np.int8))
    starts = np.flatnonzero(edges == 1).astype(np.int64)
    ends = np.flatnonzero(edges == -1).astype(np.int64)
    powers, inverse = _powers(size + 1)
    prefix = np.zeros(size + 1, dtype=np.uint64)
    prefix[1:] = np.cumsum(codes.astype(np.uint64) * powers[:-1])
    hashes = (prefix[ends] - prefix[starts]) * inverse[starts]
    hashes ^= (ends - starts).astype(np.uint64) * _LENGTH_MIX
    return starts, ends, hashes, codes.tobytes()
