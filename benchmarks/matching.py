"""How often the matcher puts the right passage first, against plain BM25 on the same data.

Reads the gold set in benchmarks/data/matching (and resources/demo when its importers are
available), runs sidebyside's matcher and a plain BM25 over source sentences, and prints
top-1, top-3 and "absent claim correctly unmatched" for both.

    python benchmarks/matching.py              # the table
    python benchmarks/matching.py --verbose    # and every miss
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from sidebyside.core.document import BlockKind, Document, DocumentBuilder, Metadata
from sidebyside.core.matching import Matcher
from sidebyside.core.matching.bm25 import SentenceTable
from sidebyside.core.words import content_stems

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "data" / "matching"
DEMO = ROOT / "resources" / "demo"


@dataclass(frozen=True)
class Passage:
    source: str
    start: int
    end: int


@dataclass(frozen=True)
class Case:
    topic: str
    claim: str
    kind: str
    gold: tuple[Passage, ...]  # empty: no source says it


@dataclass(frozen=True)
class Answer:
    source: str
    start: int
    end: int
    score: float
    verdict: str = ""  # the claim's suggested verdict, on its first answer


# The verdict a careful reader gives each kind of gold claim.
EXPECTED_VERDICT = {
    "supported": "supported",
    "merged": "supported",
    "quote": "supported",
    "distractor_source": "supported",
    "changed_number": "contradicted",
    "contradicted": "contradicted",
    "quote_not_in_source": "contradicted",
    "stitched_quote": "contradicted",
    "dropped_hedge": "partly_supported",
    "misattributed": "misattributed",
    "not_in_sources": "not_in_source",
}


@dataclass
class Topic:
    name: str
    sources: dict[str, Document]
    cases: list[Case]


def read_plain(path: Path, metadata: Metadata) -> Document:
    """Paragraphs separated by blank lines; "#" lines are headings. Enough for the gold
    set, and independent of the importers being benchmarked elsewhere."""
    builder = DocumentBuilder()
    for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
        stripped = paragraph.strip()
        if stripped.startswith("#"):
            builder.add(stripped.lstrip("#").strip(), BlockKind.HEADING)
        else:
            builder.add(stripped)
    return builder.build(metadata)


def metadata_of(entry: dict[str, object]) -> Metadata:
    aliases = entry.get("aliases") or []
    assert isinstance(aliases, list)
    return Metadata(
        title=str(entry.get("title", "")),
        publisher=str(entry.get("publisher", "")),
        aliases=tuple(str(alias) for alias in aliases),
    )


def load_topic(folder: Path, manifest: str, gold: str, reader: Callable[[Path], Document]) -> Topic:
    entries = json.loads((folder / manifest).read_text(encoding="utf-8"))["sources"]
    sources: dict[str, Document] = {}
    for entry in entries:
        document = reader(folder / entry["path"])
        sources[entry["path"]] = _with(document, entry)
    cases = []
    for item in json.loads((folder / gold).read_text(encoding="utf-8"))["claims"]:
        passages = []
        for wanted in [item, *item.get("also", [])]:
            if not wanted.get("source"):
                continue
            passages.append(_locate(sources, wanted["source"], wanted["passage"], folder.name))
        cases.append(Case(folder.name, item["claim"], item["kind"], tuple(passages)))
    return Topic(folder.name, sources, cases)


def _with(document: Document, entry: dict[str, object]) -> Document:
    metadata = metadata_of(entry)
    return document.with_metadata(
        title=metadata.title or document.metadata.title,
        publisher=metadata.publisher or document.metadata.publisher,
        aliases=metadata.aliases,
    )


def _locate(sources: dict[str, Document], source: str, passage: str, topic: str) -> Passage:
    text = sources[source].text
    wanted = " ".join(passage.split())
    start = text.find(wanted)
    if start < 0:
        raise SystemExit(f"{topic}: gold passage not found in {source}: {wanted[:60]}…")
    return Passage(source, start, start + len(wanted))


def load_all() -> list[Topic]:
    topics = [
        load_topic(folder, "topic.json", "gold.json", lambda path: read_plain(path, Metadata()))
        for folder in sorted(p for p in GOLD.iterdir() if (p / "gold.json").exists())
    ]
    if (DEMO / "expected.json").exists():
        try:
            from sidebyside.core.importers import import_file
        except ImportError:
            print("(resources/demo skipped: importers not available)", file=sys.stderr)
        else:
            topics.append(load_topic(DEMO, "demo.json", "expected.json", import_file))
    return topics


# --- the two systems ------------------------------------------------------------------------


def sidebyside_answers(topic: Topic) -> Callable[[str], list[Answer]]:
    """The passages the window shows, as `Matcher.align` gives them: each source's best
    passages, sources in order of their best; the claim's suggested verdict rides on the
    first answer. A source left blank is no answer."""
    matcher = Matcher(topic.sources)

    def answer(claim: str) -> list[Answer]:
        alignment = matcher.align(claim, candidates=3)
        groups = sorted(alignment.per_source.values(), key=lambda found: -found[0].score)
        shown = [m for found in groups for m in found]
        verdict = str(alignment.suggested)
        return [
            Answer(m.source, m.start, m.end, m.score, verdict if n == 0 else "")
            for n, m in enumerate(shown)
        ] or [Answer("", 0, 0, float("-inf"), verdict)]

    return answer


def bm25_answers(topic: Topic) -> Callable[[str], list[Answer]]:
    """Plain BM25 (k1 1.2, b 0.75) over the sentences of every source, stemmed, with
    stopwords removed: the best sentences in score order, nothing else."""
    matcher = Matcher(topic.sources)  # for its sentence table only
    table: SentenceTable = matcher.table

    def answer(claim: str) -> list[Answer]:
        scores = table.scores(table.term_numbers(content_stems(claim)))
        order = np.lexsort((np.arange(scores.size), -scores))[:3]
        answers = []
        for sentence in order:
            source = int(table.source_of[sentence])
            index = matcher.indexes[source]
            local = int(sentence - table.offsets[source])
            answers.append(
                Answer(
                    matcher.keys[source],
                    int(index.starts[local]),
                    int(index.ends[local]),
                    float(scores[sentence]),
                )
            )
        return answers

    return answer


# --- scoring --------------------------------------------------------------------------------


def correct(answer: Answer, case: Case) -> bool:
    for gold in case.gold:
        if answer.source != gold.source:
            continue
        overlap = min(answer.end, gold.end) - max(answer.start, gold.start)
        if overlap >= 0.5 * (gold.end - gold.start):
            return True
    return False


@dataclass
class Result:
    top1: float
    top3: float
    absent: float
    verdicts: float  # suggested verdict as expected for the claim's kind
    found: int
    absent_total: int
    misses: list[str]


def evaluate(cases: list[tuple[Case, list[Answer]]], threshold: float) -> Result:
    top1 = top3 = absent_ok = 0
    verdicts = sum(
        bool(a) and a[0].verdict == EXPECTED_VERDICT.get(c.kind) for c, a in cases
    ) / max(len(cases), 1)
    misses: list[str] = []
    present = [(c, a) for c, a in cases if c.gold]
    absent = [(c, a) for c, a in cases if not c.gold]
    for case, answers in present:
        kept = [a for a in answers if a.score >= threshold and a.source]
        if kept and correct(kept[0], case):
            top1 += 1
        else:
            misses.append(f"[{case.topic}/{case.kind}] {case.claim[:90]}")
        if any(correct(a, case) for a in kept[:3]):
            top3 += 1
    for case, answers in absent:
        judged = answers[0].verdict if answers else ""
        if judged:  # the matcher shows what bears on the claim and judges it
            right = judged == "not_in_source"
        else:
            right = not [a for a in answers if a.score >= threshold]
        if right:
            absent_ok += 1
        else:
            misses.append(f"[{case.topic}/absent, matched] {case.claim[:90]}")
    return Result(
        top1 / max(len(present), 1),
        top3 / max(len(present), 1),
        absent_ok / max(len(absent), 1),
        verdicts,
        len(present),
        len(absent),
        misses,
    )


def calibrate(cases: list[tuple[Case, list[Answer]]], grid: list[float]) -> float:
    """The threshold with most right answers (right passage first, absent unmatched);
    the middle of the best run when several tie."""
    totals = []
    for threshold in grid:
        result = evaluate(cases, threshold)
        totals.append(round(result.top1 * result.found + result.absent * result.absent_total))
    best = max(totals)
    run = [t for t, total in zip(grid, totals, strict=True) if total == best]
    return run[len(run) // 2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    topics = load_all()
    runs: dict[str, list[tuple[Case, list[Answer]]]] = {"sidebyside": [], "bm25": []}
    timings: dict[str, float] = Counter()
    for topic in topics:
        for name, system in (("sidebyside", sidebyside_answers), ("bm25", bm25_answers)):
            answer = system(topic)
            started = time.perf_counter()
            runs[name].extend((case, answer(case.claim)) for case in topic.cases)
            timings[name] += time.perf_counter() - started
    claims = len(runs["sidebyside"])
    bm25_threshold = calibrate(runs["bm25"], [x / 4 for x in range(0, 161)])
    kinds = Counter(case.kind for case, _ in runs["sidebyside"])
    print(
        f"gold set: {claims} claims in {len(topics)} topics "
        f"({', '.join(t.name for t in topics)}); "
        + ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items()))
    )
    print()
    print(
        f"{'system':<44} {'top-1':>6} {'top-3':>6} {'absent unmatched':>17} "
        f"{'all right':>9} {'verdict':>8} {'ms/claim':>9}"
    )
    rows = (
        ("sidebyside (passages shown, suggested verdict)", "sidebyside", float("-inf")),
        (f"plain BM25 sentences (best threshold {bm25_threshold:g})", "bm25", bm25_threshold),
        ("plain BM25 sentences (no threshold)", "bm25", float("-inf")),
    )
    results = {}
    for label, name, limit in rows:
        result = evaluate(runs[name], limit)
        results[label] = result
        right = (result.top1 * result.found + result.absent * result.absent_total) / claims
        verdict = f"{result.verdicts:>8.3f}" if name == "sidebyside" else f"{'':>8}"
        print(
            f"{label:<44} {result.top1:>6.3f} {result.top3:>6.3f} "
            f"{result.absent:>17.3f} {right:>9.3f} {verdict} "
            f"{1000 * timings[name] / claims:>9.2f}"
        )
    print(
        f"\n({results[rows[0][0]].found} claims with a passage, "
        f"{results[rows[0][0]].absent_total} that no source contains; absent unmatched: "
        "judged not in source (sidebyside) or nothing above the threshold (BM25); all right: "
        "the right passage first, or that; verdict: the suggested verdict is the one the "
        "claim's kind calls for)"
    )
    by_kind: dict[str, list[tuple[Case, list[Answer]]]] = {}
    for case, answers in runs["sidebyside"]:
        by_kind.setdefault(case.kind, []).append((case, answers))
    print("\nsidebyside by kind:           top-1  verdict")
    for kind, cases in sorted(by_kind.items()):
        result = evaluate(cases, float("-inf"))
        value = result.absent if kind in ("not_in_sources",) else result.top1
        print(
            f"  {kind:<26} {value:>5.2f}  {result.verdicts:>7.2f}  "
            f"(n={len(cases)}, expected {EXPECTED_VERDICT.get(kind)})"
        )
    if args.verbose:
        for label, name, limit in rows[::2]:
            print(f"\nmisses of {label}:")
            for miss in evaluate(runs[name], limit).misses:
                print("  " + miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
