"""How well and how fast sidebyside imports documents.

Runs the web-page importer on the saved news pages of the article-extraction
benchmark (../shared/data/article-extraction by default) and scores it, next
to trafilatura used alone, with the benchmark's metric: F1 over 4-word
shingles of `\\w+` tokens, with true/false positives and false negatives
normalised per page, precision and recall averaged over pages, and F1 taken of
the two averages. Then times the import of a generated 300-page PDF and a
50 MB text file.

    python benchmarks/extraction.py [--data DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import trafilatura

from sidebyside.core.importers import import_bytes

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "article-extraction"
_TOKEN = re.compile(r"\w+", re.UNICODE)

Scores = tuple[float, float, float]  # true positives, false positives, false negatives


def shingles(text: str, size: int = 4) -> Counter[str]:
    tokens = _TOKEN.findall(text or "")
    return Counter(
        " ".join(tokens[index : index + size]) for index in range(max(1, len(tokens) - size + 1))
    )


def page_scores(truth: str, prediction: str) -> Scores:
    """Shared, extra and missed shingles of one page, normalised to sum to one."""
    expected, found = shingles(truth), shingles(prediction)
    tp = fp = fn = 0.0
    for key in expected.keys() | found.keys():
        tp += min(expected[key], found[key])
        fp += max(0, found[key] - expected[key])
        fn += max(0, expected[key] - found[key])
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def f1_of(scores: Iterable[Scores]) -> tuple[float, float, float]:
    """F1, precision and recall over pages, as the benchmark computes them."""
    scores = list(scores)
    mean_precision = statistics.mean(precision(*page) for page in scores)
    mean_recall = statistics.mean(recall(*page) for page in scores)
    f1 = 2 * mean_precision * mean_recall / (mean_precision + mean_recall)
    return f1, mean_precision, mean_recall


def ours(html: bytes, name: str) -> str:
    return import_bytes(html, name).text


def trafilatura_alone(html: bytes, name: str) -> str:
    return trafilatura.extract(html) or ""


def run_pages(
    data_dir: Path, limit: int | None
) -> dict[str, tuple[list[Scores], list[float], list[str]]]:
    truth = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[:limit]
    extractors: dict[str, Callable[[bytes, str], str]] = {
        "sidebyside importer": ours,
        "trafilatura alone": trafilatura_alone,
    }
    results: dict[str, tuple[list[Scores], list[float], list[str]]] = {
        label: ([], [], []) for label in extractors
    }
    for key in keys:
        html = gzip.decompress((data_dir / "html" / f"{key}.html.gz").read_bytes())
        expected = truth[key].get("articleBody", "")
        for label, extract in extractors.items():
            started = time.perf_counter()
            try:
                text = extract(html, f"{key}.html")
            except Exception as error:  # a failure scores as an empty extraction
                results[label][2].append(f"{key[:12]}: {error}")
                text = ""
            results[label][1].append(time.perf_counter() - started)
            results[label][0].append(page_scores(expected, text))
    return results


def generated_pdf(pages: int = 300) -> bytes:
    """A report of `pages` pages set like a real one: paragraphs flowing from page to page,
    a chapter heading now and then, words hyphenated at line ends, a running header and
    page numbers."""
    streams: list[list[str]] = []
    commands: list[str] = []
    y = 0.0

    def new_page() -> None:
        nonlocal commands, y
        commands = ["BT /F1 9 Tf 72 750 Td (Statistics Office - Annual Survey 2023) Tj ET"]
        commands.append(f"BT /F1 9 Tf 300 40 Td ({len(streams) + 1}) Tj ET")
        streams.append(commands)
        y = 710.0

    def put(text: str, size: float, step: float) -> None:
        nonlocal y
        if y < 72:
            new_page()
        commands.append(f"BT /F1 {size:g} Tf 72 {y:.1f} Td ({text}) Tj ET")
        y -= step

    new_page()
    paragraph_number = 0
    while len(streams) <= pages:
        if paragraph_number % 25 == 0:
            put(f"Chapter {paragraph_number // 25 + 1}: Households and prices", 16, 30)
        paragraph_number += 1
        words = " ".join(
            f"In district {paragraph_number}-{n} the survey recorded {paragraph_number * 37 + n} "
            "households, and the proportion reporting rising costs increased considerably "
            "according to the statistics office."
            for n in range(1 + paragraph_number % 4)
        ).split()
        line = ""
        for word in words:
            if len(line) + 1 + len(word) > 90:
                room = 90 - len(line) - 2
                if len(word) > 9 and room >= 4:  # hyphenate: "consider-" / "ably"
                    put(f"{line} {word[:room]}-", 10, 12.5)
                    line = word[room:]
                    continue
                put(line, 10, 12.5)
                line = ""
            line = f"{line} {word}".strip()
        put(line, 10, 22)
    objects: list[bytes] = [b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", b""]
    kids = []
    for page_commands in streams[:pages]:
        stream = "\n".join(page_commands).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 2 0 R >> >> >>" % (len(objects))
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 3 0 R >>"
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), pages)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def timed(function: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmark folder")
    parser.add_argument("--limit", type=int, help="score only the first N pages")
    parser.add_argument("--verbose", action="store_true", help="list the worst pages")
    args = parser.parse_args(argv)

    if (args.data / "ground-truth.json").is_file():
        results = run_pages(args.data, args.limit)
        count = len(next(iter(results.values()))[0])
        print(f"Article extraction, {count} saved news pages ({args.data})")
        print(f"{'extractor':<22} {'F1':>6} {'precision':>10} {'recall':>7} {'median time':>12}")
        for label, (scores, seconds, errors) in results.items():
            f1, mean_precision, mean_recall = f1_of(scores)
            median_ms = 1000 * statistics.median(seconds)
            print(
                f"{label:<22} {f1:>6.3f} {mean_precision:>10.3f} {mean_recall:>7.3f} "
                f"{median_ms:>9.0f} ms"
            )
            for error in errors:
                print(f"  failed: {error}")
        if args.verbose:
            scores = results["sidebyside importer"][0]
            keys = sorted(json.loads((args.data / "ground-truth.json").read_text()))
            worst = sorted(zip(scores, keys, strict=False), key=lambda item: item[0][0])[:10]
            for (tp, fp, fn), key in worst:
                print(f"  {key[:16]} tp {tp:.2f} fp {fp:.2f} fn {fn:.2f}")
    else:
        print(f"No benchmark pages at {args.data}; skipping the F1 measurement.", file=sys.stderr)

    pdf = generated_pdf(300)
    document = import_bytes(pdf, "report.pdf")
    pdf_seconds = timed(lambda: import_bytes(pdf, "report.pdf"))
    print(
        f"300-page PDF ({len(pdf) / 2**20:.1f} MB, {len(document.blocks)} blocks): "
        f"{pdf_seconds:.2f} s"
    )
    paragraph = "The report counted 1,204 cases in the region during the year. " * 6
    text = (paragraph.strip() + "\n\n") * (50 * 2**20 // (len(paragraph) + 1))
    data = text.encode()
    text_seconds = timed(lambda: import_bytes(data, "big.txt"), repeat=1)
    print(f"50 MB plain text ({len(data) / 2**20:.0f} MB): {text_seconds:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
