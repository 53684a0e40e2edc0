"""Opening a workspace file: pragmas that keep it safe, and forward migrations.

A workspace is one SQLite file. WAL mode lets a second instance read while the
first writes; foreign keys keep claims, links and notes tied to their documents;
`busy_timeout` makes a second writer wait instead of failing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from peewee import DatabaseError, OperationalError
from playhouse.migrate import SqliteMigrator, migrate

from sidebyside.core.errors import SidebysideError
from sidebyside.store.claims import ClaimActions
from sidebyside.store.documents import DocumentActions
from sidebyside.store.indexes import IndexActions
from sidebyside.store.links import LinkActions
from sidebyside.store.models import MODELS, LinkRow, MatchedRow, database
from sidebyside.store.reports import ReportActions
from sidebyside.store.revisions import RevisionActions

SCHEMA_VERSION = 2
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "normal",
}


class WorkspaceError(SidebysideError):
    """The workspace file cannot be opened (not a workspace, newer version, locked)."""


class Workspace(
    DocumentActions, ClaimActions, LinkActions, IndexActions, ReportActions, RevisionActions
):
    """The open workspace. Only one is open per process, as peewee binds models globally."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.was_created = False

    @classmethod
    def open(cls, path: Path | str) -> Workspace:
        workspace = cls(Path(path))
        workspace._connect()
        return workspace

    def _connect(self) -> None:
        if not database.is_closed():
            database.close()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.was_created = not self.path.exists() or self.path.stat().st_size == 0
        database.init(str(self.path), pragmas=PRAGMAS)
        try:
            database.connect()
            self._migrate()
        except (DatabaseError, OperationalError, sqlite3.DatabaseError) as error:
            database.close()
            raise WorkspaceError(
                f"{self.path} is not a sidebyside workspace or is damaged ({error})."
            ) from error

    def _migrate(self) -> None:
        version = database.execute_sql("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise WorkspaceError(
                f"{self.path} was written by a newer sidebyside (schema {version}); "
                "update sidebyside to open it."
            )
        if version < 1:
            with database.atomic():
                database.create_tables(MODELS)
                database.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
            return
        if version < 2:  # links say how far their passage supports the claim
            migrator = SqliteMigrator(database)
            with database.atomic():
                migrate(
                    migrator.add_column("link", "support", LinkRow.support),
                    migrator.add_column("link", "wording", LinkRow.wording),
                    migrator.add_column("matched", "suggested", MatchedRow.suggested),
                    migrator.add_column("matched", "credited", MatchedRow.credited),
                    migrator.add_column("matched", "wording_of", MatchedRow.wording_of),
                    migrator.add_column("matched", "unattached", MatchedRow.unattached),
                )
                database.execute_sql("DELETE FROM matched")  # judge stored passages anew
                database.execute_sql("PRAGMA user_version = 2")
        # Later versions add steps here, each in its own transaction.

    def close(self) -> None:
        if not database.is_closed():
            database.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
