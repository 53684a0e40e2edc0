"""What a write made different, so that the window refreshes that and nothing else.

Every write of `ArticleSession` returns a `Changes`. Two changes combine with `|`. The
fields name what to show again (`article`, `articles`, `sources`, `claim_list`, `claims`,
`links`, `cited`) and what background work to start again (`citations`, `matching`).
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    article: bool = False  # another article is open (or none), or the open one was replaced
    articles: bool = False  # the workspace's list of articles
    sources: bool = False  # the open article's sources: added, removed, replaced, renamed
    claim_list: bool = False  # claims added, dismissed, restored or reshaped
    claims: frozenset[int] = frozenset()  # claims whose record changed in place (verdict…)
    links: frozenset[int] = frozenset()  # claims whose passages or suggestion changed
    cited: bool = False  # new citations are known: show which sources each claim names
    citations: bool = False  # work out again which sources each claim cites
    matching: bool = False  # some claims must be matched again against the sources
    select: int | None = None  # the claim to show afterwards, if the change says

    def __or__(self, other: Changes) -> Changes:
        merged = {}
        for field in fields(self):
            mine, theirs = getattr(self, field.name), getattr(other, field.name)
            if field.name == "select":
                merged[field.name] = theirs if theirs is not None else mine
            else:
                merged[field.name] = mine | theirs
        return Changes(**merged)

    def __bool__(self) -> bool:
        return self != NOTHING


NOTHING = Changes()
