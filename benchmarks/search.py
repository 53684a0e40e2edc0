"""Search the whole workspace: how soon the first results come, and what keeping the FTS5
index costs an import, next to a plain `LIKE '%word%'` scan of the same tables.

The workspace is generated: 50 articles and 500 sources (50 MB of text) made of the real
news texts of the extraction set (`articleBody` of its ground truth), paragraphs shuffled
and repeated, and 5,000 notes (100 claims an article, each with a note of real sentences).
Each source is imported the way the window does (read from a .txt file, then stored); the
same import runs on a workspace whose index triggers were dropped, for the baseline.

    python benchmarks/search.py [--tokenizer trigram] [--sources 500]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from sidebyside.operations import prepare_source
from sidebyside.store import Workspace
from sidebyside.store import search as search_module

TRUTH = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "article-extraction"
    / "ground-truth.json"
)
PAGES = TRUTH.parent / "html"
ARTICLES, CLAIMS_PER_ARTICLE = 50, 100
SOURCE_CHARS, ARTICLE_CHARS = 100_000, 10_000
QUERIES = (
    ("commonest word", "the"),
    ("common word", "government"),
    ("rare word", "Kremlin"),
    ("two words", "police said"),
    ("phrase", '"prime minister"'),
    ("typed prefix", "gover"),
)
REPEATS = 5


def paragraphs() -> list[str]:
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    return [
        paragraph
        for page in truth.values()
        for paragraph in page["articleBody"].split("\n")
        if len(paragraph) > 40
    ]


def text_of(pool: list[str], size: int, rng: random.Random) -> str:
    out, total = [], 0
    while total < size:
        out.append(rng.choice(pool))
        total += len(out[-1]) + 2
    return "\n\n".join(out)


def build(path: Path, folder: Path, sources: int, indexed: bool) -> dict[str, float]:
    """Import the generated workspace at `path`; seconds spent reading files and storing."""
    rng = random.Random(12)
    pool = paragraphs()
    sentences = [s for p in pool for s in p.split(". ") if len(s) > 30]
    Workspace.open(path).close()
    if not indexed:  # the baseline: the same workspace, its index no longer kept
        _drop_index_triggers(path)
    workspace = Workspace.open(path)
    reading = storing = notes = 0.0
    per_article = sources // ARTICLES
    for number in range(ARTICLES):
        files = []
        for index in range(per_article + 1):
            file = folder / f"a{number}-{index}.txt"
            size = ARTICLE_CHARS if index == 0 else SOURCE_CHARS
            file.write_text(text_of(pool, size, rng), encoding="utf-8")
            files.append(file)
        started = time.perf_counter()
        documents = [prepare_source(file) for file in files]
        reading += time.perf_counter() - started
        started = time.perf_counter()
        article = workspace.add_article(documents[0])
        for document in documents[1:]:
            workspace.add_source(article.id, document)
        storing += time.perf_counter() - started
        text = documents[0].text
        step = max(1, len(text) // CLAIMS_PER_ARTICLE)
        spans = [(s, min(len(text), s + 80)) for s in range(0, step * CLAIMS_PER_ARTICLE, step)]
        claims = workspace.add_suggested_claims(article.id, [(s, e, {}) for s, e in spans if s < e])
        started = time.perf_counter()
        with workspace.transaction():
            for claim in claims:
                workspace.save_note(claim.id, " ".join(rng.sample(sentences, 3)))
        notes += time.perf_counter() - started
        for file in files:
            file.unlink()
    workspace.close()
    return {"reading": reading, "storing": storing, "notes": notes}


def build_pages(path: Path, indexed: bool) -> float:
    """Import the real saved news pages of the extraction set, one article each, the way
    the window does (read, then stored); seconds for the whole import."""
    Workspace.open(path).close()
    if not indexed:
        _drop_index_triggers(path)
    files = []
    for page in sorted(PAGES.glob("*.html.gz")):  # unpacked first: a reader saves pages so
        file = path.parent / page.name.removesuffix(".gz")
        file.write_bytes(gzip.decompress(page.read_bytes()))
        files.append(file)
    workspace = Workspace.open(path)
    started = time.perf_counter()
    for file in files:
        workspace.add_article(prepare_source(file))
    elapsed = time.perf_counter() - started
    workspace.close()
    for file in files:
        file.unlink()
    return elapsed


def _drop_index_triggers(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        for table, _content, _column in search_module.INDEXED:
            for event in ("added", "removed", "changed"):
                connection.execute(f"DROP TRIGGER {table}_{event}")


def time_search(path: Path) -> list[tuple[str, str, float, float, int, float]]:
    rows = []
    workspace = Workspace.open(path, read_only=True)
    plain = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    for label, query in QUERIES:
        as_typed = label == "typed prefix"
        runs, hits = [], []
        for _ in range(REPEATS):
            started = time.perf_counter()
            hits = workspace.search(query, as_typed=as_typed, limit=20)
            runs.append(time.perf_counter() - started)
        word = query.strip('"').split()[0]
        baseline = []
        for _ in range(REPEATS):
            started = time.perf_counter()
            for table, column in (("document", "text"), ("claim", "exact"), ("note", "text")):
                plain.execute(
                    f"SELECT id FROM {table} WHERE {column} LIKE ? LIMIT 20", (f"%{word}%",)
                ).fetchall()
            baseline.append(time.perf_counter() - started)
        rows.append(
            (
                label,
                query,
                statistics.median(runs) * 1000,
                max(runs) * 1000,
                len(hits),
                statistics.median(baseline) * 1000,
            )
        )
    workspace.close()
    plain.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, default=500)
    parser.add_argument("--tokenizer", default=search_module.TOKENIZER)
    args = parser.parse_args()
    if args.tokenizer != search_module.TOKENIZER:  # measure another tokenizer, as it would be
        search_module.TOKENIZER = args.tokenizer
        search_module.INDEX_MODELS[:] = [
            search_module._index_model(*indexed) for indexed in search_module.INDEXED
        ]
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        indexed = build(folder / "indexed.sqlite", folder, args.sources, True)
        plain = build(folder / "plain.sqlite", folder, args.sources, False)
        with sqlite3.connect(folder / "indexed.sqlite") as connection:
            chars = connection.execute("SELECT sum(length(text)) FROM document").fetchone()[0]
        size_indexed = (folder / "indexed.sqlite").stat().st_size / 1e6
        size_plain = (folder / "plain.sqlite").stat().st_size / 1e6
        print(
            f"Workspace: {ARTICLES} articles, {args.sources} sources, {chars / 1e6:.1f} M "
            f"characters, {ARTICLES * CLAIMS_PER_ARTICLE} notes; tokenizer {args.tokenizer!r}"
        )
        print(f"File: {size_indexed:.0f} MB with the index, {size_plain:.0f} MB without\n")
        print("| import step | without index | with index | added |")
        print("|---|---|---|---|")
        for step in ("storing", "notes"):
            print(
                f"| {step} | {plain[step]:.2f} s | {indexed[step]:.2f} s | "
                f"{(indexed[step] / plain[step] - 1) * 100:+.0f} % |"
            )
        whole_plain = plain["reading"] + plain["storing"] + plain["notes"]
        whole = indexed["reading"] + indexed["storing"] + indexed["notes"]
        print(
            f"| whole import (read files, store, notes) | {whole_plain:.2f} s | {whole:.2f} s | "
            f"{(whole / whole_plain - 1) * 100:+.0f} % |"
        )
        pages_indexed = build_pages(folder / "pages-indexed.sqlite", True)
        pages_plain = build_pages(folder / "pages-plain.sqlite", False)
        print(
            f"| the {len(list(PAGES.glob('*.html.gz')))} saved news pages (read, stored) | "
            f"{pages_plain:.2f} s | {pages_indexed:.2f} s | "
            f"{(pages_indexed / pages_plain - 1) * 100:+.0f} % |"
        )
        print("\n| query | words | first results, median | worst | hits | LIKE scan |")
        print("|---|---|---|---|---|---|")
        for label, query, median, worst, hits, like in time_search(folder / "indexed.sqlite"):
            print(
                f"| {label} | `{query}` | {median:.1f} ms | {worst:.1f} ms | {hits} | "
                f"{like:.1f} ms |"
            )


if __name__ == "__main__":
    main()
