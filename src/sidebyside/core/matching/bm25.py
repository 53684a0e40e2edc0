"""BM25 over the sentences of every source at once, in numpy.

The per-source indexes are merged into one term -> sentences table so that a claim is
scored against 200 sources with a few array operations instead of 200 loops. Okapi BM25
with the usual k1 = 1.2, b = 0.75; idf is the non-negative Lucene form, so a word found
in most sentences adds little but never subtracts.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

import numpy as np
import numpy.typing as npt

from sidebyside.core.matching.index import SourceIndex

__all__ = ["SentenceTable"]

K1 = 1.2
B = 0.75
COMMON_SENTENCES = 2_000  # a term in more sentences than this (or 2%) only adds to scores
MIN_RARE_TERMS = 3
SHORTLIST = 256

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


class SentenceTable:
    """Every sentence of every source, numbered consecutively, with BM25 weights.

    Sentence numbers of source k are `offsets[k]:offsets[k + 1]`.
    """

    def __init__(self, indexes: Sequence[SourceIndex]) -> None:
        self.vocabulary: dict[str, int] = {
            term: number
            for number, term in enumerate(
                dict.fromkeys(chain.from_iterable(index.terms for index in indexes))
            )
        }
        self.offsets = np.zeros(len(indexes) + 1, dtype=np.int64)
        term_parts: list[npt.NDArray[np.int32]] = []
        count_parts: list[npt.NDArray[np.int32]] = []
        pointer_parts: list[IntArray] = []
        total_pairs = 0
        for number, index in enumerate(indexes):
            local = np.fromiter(
                map(self.vocabulary.__getitem__, index.terms),
                dtype=np.int32,
                count=len(index.terms),
            )
            term_parts.append(local[index.sentence_terms])
            count_parts.append(index.sentence_counts)
            pointer_parts.append(index.sentence_pointer[:-1].astype(np.int64) + total_pairs)
            total_pairs += int(index.sentence_pointer[-1])
            self.offsets[number + 1] = self.offsets[number] + index.sentence_count
        self.size = int(self.offsets[-1])
        # forward table: the terms of sentence i are terms[pointer[i]:pointer[i + 1]]
        self.terms: npt.NDArray[np.int32] = np.concatenate(
            [np.zeros(0, dtype=np.int32), *term_parts]
        ).astype(np.int32)
        self.counts = _concatenate(count_parts, np.int32)
        self.pointer = np.append(_concatenate(pointer_parts, np.int64), total_pairs)
        self.lengths = _concatenate([index.lengths for index in indexes], np.int32)
        self.source_of = np.repeat(np.arange(len(indexes), dtype=np.int32), np.diff(self.offsets))
        self._invert()

    def _invert(self) -> None:
        """Postings: the sentences of term t are `post_sentences[start[t]:start[t + 1]]`,
        ascending, with their BM25 weights in `post_weights`."""
        sentence_of_pair = np.repeat(
            np.arange(self.size, dtype=np.int32), np.diff(self.pointer).astype(np.int64)
        )
        order = np.argsort(self.terms, kind="stable")
        self.post_sentences = sentence_of_pair[order]
        vocabulary_size = len(self.vocabulary)
        document_frequency = np.bincount(self.terms, minlength=vocabulary_size)
        self.term_start = np.zeros(vocabulary_size + 1, dtype=np.int64)
        np.cumsum(document_frequency, out=self.term_start[1:])
        size = max(self.size, 1)
        self.idf = np.log1p((size - document_frequency + 0.5) / (document_frequency + 0.5))
        self.max_idf = float(np.log1p((size + 0.5) / 0.5))
        average = float(self.lengths.mean()) if self.size else 1.0
        tf = self.counts[order].astype(np.float64)
        length = self.lengths[self.post_sentences].astype(np.float64)
        norm = K1 * (1.0 - B + B * length / max(average, 1.0))
        weights = np.repeat(self.idf, document_frequency) * tf * (K1 + 1.0) / (tf + norm)
        self.post_weights = weights.astype(np.float32)

    def term_numbers(self, stems: Sequence[str]) -> list[int]:
        """Numbers of the stems that occur in some source, each once, in first order."""
        seen: dict[int, None] = {}
        for stem in stems:
            number = self.vocabulary.get(stem)
            if number is not None:
                seen.setdefault(number, None)
        return list(seen)

    def idf_of(self, stem: str) -> float:
        """How telling a stem is; a stem no source uses is as telling as can be."""
        number = self.vocabulary.get(stem)
        return self.max_idf if number is None else float(self.idf[number])

    def scores(self, terms: Sequence[int]) -> FloatArray:
        """BM25 of every sentence for a query made of these term numbers."""
        if not terms or not self.size:
            return np.zeros(self.size)
        if len(terms) == 1:
            start, end = self.term_start[terms[0]], self.term_start[terms[0] + 1]
            sentences = self.post_sentences[start:end]
            weights = self.post_weights[start:end]
        else:
            slices = [slice(self.term_start[t], self.term_start[t + 1]) for t in terms]
            sentences = np.concatenate([self.post_sentences[s] for s in slices])
            weights = np.concatenate([self.post_weights[s] for s in slices])
        return np.bincount(sentences, weights=weights, minlength=self.size).astype(np.float64)

    def candidates(
        self,
        terms: Sequence[int],
        allowed: npt.NDArray[np.bool_] | None = None,
        shortlist: int | None = None,
    ) -> tuple[IntArray, FloatArray]:
        """Sentences holding at least one of the query's telling terms, with their BM25.

        The exact BM25 of `scores`, restricted to sentences that contain one of the rarer
        query terms: a sentence sharing only words that most sentences use is no candidate,
        and skipping the long lists of such words keeps a query under a millisecond.
        """
        if not terms or not self.size:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        numbers = np.asarray(terms, dtype=np.int64)
        frequency = self.term_start[numbers + 1] - self.term_start[numbers]
        order = np.lexsort((numbers, frequency))
        numbers, frequency = numbers[order], frequency[order]
        limit = max(COMMON_SENTENCES, self.size // 50)
        rare_count = max(int(np.count_nonzero(frequency <= limit)), MIN_RARE_TERMS)
        starts = self.term_start[numbers].tolist()
        ends = self.term_start[numbers + 1].tolist()
        rare = list(zip(starts[:rare_count], ends[:rare_count], strict=True))
        sentences = np.concatenate([self.post_sentences[a:b] for a, b in rare])
        weights = np.concatenate([self.post_weights[a:b] for a, b in rare])
        if allowed is not None:  # one flag per source
            keep = allowed[self.source_of[sentences]]
            sentences, weights = sentences[keep], weights[keep]
        found, inverse = np.unique(sentences, return_inverse=True)
        scores = np.bincount(inverse.ravel(), weights=weights, minlength=found.size).astype(
            np.float64
        )
        shortlist = SHORTLIST if shortlist is None else shortlist
        if found.size > shortlist:  # common words cannot lift a sentence from far below
            keep = np.argpartition(-scores, shortlist - 1)[:shortlist]
            found, scores = found[keep], scores[keep]
        for start, end in zip(starts[rare_count:], ends[rare_count:], strict=True):
            posting = self.post_sentences[start:end]
            where = np.searchsorted(posting, found)
            hit = where < posting.size
            hit[hit] = posting[where[hit]] == found[hit]
            scores[hit] += self.post_weights[start:end][where[hit]].astype(np.float64)
        return found.astype(np.int64), scores

    @staticmethod
    def best(sentences: IntArray, scores: FloatArray, count: int) -> list[int]:
        """The `count` best-scoring sentences, best first; ties go to the earlier sentence
        so that results never depend on the platform's sort."""
        if sentences.size == 0 or count <= 0:
            return []
        if count < sentences.size:
            chosen = np.argpartition(-scores, count - 1)[:count]
            sentences, scores = sentences[chosen], scores[chosen]
        order = np.lexsort((sentences, -scores))
        return [int(sentence) for sentence in sentences[order]]

    def in_source(self, term: int, source: int) -> bool:
        """Whether any sentence of source number `source` holds the term."""
        start, end = int(self.term_start[term]), int(self.term_start[term + 1])
        postings = self.post_sentences[start:end]
        first = int(np.searchsorted(postings, self.offsets[source]))
        return first < postings.size and int(postings[first]) < int(self.offsets[source + 1])

    def sentence_terms(self, sentence: int) -> npt.NDArray[np.int32]:
        terms: npt.NDArray[np.int32] = self.terms[
            self.pointer[sentence] : self.pointer[sentence + 1]
        ]
        return terms


def _concatenate(parts: Sequence[npt.NDArray[np.generic]], dtype: type) -> npt.NDArray[np.generic]:
    if not parts:
        return np.zeros(0, dtype=dtype)
    return np.concatenate(parts).astype(dtype, copy=False)
