"""The queries on the workspace's search index (made by `store.search`): a search box's
words as an FTS5 query, the filters, and the hits in every kind of text.

A hit's offsets come from FTS5's `highlight()`, which returns the stored text with the
words it matched between markers: the tokenizer that built the index decides, and no
second tokenizer in Python could disagree with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from playhouse.sqlite_ext import FTS5Model

from sidebyside.core.verdicts import Verdict
from sidebyside.records import SearchHit
from sidebyside.store.models import database

OPEN, CLOSE = "\ue000", "\ue001"  # private-use characters: never in an imported text
_MARKED = re.compile(f"{OPEN}(.*?){CLOSE}", re.DOTALL)
CONTEXT_CHARS = 45  # characters of context either side of a hit: one line of the search box
JOIN_GAP = 40  # words found this close together are one hit ("killed … civilians")
HITS_PER_TEXT = 3  # hits shown for one document, claim or note


class _QueryParser(FTS5Model):  # type: ignore[misc]
    """No table: only its `web_query`, which makes a search box's words an FTS5 query
    (quoted phrases, OR, -word) that cannot be a syntax error. It has no columns, so
    "exact:300" is words, not a column filter."""

    class Meta:
        database = database


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """What narrows a search. A filter on claims (verdict, tag, source) keeps the claims it
    names, their notes, their words in the article and — for a verdict or a tag — the
    passages linked to them in the sources; `source_id` also keeps that source's whole text.
    `since` (an ISO date) keeps documents imported, and claims and notes changed, on or
    after it."""

    verdict: Verdict | None = None
    tag: str | None = None
    source_id: int | None = None
    since: str | None = None

    @property
    def on_claims(self) -> bool:
        return self.verdict is not None or self.tag is not None or self.source_id is not None


NO_FILTERS = SearchFilters()


def match_expression(words: str, *, as_typed: bool = False) -> str | None:
    """The FTS5 query for a search box's words; None when they hold no word. `as_typed`
    (searching while the reader types) makes the last word a prefix: "migra" finds
    "migrants"."""
    query = str(_QueryParser.web_query(words.strip()))
    if not re.search(r"\w", query):
        return None
    if as_typed and query.endswith('"') and words[-1:].isalnum():
        query += "*"
    return query


class SearchActions:
    def search(
        self,
        words: str,
        filters: SearchFilters = NO_FILTERS,
        *,
        as_typed: bool = False,
        limit: int = 60,
    ) -> list[SearchHit]:
        """Hits for `words` in every article, source, claim and note, best first: the texts
        ranked by bm25, and a text's hits (at most `HITS_PER_TEXT`) after it, the one with the
        most of the words first. At most `limit` texts are read."""
        query = match_expression(words, as_typed=as_typed)
        if query is None:
            return []
        found: list[tuple[float, list[SearchHit]]] = []
        found += _document_hits(query, filters, limit)
        found += _claim_hits(query, filters, limit)
        found += _note_hits(query, filters, limit)
        found += _document_note_hits(query, filters, limit)
        found.sort(key=lambda scored: scored[0])
        return [hit for _score, hits in found[:limit] for hit in hits]


# -- the four kinds of text ---------------------------------------------------------------


def _rows(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    return list(database.execute_sql(sql, list(params)).fetchall())


def _claims_kept(filters: SearchFilters) -> tuple[str, list[Any]]:
    """SQL for the ids of the claims the filters keep (never dismissed ones)."""
    sql, params = "SELECT id FROM claim WHERE dismissed = 0", list[Any]()
    if filters.verdict is not None:
        sql += " AND verdict = ?"
        params.append(Verdict(filters.verdict).value)
    if filters.tag is not None:
        sql += " AND id IN (SELECT claim_id FROM claim_tag WHERE lower(tag) = lower(?))"
        params.append(" ".join(filters.tag.split()))
    if filters.source_id is not None:
        sql += " AND id IN (SELECT claim_id FROM link WHERE source_id = ? AND state != 'rejected')"
        params.append(filters.source_id)
    return sql, params


def _ranked(
    table: str, query: str, kept: str, params: Sequence[Any], limit: int, filtered: bool
) -> list[tuple[Any, ...]]:
    """(rowid, highlighted text, rank) of the best rows of `table` among `kept`.

    FTS5 ranks every row that matches, then only the rows shown are highlighted. The
    filters are applied to the ranked rows here: a `rowid IN (…)` beside MATCH would make
    SQLite run the full-text query once per row kept."""
    allowed = {row[0] for row in _rows(kept, params)} if filtered else None
    best = []
    cursor = database.execute_sql(
        f"SELECT rowid, rank FROM {table} WHERE {table} MATCH ? ORDER BY rank", [query]
    )
    for rowid, rank in cursor:
        if allowed is None or rowid in allowed:
            best.append((rowid, rank))
            if len(best) >= limit:
                break
    cursor.close()
    return [
        (
            rowid,
            database.execute_sql(
                f"SELECT highlight({table}, 0, ?, ?) FROM {table} "
                f"WHERE {table} MATCH ? AND rowid = ?",
                [OPEN, CLOSE, query, rowid],
            ).fetchone()[0],
            rank,
        )
        for rowid, rank in best
    ]


def _document_hits(
    query: str, filters: SearchFilters, limit: int
) -> list[tuple[float, list[SearchHit]]]:
    kept, params = "SELECT id FROM document WHERE 1", list[Any]()
    if filters.since:
        kept += " AND imported_at >= ?"
        params.append(filters.since)
    claims, claim_params = _claims_kept(filters)
    if filters.on_claims:
        if filters.source_id is not None and filters.verdict is None and filters.tag is None:
            source_kept, source_params = "id = ?", list[Any]([filters.source_id])
        else:
            source_kept = (
                "id IN (SELECT source_id FROM link WHERE state != 'rejected' "
                f"AND claim_id IN ({claims}))"
            )
            source_params = list(claim_params)
        kept += (
            f" AND ((role = 'article' AND id IN (SELECT article_id FROM claim "
            f"WHERE id IN ({claims}))) OR (role = 'source' AND {source_kept}))"
        )
        params += [*claim_params, *source_params]
    filtered = filters.on_claims or bool(filters.since)
    ranked = _ranked("document_search", query, kept, params, limit, filtered)
    titles = _titles(row[0] for row in ranked)
    found = []
    for document_id, highlighted, rank in ranked:
        role, title, article_id = titles[document_id]
        spans = (
            _spans_kept(document_id, role, filters, claims, claim_params)
            if filters.on_claims
            else None
        )
        found += _scored_hits(
            highlighted,
            rank,
            spans,
            kind="article" if role == "article" else "source",
            document_id=document_id,
            document=title,
            article_id=document_id if role == "article" else article_id,
        )
    return found


def _spans_kept(
    document_id: int, role: str, filters: SearchFilters, claims: str, params: list[Any]
) -> list[tuple[int, int]] | None:
    """Where in a document hits may be under filters on claims: the kept claims' words in
    an article, the passages linked to them in a source; None for anywhere."""
    if role == "article":
        sql = f"SELECT start, end FROM claim WHERE article_id = ? AND id IN ({claims})"
    elif filters.verdict is None and filters.tag is None:
        return None  # --source alone: the whole of that source
    else:
        sql = (
            "SELECT start, end FROM link WHERE source_id = ? AND state != 'rejected' "
            f"AND claim_id IN ({claims})"
        )
    return [(row[0], row[1]) for row in _rows(sql, [document_id, *params])]


def _within(
    marks: list[tuple[int, int]], spans: list[tuple[int, int]] | None
) -> list[tuple[int, int]]:
    if spans is None:
        return marks
    return [(s, e) for s, e in marks if any(start < e and s < end for start, end in spans)]


def _titles(document_ids: Iterable[int]) -> dict[int, tuple[str, str, int | None]]:
    """role, title (else the file's name) and article of each document."""
    ids = list(dict.fromkeys(document_ids))
    if not ids:
        return {}
    rows = _rows(
        "SELECT id, role, title, original_name, article_id FROM document "
        f"WHERE id IN ({', '.join('?' * len(ids))})",
        ids,
    )
    return {row[0]: (row[1], row[2] or row[3], row[4]) for row in rows}


def _claim_hits(
    query: str, filters: SearchFilters, limit: int
) -> list[tuple[float, list[SearchHit]]]:
    kept, params = _claims_kept(filters)
    if filters.since:
        kept += " AND updated_at >= ?"
        params.append(filters.since)
    ranked = _ranked("claim_search", query, kept, params, limit, True)
    articles = _articles_of_claims(row[0] for row in ranked)
    titles = _titles(articles.values())
    found = []
    for claim_id, highlighted, rank in ranked:
        article_id = articles[claim_id]
        found += _scored_hits(
            highlighted,
            rank,
            kind="claim",
            document_id=article_id,
            document=titles[article_id][1],
            article_id=article_id,
            claim_id=claim_id,
        )
    return found


def _articles_of_claims(claim_ids: Iterable[int]) -> dict[int, int]:
    return _column_of("claim", "article_id", claim_ids)


def _column_of(table: str, column: str, ids: Iterable[int]) -> dict[int, int]:
    """`column` of each row of `table` among `ids`."""
    wanted = list(ids)
    if not wanted:
        return {}
    rows = _rows(
        f"SELECT id, {column} FROM {table} WHERE id IN ({', '.join('?' * len(wanted))})", wanted
    )
    return {row[0]: row[1] for row in rows}


def _note_hits(
    query: str, filters: SearchFilters, limit: int
) -> list[tuple[float, list[SearchHit]]]:
    claims, params = _claims_kept(filters)
    kept = f"SELECT id FROM note WHERE claim_id IN ({claims})"
    if filters.since:
        kept += " AND updated_at >= ?"
        params.append(filters.since)
    ranked = _ranked("note_search", query, kept, params, limit, True)
    claim_of = _column_of("note", "claim_id", (row[0] for row in ranked))
    articles = _articles_of_claims(claim_of.values())
    titles = _titles(articles.values())
    found = []
    for note_id, highlighted, rank in ranked:
        claim_id = claim_of[note_id]
        article_id = articles[claim_id]
        found += _scored_hits(
            highlighted,
            rank,
            kind="note",
            document_id=article_id,
            document=titles[article_id][1],
            article_id=article_id,
            claim_id=claim_id,
        )
    return found


def _document_note_hits(
    query: str, filters: SearchFilters, limit: int
) -> list[tuple[float, list[SearchHit]]]:
    """Notes on a whole article or source: kept by `since`, and by `source_id` (that
    source's note); a verdict or a tag keeps none (such a note is on no claim)."""
    if filters.verdict is not None or filters.tag is not None:
        return []
    kept, params = "SELECT id FROM document_note WHERE 1", list[Any]()
    if filters.source_id is not None:
        kept += " AND document_id = ?"
        params.append(filters.source_id)
    if filters.since:
        kept += " AND updated_at >= ?"
        params.append(filters.since)
    filtered = filters.source_id is not None or bool(filters.since)
    ranked = _ranked("document_note_search", query, kept, params, limit, filtered)
    document_of = _column_of("document_note", "document_id", (row[0] for row in ranked))
    titles = _titles(document_of.values())
    found = []
    for note_id, highlighted, rank in ranked:
        document_id = document_of[note_id]
        role, title, article_id = titles[document_id]
        found += _scored_hits(
            highlighted,
            rank,
            kind="note",
            document_id=document_id,
            document=title,
            article_id=document_id if role == "article" else article_id,
        )
    return found


# -- from highlighted text to hits ---------------------------------------------------------


def _scored_hits(
    highlighted: str,
    rank: float,
    spans: list[tuple[int, int]] | None = None,
    *,
    kind: str,
    document_id: int,
    document: str,
    article_id: int | None,
    claim_id: int | None = None,
) -> list[tuple[float, list[SearchHit]]]:
    """The best hits in one highlighted text (only within `spans`, when given), with the
    text's rank; nothing when none is left."""
    text, marks = unmark(highlighted)
    hits = [
        SearchHit(
            kind=kind,
            document_id=document_id,
            document=document,
            start=start,
            end=end,
            context=context,
            marks=context_marks,
            article_id=article_id,
            claim_id=claim_id,
            score=rank,
        )
        for start, end, context, context_marks in best_hits(text, _within(marks, spans))
    ]
    return [(rank, hits)] if hits else []


def unmark(highlighted: str) -> tuple[str, list[tuple[int, int]]]:
    """The text `highlight()` was given, and where it marked the words found."""
    marks = []
    removed = 0
    for found in _MARKED.finditer(highlighted):
        start = found.start() - removed
        marks.append((start, start + len(found.group(1))))
        removed += len(OPEN) + len(CLOSE)
    return highlighted.replace(OPEN, "").replace(CLOSE, ""), marks


def best_hits(
    text: str, marks: list[tuple[int, int]], count: int = HITS_PER_TEXT
) -> list[tuple[int, int, str, tuple[tuple[int, int], ...]]]:
    """(start, end, context, marks in the context) of the best hits in a text: words found
    close together make one hit, and the hits with the most different words come first
    (then the earliest)."""
    groups: list[list[tuple[int, int]]] = []
    for mark in marks:
        if groups and mark[0] - groups[-1][-1][1] <= JOIN_GAP:
            groups[-1].append(mark)
        else:
            groups.append([mark])
    ranked = sorted(
        groups,
        key=lambda group: (
            -len({text[s:e].casefold() for s, e in group}),
            -len(group),
            group[0][0],
        ),
    )
    hits = []
    for group in ranked[:count]:
        start, end = group[0][0], group[-1][1]
        context, offset, context_end = _context(text, start, end)
        inside = tuple(
            (max(s, offset) - offset + (offset > 0), min(e, context_end) - offset + (offset > 0))
            for s, e in marks
            if s < context_end and e > offset
        )
        hits.append((start, end, context, inside))
    return hits


def _context(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The hit with about `CONTEXT_CHARS` either side, cut at spaces, on one line ("…"
    where it was cut); and where in the text the context begins and ends."""
    left = max(0, start - CONTEXT_CHARS)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    right = min(len(text), end + CONTEXT_CHARS)
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    shown = re.sub(r"\s", " ", text[left:right])  # one for one: offsets stay true
    return ("…" if left > 0 else "") + shown + ("…" if right < len(text) else ""), left, right
