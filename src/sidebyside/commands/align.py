"""`sidebyside align ARTICLE SOURCE…`: find each claim's passage in the sources, say why,
and list what differs.

Claims come from `--claim`/`--claims-file` (located in the article where they can be
found) or, without them, from the article's suggested claims. Each claim lists at most
`--top` passages scoring above the matcher's threshold, best first; none means the
sources do not say it.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import multiprocessing.context
import os
import re
import sys
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from sidebyside.core.document import Document
from sidebyside.core.errors import UnreadableDocument
from sidebyside.core.importers import import_file
from sidebyside.core.matching import Matcher, SourceIndex, build_index

__all__ = ["add_parser", "align", "default_jobs", "locate", "read_sources", "run"]


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "align",
        help="match an article's claims to passages of its sources",
        description=(
            "Find, for each claim of ARTICLE, the passages of the SOURCE files that say the "
            "same thing, with the reasons and the differences (changed figures, dropped "
            "hedges, quotations not found verbatim, other names or dates, missing content). "
            "Without --claim or --claims-file the article's suggested claims are used."
        ),
        epilog=(
            'JSON: {"claims": [{"text", "start", "end", "suggested_verdict", "credited_to", '
            '"wording_of", "matches": [{"source", "start", "end", "text", "score", "reasons", '
            '"support", "differences": [{"kind", "claim", "source", "explanation"}]}]}]}. '
            "support is supports, partly_supports, contradicts or related; "
            "suggested_verdict one of supported, partly_supported, contradicted, "
            "not_in_source, misattributed (a suggestion, never a verdict). Claim start/end are "
            "offsets into the article's text (null when the claim is not found there); match "
            'start/end and a difference\'s "source" [start, end] are offsets into the '
            "source's text; a difference's \"claim\" [start, end] is relative to the claim."
        ),
    )
    parser.add_argument("article", metavar="ARTICLE", type=Path, help="the article to check")
    parser.add_argument(
        "sources", metavar="SOURCE", nargs="+", help="the documents the article relies on"
    )
    parser.add_argument(
        "--claim",
        action="append",
        default=[],
        metavar="TEXT",
        help="a claim to match (repeatable)",
    )
    parser.add_argument(
        "--claims-file",
        metavar="FILE",
        help="a file with one claim per line ('-' for standard input)",
    )
    parser.add_argument(
        "--top", type=int, default=3, metavar="N", help="at most N passages per source (3)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="processes for long reading lists (default: one per processor, at most 4)",
    )


def run(args: argparse.Namespace) -> int:
    jobs = args.jobs if args.jobs > 0 else default_jobs()
    article = import_file(args.article)
    sources, indexes = read_sources(list(dict.fromkeys(args.sources)), jobs)
    claims = list(args.claim)
    if args.claims_file:
        claims.extend(_read_claims(args.claims_file))
    result = align(
        article, sources, claims or None, top=max(args.top, 0), indexes=indexes, jobs=jobs
    )
    output = (
        json.dumps(result, ensure_ascii=False, indent=2) + "\n" if args.json else _render(result)
    )
    try:
        sys.stdout.write(output)
        sys.stdout.flush()
    except BrokenPipeError:
        return 0
    return 0


def align(
    article: Document,
    sources: dict[str, Document],
    claims: Iterable[str] | None = None,
    *,
    top: int = 3,
    indexes: Mapping[str, SourceIndex] | None = None,
    jobs: int = 1,
) -> dict[str, list[dict[str, object]]]:
    """The JSON-ready result: each claim with its matches. `claims` None means the
    article's suggested claims. With `jobs` above one, long lists of claims are matched
    in that many processes; the result is the same."""
    if claims is None:
        from sidebyside.core.claims import suggest_claims

        located: list[tuple[str, int | None, int | None]] = [
            (s.text, s.start, s.end) for s in suggest_claims(article)
        ]
    else:
        located = []
        for claim in claims:
            span = locate(article.text, claim)
            located.append((claim, *span) if span else (claim, None, None))
    matcher = Matcher(sources, indexes=indexes)
    texts = [text for text, _, _ in located]
    context = _fork_context()
    if jobs > 1 and context is not None and len(texts) >= PARALLEL_CLAIMS:
        matches = _match_in_processes(matcher, texts, top, jobs, context)
    else:
        matches = [_matches_json(matcher, text, top) for text in texts]
    return {
        "claims": [
            {"text": text, "start": start, "end": end, **found}
            for (text, start, end), found in zip(located, matches, strict=True)
        ]
    }


# --- several processes for long reading lists ---------------------------------------------

PARALLEL_SOURCES = 16  # fewer sources are read faster than worker processes start
PARALLEL_CLAIMS = 100

# set before forking, so that workers inherit them
_worker_matcher: Matcher | None = None
_worker_documents: dict[str, Document] = {}


def default_jobs() -> int:
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    return max(1, min(available, 4))


def read_sources(
    names: list[str], jobs: int
) -> tuple[dict[str, Document], dict[str, SourceIndex] | None]:
    """Each source read here; with several processes and many sources, their indexes
    built in forked workers (which see the documents without copying them)."""
    global _worker_documents
    sources = {name: import_file(Path(name)) for name in names}
    context = _fork_context()
    if jobs <= 1 or context is None or len(names) < PARALLEL_SOURCES:
        return sources, None
    chunk = max(1, len(names) // (4 * jobs))
    _worker_documents = sources
    try:
        with ProcessPoolExecutor(jobs, mp_context=context) as pool:
            built = list(pool.map(_index_source, names, chunksize=chunk))
    finally:
        _worker_documents = {}
    return sources, dict(zip(names, built, strict=True))


def _index_source(name: str) -> SourceIndex:
    return build_index(_worker_documents[name])


def _fork_context() -> multiprocessing.context.BaseContext | None:
    """Workers are forked so that they share the matcher already built; where fork is not
    available (Windows, macOS by default) everything runs in one process."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return multiprocessing.get_context("fork")


