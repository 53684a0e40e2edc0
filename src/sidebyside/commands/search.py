"""`sidebyside search`: find words in every article, source, claim and note of a workspace."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sidebyside.core.errors import SidebysideError
from sidebyside.operations.search import (
    SearchFilters,
    hit_json,
    search_workspace,
    since_date,
    verdict_named,
)
from sidebyside.paths import default_workspace_path
from sidebyside.store import Workspace


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "search",
        help="find words in every article, source, claim and note",
        description=(
            "Find words in every article, source, claim and note of a workspace, best first. "
            'Accents and case do not matter; "quote a phrase", OR between words, -word to '
            "leave one out, word* for words that start so."
        ),
    )
    parser.add_argument("query", metavar="QUERY", help="the words to find")
    parser.add_argument("--workspace", metavar="PATH", help="workspace file (default: your own)")
    parser.add_argument("--json", action="store_true", help='print {"hits": […]} as JSON')
    parser.add_argument("--verdict", help="only claims with this verdict (and their places)")
    parser.add_argument("--tag", help="only claims with this tag (and their places)")
    parser.add_argument(
        "--source", type=int, metavar="ID", help="only this source and the claims linked to it"
    )
    parser.add_argument(
        "--since", metavar="DATE", help="only what was imported or changed on or after DATE"
    )
    parser.add_argument("--limit", type=int, default=60, help="at most this many texts (60)")


def run(args: argparse.Namespace) -> int:
    path = Path(args.workspace) if args.workspace else default_workspace_path()
    if not path.is_file():
        raise SidebysideError(f"there is no workspace at {path}")
    filters = SearchFilters(
        verdict=verdict_named(args.verdict) if args.verdict else None,
        tag=args.tag,
        source_id=args.source,
        since=since_date(args.since) if args.since else None,
    )
    with Workspace.open(path) as workspace:
        if args.source is not None and not any(
            info.id == args.source and info.role == "source"
            for article in workspace.articles()
            for info in workspace.sources_of(article.id)
        ):
            raise SidebysideError(f"no source with id {args.source} in {path}")
        hits = search_workspace(workspace, args.query, filters, limit=args.limit)
    if args.json:
        json.dump({"hits": [hit_json(hit) for hit in hits]}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    if not hits:
        print(f"No hits for {args.query!r}.")
    for hit in hits:
        place = f"{hit.document} (#{hit.document_id}) {hit.start}–{hit.end}"
        print(f"{hit.kind:<7} {place}: {hit.context}")
    return 0
