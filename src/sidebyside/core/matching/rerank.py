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
from sidebyside.core.numbers import Quantity, find_quantities, quantities_agree
from sidebyside.core.words import content_stems, words_near

__all__ = ["ClaimTerms", "Evidence", "Scorer", "WEIGHTS", "normalise_for_quotes"]

# How much each feature counts. Fitted (pairwise logistic regression, right passage over
# wrong ones) on the 374 real sub-claims of WiCE's unsupported-tokens-train split and
# checked on claims-dev (see benchmarks/wice.py); the positive weights add up to 1. A
# feature the claim gives no hold for (no figure, no quotation, no name) takes the value of
# `coverage` instead, so that a plain claim is not scored lower than one full of figures.
# `retrieval` is the passage's BM25 against the best of its source; `length` its words up
# to `LONG_PASSAGE` (a real sentence over a fragment); `short` is a heading or menu item.
WEIGHTS: dict[str, float] = {
    "coverage": 0.15,
    "focus": 0.03,
    "wording": 0.09,
    "names": 0.10,
    "numbers": 0.18,
    "quotes": 0.12,
    "retrieval": 0.23,
    "length": 0.10,
    "short": -0.07,
}
LONG_PASSAGE = 120  # words
SHORT_PASSAGE = 8  # words
QUOTE_SHIFT = 0.08  # moved from coverage to quotes when the claim quotes someone
CITED_BONUS = 0.04  # the claim names this source
PREFIX_CREDIT = 0.7  # "Kalundian" in the claim, "Kalundi" in the passage
MIN_PREFIX = 5
MEANING_CREDIT = 0.8  # a quotation said in other words by the one quoted