def _match_in_processes(
    matcher: Matcher,
    texts: list[str],
    top: int,
    jobs: int,
    context: multiprocessing.context.BaseContext,
) -> list[dict[str, object]]:
    global _worker_matcher
    size = max(1, -(-len(texts) // (4 * jobs)))
    chunks = [texts[start : start + size] for start in range(0, len(texts), size)]
    _worker_matcher = matcher
    try:
        with ProcessPoolExecutor(jobs, mp_context=context) as pool:
            parts = list(pool.map(_match_chunk, chunks, [top] * len(chunks)))
    finally:
        _worker_matcher = None
    return [found for part in parts for found in part]


def _match_chunk(texts: list[str], top: int) -> list[dict[str, object]]:
    assert _worker_matcher is not None
    return [_matches_json(_worker_matcher, text, top) for text in texts]


def _matches_json(matcher: Matcher, text: str, top: int) -> dict[str, object]:
    """The claim's passages as the window shows them: each source that bears on it with
    up to `top` passages, sources in order of their best passage, and the verdict they
    suggest."""
    alignment = matcher.align(text, candidates=top)
    groups = sorted(alignment.per_source.values(), key=lambda found: -found[0].score)
    return {
        "matches": [match.to_json() for found in groups for match in found[:top]],
        **alignment.to_json(),
    }


def locate(text: str, claim: str) -> tuple[int, int] | None:
    """Where the claim is in the article: exactly, else with any spacing and case."""
    found = text.find(claim)
    if found >= 0:
        return found, found + len(claim)
    words = claim.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words), re.IGNORECASE)
    match = pattern.search(text)
    return (match.start(), match.end()) if match else None


def _read_claims(name: str) -> list[str]:
    try:
        content = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableDocument(f"The claims file “{name}” cannot be read: {error}.") from error
    return [line.strip() for line in content.splitlines() if line.strip()]


def _render(result: dict[str, list[dict[str, object]]]) -> str:
    lines: list[str] = []
    for number, claim in enumerate(result["claims"], start=1):
        where = f" [{claim['start']}–{claim['end']}]" if claim["start"] is not None else ""
        lines.append(f"{number}. {claim['text']}{where}")
        matches = claim["matches"]
        assert isinstance(matches, list)
        if not matches:
            lines.append("   nothing in the attached sources bears on it")
        if claim.get("suggested_verdict"):
            lines.append(f"   suggested verdict: {claim['suggested_verdict']}")
        if claim.get("wording_of"):
            credited = ", ".join(str(key) for key in claim["credited_to"])  # type: ignore[attr-defined]
            lines.append(f"   credited to {credited}; the wording is {claim['wording_of']}'s")
        for match in matches:
            lines.append(
                f"   {match['score']:.2f}  {match['support']}  {match['source']} "
                f"[{match['start']}–{match['end']}]: {match['text']}"
            )
            for reason in match["reasons"]:
                lines.append(f"         + {reason}")
            for difference in match["differences"]:
                lines.append(f"         {difference['kind']}: {difference['explanation']}")
        lines.append("")
    return "\n".join(lines)
