"""Scoring a candidate passage against a claim with features a reader can check.

BM25 finds passages that share rare words; the reranker asks what a fact-checker asks:
how much of what the claim says does the passage say (content words weighted by how
telling they are), does it name the same people and places, do its figures agree, are
the quoted words there verbatim, does the claim cite this very source, and how close is
the wording. Each feature that fires becomes a reason shown with the match.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from rapidfuzz import fuzz

from sidebyside.core.matching.bm25 import SentenceTable
from sidebyside.core.matching.claim import ClaimProfile, plain_text
from sidebyside.core.numbers import find_quantities, quantities_agree

__all__ = ["ClaimTerms", "Evidence", "Scorer", "WEIGHTS", "normalise_for_quotes"]

# How much each feature counts; they add up to 1. A feature the claim gives no hold for
# (no figure, no quotation, no name) takes the value of `coverage` instead, so that a
# plain claim is not scored lower than one full of figures.
WEIGHTS: dict[str, float] = {
    "coverage": 0.50,
    "focus": 0.10,
    "wording": 0.14,
    "names": 0.08,
    "numbers": 0.08,
    "quotes": 0.10,
}
QUOTE_SHIFT = 0.15  # moved from coverage to quotes when the claim quotes someone
CITED_BONUS = 0.04  # the claim names this source
PREFIX_CREDIT = 0.7  # "Kalundian" in the claim, "Kalundi" in the passage
MIN_PREFIX = 5


@dataclass(frozen=True, slots=True)
class ClaimTerms:
    """The claim's content stems as term numbers of the table, with their weights."""

    weights: dict[int, float]  # known term -> idf
    unknown_weight: float  # idf mass of stems no source uses
    kin: dict[int, frozenset[int]]  # term -> terms that share a long prefix with it
    total: float
    stems: dict[int, str]


@dataclass(frozen=True, slots=True)
class Evidence:
    score: float
    reasons: tuple[str, ...]
    features: dict[str, float]


class Scorer:
    def __init__(self, table: SentenceTable) -> None:
        self.table = table
        self._sorted_terms: list[str] | None = None
        self._families: dict[str, frozenset[int]] = {}
        self._focus_weights: list[float] | None = None

    @property
    def focus_weights(self) -> list[float]:
        """idf of each term as a Python list (numpy scalars are slow one at a time); zero
        for figures, which are compared as quantities."""
        if self._focus_weights is None:
            weights = self.table.idf.tolist()
            for word, number in self.table.vocabulary.items():
                if word[:1].isdigit():
                    weights[number] = 0.0
            self._focus_weights = weights
        return self._focus_weights

    def is_number_term(self, term: int) -> bool:
        return self.focus_weights[term] == 0.0

    def claim_terms(self, profile: ClaimProfile) -> ClaimTerms:
        weights: dict[int, float] = {}
        stems: dict[int, str] = {}
        unknown = 0.0
        kin: dict[int, frozenset[int]] = {}
        idf = self.focus_weights
        for stem in profile.stems:
            number = self.table.vocabulary.get(stem)
            if number is None:
                unknown += self.table.max_idf
                continue
            weights[number] = idf[number]
            stems[number] = stem
            if len(stem) >= MIN_PREFIX:
                family = self._prefix_family(stem)
                if family:
                    kin[number] = family
        total = sum(weights.values()) + unknown
        return ClaimTerms(weights, unknown, kin, total, stems)

    def _prefix_family(self, stem: str) -> frozenset[int]:
        """Terms that are a longer or shorter form of `stem`, five letters on."""
        cached = self._families.get(stem)
        if cached is not None:
            return cached
        vocabulary = self.table.vocabulary
        family = {
            vocabulary[stem[:k]] for k in range(MIN_PREFIX, len(stem)) if stem[:k] in vocabulary
        }
        if self._sorted_terms is None:
            self._sorted_terms = sorted(vocabulary)
        terms = self._sorted_terms
        position = bisect_left(terms, stem) + 1
        while position < len(terms) and terms[position].startswith(stem) and len(family) < 20:
            family.add(vocabulary[terms[position]])
            position += 1
        frozen = frozenset(family)
        if len(self._families) < 100_000:
            self._families[stem] = frozen
        return frozen

    def coverage(self, claim: ClaimTerms, window: set[int]) -> float:
        """Share of the claim's content (weighted by idf) that the passage also has."""
        if claim.total <= 0:
            return 0.0
        found = 0.0
        for term, weight in claim.weights.items():
            if term in window:
                found += weight
            elif term in claim.kin and not claim.kin[term].isdisjoint(window):
                found += PREFIX_CREDIT * weight
        return found / claim.total

    def focus(self, claim: ClaimTerms, window: set[int]) -> float:
        """Share of the passage's content that the claim is about: prefers the tightest
        passage when a neighbouring sentence adds nothing."""
        weights = self.focus_weights
        mass = sum(map(weights.__getitem__, window))
        shared = sum(weight for term, weight in claim.weights.items() if term in window)
        return shared / mass if mass else 0.0

    def quick(self, claim: ClaimTerms, window: set[int]) -> float:
        return 0.8 * self.coverage(claim, window) + 0.2 * self.focus(claim, window)

    def evidence(
        self,
        profile: ClaimProfile,
        claim: ClaimTerms,
        window: set[int],
        passage: str,
        source: str,
        *,
        explain: bool = False,
    ) -> Evidence:
        """The passage's score; with `explain`, also the reasons shown to the reader (the
        score is the same either way, only slower to explain)."""
        coverage = self.coverage(claim, window)
        features = {"coverage": coverage, "focus": self.focus(claim, window)}
        reasons: list[str] = []
        if explain:
            reasons += self._shared_words(profile, claim, window)
        features["wording"] = _wording(profile, passage, reasons if explain else None)
        features["names"] = self._names(profile, window, reasons if explain else None, coverage)
        features["numbers"] = self._numbers(profile, window, coverage)
        if explain:
            reasons += _agreeing_numbers(profile, passage)
        features["quotes"] = _quotes(profile.quotations, passage, reasons, coverage)
        weights = dict(WEIGHTS)
        if profile.quotations:  # words put in someone's mouth are the heart of such a claim
            weights["quotes"] += QUOTE_SHIFT
            weights["coverage"] -= QUOTE_SHIFT
        score = sum(weights[name] * value for name, value in features.items())
        if source in profile.cited:
            score += CITED_BONUS
            features["cited"] = 1.0
        return Evidence(round(min(score, 1.0), 4), tuple(reasons), features)

    def _shared_words(
        self, profile: ClaimProfile, claim: ClaimTerms, window: set[int]
    ) -> list[str]:
        shared = [t for t in claim.weights if t in window]
        if not shared:
            return []
        shown = sorted(shared, key=lambda t: (-claim.weights[t], t))[:6]
        words = [profile.spelled.get(claim.stems[t], claim.stems[t]) for t in shown]
        more = ", …" if len(shared) > len(shown) else ""
        plural = "s" if len(shared) != 1 else ""
        return [f"shares {len(shared)} content word{plural}: " + ", ".join(words) + more]

    def _names(
        self,
        profile: ClaimProfile,
        window: set[int],
        reasons: list[str] | None,
        neutral: float,
    ) -> float:
        if not profile.names:
            return neutral
        vocabulary = self.table.vocabulary
        found = [
            phrase
            for phrase, stems in profile.names
            if all(vocabulary.get(stem, -1) in window for stem in stems)
        ]
        if found and reasons is not None:
            reasons.append("names " + ", ".join(found[:4]))
        return len(found) / len(profile.names)

    def _numbers(self, profile: ClaimProfile, window: set[int], neutral: float) -> float:
        """Share of the claim's figures the passage also writes (a changed figure still
        counts half: the passage speaks of the same quantity)."""
        if not profile.figures:
            return neutral
        vocabulary = self.table.vocabulary
        has_figures = any(self.is_number_term(term) for term in window)
        total = 0.0
        for forms in profile.figures:
            if any(vocabulary.get(form, -1) in window for form in forms):
                total += 1.0
            elif has_figures:
                total += 0.5
        return total / len(profile.figures)


