"""Searching the whole workspace: an SQLite FTS5 index of every document's text, every claim
and every note, kept in the workspace file. This module makes the index; the queries on it
are in `store.search_queries` (its names are importable from here too).

The index tables are FTS5 *external-content* tables (playhouse's `FTS5Model`): they index
the text where it is already stored (`document.text`, `claim.exact`, `note.text`,
`document_note.text`) and keep no copy of it, so 50 MB of sources are not stored twice.
Triggers on those tables update the index inside the transaction of every write (an
insert, an edit of the text, a delete or a cascade), so the index never disagrees with the
text stored; schema step 5 makes them and fills the index of an existing workspace.

Tokenizer: `unicode61 remove_diacritics 2` — words, case and accents folded ("ministere"
finds "ministère", "etat" finds "État"), prefixes with `word*`. Trigram (substring search)
was measured too (`benchmarks/search.py --sources 50 --tokenizer trigram`, 5.5 MB of text):
its index is four times larger (21 MB against 5 MB), the whole import costs +125 % instead
of +48 % (storing +318 % against +124 %, notes +101 % against +38 %), the commonest word takes
103 ms; and it finds nothing shorter than three characters, where a reader searches for words.
"""

from __future__ import annotations

from playhouse.sqlite_ext import FTS5Model, SearchField

from sidebyside.store.models import database
from sidebyside.store.search_queries import (
    CLOSE,
    CONTEXT_CHARS,
    HITS_PER_TEXT,
    JOIN_GAP,
    NO_FILTERS,
    OPEN,
    SearchActions,
    SearchFilters,
    best_hits,
    match_expression,
    unmark,
)

__all__ = [
    "CLOSE",
    "CONTEXT_CHARS",
    "HITS_PER_TEXT",
    "INDEXED",
    "INDEX_MODELS",
    "JOIN_GAP",
    "NO_FILTERS",
    "OPEN",
    "TOKENIZER",
    "SearchActions",
    "SearchFilters",
    "best_hits",
    "create_search_index",
    "match_expression",
    "unmark",
]

TOKENIZER = "unicode61 remove_diacritics 2"


def _index_model(table: str, content: str, column: str) -> type[FTS5Model]:
    """The FTS5 model that indexes `content.column`, rowid for rowid."""
    meta = type(
        "Meta",
        (),
        {
            "database": database,
            "table_name": table,
            "options": {"content": content, "content_rowid": "id", "tokenize": TOKENIZER},
        },
    )
    return type(f"{table.title()}Index", (FTS5Model,), {column: SearchField(), "Meta": meta})


# (index table, content table, indexed column)
INDEXED = (
    ("document_search", "document", "text"),
    ("claim_search", "claim", "exact"),
    ("note_search", "note", "text"),
    ("document_note_search", "document_note", "text"),
)
INDEX_MODELS = [_index_model(*indexed) for indexed in INDEXED]


def create_search_index() -> None:
    """Make the index tables and their triggers, and index what is stored already (in the
    caller's transaction)."""
    for model, (table, content, column) in zip(INDEX_MODELS, INDEXED, strict=True):
        model.create_table()
        model.automerge(16)  # merge segments less often: a quarter less time per import
        for statement in _triggers(table, content, column):
            database.execute_sql(statement)
        model.rebuild()  # reads every row of the content table


def _triggers(table: str, content: str, column: str) -> list[str]:
    """The triggers that keep `table` in step with `content.column`. An edit that leaves
    the text as it was (a verdict, a note saved unchanged) costs no indexing."""
    add = f"INSERT INTO {table}(rowid, {column}) VALUES (new.id, new.{column});"
    remove = (
        f"INSERT INTO {table}({table}, rowid, {column}) VALUES ('delete', old.id, old.{column});"
    )
    return [
        f"CREATE TRIGGER IF NOT EXISTS {table}_added AFTER INSERT ON {content} BEGIN {add} END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_removed AFTER DELETE ON {content} "
        f"BEGIN {remove} END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_changed AFTER UPDATE OF {column} ON {content} "
        f"WHEN old.{column} IS NOT new.{column} BEGIN {remove} {add} END",
    ]
