"""`sidebyside export`: a workspace's claims, passages, verdicts and notes as Markdown, or
in another format researchers' tools read (see `--format`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sidebyside.core.errors import SidebysideError
from sidebyside.export.formats import DEFAULT_FORMAT, FORMATS
from sidebyside.operations import export_text, match_remaining_claims, write_export
from sidebyside.paths import default_workspace_path
from sidebyside.store import Workspace


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "export",
        help="export notes to Markdown (or CSV, ClaimReview, CSL-JSON, …)",
        description=" ".join(__doc__.split(":", 1)[1].split()),
    )
    parser.add_argument("--workspace", metavar="PATH", help="workspace file (default: your own)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.add_argument(
        "--format",
        choices=list(FORMATS),
        default=DEFAULT_FORMAT,
        help=f"what to write (default: {DEFAULT_FORMAT}): "
        + "; ".join(f"{name}: {chosen.title}" for name, chosen in FORMATS.items()),
    )
    parser.add_argument(
        "--article", type=int, action="append", metavar="ID", help="only this article (repeatable)"
    )
    parser.add_argument(
        "--no-matching",
        action="store_true",
        help="export only passages already found (by default claims never opened are matched)",
    )


def run(args: argparse.Namespace) -> int:
    path = Path(args.workspace) if args.workspace else default_workspace_path()
    if not path.is_file():
        raise SidebysideError(f"there is no workspace at {path}")
    with Workspace.open(path) as workspace:
        articles = [info.id for info in reversed(workspace.articles())]
        if args.article:
            unknown = sorted(set(args.article) - set(articles))
            if unknown:
                raise SidebysideError(
                    f"no article with id {', '.join(map(str, unknown))} in {path}"
                )
            articles = [article for article in articles if article in args.article]
        if not args.no_matching:
            for article in articles:
                match_remaining_claims(workspace, article)
        if args.output:
            write_export(workspace, articles, Path(args.output), args.format)
        else:
            sys.stdout.write(export_text(workspace, articles, args.format))
    return 0