@dataclass(frozen=True, slots=True)
class ClaimTerms:
    """The claim's content stems as term numbers of the table, with their weights."""

    weights: dict[int, float]  # known term -> idf
    unknown_weight: float  # idf mass of stems no source uses
    kin: dict[int, frozenset[int]]  # term -> terms that share a long prefix with it
    total: float
    stems: dict[int, str]
    optional: dict[int, float]  # the attribution's terms: count only when found


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
        optional: dict[int, float] = {}
        for stem in profile.optional:
            number = self.table.vocabulary.get(stem)
            if number is not None and number not in weights:
                optional[number] = idf[number]
                stems[number] = stem
        return ClaimTerms(weights, unknown, kin, total, stems, optional)

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
        """Share of the claim's content (weighted by idf) that the passage also has; the
        words of the claim's attribution count only when the passage has them too."""
        found = 0.0
        for term, weight in claim.weights.items():
            if term in window:
                found += weight
            elif term in claim.kin and not claim.kin[term].isdisjoint(window):
                found += PREFIX_CREDIT * weight
        extra = sum(weight for term, weight in claim.optional.items() if term in window)
        total = claim.total + extra
        return (found + extra) / total if total > 0 else 0.0

    def focus(self, claim: ClaimTerms, window: set[int]) -> float:
        """Share of the passage's content that the claim is about: prefers the tightest
        passage when a neighbouring sentence adds nothing."""
        weights = self.focus_weights
        mass = sum(map(weights.__getitem__, window))
        shared = sum(weight for term, weight in claim.weights.items() if term in window)
        shared += sum(weight for term, weight in claim.optional.items() if term in window)
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
        retrieval: float = 1.0,
        explain: bool = False,
    ) -> Evidence:
        """The passage's score; with `explain`, also the reasons shown to the reader (the
        score is the same either way, only slower to explain)."""
        coverage = self.coverage(claim, window)
        length = len(passage.split())
        features = {
            "coverage": coverage,
            "focus": self.focus(claim, window),
            "retrieval": retrieval,
            "length": min(length, LONG_PASSAGE) / LONG_PASSAGE,
            "short": 1.0 if length < SHORT_PASSAGE else 0.0,
        }
        reasons: list[str] = []
        if explain:
            reasons += self._shared_words(profile, claim, window)
        features["wording"] = _wording(profile, passage, reasons if explain else None)
        features["names"] = self._names(profile, window, reasons if explain else None, coverage)
        features["numbers"] = self._numbers(profile, window, coverage, passage)
        if explain:
            reasons += _agreeing_numbers(profile, passage)
        same_speaker = source in profile.cited or self._speaker_named(profile, window)
        features["quotes"] = _quotes(
            profile.quotations,
            passage,
            reasons,
            coverage,
            self._meaning(profile, window) if same_speaker else None,
        )
        weights = dict(WEIGHTS)
        if profile.quotations:  # words put in someone's mouth are the heart of such a claim
            weights["quotes"] += QUOTE_SHIFT
            weights["coverage"] -= QUOTE_SHIFT
        score = max(0.0, sum(weights[name] * value for name, value in features.items()))
        if source in profile.cited:
            score += CITED_BONUS
            features["cited"] = 1.0
        if profile.quotations and same_speaker:
            features["speaker"] = 1.0  # the one quoted says this: see `QUOTE_EASING`
        return Evidence(round(min(score, 1.0), 4), tuple(reasons), features)

    def _shared_words(
        self, profile: ClaimProfile, claim: ClaimTerms, window: set[int]
    ) -> list[str]:
        weights = {**claim.optional, **claim.weights}
        shared = [t for t in weights if t in window]
        if not shared:
            return []
        shown = sorted(shared, key=lambda t: (-weights[t], t))[:6]
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
        found = self._named(profile.names, window)
        speakers = self._named(profile.optional_names, window)  # "Marsh said": only if found
        shown = [phrase for phrase, credit in found + speakers if credit == 1.0]
        if shown and reasons is not None:
            reasons.append("names " + ", ".join(shown[:4]))
        if not profile.names and not speakers:
            return neutral
        total = sum(credit for _, credit in found + speakers)
        return total / (len(profile.names) + len(speakers))

    def _named(
        self, names: tuple[tuple[str, tuple[str, ...]], ...], window: set[int]
    ) -> list[tuple[str, float]]:
        """The names the passage gives, each with 1, or PREFIX_CREDIT when only in
        another form ("Valdoria" for "Valdorian")."""
        vocabulary = self.table.vocabulary
        found = []
        for phrase, stems in names:
            credit = 1.0
            for stem in stems:
                if vocabulary.get(stem, -1) in window:
                    continue
                if len(stem) >= MIN_PREFIX and not self._prefix_family(stem).isdisjoint(window):
                    credit = PREFIX_CREDIT
                    continue
                credit = 0.0
                break
            if credit:
                found.append((phrase, credit))
        return found

    def _speaker_named(self, profile: ClaimProfile, window: set[int]) -> bool:
        """Whether the passage names someone the claim's attribution names ("Marsh")."""
        return bool(self._named(profile.optional_names, window))

    def _meaning(self, profile: ClaimProfile, window: set[int]) -> list[float]:
        """For each quotation, the share of its content words (by idf, stems and their
        longer or shorter forms) that the passage has: how close it comes in meaning
        when it does not give the words."""
        shares = []
        vocabulary = self.table.vocabulary
        idf = self.focus_weights
        for quotation in profile.quotations:
            total = found = 0.0
            for stem in dict.fromkeys(content_stems(quotation)):
                if stem[:1].isdigit():
                    continue
                number = vocabulary.get(stem)
                weight = self.table.max_idf if number is None else idf[number]
                total += weight
                if number is None:
                    continue
                if number in window:
                    found += weight
                elif len(stem) >= MIN_PREFIX and not self._prefix_family(stem).isdisjoint(window):
                    found += PREFIX_CREDIT * weight
            shares.append(found / total if total else 0.0)
        return shares

    def _numbers(
        self, profile: ClaimProfile, window: set[int], neutral: float, passage: str
    ) -> float:
        """Share of the claim's figures the passage also writes. A changed figure counts
        by how surely it is the same quantity: the words around it in both texts ("at
        least 11 other villages in Tanza" and "at least nine other villages in Tanza" speak
        of one thing; "at least 40 civilians in attacks on villages" of another)."""
        if not profile.figures:
            return neutral
        vocabulary = self.table.vocabulary
        has_figures = any(self.is_number_term(term) for term in window)
        total = 0.0
        passage_quantities: list[Quantity] | None = None
        for forms, quantity in zip(profile.figures, profile.figure_quantities, strict=True):
            if any(vocabulary.get(form, -1) in window for form in forms):
                total += 1.0
            elif has_figures:
                if passage_quantities is None:
                    passage_quantities = find_quantities(passage)
                near = words_near(profile.text, quantity.figure)
                shared = max(
                    (
                        len(near & words_near(passage, other.figure))
                        for other in passage_quantities
                        if other.is_date == quantity.is_date
                    ),
                    default=0,
                )
                total += 0.2 + 0.15 * min(shared, 4)
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


def _quotes(
    quotations: tuple[str, ...],
    passage: str,
    reasons: list[str],
    neutral: float,
    meaning: list[float] | None = None,
) -> float:
    """Quoted words found verbatim count fully, nearly verbatim ones in part. When the
    passage comes from the one the claim quotes (the source it names, or the person
    its attribution names), a quotation not given word for word still counts by how
    much of its content the passage says: the reader should see what the source did say."""
    if not quotations:
        return neutral
    plain_passage = normalise_for_quotes(passage)
    total = 0.0
    for number, quotation in enumerate(quotations):
        plain = normalise_for_quotes(quotation)
        if plain and plain in plain_passage:
            total += 1.0
            reasons.append("quoted words found verbatim")
            continue
        closeness = fuzz.partial_ratio(plain, plain_passage) / 100.0
        credit = 0.6 * closeness if closeness >= 0.8 else 0.0
        if meaning is not None:
            credit = max(credit, MEANING_CREDIT * meaning[number])
        total += credit
    return total / len(quotations)


def normalise_for_quotes(text: str) -> str:
    """Lowercased words separated by single spaces: punctuation and quote styles ignored."""
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())
