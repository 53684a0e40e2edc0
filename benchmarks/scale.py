"""Wall time and peak memory of `sidebyside align` on a large reading list.

Generates 200 sources of about 100 KB of English-like prose (a Zipf-distributed
vocabulary of invented words around real function words, names and figures) and an
article of 1,000 claims: most paraphrase a source sentence (words dropped, a figure
changed now and then), the rest say something no source says. Then runs

    sidebyside align article.txt sources/*.txt --claims-file claims.txt --json

in a fresh process, and reports its wall time and peak memory (with --jobs 2 and 1), the time
of each phase measured in this process, and the time to match one claim against the
demo's three sources.

    python benchmarks/scale.py [--sources 200] [--claims 1000] [--size 100000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FUNCTION_WORDS = str.split(
    "the of and to in a is that for on with as was by at from it said were has have "
    "be its their are this which an or but not after more had been who they would "
    "will than also about into over could when there some most other only new two "
    "first last three"
)
SYLLABLES = str.split(
    "ka lo ven dar mi to sel ra bu nor eth is an gol pe vu ri zan mo tel ber cas dun "
    "fal gri hol jen kor lum mar nis pol quen rus sta tor ul vel wis yor zel ad em "
    "ist ung"
)
SUFFIXES = ["", "", "", "s", "ed", "ing", "er", "ion", "ly", "al"]


def vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        words.add(stem + rng.choice(SUFFIXES))
    return sorted(words)


class Prose:
    def __init__(self, seed: int, words: int = 60_000) -> None:
        self.rng = random.Random(seed)
        self.words = vocabulary(self.rng, words)
        self.rng.shuffle(self.words)
        weights = [1.0 / (rank + 1) ** 1.07 for rank in range(len(self.words))]
        total = 0.0
        self.cumulative = []
        for weight in weights:
            total += weight
            self.cumulative.append(total)
        self.names = [w.capitalize() for w in vocabulary(self.rng, 3_000)]

    def sentence(self) -> str:
        rng = self.rng
        content = rng.choices(self.words, cum_weights=self.cumulative, k=rng.randint(7, 22))
        out: list[str] = []
        for word in content:
            if rng.random() < 0.45:
                out.append(rng.choice(FUNCTION_WORDS))
            out.append(word)
        if rng.random() < 0.5:
            out.insert(rng.randrange(len(out)), rng.choice(self.names))
        if rng.random() < 0.35:
            figure = (
                f"{rng.randint(2, 90_000):,}" if rng.random() < 0.7 else str(rng.randint(2, 99))
            )
            out.insert(rng.randrange(1, len(out)), figure)
        out[0] = out[0].capitalize()
        return " ".join(out) + "."

    def document(self, size: int) -> str:
        paragraphs: list[str] = []
        length = 0
        while length < size:
            paragraph = " ".join(self.sentence() for _ in range(self.rng.randint(2, 7)))
            paragraphs.append(paragraph)
            length += len(paragraph) + 2
        return "\n\n".join(paragraphs) + "\n"


def paraphrase(rng: random.Random, sentence: str) -> str:
    words = sentence.rstrip(".").split()
    kept = [w for w in words if rng.random() > 0.2] or words
    if rng.random() < 0.3:
        kept = [str(rng.randint(2, 9_000)) if w[:1].isdigit() else w for w in kept]
    if len(kept) > 6 and rng.random() < 0.5:
        cut = rng.randrange(2, len(kept) - 2)
        kept = kept[cut:] + kept[:cut]
    return " ".join(kept) + "."


def generate(
    folder: Path, sources: int, claims: int, size: int
) -> tuple[list[Path], Path, Path, list[tuple[str, str] | None]]:
    """The sources, the article, the claims file, and for each claim the source and
    sentence it paraphrases (None when no source says it)."""
    prose = Prose(seed=20_26)
    rng = random.Random(7)
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    texts: list[str] = []
    for number in range(sources):
        text = prose.document(size)
        path = folder / "sources" / f"source-{number:03}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        texts.append(text)
    lines: list[str] = []
    truth: list[tuple[str, str] | None] = []
    for _ in range(claims):
        if rng.random() < 0.8:
            number = rng.randrange(len(texts))
            paragraphs = texts[number].split("\n\n")
            sentence = rng.choice(rng.choice(paragraphs).strip().split(". ")).rstrip(".")
            lines.append(paraphrase(rng, sentence + "."))
            truth.append((str(paths[number]), sentence))
        else:
            lines.append(Prose(seed=rng.randrange(1 << 30), words=500).sentence())
            truth.append(None)
    claims_file = folder / "claims.txt"
    claims_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    article = folder / "article.txt"
    article.write_text("Reading list\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    return paths, article, claims_file, truth


def run_align(
    paths: list[Path], article: Path, claims: Path, jobs: int
) -> tuple[float, float, dict[str, object]]:
    """Wall time, peak memory of the whole process group (the command and any workers it
    forks, sampled every 50 ms from /proc) and the JSON result."""
    command = [
        sys.executable, "-m", "sidebyside", "align", str(article), *map(str, paths),
        "--claims-file", str(claims), "--json", "--jobs", str(jobs),
    ]  # fmt: skip
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=output, start_new_session=True)
        peak = 0
        while process.poll() is None:
            peak = max(peak, group_rss(process.pid))
            time.sleep(0.05)
        elapsed = time.perf_counter() - started
        if process.returncode:
            raise SystemExit(f"sidebyside align failed with status {process.returncode}")
        output.seek(0)
        result = json.loads(output.read())
    return elapsed, peak / 1024, result


def accuracy(result: dict[str, object], truth: list[tuple[str, str] | None]) -> tuple[float, float]:
    """Share of paraphrases whose first match is the passage they come from, and share of
    made-up claims judged not in the sources (recall first: related passages may show)."""
    claims = result["claims"]
    assert isinstance(claims, list)
    right = absent = 0
    for claim, expected in zip(claims, truth, strict=True):
        matches = claim["matches"]
        if expected is None:
            absent += claim["suggested_verdict"] == "not_in_source"
        elif matches and matches[0]["source"] == expected[0]:
            right += expected[1][:60] in matches[0]["text"]
    made_up = sum(1 for expected in truth if expected is None)
    return right / max(len(truth) - made_up, 1), absent / max(made_up, 1)


def group_rss(group: int) -> int:
    """Memory (KB) of every process in a process group, from /proc: the proportional set
    size, so that pages a forked worker shares with its parent are counted once."""
    total = 0
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) != group:
                continue
            for line in (status.parent / "smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return total


def phases(paths: list[Path], claims: Path) -> dict[str, float]:
    from sidebyside.core.importers import import_file
    from sidebyside.core.matching import Matcher, SourceIndex, build_index

    timings: dict[str, float] = {}
    started = time.perf_counter()
    documents = {str(path): import_file(path) for path in paths}
    timings["import 200 files"] = time.perf_counter() - started
    started = time.perf_counter()
    indexes = {key: build_index(document) for key, document in documents.items()}
    timings["index sentences"] = time.perf_counter() - started
    stored = {key: index.to_bytes() for key, index in indexes.items()}
    started = time.perf_counter()
    reloaded = {key: SourceIndex.from_bytes(data) for key, data in stored.items()}
    timings["reload stored indexes"] = time.perf_counter() - started
    started = time.perf_counter()
    matcher = Matcher(documents, indexes=reloaded)
    timings["merge into one table"] = time.perf_counter() - started
    lines = claims.read_text(encoding="utf-8").splitlines()
    started = time.perf_counter()
    for line in lines:
        matcher.align(line, candidates=3)
    timings[f"match {len(lines)} claims"] = time.perf_counter() - started
    timings["stored index size (MB)"] = sum(map(len, stored.values())) / 1e6
    return timings


def demo_claim() -> float | None:
    demo = ROOT / "resources" / "demo"
    if not (demo / "demo.json").exists():
        return None
    from sidebyside.core.importers import import_file
    from sidebyside.core.matching import Matcher

    manifest = json.loads((demo / "demo.json").read_text(encoding="utf-8"))
    sources = {s["path"]: import_file(demo / s["path"]) for s in manifest["sources"]}
    matcher = Matcher(sources)
    claim = "Vesgrad initially sent 180 instructors, a contingent that has since grown to 1,400."
    matcher.align(claim)
    started = time.perf_counter()
    for _ in range(20):
        matcher.align(claim)
    return (time.perf_counter() - started) / 20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--size", type=int, default=100_000, help="characters per source")
    parser.add_argument("--keep", type=Path, help="generate into DIR and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="sidebyside-scale-"))
    try:
        paths, article, claims, truth = generate(folder, args.sources, args.claims, args.size)
        megabytes = sum(path.stat().st_size for path in paths) / 1e6
        print(f"{args.sources} sources, {megabytes:.1f} MB of text; {args.claims} claims")
        print(
            "\nsidebyside align in a fresh process (best of 3 runs; peak memory of all its "
            "processes, pages shared by forked workers counted once):"
        )
        for jobs in (2, 1):
            runs = [run_align(paths, article, claims, jobs) for _ in range(3)]
            elapsed = min(run[0] for run in runs)
            peak = max(run[1] for run in runs)
            result = runs[0][2]
            print(f"  --jobs {jobs}: {elapsed:5.2f} s wall, {peak:4.0f} MB peak memory")
        right, unmatched = accuracy(result, truth)
        print(
            f"  paraphrases with their own sentence first: {right:.3f}; "
            f"made-up claims judged not in the sources: {unmatched:.3f}"
        )
        print("\nphases, in this process:")
        for name, value in phases(paths, claims).items():
            unit = "" if "MB" in name else " s"
            print(f"  {name:<28} {value:8.2f}{unit}")
        single = demo_claim()
        if single is not None:
            print(f"\none claim against the demo's three sources: {1000 * single:.1f} ms")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
