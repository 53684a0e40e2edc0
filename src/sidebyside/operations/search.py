"""Searching every article, source, claim and note of a workspace (the store's FTS5 index).

A read: the window may call it from any thread, and a read-only workspace is searched too.
"""

from __future__ import annotations

from datetime import date

from sidebyside.core.errors import SidebysideError
from sidebyside.core.verdicts import Verdict
from sidebyside.records import SearchHit
from sidebyside.store import Workspace
from sidebyside.store.search import NO_FILTERS, SearchFilters

__all__ = [
    "NO_FILTERS",
    "SearchFilters",
    "SearchHit",
    "hit_json",
    "search_choices",
    "search_workspace",
    "since_date",
    "verdict_named",
]


def search_workspace(
    workspace: Workspace,
    words: str,
    filters: SearchFilters = NO_FILTERS,
    *,
    as_typed: bool = False,
    limit: int = 60,
) -> list[SearchHit]:
    """Hits best first; `as_typed` takes the last word as the start of a word."""
    return workspace.search(words, filters, as_typed=as_typed, limit=limit)


def since_date(text: str) -> str:
    """A reader's date ("2026-03-01") as the filter compares it; refused in words if it is
    not one."""
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError as error:
        raise SidebysideError(f"{text!r} is not a date (write it as 2026-03-01)") from error


def verdict_named(text: str) -> Verdict:
    """A verdict by its value ("contradicted") or its label ("Not in source")."""
    wanted = text.strip().lower().replace(" ", "_")
    for verdict in Verdict:
        if wanted in (verdict.value, verdict.label.lower().replace(" ", "_")):
            return verdict
    names = ", ".join(verdict.value for verdict in Verdict)
    raise SidebysideError(f"no verdict {text!r}; one of: {names}")


def hit_json(hit: SearchHit) -> dict[str, object]:
    """A hit as `sidebyside search --json` prints it."""
    return {
        "document": hit.document,
        "document_id": hit.document_id,
        "kind": hit.kind,
        "start": hit.start,
        "end": hit.end,
        "context": hit.context,
        "claim_id": hit.claim_id,
        "article_id": hit.article_id,
    }


def search_choices(workspace: Workspace) -> tuple[list[tuple[int, str]], list[str]]:
    """What the search box's filters offer: every source (id, title) and every tag."""
    sources = [
        (info.id, info.title or info.original_name)
        for article in workspace.articles()
        for info in workspace.sources_of(article.id)
    ]
    return sources, [tag for tag, _uses in workspace.workspace_tags()]
