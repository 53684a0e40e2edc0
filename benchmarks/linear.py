"""Time that grows with the input, not faster: `claims` on one-sentence lines and `text` on
web pages of many paragraphs, each at two sizes, with the growth ratio per doubling.

A ratio of 1.0 is linear; above 1.3 something grows faster than the input (a splitter fed a
whole file, a parser that back-tracks). Files are generated here; nothing is committed.

    python benchmarks/linear.py
"""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCE = (
    "The agency said {n} wells in the Arden valley ran dry in round {n}, officials reported.\n"
)
PARAGRAPH = "<p>Officials said {n} wells ran dry in round {n} of the survey.</p>\n"


def lines_file(folder: Path, size: int) -> Path:
    """A text file of `size` bytes, one sentence a line (no blank lines: one block)."""
    path = folder / f"lines-{size}.txt"
    parts, total, number = [], 0, 0
    while total < size:
        line = SENTENCE.format(n=number)
        parts.append(line)
        total += len(line)
        number += 1
    path.write_text("".join(parts), encoding="utf-8")
    return path


def page_file(folder: Path, paragraphs: int) -> Path:
    path = folder / f"page-{paragraphs}.html"
    body = "".join(PARAGRAPH.format(n=number) for number in range(paragraphs))
    path.write_text(
        f"<html><head><title>Survey</title></head><body><article>{body}</article></body></html>",
        encoding="utf-8",
    )
    return path


def seconds(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, timeout=1800)
    return time.perf_counter() - started


def growth(small: float, large: float, factor: float) -> float:
    """How much faster than linear the time grows, per doubling of the input."""
    doublings = math.log2(factor)
    return (large / small) ** (1 / doublings) / 2


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    python = [sys.executable, "-m", "sidebyside"]
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        cases = [
            ("claims on one-sentence lines", "claims", lines_file, (200_000, 1_000_000), "KB"),
            ("text on HTML paragraphs", "text", page_file, (100_000, 300_000), "paragraphs"),
        ]
        for label, command, make, (small, large), unit in cases:
            timings = [seconds([*python, command, str(make(folder, n))]) for n in (small, large)]
            ratio = growth(timings[0], timings[1], large / small)
            sizes = (
                f"{small // 1000}→{large // 1000} KB"
                if unit == "KB"
                else f"{small // 1000}k→{large // 1000}k"
            )
            rows.append((label, sizes, timings, ratio))
    print("growth per doubling of the input (1.00 is linear)")
    for label, sizes, (small_s, large_s), ratio in rows:
        print(f"  {label:32} {sizes:>14}  {small_s:6.1f} s → {large_s:6.1f} s   {ratio:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
