"""How fast Find answers a key press in a source pane: the search itself (the core) and
the whole step the reader waits for (search, mark every hit, select the first), on the
real saved news pages of the extraction set, glued into sources of growing size.

The reader types a letter at a time, so every step must stay well under a frame budget
of 100 ms even on a long source; a common word is the worst case (most hits to mark).

    python benchmarks/find.py
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from sidebyside.core.document import DocumentBuilder  # noqa: E402
from sidebyside.core.text_search import find_all  # noqa: E402
from sidebyside.ui.document_view import DocumentView  # noqa: E402
from sidebyside.ui.find_bar import FindBar  # noqa: E402

PAGES = Path(__file__).resolve().parents[2] / "shared" / "data" / "article-extraction"
SIZES = (100_000, 1_000_000)
QUERIES = ("the", "government", "said the")


def real_text(size: int) -> list[str]:
    """Paragraphs of the extraction set's true article texts, repeated up to `size`."""
    truth = json.loads((PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    paragraphs = [
        paragraph
        for page in truth.values()
        for paragraph in page["articleBody"].split("\n")
        if len(paragraph) > 40
    ]
    out, total, index = [], 0, 0
    while total < size:
        out.append(paragraphs[index % len(paragraphs)])
        total += len(out[-1]) + 1
        index += 1
    return out


def plain_scan(text: str, query: str) -> int:
    """The baseline: every place of the lower-cased words, with str.find (no quote or
    spacing leniency)."""
    lowered, needle, count, at = text.lower(), query.lower(), 0, 0
    while (at := lowered.find(needle, at)) >= 0:
        count, at = count + 1, at + 1
    return count


def main() -> None:
    app = QApplication(sys.argv)
    print(
        "| source | query | hits | plain lower-case scan (ms) | search (ms) "
        "| search + mark + select (ms) |"
    )
    print("|---|---|---|---|---|---|")
    for size in SIZES:
        builder = DocumentBuilder()
        for paragraph in real_text(size):
            builder.add(paragraph)
        document = builder.build()
        view = DocumentView()
        view.resize(500, 700)
        view.show_document(document)
        view.show()
        app.processEvents()
        bar = FindBar(view)
        bar.open()
        for query in QUERIES:
            search, whole, plain = [], [], []
            for _ in range(5):
                started = time.perf_counter()
                plain_scan(document.text, query)
                plain.append(time.perf_counter() - started)
                started = time.perf_counter()
                hits = find_all(document.text, query)
                search.append(time.perf_counter() - started)
                bar.field.clear()
                app.processEvents()
                started = time.perf_counter()
                bar.field.setText(query)
                app.processEvents()
                whole.append(time.perf_counter() - started)
            print(
                f"| {len(document.text) // 1000} KB | {query} | {len(hits)} | "
                f"{statistics.median(plain) * 1000:.1f} | {statistics.median(search) * 1000:.1f} | "
                f"{statistics.median(whole) * 1000:.0f} |"
            )


if __name__ == "__main__":
    main()