def _agreeing_numbers(profile: ClaimProfile, passage: str) -> list[str]:
    if not profile.quantities:
        return []
    found = find_quantities(passage)
    reasons = []
    for quantity in profile.quantities:
        if any(quantities_agree(quantity, other) for other in found):
            kind = "date" if quantity.is_date else "number"
            reasons.append(f"{kind} {quantity.figure.of(profile.text)} agrees")
    return reasons[:3]


def _wording(profile: ClaimProfile, passage: str, reasons: list[str] | None) -> float:
    """How much of the claim's phrasing the passage shares: word pairs in common, and the
    overall closeness of the two word sets (rapidfuzz)."""
    claim_words = profile.plain.split()
    plain_passage = plain_text(passage)
    closeness = float(fuzz.token_set_ratio(profile.plain, plain_passage, processor=None)) / 100
    pairs = list(zip(claim_words, claim_words[1:], strict=False))
    if not pairs:
        return closeness
    passage_words = plain_passage.split()
    passage_pairs = set(zip(passage_words, passage_words[1:], strict=False))
    present = [pair in passage_pairs for pair in pairs]
    run = _longest_run(present)
    if reasons is not None and run[1] - run[0] >= 3:
        reasons.append("shares the wording “" + " ".join(claim_words[run[0] : run[1] + 1]) + "”")
    return 0.5 * sum(present) / len(pairs) + 0.5 * closeness


def _longest_run(flags: list[bool]) -> tuple[int, int]:
    """(first, last) pair numbers of the longest run of shared word pairs."""
    best = (0, -1)
    start = -1
    for position, flag in enumerate([*flags, False]):
        if flag and start < 0:
            start = position
        elif not flag and start >= 0:
            if position - start > best[1] - best[0] + 1:
                best = (start, position)
            start = -1
    return best


_NOT_WORD = re.compile(r"[^\w]+")


def _quotes(quotations: tuple[str, ...], passage: str, reasons: list[str], neutral: float) -> float:
    if not quotations:
        return neutral
    plain_passage = normalise_for_quotes(passage)
    total = 0.0
    for quotation in quotations:
        plain = normalise_for_quotes(quotation)
        if plain and plain in plain_passage:
            total += 1.0
            reasons.append("quoted words found verbatim")
        else:
            closeness = fuzz.partial_ratio(plain, plain_passage) / 100.0
            total += 0.6 * closeness if closeness >= 0.8 else 0.0
    return total / len(quotations)


def normalise_for_quotes(text: str) -> str:
    """Lowercased words separated by single spaces: punctuation and quote styles ignored."""
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())
