"""Claim suggestion benchmark: recall and precision against claims a careful reader marked.

Each article in benchmarks/data/claims/ has a JSON file listing the exact claim
sentences (and the sources they cite); the demo article's expected.json is
used too when present. A marked claim counts as found when suggestions cover
at least 80 % of its characters; a suggestion counts as right when at least
half of its characters lie inside marked claims. Articles marked "held_out"
are not used to tune the finder; "first_unseen_score" keeps the score an
article had before it was tuned on.

    python benchmarks/claims.py [--verbose] [--samples DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from sidebyside.core.citations import SourceNames, cite_sources, names_match
from sidebyside.core.claims import ClaimSuggestion, suggest_claims
from sidebyside.core.document import Document, DocumentBuilder
from sidebyside.core.importers import import_file
from sidebyside.core.spans import Span

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data" / "claims"
DEMO = ROOT / "resources" / "demo"
SHARED_SAMPLES = ROOT.parent / "shared" / "samples"
FOUND_COVERAGE = 0.8
RIGHT_COVERAGE = 0.5


@dataclass
class Gold:
    name: str
    article: Path
    claims: list[tuple[str, list[str] | None]]  # (text, sources or None when not annotated)
    held_out: bool = False
    # For articles with attached sources: the source file each claim should cite, and names.
    cites: list[str | None] | None = None
    sources: list[SourceNames] | None = None
    first_unseen: dict[str, object] | None = None  # the score before it was tuned on


@dataclass
class Score:
    name: str
    marked: int
    suggested: int
    found: int
    right: int
    sources_expected: int
    sources_found: int
    seconds: float
    held_out: bool
    cites_expected: int = 0
    cites_right: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.marked if self.marked else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.suggested if self.suggested else 1.0

    @property
    def per_claim(self) -> float:
        return self.suggested / self.marked if self.marked else 0.0

    @property
    def source_recall(self) -> float:
        return self.sources_found / self.sources_expected if self.sources_expected else 1.0


def load_gold() -> list[Gold]:
    golds: list[Gold] = []
    for path in sorted(DATA.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        claims = [(claim["text"], list(claim.get("sources", []))) for claim in data["claims"]]
        golds.append(
            Gold(
                path.stem,
                DATA / data["article"],
                claims,
                bool(data.get("held_out", False)),
                first_unseen=data.get("first_unseen_score"),
            )
        )
    expected = DEMO / "expected.json"
    manifest = DEMO / "demo.json"
    if expected.is_file() and manifest.is_file():
        data = json.loads(expected.read_text(encoding="utf-8"))
        claims = [(claim["claim"], None) for claim in data["claims"]]
        cites = [claim.get("source") for claim in data["claims"]]
        demo = json.loads(manifest.read_text(encoding="utf-8"))
        sources = [
            SourceNames(
                source["path"],
                (source.get("publisher", ""), *source.get("aliases", [])),
                source.get("title", ""),
            )
            for source in demo["sources"]
        ]
        article = DEMO / demo["article"]["path"]
        golds.append(Gold("demo", article, claims, cites=cites, sources=sources))
    return golds


def score(gold: Gold, verbose: bool) -> Score:
    document = import_file(gold.article)
    started = time.perf_counter()
    suggestions = suggest_claims(document)
    seconds = time.perf_counter() - started
    marked = [_locate(document, text) for text, _ in gold.claims]
    found = 0
    sources_expected = sources_found = 0
    for span, (text, sources) in zip(marked, gold.claims, strict=True):
        covering = [s for s in suggestions if s.span.overlaps(span)]
        covered = _covered(span, [s.span for s in covering])
        if covered >= FOUND_COVERAGE * len(span):
            found += 1
            for source in sources or []:
                sources_expected += 1
                names = [n for s in covering for n in (*s.cues.named, *s.cues.refers_to)]
                if any(names_match(source, name) for name in names):
                    sources_found += 1
                elif verbose:
                    print(f"  source missed: {source!r} in {text[:70]!r}… got {names}")
        else:
            sources_expected += len(sources or [])
            if verbose:
                print(f"  MISSED: {text}")
    cited_right = cited_expected = 0
    if gold.cites is not None and gold.sources is not None:
        report = cite_sources(suggestions, gold.sources)
        for span, expected in zip(marked, gold.cites, strict=True):
            if expected is None:
                continue
            cited_expected += 1
            covering = [
                citation
                for suggestion, citation in zip(suggestions, report.citations, strict=True)
                if suggestion.span.overlaps(span)
            ]
            if any(expected in citation.cited for citation in covering):
                cited_right += 1
            elif verbose:
                print(f"  CITATION: {span.of(document.text)[:70]!r}… should cite {expected}")
    right = 0
    for suggestion in suggestions:
        inside = _covered(suggestion.span, marked)
        if inside >= RIGHT_COVERAGE * len(suggestion.span):
            right += 1
        elif verbose:
            print(f"  EXTRA: {suggestion.text}  [{'; '.join(suggestion.reasons)}]")
    return Score(
        gold.name,
        len(marked),
        len(suggestions),
        found,
        right,
        sources_expected,
        sources_found,
        seconds,
        gold.held_out,
        cited_expected,
        cited_right,
    )


def _locate(document: Document, text: str) -> Span:
    start = document.text.find(text)
    if start < 0:
        raise SystemExit(f"marked claim not in the canonical text: {text!r}")
    return Span(start, start + len(text))


def _covered(span: Span, others: list[Span]) -> int:
    """Characters of `span` that lie inside any of `others`."""
    covered = 0
    cursor = span.start
    for other in sorted(others):
        start, end = max(cursor, other.start), min(span.end, other.end)
        if end > start:
            covered += end - start
            cursor = end
    return covered


def print_table(scores: list[Score]) -> None:
    header = (
        f"{'article':<24}{'marked':>7}{'suggested':>10}{'recall':>8}{'precision':>10}"
        f"{'per claim':>10}{'sources':>9}{'cites':>7}{'ms':>6}"
    )
    print(header)
    print("-" * len(header))
    for row in scores:
        print(_row(row.name + (" (held out)" if row.held_out else ""), row))
    tuned = [row for row in scores if not row.held_out]
    print(_row("overall (tuned on)", _total(tuned)))
    if len(tuned) < len(scores):
        print(_row("overall (with held out)", _total(scores)))
    print(
        "\nrecall: marked claims covered ≥ 80 % by suggestions; precision: suggestions ≥ 50 % "
        "inside marked claims;\nsources: marked source names found among a claim's cues; "
        "cites: claims citing the source file expected (demo)."
    )


def _row(label: str, row: Score) -> str:
    sources = f"{row.source_recall:.2f}" if row.sources_expected else "-"
    cites = f"{row.cites_right / row.cites_expected:.2f}" if row.cites_expected else "-"
    return (
        f"{label:<24}{row.marked:>7}{row.suggested:>10}{row.recall:>8.2f}"
        f"{row.precision:>10.2f}{row.per_claim:>10.2f}{sources:>9}{cites:>7}"
        f"{row.seconds * 1000:>6.0f}"
    )


def _total(rows: list[Score]) -> Score:
    return Score(
        "total",
        sum(r.marked for r in rows),
        sum(r.suggested for r in rows),
        sum(r.found for r in rows),
        sum(r.right for r in rows),
        sum(r.sources_expected for r in rows),
        sum(r.sources_found for r in rows),
        sum(r.seconds for r in rows),
        False,
        sum(r.cites_expected for r in rows),
        sum(r.cites_right for r in rows),
    )


def time_large_article(golds: list[Gold]) -> tuple[float, int]:
    """Seconds to suggest claims in a ~100 KB article made of the development articles.

    Every paragraph is made unique, so no cache helps; the best of three runs is
    reported, since other work on the machine can only slow a run down.
    """
    documents = [import_file(gold.article) for gold in golds]
    runs: list[float] = []
    size = 0
    for run in range(3):
        builder = DocumentBuilder()
        size = copy = 0
        while size < 100_000:
            copy += 1
            for document in documents:
                for block in document.blocks:
                    paragraph = document.text[block.start : block.end]
                    added = builder.add(f"Part {run}.{copy}: {paragraph}", block.kind)
                    size = added.end if added else size
        large = builder.build()
        started = time.perf_counter()
        suggest_claims(large)
        runs.append(time.perf_counter() - started)
    return min(runs), size


def show_samples(directory: Path) -> None:
    """Print what the finder suggests on articles we may read but not copy or annotate."""
    for path in sorted(directory.glob("*")):
        if not path.is_file():
            continue
        document = import_file(path)
        suggestions = suggest_claims(document)
        print(f"\n{path.name}: {len(suggestions)} suggestions")
        for suggestion in suggestions:
            print(f"- {_short(suggestion)}")


def _short(suggestion: ClaimSuggestion) -> str:
    cues = suggestion.cues
    parts = [f"sources={list(cues.sources)}"] if cues.sources else []
    if cues.refers_to:
        parts.append(f"refers_to={list(cues.refers_to)}")
    if cues.numbers:
        parts.append(f"numbers={list(cues.numbers)}")
    if cues.hedges:
        parts.append(f"hedges={list(cues.hedges)}")
    text = suggestion.text if len(suggestion.text) < 140 else suggestion.text[:137] + "…"
    return f"{text}\n    {' '.join(parts)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="print misses and extras")
    parser.add_argument(
        "--show-held-out",
        action="store_true",
        help="with --verbose, also print the misses of held-out articles (spoils them)",
    )
    parser.add_argument(
        "--samples",
        type=Path,
        nargs="?",
        const=SHARED_SAMPLES,
        help="also print suggestions for the articles in DIR (default ../shared/samples)",
    )
    args = parser.parse_args(argv)
    golds = load_gold()
    scores = []
    for gold in golds:
        verbose = args.verbose and (args.show_held_out or not gold.held_out)
        if verbose:
            print(f"{gold.name}:")
        scores.append(score(gold, verbose))
    print_table(scores)
    unseen = [gold for gold in golds if gold.first_unseen]
    if unseen:
        print("\nFirst scores of articles scored while still unseen (tuned on since):")
        for gold in unseen:
            first = gold.first_unseen or {}
            print(
                f"  {gold.name:<22} recall {float(str(first['recall'])):.2f}  "
                f"precision {float(str(first['precision'])):.2f}"
            )
    seconds, size = time_large_article(golds)
    print(f"\n{size / 1000:.0f} KB article: {seconds:.2f} s")
    if args.samples is not None and args.samples.is_dir():
        show_samples(args.samples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
