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
from sidebyside.core.matching.claim import ClaimProfile
from sidebyside.core.numbers import Quantity, find_quantities

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
        self._term_list: list[str] | None = None
        self._number_terms: set[int] | None = None

    @property
    def term_list(self) -> list[str]:
        if self._term_list is None:
            self._term_list = list(self.table.vocabulary)
        return self._term_list

    def is_number_term(self, term: int) -> bool:
        if self._number_terms is None:
            self._number_terms = {
                number for word, number in self.table.vocabulary.items() if word[:1].isdigit()
            }
        return term in self._number_terms

    def claim_terms(self, profile: ClaimProfile) -> ClaimTerms:
        weights: dict[int, float] = {}
        stems: dict[int, str] = {}
        unknown = 0.0
        kin: dict[int, frozenset[int]] = {}
        for stem in profile.stems:
            number = self.table.vocabulary.get(stem)
            if number is None:
                unknown += self.table.max_idf
                continue
            weights[number] = float(self.table.idf[number])
            stems[number] = stem
            if len(stem) >= MIN_PREFIX:
                family = self._prefix_family(stem)
                if family:
                    kin[number] = family
        total = sum(weights.values()) + unknown
        return ClaimTerms(weights, unknown, kin, total, stems)

    def _prefix_family(self, stem: str) -> frozenset[int]:
        """Terms of which `stem` is a prefix, or which are a prefix of it, five letters on."""
        if self._sorted_terms is None:
            self._sorted_terms = sorted(self.table.vocabulary)
        terms = self._sorted_terms
        vocabulary = self.table.vocabulary
        family: set[int] = set()
        position = bisect_left(terms, stem[:MIN_PREFIX])
        while position < len(terms) and terms[position].startswith(stem[:MIN_PREFIX]):
            other = terms[position]
            if other != stem and (other.startswith(stem) or stem.startswith(other)):
                family.add(vocabulary[other])
            position += 1
            if len(family) > 20:
                break
        return frozenset(family)

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
        idf = self.table.idf
        mass = 0.0
        shared = 0.0
        for term in window:
            if self.is_number_term(term):
                continue
            weight = float(idf[term])
            mass += weight
            if term in claim.weights:
                shared += weight
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
    ) -> Evidence:
        coverage = self.coverage(claim, window)
        features = {"coverage": coverage, "focus": self.focus(claim, window)}
        reasons: list[str] = []
        shared = [claim.stems[t] for t in claim.weights if t in window]
        if shared:
            shown = sorted(shared, key=lambda s: -claim.weights[self.table.vocabulary[s]])[:6]
            words = _display_words(profile.text, shown)
            reasons.append(
                f"shares {len(shared)} content word{'s' if len(shared) != 1 else ''}: "
                + ", ".join(words)
            )
        features["wording"] = _wording(profile.text, passage)
        features["names"] = self._names(profile, window, reasons, coverage)
        features["numbers"] = _numbers(profile, passage, reasons, coverage)
        features["quotes"] = _quotes(profile.quotations, passage, reasons, coverage)
        score = sum(WEIGHTS[name] * value for name, value in features.items())
        if source in profile.cited:
            score += CITED_BONUS
            features["cited"] = 1.0
        return Evidence(round(min(score, 1.0), 4), tuple(reasons), features)

    def _names(
        self, profile: ClaimProfile, window: set[int], reasons: list[str], neutral: float
    ) -> float:
        if not profile.names:
            return neutral
        vocabulary = self.table.vocabulary
        found = [
            phrase
            for phrase, stems in profile.names
            if all(vocabulary.get(stem, -1) in window for stem in stems)
        ]
        if found:
            reasons.append("names " + ", ".join(found[:4]))
        return len(found) / len(profile.names)


def _display_words(text: str, stems: list[str]) -> list[str]:
    """The claim's own spelling of each stem ("instructors" for "instructor")."""
    from sidebyside.core.words import words

    spelled: dict[str, str] = {}
    for word in words(text):
        spelled.setdefault(word.stem, word.lower)
    return [spelled.get(stem, stem) for stem in stems]


def _wording(claim: str, passage: str) -> float:
    """How close the wording is: the best alignment of the claim's words in the passage."""
    return float(fuzz.token_set_ratio(claim, passage, processor=_plain)) / 100.0


def _plain(text: str) -> str:
    return _NOT_WORD.sub(" ", text.lower())


_NOT_WORD = re.compile(r"[^\w]+")


def _numbers(profile: ClaimProfile, passage: str, reasons: list[str], neutral: float) -> float:
    quantities = profile.quantities
    if not quantities:
        return neutral
    found = find_quantities(passage)
    agreeing = [q for q in quantities if any(_agree(q, other) for other in found)]
    for quantity in agreeing[:3]:
        kind = "date" if quantity.is_date else "number"
        reasons.append(f"{kind} {quantity.figure.of(profile.text)} agrees")
    related = sum(
        1 for q in quantities if q not in agreeing and any(other.kind == q.kind for other in found)
    )
    return (len(agreeing) + 0.5 * related) / len(quantities)


def _agree(claim: Quantity, passage: Quantity) -> bool:
    if claim.is_date or passage.is_date:
        return claim.is_date and passage.is_date and _same_date(claim.value, passage.value)
    if claim.kind != passage.kind:
        return False
    low, high = claim.bounds
    other_low, other_high = passage.bounds
    return low <= other_high and other_low <= high


def _same_date(first: float, second: float) -> bool:
    """Dates agree when every part both give is equal ("March 2023" and "14 March 2023")."""
    a, b = int(first), int(second)
    if a < 10_000 or b < 10_000:  # a bare year
        return (a if a < 10_000 else a // 10_000) == (b if b < 10_000 else b // 10_000)
    parts_a = (a // 10_000, a // 100 % 100, a % 100)
    parts_b = (b // 10_000, b // 100 % 100, b % 100)
    return all(x == y or not x or not y for x, y in zip(parts_a, parts_b, strict=True))


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
