"""`sidebyside articles --workspace PATH [--json]`: every article of a workspace with its id,
title, sources and claims by verdict."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sidebyside.core.errors import SidebysideError
from sidebyside.core.verdicts import Verdict
from sidebyside.paths import default_workspace_path
from sidebyside.records import ArticleProgress, DocumentInfo, ProjectOverview
from sidebyside.store import Workspace


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "articles",
        help="list the articles of a workspace with their sources and progress",
        description=(
            "List every article of a workspace, the most recently opened first, with its id, "
            "title, sources and claims by verdict (dismissed claims are not counted)."
        ),
    )
    parser.add_argument("--workspace", metavar="PATH", help="workspace file (default: your own)")
    parser.add_argument("--json", action="store_true", help='print {"articles": […]} as JSON')


def run(args: argparse.Namespace) -> int:
    path = Path(args.workspace) if args.workspace else default_workspace_path()
    if not path.is_file():
        raise SidebysideError(f"there is no workspace at {path}")
    with Workspace.open(path) as workspace:
        overview = workspace.project_overview()
    if args.json:
        json.dump(overview_json(overview), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not overview.articles:
        print(f"No articles in {path}.")
    for progress in overview.articles:
        print(render(progress))
    return 0


def overview_json(overview: ProjectOverview) -> dict[str, object]:
    """{"articles": [{id, title, sources: [{id, title}], claims, verdicts: {verdict: n}}]}
    with every verdict named, those with no claim as 0."""
    return {"articles": [_article_json(progress) for progress in overview.articles]}


def _article_json(progress: ArticleProgress) -> dict[str, object]:
    return {
        "id": progress.article.id,
        "title": _title(progress.article),
        "sources": [{"id": source.id, "title": _title(source)} for source in progress.sources],
        "claims": len(progress.verdicts),
        "verdicts": {verdict.value: progress.count(verdict) for verdict in Verdict},
        "summary": progress.summary,
    }


def render(progress: ArticleProgress) -> str:
    lines = [f"#{progress.article.id} {_title(progress.article)}", f"  {progress.summary}"]
    if progress.sources:
        lines.append(f"  {len(progress.sources)} sources:")
        lines += [f"    #{source.id} {_title(source)}" for source in progress.sources]
    else:
        lines.append("  no sources")
    return "\n".join(lines)


def _title(document: DocumentInfo) -> str:
    return document.title or document.original_name or "Untitled"
