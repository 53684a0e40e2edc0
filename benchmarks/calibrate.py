"""Fit the matcher's weights and the judgement's cut points on real claims (WiCE).

Two fits, each printed next to the values in use, so that a change of features can be
recalibrated and nothing is tuned on text the team wrote:

1. `rerank.WEIGHTS`: a pairwise logistic regression (the passage holding a supporting
   sentence over each one that does not) on the 374 sub-claims of
   `unsupported-tokens-train.jsonl`; top-1 reported on train and on claims-dev.
2. `support.STRENGTH_WEIGHTS`, `UNSAID_WEIGHT`, `PARTLY`, `SUPPORTS`: a random search for
   the best macro-F1 of the suggested label on claims-dev, with a 2-fold cross-validated
   figure beside it (the honest one: dev is both the fitting and the scoring set).

    python benchmarks/calibrate.py            # both
    python benchmarks/calibrate.py --rerank   # only the first
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass

import numpy as np
import wice

from sidebyside.core.matching import Matcher, rerank, support

RERANK = ("coverage", "focus", "wording", "names", "numbers", "quotes", "retrieval", "length")
JUDGE = tuple(support.STRENGTH_WEIGHTS)


@dataclass
class Candidate:
    features: dict[str, float]
    right: bool


def rerank_candidates(items: list[wice.Item]) -> list[list[Candidate]]:
    claims = []
    for item in items:
        page = wice.build_page(item.evidence)
        matcher = Matcher({wice.SOURCE: page.document})
        found = []
        for start, end, features in matcher.reranked(item.claim, wice.SOURCE):
            shown = wice.Shown(start, end, page.document.text[start:end])
            found.append(Candidate(features, wice.holds_support(item, page, shown)))
        claims.append(found)
    return claims


def vector(features: dict[str, float], names: tuple[str, ...]) -> np.ndarray:
    return np.array([features.get(name, 0.0) for name in names], dtype=float)


def fit_pairwise(claims: list[list[Candidate]], names: tuple[str, ...]) -> np.ndarray:
    differences = [
        vector(right.features, names) - vector(wrong.features, names)
        for found in claims
        for right in found
        if right.right
        for wrong in found
        if not wrong.right
    ]
    x = np.array(differences)
    weights = np.zeros(len(names))
    for _ in range(3000):
        p = 1.0 / (1.0 + np.exp(-(x @ weights)))
        weights -= 0.5 * (-(x * (1 - p)[:, None]).mean(0) + 0.01 * weights)
    return weights / weights[weights > 0].sum()


def top1(claims: list[list[Candidate]], weights: dict[str, float]) -> float:
    right = 0
    for found in claims:
        if found:
            best = max(
                found,
                key=lambda c: (
                    sum(w * c.features.get(n, 0.0) for n, w in weights.items()),
                    -c.features.get("length", 0.0),
                ),
            )
            right += best.right
    return right / max(len(claims), 1)


def calibrate_rerank() -> None:
    train = [
        wice.Item(t.claim, "partially_supported", t.evidence, t.supporting)
        for t in wice.read_token_items(wice.WICE / "unsupported-tokens-train.jsonl", None)
    ]
    dev = [i for i in wice.read_items(wice.WICE / "claims-dev.jsonl") if i.label != "not_supported"]
    train_claims, dev_claims = rerank_candidates(train), rerank_candidates(dev)
    names = (*RERANK, "short")
    fitted = dict(zip(names, fit_pairwise(train_claims, names).round(3).tolist(), strict=True))
    print("rerank.WEIGHTS fitted on WiCE train sub-claims (pairwise logistic regression):")
    for label, weights in (("in use", rerank.WEIGHTS), ("fitted", fitted)):
        print(
            f"  {label:<7} top-1 train {top1(train_claims, weights):.3f}, "
            f"dev {top1(dev_claims, weights):.3f}  "
            + ", ".join(f"{n} {weights.get(n, 0.0):+.2f}" for n in names)
        )


# --- the judgement ----------------------------------------------------------------------------


@dataclass
class Judged:
    label: str
    features: dict[str, float] | None  # of the best passage; None when nothing was shown
    unsaid: float  # share of the claim's characters the passage says nothing of
    at_odds: bool
    backs_less: bool


def judged_claims() -> list[Judged]:
    result = []
    for item in wice.read_items(wice.WICE / "claims-dev.jsonl"):
        page = wice.build_page(item.evidence)
        matches = Matcher({wice.SOURCE: page.document}).align(item.claim).per_source
        best = matches.get(wice.SOURCE, [None])[0]
        if best is None:
            result.append(Judged(item.label, None, 0.0, False, False))
            continue
        unsaid = sum(
            d.claim.end - d.claim.start for d in best.differences if d.kind == "absent" and d.claim
        )
        result.append(
            Judged(
                item.label,
                dict(best.features),
                unsaid / max(len(item.claim), 1),
                any(support._at_odds(d) for d in best.differences),
                any(support._backs_less(d) for d in best.differences),
            )
        )
    return result


@dataclass(frozen=True)
class Cuts:
    weights: tuple[float, ...]
    unsaid: float
    partly: float
    supports: float


def label_of(claim: Judged, cuts: Cuts) -> str:
    if claim.features is None:
        return "not_supported"
    coverage = claim.features.get("coverage", 0.0)
    value = sum(
        w * claim.features.get(n, coverage) for n, w in zip(JUDGE, cuts.weights, strict=True)
    )
    value -= cuts.unsaid * claim.unsaid
    if value < cuts.partly:
        return "not_supported"
    if claim.at_odds:
        return wice.CONTRADICTED_AS
    if value >= cuts.supports and not claim.backs_less:
        return "supported"
    return "partially_supported"


def f1_of(claims: list[Judged], cuts: Cuts) -> float:
    gold = [c.label for c in claims]
    return wice.macro_f1(gold, [label_of(c, cuts) for c in claims])[1]


def search(claims: list[Judged], rng: np.random.Generator, tries: int) -> tuple[float, Cuts]:
    best = (-1.0, in_use())
    for _ in range(tries):
        partly = float(rng.uniform(0.05, 0.6))
        cuts = Cuts(
            tuple(rng.dirichlet([1.0] * len(JUDGE)).round(2).tolist()),
            float(rng.uniform(0, 0.6)),
            partly,
            float(rng.uniform(partly, 0.95)),
        )
        score = f1_of(claims, cuts)
        if score > best[0]:
            best = (score, cuts)
    return best


def in_use() -> Cuts:
    return Cuts(
        tuple(support.STRENGTH_WEIGHTS.values()),
        support.UNSAID_WEIGHT,
        support.PARTLY,
        support.SUPPORTS,
    )


def calibrate_judgement() -> None:
    claims = judged_claims()
    rng = np.random.default_rng(0)
    fitted_score, fitted = search(claims, rng, 6000)
    order = list(range(len(claims)))
    random.Random(1).shuffle(order)
    halves = (order[::2], order[1::2])
    folds = []
    for fit_on, score_on in (halves, halves[::-1]):
        _, cuts = search([claims[i] for i in fit_on], rng, 3000)
        folds.append(f1_of([claims[i] for i in score_on], cuts))
    print("\nsupport judgement on WiCE claims-dev (macro-F1 of the suggested label):")
    for label, cuts, score in (
        ("in use", in_use(), f1_of(claims, in_use())),
        ("fitted", fitted, fitted_score),
    ):
        print(
            f"  {label:<7} {score:.3f}  "
            + ", ".join(f"{n} {w:.2f}" for n, w in zip(JUDGE, cuts.weights, strict=True))
            + f"; unsaid {cuts.unsaid:.2f}, partly {cuts.partly:.3f}, "
            f"supports {cuts.supports:.3f}"
        )
    print(f"  2-fold cross-validated macro-F1 of the search: {folds[0]:.3f}, {folds[1]:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rerank", action="store_true", help="only the reranker weights")
    args = parser.parse_args()
    if not wice.WICE.exists():
        print(f"WiCE data not found at {wice.WICE}", file=sys.stderr)
        return 1
    calibrate_rerank()
    if not args.rerank:
        calibrate_judgement()
    return 0


if __name__ == "__main__":
    sys.exit(main())
