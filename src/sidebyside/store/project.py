"""The whole workspace at a glance: every article's progress, every source's articles."""

from __future__ import annotations

from collections import defaultdict

from sidebyside.core.verdicts import Verdict
from sidebyside.records import ArticleProgress, DocumentInfo, ProjectOverview, SourceUse
from sidebyside.store.models import ClaimRow


class ProjectActions:
    def project_overview(self) -> ProjectOverview:
        """Articles the most recently opened first; sources by title, each with the
        articles that use it in that same order. Dismissed claims are not counted."""
        articles: list[DocumentInfo] = self.articles()  # type: ignore[attr-defined]
        verdicts: dict[int, list[Verdict]] = defaultdict(list)
        rows = (
            ClaimRow.select(ClaimRow.article, ClaimRow.verdict)
            .where(ClaimRow.dismissed == False)  # noqa: E712 (peewee expression)
            .order_by(ClaimRow.article, ClaimRow.start, ClaimRow.id)
        )
        for row in rows:
            verdicts[row.article_id].append(Verdict(row.verdict))
        progress = []
        users: dict[int, list[DocumentInfo]] = defaultdict(list)
        known: dict[int, DocumentInfo] = {}
        for article in articles:
            attached = tuple(self.sources_of(article.id))  # type: ignore[attr-defined]
            for source in attached:
                users[source.id].append(article)
                known[source.id] = source
            progress.append(ArticleProgress(article, attached, tuple(verdicts[article.id])))
        sources = sorted(
            known.values(),
            key=lambda info: ((info.title or info.original_name).casefold(), info.id),
        )
        return ProjectOverview(
            articles=tuple(progress),
            sources=tuple(SourceUse(source, tuple(users[source.id])) for source in sources),
        )
