"""Find, for a claim, the passages of the attached sources that say the same thing.

Retrieval is BM25 over every source sentence at once; each of the best sentences is then
tried alone and with a neighbour or two (claims often merge adjacent sentences), and the
reranker scores those passages with readable features. Below the calibrated threshold a
passage is no match: "not found in the attached sources" is an answer too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from sidebyside.core.differences import Difference, find_differences
from sidebyside.core.document import Document
from sidebyside.core.matching.alignment import Alignment
from sidebyside.core.matching.bm25 import SentenceTable
from sidebyside.core.matching.claim import ClaimProfile, SourceNameFinder, profile_claim
from sidebyside.core.matching.index import SourceIndex, build_index
from sidebyside.core.matching.match import Match
from sidebyside.core.matching.rerank import ClaimTerms, Evidence, Scorer
from sidebyside.core.matching.support import Support, backs_part, bears_on, is_weak, judge
from sidebyside.core.progress import current_progress
from sidebyside.core.words import content_stems

__all__ = ["THRESHOLD", "Match", "Matcher", "is_weak"]

# Calibrated on benchmarks/data/matching (see benchmarks/matching.py --calibrate): the
# score that best separates right passages from claims that no source contains.
THRESHOLD = 0.45


SENTENCES = 12  # best BM25 sentences whose windows are reranked (half, per source, of many)
WINDOWS = 10  # windows given the full (slower) reranking (5 per source, of many)
CACHE_LIMIT = 20_000  # sentences whose term sets are kept between claims
PANES = 8  # sources reranked by best_per_source
RELATIVE_FLOOR = 0.35  # of the best BM25 sentence, below which a source is not reranked
# A claim that quotes someone and names them (or the source) says where the words should
# be: there a passage is shown a little below the threshold, so that the reader sees what
# was said instead, with the difference "not in the source verbatim".
QUOTE_EASING = 0.1


@dataclass(frozen=True, slots=True)
class _Window:
    source: int
    first: int  # sentence numbers in the table, inclusive
    last: int


class Matcher:
    """Matches claims against a fixed set of sources; build once, ask many times.

    `indexes` may hold stored `SourceIndex`es (see `SourceIndex.to_bytes`); those that
    no longer fit their document's text are rebuilt.
    """

    def __init__(
        self,
        sources: Mapping[str, Document],
        *,
        indexes: Mapping[str, SourceIndex] | None = None,
        threshold: float = THRESHOLD,
    ) -> None:
        self.keys = tuple(sources)
        self.documents = tuple(sources[key] for key in self.keys)
        self.threshold = threshold
        stored = indexes or {}
        progress = current_progress()
        built: list[SourceIndex] = []
        for number, (key, document) in enumerate(zip(self.keys, self.documents, strict=True)):
            if key in stored and stored[key].matches(document):
                built.append(stored[key])
                continue
            progress.advance(number, len(self.keys), f"indexing source {number + 1}")
            built.append(build_index(document))
        self.indexes = tuple(built)
        self.table = SentenceTable(self.indexes)
        self.scorer = Scorer(self.table)
        self.names = SourceNameFinder(sources)
        self._position = {key: number for number, key in enumerate(self.keys)}
        self._sets: dict[int, frozenset[int]] = {}

    def match(
        self,
        claim_text: str,
        *,
        top: int = 3,
        sources: Iterable[str] | None = None,
        minimum: float | None = None,
    ) -> list[Match]:
        """The best passages for the claim, best first, at most `top`, only those scoring
        at least the threshold (or `minimum`); empty when no source says it."""
        allowed = self._allowed(sources)
        profile = profile_claim(claim_text, self.names)
        claim = self.scorer.claim_terms(profile)
        terms = self.table.term_numbers(profile.query)
        found, scores = self.table.candidates(terms, allowed)
        best = self.table.best(found, scores, SENTENCES)
        floor = self.threshold if minimum is None else minimum
        return self._rank(profile, claim, best, _retrieval(found, scores), top, floor)

    def align(self, claim_text: str, *, candidates: int = 5) -> Alignment:
        """Each source's passages for the claim, with the verdict they suggest."""
        profile = profile_claim(claim_text, self.names)
        per_source = self._best_per_source(profile, candidates, None)
        return Alignment.of(per_source, profile.cited, unattached=profile.cites_unattached)

    def best_per_source(
        self,
        claim_text: str,
        *,
        candidates: int = 5,
        sources: Iterable[str] | None = None,
    ) -> dict[str, list[Match]]:
        """For each source (or each of `sources`) that bears on the claim, its best passages,
        best first, at most `candidates`: what the side-by-side panes step through.

        Recall first: a source's best passage is shown whenever it shares the claim's
        subject (`BEARS_ON`), even if it backs only part of the claim; its `support` says
        how far. A source is left out only when nothing in it bears on the claim.

        Sources are reranked in order of their best BM25 sentence, at most `PANES` of them
        (and every source the claim names); one whose best sentence scores under about a
        third of the overall best (`RELATIVE_FLOOR`) shares too little wording with the claim
        beside the sources that do, and skipping it keeps a 200-source reading list near
        10 ms a claim.
        """
        return self._best_per_source(profile_claim(claim_text, self.names), candidates, sources)

    def _best_per_source(
        self, profile: ClaimProfile, candidates: int, sources: Iterable[str] | None
    ) -> dict[str, list[Match]]:
        claim = self.scorer.claim_terms(profile)
        terms = self.table.term_numbers(profile.query)
        found, scores = self.table.candidates(
            terms, self._allowed(sources), shortlist=max(4096, 64 * len(self.keys))
        )
        if found.size == 0:
            return {}
        owners = self.table.source_of[found]
        order = np.lexsort((found, -scores))
        numbers, first = np.unique(owners[order], return_index=True)
        best_of = dict(zip(numbers.tolist(), scores[order][first].tolist(), strict=True))
        ranked = sorted(best_of, key=lambda number: (-best_of[number], number))
        floor = RELATIVE_FLOOR * best_of[ranked[0]]
        result: dict[str, list[Match]] = {}
        cited = [n for n in ranked[PANES:] if self.keys[n] in profile.cited]
        reranked = [
            number
            for number in ranked[:PANES] + cited
            if best_of[number] >= floor or self.keys[number] in profile.cited
        ]
        # One source is searched deeply; many share the time (see `SENTENCES`).
        depth, width = (SENTENCES, WINDOWS) if len(reranked) == 1 else (SENTENCES // 2, 3)
        for number in reranked:
            mine = owners == number
            sentences, sentence_scores = found[mine], scores[mine]
            best = self.table.best(sentences, sentence_scores, max(depth, candidates))
            retrieval = _retrieval(sentences, sentence_scores)
            matches = self._rank(profile, claim, best, retrieval, candidates, None, width)
            if matches:
                result[self.keys[number]] = matches
        return {key: result[key] for key in self.keys if key in result}

    def passage(self, claim_text: str, key: str, start: int, end: int) -> Match:
        """Any span of a source (one the reader linked by hand) scored, explained and
        judged like a passage the matcher found."""
        profile = profile_claim(claim_text, self.names)
        claim = self.scorer.claim_terms(profile)
        number = self._position[key]
        text = self.documents[number].text[start:end]
        vocabulary = self.table.vocabulary
        terms = {vocabulary[stem] for stem in content_stems(text) if stem in vocabulary}
        evidence = self.scorer.evidence(profile, claim, terms, text, key, explain=True)
        differences = tuple(
            find_differences(claim_text, text, ignore_names=self._not_names(profile, key))
        )
        support = judge(evidence.features, differences, len(claim_text))
        wording = evidence.features.get("wording", 0.0)
        return Match(
            key,
            start,
            end,
            text,
            evidence.score,
            evidence.reasons,
            differences,
            support,
            wording,
            evidence.features,
        )

    def _not_names(self, profile: ClaimProfile, key: str) -> list[str]:
        """Names no difference is made of: the source's own, and the names of attached
        sources the claim uses ("Vesgrad" for the ministry, where the passage of another
        source says "Valdoria": the same actor, no name difference)."""
        return [*self.names.own(key), *profile.source_names]

    def _allowed(self, sources: Iterable[str] | None) -> np.ndarray | None:
        if sources is None:
            return None
        allowed = np.zeros(len(self.keys), dtype=bool)
        for key in sources:
            if key in self._position:
                allowed[self._position[key]] = True
        return allowed

    def _rank(
        self,
        profile: ClaimProfile,
        claim: ClaimTerms,
        sentences: list[int],
        retrieval: dict[int, float],
        top: int,
        floor: float | None,
        width: int = WINDOWS,
    ) -> list[Match]:
        """The best `top` passages that do not overlap, of the `width` best windows. With a
        `floor`, only those scoring at least that; without one (recall first), those that
        bear on the claim."""
        windows: dict[_Window, float] = {}
        for sentence in sentences:
            for window in self._windows(sentence):
                if window not in windows:
                    windows[window] = self.scorer.quick(claim, self._terms(window))
        shortlist = sorted(windows, key=lambda w: (-windows[w], w.first, w.last))[:width]
        scored: list[tuple[float, _Window, Evidence]] = []
        for window in shortlist:
            # explained now, so that a chosen passage is scored once
            evidence = self._evidence(profile, claim, window, retrieval, explain=True)
            scored.append((evidence.score, window, evidence))
        scored.sort(key=lambda item: (-item[0], item[1].source, item[1].first, item[1].last))
        chosen: list[_Window] = []
        explained: dict[_Window, Evidence] = {}
        for score, window, evidence in scored:
            if len(chosen) >= top:
                break
            if floor is not None:
                easing = QUOTE_EASING if "speaker" in evidence.features else 0.0
                if score < floor - easing:
                    continue
            elif not bears_on(evidence.features):
                continue
            if any(self._overlaps(window, other) for other in chosen):
                continue
            chosen.append(window)
            explained[window] = evidence
        contexts: dict[int, dict[str, float]] = {}
        for window in chosen:
            if window.source not in contexts:
                contexts[window.source] = self._source_context(claim, window.source)
        return [
            self._match(profile, window, explained[window], contexts[window.source])
            for window in chosen
        ]

    def _source_context(self, claim: ClaimTerms, source: int) -> dict[str, float]:
        """How much of the claim the passage's source says anywhere ("source"): a claim
        is backed in full only when its source says every part of it somewhere."""
        present = {term for term in claim.weights if self.table.in_source(term, source)}
        return {"source": self.scorer.coverage(claim, present)}

    def reranked(self, claim_text: str, key: str) -> list[tuple[int, int, dict[str, float]]]:
        """Every passage of one source that the reranker scores for the claim, with its
        features: (start, end, features). For calibrating `rerank.WEIGHTS` on real data."""
        profile = profile_claim(claim_text, self.names)
        claim = self.scorer.claim_terms(profile)
        found, scores = self.table.candidates(
            self.table.term_numbers(profile.query), self._allowed([key])
        )
        retrieval = _retrieval(found, scores)
        windows = dict.fromkeys(
            window
            for sentence in self.table.best(found, scores, SENTENCES)
            for window in self._windows(sentence)
        )
        result = []
        for window in windows:
            evidence = self._evidence(profile, claim, window, retrieval, explain=False)
            result.append((*self._span(window), evidence.features))
        return result

    def _evidence(
        self,
        profile: ClaimProfile,
        claim: ClaimTerms,
        window: _Window,
        retrieval: dict[int, float],
        *,
        explain: bool,
    ) -> Evidence:
        return self.scorer.evidence(
            profile,
            claim,
            self._terms(window),
            self._text(window),
            self.keys[window.source],
            retrieval=self._window_retrieval(window, retrieval),
            explain=explain,
        )

    def _window_retrieval(self, window: _Window, retrieval: dict[int, float]) -> float:
        return max(retrieval.get(s, 0.0) for s in range(window.first, window.last + 1))

    def _windows(self, sentence: int) -> list[_Window]:
        """The sentence alone, with the one before or after, and with both: never across a
        source or a block (a heading and the paragraph under it are no one passage)."""
        source = int(self.table.source_of[sentence])
        offset = int(self.table.offsets[source])
        index = self.indexes[source]
        local = sentence - offset
        block = index.blocks[local]
        first = local - 1 if local > 0 and index.blocks[local - 1] == block else local
        last = (
            local + 1
            if local + 1 < index.sentence_count and index.blocks[local + 1] == block
            else local
        )
        spans = {(local, local), (first, local), (local, last), (first, last)}
        return [_Window(source, offset + a, offset + b) for a, b in sorted(spans)]

    def _terms(self, window: _Window) -> set[int]:
        terms: set[int] = set()
        for sentence in range(window.first, window.last + 1):
            cached = self._sets.get(sentence)
            if cached is None:
                if len(self._sets) > CACHE_LIMIT:
                    self._sets.clear()
                cached = frozenset(self.table.sentence_terms(sentence).tolist())
                self._sets[sentence] = cached
            terms |= cached
        return terms

    def _span(self, window: _Window) -> tuple[int, int]:
        index = self.indexes[window.source]
        offset = int(self.table.offsets[window.source])
        return int(index.starts[window.first - offset]), int(index.ends[window.last - offset])

    def _overlaps(self, window: _Window, other: _Window) -> bool:
        if window.source != other.source:
            return False
        start, end = self._span(window)
        other_start, other_end = self._span(other)
        return start < other_end and other_start < end

    def _text(self, window: _Window) -> str:
        start, end = self._span(window)
        return self.documents[window.source].text[start:end]

    def _match(
        self,
        profile: ClaimProfile,
        window: _Window,
        evidence: Evidence,
        context: dict[str, float],
    ) -> Match:
        key = self.keys[window.source]
        start, end = self._span(window)
        passage = self.documents[window.source].text[start:end]
        score, reasons = evidence.score, evidence.reasons
        cited = self.names.own(key) if key in profile.cited else []
        if cited:
            reasons = (*reasons, f"names the source: {_first_cited(profile.text, cited)}")
        features = {**evidence.features, **context}
        differences: tuple[Difference, ...] = ()
        support = Support.RELATED  # it mentions the subject; what it lacks is everything
        if backs_part(features):
            differences = tuple(
                find_differences(profile.text, passage, ignore_names=self._not_names(profile, key))
            )
            support = judge(features, differences, len(profile.text))
        wording = evidence.features.get("wording", 0.0)
        return Match(
            key, start, end, passage, score, reasons, differences, support, wording, features
        )


def _retrieval(sentences: np.ndarray, scores: np.ndarray) -> dict[int, float]:
    """Each candidate sentence's BM25 as a share of the best one's."""
    if sentences.size == 0:
        return {}
    best = float(scores.max())
    if best <= 0:
        return {}
    return dict(zip(sentences.tolist(), (scores / best).tolist(), strict=True))


def _first_cited(text: str, names: list[str]) -> str:
    lowered = text.lower()
    present = [name for name in names if name.lower() in lowered]
    return min(present, key=lambda name: lowered.index(name.lower())) if present else names[0]
