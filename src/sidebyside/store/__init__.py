"""The only place that talks to SQLite: a workspace file and the reader's actions on it."""

from sidebyside.records import (
    ArticleReport,
    ClaimRecord,
    DocumentInfo,
    LinkRecord,
    SuggestionRecord,
)
from sidebyside.store.workspace import Workspace, WorkspaceError

__all__ = [
    "ArticleReport",
    "ClaimRecord",
    "DocumentInfo",
    "LinkRecord",
    "SuggestionRecord",
    "Workspace",
    "WorkspaceError",
]
