"""`sidebyside import`: bring annotations (W3C Web Annotation or Hypothesis files) into a
workspace, anchored to its documents, or import items of a Zotero library as articles or
sources. With --zotero and no --item, the library's items are listed and nothing is
imported."""

from __future__ import annotations

import argparse
from pathlib import Path

from sidebyside.core.errors import SidebysideError
from sidebyside.paths import default_workspace_path


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "import",
        help="import annotations (W3C, Hypothesis) or Zotero items",
        description=" ".join(__doc__.split(":", 1)[1].split()),
    )
    parser.add_argument("--workspace", metavar="PATH", help="workspace file (default: your own)")
    parser.add_argument(
        "file", nargs="?", metavar="FILE", help="a W3C Web Annotation or Hypothesis export file"
    )
    parser.add_argument(
        "--zotero", metavar="DATA_DIR", help="a Zotero data folder (holding zotero.sqlite)"
    )
    parser.add_argument(
        "--item",
        action="append",
        metavar="KEY",
        help="with --zotero: import the item with this key (repeatable)",
    )
    parser.add_argument(
        "--as",
        dest="role",
        choices=("article", "source"),
        default="article",
        help="with --zotero: import the items as articles (default) or as sources",
    )
    parser.add_argument(
        "--article",
        type=int,
        metavar="ID",
        help="with --as source: the article to add them to (default: the most recent)",
    )


def run(args: argparse.Namespace) -> int:
    if bool(args.file) == bool(args.zotero):
        raise SidebysideError("give either an annotation FILE or --zotero DATA_DIR")
    path = Path(args.workspace) if args.workspace else default_workspace_path()
    if args.zotero:
        return _zotero(args, path)
    from sidebyside.operations.annotations import (
        plan_annotation_import,
        record_annotation_import,
    )
    from sidebyside.store import Workspace

    if not Path(args.file).is_file():
        raise SidebysideError(f"{args.file} does not exist")
    with Workspace.open(path) as workspace:
        plan = plan_annotation_import(workspace, Path(args.file))
        summary = record_annotation_import(workspace, plan)
    print("\n".join(summary.lines()))
    return 0


def _zotero(args: argparse.Namespace, path: Path) -> int:
    from sidebyside.core.zotero import read_zotero_items

    items = read_zotero_items(Path(args.zotero))
    if not args.item:
        if not items:
            print("No item of this library has a saved page or a PDF.")
        for item in items:
            print(f"{item.key}\t{item.item_type}\t{item.title}\t{item.attachment_kind}")
        return 0
    from sidebyside.operations import ArticleSession
    from sidebyside.operations.zotero import (
        choose_items,
        prepare_zotero_import,
        record_zotero_import,
    )

    chosen = choose_items(items, args.item)
    work = prepare_zotero_import(chosen, args.role)
    session = ArticleSession.open(path)
    try:
        if args.article is not None and all(a.id != args.article for a in session.articles()):
            raise SidebysideError(f"no article with id {args.article} in {path}")
        lines, _ = record_zotero_import(session, work, args.article)
    finally:
        session.close()
    print("\n".join(lines))
    return 0
