"""The matcher on real claims and the pages they cite (WiCE), against plain BM25.

Each WiCE claim is a Wikipedia sentence; its source is the cited web page, one sentence a
paragraph, as `../shared/data/wice/README.md` describes. For every claim the script asks
sidebyside for the passages it would show beside the claim and the support judgement it
gives, and prints, next to plain BM25 over the same sentences and the majority class:

- top-1 / top-3: one of the first passages shown (at most 120 words) holds an annotated
  supporting sentence (of any supporting set);
- supported or partly supported claims left with no passage at all;
- the support judgement (supported / partially supported / not supported): accuracy and
  macro-F1;
- "says nothing of" spans against the annotated unsupported claim words
  (`unsupported-tokens-{train,dev}.jsonl`): token precision, recall and F1, next to the
  baseline "every claim word absent from the passage".

    python benchmarks/wice.py              # the table
    python benchmarks/wice.py --verbose    # and the misses
    python benchmarks/wice.py --limit 100  # a quick look at the first claims

The data is read from ../shared; nothing of it is copied into the project.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from sidebyside.core.differences import find_differences
from sidebyside.core.document import BlockKind, Document, DocumentBuilder, Metadata
from sidebyside.core.matching import Matcher
from sidebyside.core.words import content_stems, words

ROOT = Path(__file__).resolve().parent.parent
WICE = ROOT.parent / "shared" / "data" / "wice"
LABELS = ("supported", "partially_supported", "not_supported")
MAX_WORDS = 120
SOURCE = "page"

# The verdict the app suggests for a claim, read as its WiCE label. WiCE has no label for a
# contradiction: a claim whose page backs it but gives one figure otherwise is "partially
# supported" there (some of its parts are backed), so "contradicted" is read as that; the
# table also scores the stricter reading, "contradicted" as "not supported".
CONTRADICTED_AS = "partially_supported"
VERDICT_AS_LABEL = {
    "supported": "supported",
    "partly_supported": "partially_supported",
    "contradicted": CONTRADICTED_AS,
}


@dataclass(frozen=True)
class Item:
    claim: str
    label: str
    evidence: tuple[str, ...]
    supporting: tuple[frozenset[int], ...]


@dataclass(frozen=True)
class Page:
    document: Document
    spans: tuple[tuple[int, int], ...]  # each evidence sentence in the document text


@dataclass(frozen=True)
class Shown:
    start: int
    end: int
    text: str
    verdict: str | None = None  # suggested for the claim, on the first passage only


def read_rows(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The JSON objects of a .jsonl file, at most `limit` of them."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if limit is not None and number >= limit:
                return
            yield json.loads(line)


def supporting_sets(row: dict[str, Any]) -> tuple[frozenset[int], ...]:
    return tuple(frozenset(group) for group in row["supporting_sentences"])


def read_items(path: Path, limit: int | None = None) -> list[Item]:
    return [
        Item(row["claim"], row["label"], tuple(row["evidence"]), supporting_sets(row))
        for row in read_rows(path, limit)
    ]


def build_page(evidence: tuple[str, ...]) -> Page:
    """One paragraph a sentence, as an importer would give the page: lines the data marks
    "# …" are headings (without the marks); empty sentences keep their number, no span."""
    builder = DocumentBuilder()
    added: list[int] = []
    for number, sentence in enumerate(evidence):
        heading = sentence.lstrip().startswith("#")  # the page's own headings, marked so
        text = sentence.strip().lstrip("#").strip() if heading else sentence
        if text.strip():
            builder.add(text, BlockKind.HEADING if heading else BlockKind.PARAGRAPH)
            added.append(number)
    document = builder.build(Metadata(title="cited page"))
    spans: list[tuple[int, int]] = [(0, 0)] * len(evidence)
    for number, block in zip(added, document.blocks, strict=True):
        spans[number] = (block.start, block.end)
    return Page(document, tuple(spans))


def holds_support(item: Item, page: Page, shown: Shown) -> bool:
    """A passage of at most MAX_WORDS words that covers most of a supporting sentence, or
    of the very same sentence where the page prints it again (a byline repeated at the
    foot of the page is the same evidence)."""
    if len(shown.text.split()) > MAX_WORDS:
        return False
    supporting = {number for group in item.supporting for number in group}
    texts = {" ".join(item.evidence[number].split()) for number in supporting}
    for number, (start, end) in enumerate(page.spans):
        if end <= start:
            continue
        if number not in supporting and " ".join(item.evidence[number].split()) not in texts:
            continue
        overlap = min(end, shown.end) - max(start, shown.start)
        if overlap >= 0.5 * (end - start):
            return True
    return False


# --- the systems ------------------------------------------------------------------------------


def sidebyside_shown(page: Page, claim: str) -> list[Shown]:
    alignment = Matcher({SOURCE: page.document}).align(claim, candidates=3)
    matches = alignment.per_source.get(SOURCE, [])
    verdict = str(alignment.suggested)
    return [
        Shown(m.start, m.end, m.text, verdict if n == 0 else None) for n, m in enumerate(matches)
    ]


def bm25_shown(page: Page, claim: str) -> list[Shown]:
    """Plain BM25 (k1 1.2, b 0.75) over the page's sentences, stemmed, stopwords removed:
    the three best sentences, whatever their score; no judgement."""
    matcher = Matcher({SOURCE: page.document})
    table = matcher.table
    scores = table.scores(table.term_numbers(content_stems(claim)))
    if scores.size == 0 or float(scores.max()) <= 0:
        return []
    order = np.lexsort((np.arange(scores.size), -scores))[:3]
    index = matcher.indexes[0]
    shown = []
    for sentence in order.tolist():
        if scores[sentence] <= 0:
            break
        start, end = int(index.starts[sentence]), int(index.ends[sentence])
        shown.append(Shown(start, end, page.document.text[start:end]))
    return shown


# --- scoring ----------------------------------------------------------------------------------


@dataclass
class Retrieval:
    top1: float
    top3: float
    blank: int  # supported or partly supported claims with no passage at all
    total: int
    misses: list[str]


def retrieval(runs: list[tuple[Item, Page, list[Shown]]]) -> Retrieval:
    top1 = top3 = blank = 0
    misses: list[str] = []
    scored = [(item, page, shown) for item, page, shown in runs if item.label != "not_supported"]
    for item, page, shown in scored:
        if not shown:
            blank += 1
        right = [holds_support(item, page, s) for s in shown[:3]]
        top1 += bool(right[:1] and right[0])
        top3 += any(right)
        if not (right[:1] and right[0]):
            first = shown[0].text[:80] if shown else "(nothing shown)"
            misses.append(f"{item.claim[:90]}\n      shown: {first}")
    n = max(len(scored), 1)
    return Retrieval(top1 / n, top3 / n, blank, len(scored), misses)


def macro_f1(gold: list[str], predicted: list[str]) -> tuple[float, float, dict[str, float]]:
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / max(len(gold), 1)
    per_label: dict[str, float] = {}
    for label in LABELS:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        per_label[label] = (
            2 * precision * recall / (precision + recall) if precision + recall else 0.0
        )
    return accuracy, sum(per_label.values()) / len(LABELS), per_label


def judged(shown: list[Shown], contradicted_as: str = CONTRADICTED_AS) -> str:
    verdict = shown[0].verdict if shown else None
    if verdict == "contradicted":
        return contradicted_as
    return VERDICT_AS_LABEL.get(verdict or "", "not_supported")


def coverage_judgement(claim: str, shown: list[Shown], low: float, high: float) -> str:
    """The plain baseline judgement: share of the claim's content stems in BM25's best
    sentence, cut at two thresholds (the best pair on this very split, so it flatters)."""
    if not shown:
        return "not_supported"
    wanted = set(content_stems(claim))
    have = set(content_stems(shown[0].text))
    share = len(wanted & have) / max(len(wanted), 1)
    return (
        "supported"
        if share >= high
        else "partially_supported"
        if share >= low
        else ("not_supported")
    )


def best_coverage_pair(
    runs: list[tuple[Item, Page, list[Shown]]],
) -> tuple[float, float]:
    grid = [x / 20 for x in range(0, 21)]
    gold = [item.label for item, _, _ in runs]
    best = (-1.0, 0.0, 0.0)
    for low in grid:
        for high in grid:
            if high < low:
                continue
            predicted = [coverage_judgement(i.claim, s, low, high) for i, _, s in runs]
            f1 = macro_f1(gold, predicted)[1]
            if f1 > best[0]:
                best = (f1, low, high)
    return best[1], best[2]


# --- unsupported words ------------------------------------------------------------------------


@dataclass(frozen=True)
class TokenItem:
    claim: str
    tokens: tuple[str, ...]
    unsupported: tuple[bool, ...]
    evidence: tuple[str, ...]
    supporting: tuple[frozenset[int], ...]


def read_token_items(path: Path, limit: int | None) -> list[TokenItem]:
    return [
        TokenItem(
            row["claim"],
            tuple(row["claim_tokens"]),
            tuple(row["non_supported_spans"]),
            tuple(row["evidence"]),
            supporting_sets(row),
        )
        for row in read_rows(path, limit)
    ]


def token_spans(claim: str, tokens: tuple[str, ...]) -> Iterator[tuple[int, int] | None]:
    """Where each annotated token is in the claim text (None if it cannot be placed)."""
    cursor = 0
    for token in tokens:
        at = claim.find(token, cursor)
        if at < 0:
            yield None
            continue
        cursor = at + len(token)
        yield at, cursor


def is_word(token: str) -> bool:
    return any(char.isalnum() for char in token)


def gold_passage(item: TokenItem) -> str:
    """The sentences of the first supporting set, in page order: what the annotators read."""
    first = sorted(item.supporting[0]) if item.supporting else []
    return " ".join(item.evidence[number] for number in first)


def predicted_by_differences(item: TokenItem, passage: str) -> list[bool]:
    spans = [d.claim for d in find_differences(item.claim, passage) if d.claim is not None]
    flags = []
    for place, token in zip(token_spans(item.claim, item.tokens), item.tokens, strict=True):
        flags.append(
            place is not None
            and is_word(token)
            and any(span.start < place[1] and place[0] < span.end for span in spans)
        )
    return flags


def predicted_by_absence(item: TokenItem, passage: str) -> list[bool]:
    """Baseline: every claim word that the passage does not contain (lowercased)."""
    present = {word.lower for word in words(passage)}
    return [is_word(token) and token.lower() not in present for token in item.tokens]


def token_scores(
    items: list[TokenItem], predict: Callable[[TokenItem, str], list[bool]]
) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for item in items:
        passage = gold_passage(item)
        for gold, guess, token in zip(
            item.unsupported, predict(item, passage), item.tokens, strict=True
        ):
            if not is_word(token):
                continue
            tp += gold and guess
            fp += guess and not gold
            fn += gold and not guess
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


# --- the table --------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list the top-1 misses")
    parser.add_argument("--limit", type=int, default=None, help="first N claims only")
    parser.add_argument("--split", default="dev", help="claims-SPLIT.jsonl (default dev)")
    args = parser.parse_args()
    claims_file = WICE / f"claims-{args.split}.jsonl"
    if not claims_file.exists():
        print(f"WiCE data not found at {claims_file}", file=sys.stderr)
        return 1
    items = read_items(claims_file, args.limit)
    pages = [build_page(item.evidence) for item in items]
    runs: dict[str, list[tuple[Item, Page, list[Shown]]]] = {}
    timings: dict[str, float] = {}
    for name, system in (("sidebyside", sidebyside_shown), ("bm25", bm25_shown)):
        started = time.perf_counter()
        runs[name] = [(i, p, system(p, i.claim)) for i, p in zip(items, pages, strict=True)]
        timings[name] = time.perf_counter() - started
    labels = Counter(item.label for item in items)
    print(
        f"WiCE claims-{args.split}: {len(items)} claims ("
        + ", ".join(f"{label} {labels[label]}" for label in LABELS)
        + ")\n"
    )
    gold = [item.label for item in items]
    majority = labels.most_common(1)[0][0]
    low, high = best_coverage_pair(runs["bm25"])
    judgements = {
        "sidebyside": [judged(shown) for _, _, shown in runs["sidebyside"]],
        "strict": [judged(shown, "not_supported") for _, _, shown in runs["sidebyside"]],
        "bm25": [coverage_judgement(i.claim, s, low, high) for i, _, s in runs["bm25"]],
        "majority": [majority] * len(items),
    }
    header = (
        f"{'system':<46} {'top-1':>6} {'top-3':>6} {'blank':>6} "
        f"{'judge acc':>9} {'macro-F1':>8} {'ms/claim':>8}"
    )
    print(header)
    rows = (
        ("sidebyside (passages shown, judgement)", "sidebyside"),
        ("  … contradicted read as not supported", "strict"),
        (f"plain BM25 sentences (coverage {low:g}/{high:g})", "bm25"),
        (f"majority class ({majority})", "majority"),
    )
    for label, name in rows:
        accuracy, f1, _ = macro_f1(gold, judgements[name])
        if name in runs:
            result = retrieval(runs[name])
            ms = 1000 * timings[name] / len(items)
            print(
                f"{label:<46} {result.top1:>6.3f} {result.top3:>6.3f} "
                f"{result.blank:>6d} {accuracy:>9.3f} {f1:>8.3f} {ms:>8.1f}"
            )
        else:
            print(f"{label:<46} {'':>6} {'':>6} {'':>6} {accuracy:>9.3f} {f1:>8.3f}")
    result = retrieval(runs["sidebyside"])
    bm25_found = {
        id(item)
        for item, page, shown in runs["bm25"]
        if any(holds_support(item, page, s) for s in shown)
    }
    blank_where_bm25 = sum(
        1
        for item, _, shown in runs["sidebyside"]
        if item.label != "not_supported" and not shown and id(item) in bm25_found
    )
    print(
        f"\n({result.total} supported or partly supported claims; blank: no passage shown; "
        f"{blank_where_bm25} of the blank ones have a supporting sentence in BM25's top 3)"
    )
    _, _, per_label = macro_f1(gold, judgements["sidebyside"])
    confusion = Counter(zip(gold, judgements["sidebyside"], strict=True))
    print(
        "\nsidebyside judgement, F1 by label: "
        + ", ".join(f"{label} {per_label[label]:.2f}" for label in LABELS)
    )
    print(
        "confusion (gold -> judged): "
        + ", ".join(f"{g[:4]}->{p[:4]} {n}" for (g, p), n in sorted(confusion.items()))
    )
    print(f"\n{'unsupported claim words (gold passage)':<46} {'P':>6} {'R':>6} {'F1':>6}")
    for split in ("train", "dev"):
        token_items = read_token_items(WICE / f"unsupported-tokens-{split}.jsonl", args.limit)
        for label, predict in (
            (f"sidebyside differences ({split}, {len(token_items)})", predicted_by_differences),
            (f"every word absent from the passage ({split})", predicted_by_absence),
        ):
            precision, recall, f1 = token_scores(token_items, predict)
            print(f"{label:<46} {precision:>6.3f} {recall:>6.3f} {f1:>6.3f}")
    if args.verbose:
        print("\ntop-1 misses of sidebyside:")
        for miss in result.misses:
            print("  " + miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
