"""The door between the window (or a command) and the reader's work, Qt-free.

`ArticleSession` is the way in: it reads and writes the workspace for one open article and
says, with each write, what `Changes`. The other modules hold the slow steps it hands to a
background thread: reading files (`reading`), finding passages (`matching`), working out
citations (`citations`), and keeping notes that could not be saved (`notes`).
"""

from __future__ import annotations

from sidebyside.core.note_markdown import note_html
from sidebyside.core.progress import Cancelled, Progress
from sidebyside.core.text_search import MAX_HITS, find_all
from sidebyside.operations.changes import NOTHING, Changes
from sidebyside.operations.citations import Citations, read_citations
from sidebyside.operations.export import export_text, write_export
from sidebyside.operations.matching import (
    FoundPassages,
    MatchingSession,
    PendingMatches,
    reader_link,
    sources_key,
)
from sidebyside.operations.notes import (
    CLAIM_NOTES,
    DOCUMENT_NOTES,
    WRITE_ERRORS,
    forget_unsaved_notes,
    keep_unsaved_notes,
    recovery_file,
    save_note,
    unsaved_notes,
    why_not_written,
)
from sidebyside.operations.reading import (
    PreparedArticle,
    Revision,
    cues_as_json,
    fetch_source,
    prepare_article,
    prepare_demo,
    prepare_revision,
    prepare_source,
    revision_with,
)
from sidebyside.operations.session import ArticleSession, read_article_citations
from sidebyside.records import DocumentInfo
from sidebyside.store import Workspace

__all__ = [
    "CLAIM_NOTES",
    "DOCUMENT_NOTES",
    "MAX_HITS",
    "NOTHING",
    "WRITE_ERRORS",
    "ArticleSession",
    "Cancelled",
    "Changes",
    "Citations",
    "FoundPassages",
    "MatchingSession",
    "PendingMatches",
    "PreparedArticle",
    "Progress",
    "Revision",
    "cues_as_json",
    "export_text",
    "find_all",
    "fetch_source",
    "forget_unsaved_notes",
    "keep_unsaved_notes",
    "match_remaining_claims",
    "note_html",
    "prepare_article",
    "prepare_demo",
    "prepare_revision",
    "prepare_source",
    "read_article_citations",
    "read_citations",
    "revision_with",
    "reader_link",
    "record_article",
    "recovery_file",
    "save_note",
    "sources_key",
    "unsaved_notes",
    "why_not_written",
    "write_export",
]


def record_article(workspace: Workspace, prepared: PreparedArticle) -> DocumentInfo:
    """Store a read article with its claims and sources."""
    session = ArticleSession(workspace)
    session.record_article(prepared)
    assert session.article is not None
    return session.article


def match_remaining_claims(
    workspace: Workspace, article_id: int, progress: Progress | None = None
) -> int:
    """Find and store passages for every claim of the article not yet matched against its
    current sources (stored indexes reused, new ones kept); how many were matched."""
    session = ArticleSession(workspace)
    session.open_article(article_id, remember=False)
    return session.match_all(progress or Progress())
