"""The index of one source: its sentences and which stems each contains.

Built once per source document and kept (the window stores `to_bytes()` beside the
source), so reopening a large workspace does not read 20 MB of text again. Everything is
in flat numpy arrays: a list of Python sets per sentence would take ten times the memory.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from itertools import chain, repeat

import numpy as np
import numpy.typing as npt

from sidebyside.core.document import Document
from sidebyside.core.matching.passages import split_passages
from sidebyside.core.matching.tokens import token_hashes
from sidebyside.core.words import clean_bytes, decode_token, is_content, stem

__all__ = ["INDEX_VERSION", "SourceIndex", "build_index"]

INDEX_VERSION = 1

IntArray = npt.NDArray[np.int32]


@dataclass(frozen=True, eq=False)
class SourceIndex:
    """Sentences of one source and the stems in each.

    `starts`/`ends`/`blocks` give sentence i as `text[starts[i]:ends[i]]` inside block
    `blocks[i]`. `terms` is this source's vocabulary of stems. The forward index
    `sentence_terms[sentence_pointer[i]:sentence_pointer[i + 1]]` lists the term numbers
    of sentence i (each once, ascending) with their counts in `sentence_counts`.
    `lengths[i]` counts its content words, repeats included.
    """

    content_hash: str
    starts: IntArray
    ends: IntArray
    blocks: IntArray
    lengths: IntArray
    terms: tuple[str, ...]
    sentence_pointer: IntArray
    sentence_terms: IntArray
    sentence_counts: IntArray

    @property
    def sentence_count(self) -> int:
        return int(self.starts.shape[0])

    def matches(self, document: Document) -> bool:
        """Whether this index was built from this very text."""
        return self.content_hash == document.content_hash

    def to_bytes(self) -> bytes:
        """A compact, pickle-free form for storing in a workspace."""
        buffer = io.BytesIO()
        header = {"version": INDEX_VERSION, "hash": self.content_hash, "terms": self.terms}
        np.savez(
            buffer,
            header=np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8),
            starts=self.starts,
            ends=self.ends,
            blocks=self.blocks,
            lengths=self.lengths,
            sentence_pointer=self.sentence_pointer,
            sentence_terms=self.sentence_terms,
            sentence_counts=self.sentence_counts,
        )
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> SourceIndex:
        """Read `to_bytes()` output; ValueError when it is damaged or of another version."""
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
                header = json.loads(arrays["header"].tobytes().decode("utf-8"))
                if header.get("version") != INDEX_VERSION:
                    raise ValueError("index built by another version of sidebyside")
                return cls(
                    content_hash=str(header["hash"]),
                    terms=tuple(str(term) for term in header["terms"]),
                    **{name: arrays[name].astype(np.int32) for name in _ARRAYS},
                )
        except (OSError, KeyError, json.JSONDecodeError, UnicodeDecodeError) as error:
            raise ValueError(f"damaged index: {error}") from error


_ARRAYS = (
    "starts",
    "ends",
    "blocks",
    "lengths",
    "sentence_pointer",
    "sentence_terms",
    "sentence_counts",
)


# Shared by every build, since sources have most words in common: each token (by its
# hash) maps to a number in `_STEMS`, or -1 for a stopword, so that a token is decoded and
# stemmed only once in a session.
_STEM_OF_HASH: dict[int, int] = {}
_STEMS: list[str] = []
_STEM_NUMBERS: dict[str, int] = {}
_CACHE_LIMIT = 2_000_000
_UNKNOWN = -2


def _stem_number(token: bytes) -> int:
    lower = decode_token(token)
    if not lower or not is_content(lower):
        return -1
    term = stem(lower)
    number = _STEM_NUMBERS.get(term)
    if number is None:
        number = _STEM_NUMBERS[term] = len(_STEMS)
        _STEMS.append(term)
    return number


def build_index(document: Document) -> SourceIndex:
    """Split the document into sentences and record the stems of each."""
    text = document.text
    sentences = split_passages(document)
    lower = text.lower()
    if len(lower) != len(text):  # a rare letter whose lowercase is longer ("İ")
        lower = "".join(char.lower()[0] for char in text)
    data = clean_bytes(lower)
    byte_spans = (
        [(start, end) for start, end, _ in sentences]
        if len(data) == len(lower)
        else _byte_spans(lower, sentences)
    )
    count = len(byte_spans)
    starts, ends, hashes, data = token_hashes(data)
    distinct, first, inverse = np.unique(hashes, return_index=True, return_inverse=True)
    if len(_STEM_OF_HASH) > _CACHE_LIMIT:
        _STEM_OF_HASH.clear()
    keys = distinct.tolist()
    known = np.fromiter(
        map(_STEM_OF_HASH.get, keys, repeat(_UNKNOWN)), dtype=np.int64, count=len(keys)
    )
    for position in np.flatnonzero(known == _UNKNOWN).tolist():
        at = int(first[position])
        known[position] = _STEM_OF_HASH[keys[position]] = _stem_number(data[starts[at] : ends[at]])
    shared = known[inverse.ravel()]
    sentence_starts = np.fromiter(chain.from_iterable(byte_spans), dtype=np.int64, count=2 * count)[
        ::2
    ]
    sentence_of = np.searchsorted(sentence_starts, starts, side="right") - 1
    keep = (shared >= 0) & (sentence_of >= 0)
    shared, sentence_of = shared[keep], sentence_of[keep]
    vocabulary, flat = np.unique(shared, return_inverse=True)  # this source's own numbering
    flat = flat.ravel().astype(np.int64)
    lengths = np.bincount(sentence_of, minlength=count).astype(np.int32)
    width = max(int(vocabulary.size), 1)
    pairs, counts = np.unique(sentence_of * width + flat, return_counts=True)
    pointer = np.zeros(count + 1, dtype=np.int32)
    np.cumsum(np.bincount(pairs // width, minlength=count), out=pointer[1:])
    spans = np.fromiter(chain.from_iterable(sentences), dtype=np.int32, count=3 * count).reshape(
        -1, 3
    )
    return SourceIndex(
        content_hash=document.content_hash,
        starts=spans[:, 0].copy(),
        ends=spans[:, 1].copy(),
        blocks=spans[:, 2].copy(),
        lengths=lengths,
        terms=tuple(map(_STEMS.__getitem__, vocabulary.tolist())),
        sentence_pointer=pointer,
        sentence_terms=(pairs % width).astype(np.int32),
        sentence_counts=counts.astype(np.int32),
    )


def _byte_spans(lower: str, sentences: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Sentence offsets in the UTF-8 bytes of a text that is not pure ASCII."""
    positions = sorted({position for start, end, _ in sentences for position in (start, end)})
    byte_of: dict[int, int] = {}
    previous = total = 0
    for position in positions:
        total += len(lower[previous:position].encode("utf-8"))
        byte_of[position] = total
        previous = position
    return [(byte_of[start], byte_of[end]) for start, end, _ in sentences]
