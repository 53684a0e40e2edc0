"""Opening a workspace file: pragmas that keep it safe, and forward migrations.

A workspace is one SQLite file. WAL mode lets a second instance read while the
first writes; foreign keys keep claims, links and notes tied to their documents;
`busy_timeout` makes a second writer wait instead of failing.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

from peewee import Database, DatabaseError, OperationalError, SqliteDatabase
from playhouse.migrate import SqliteMigrator, migrate

from sidebyside.core.errors import SidebysideError
from sidebyside.store.claims import ClaimActions
from sidebyside.store.document_notes import DocumentNoteActions
from sidebyside.store.documents import DocumentActions
from sidebyside.store.imports import ImportActions
from sidebyside.store.indexes import IndexActions
from sidebyside.store.links import LinkActions
from sidebyside.store.models import (
    MODELS,
    ArticleSourceRow,
    ClaimTagRow,
    DocumentNoteRow,
    LinkRow,
    MatchedRow,
    database,
)
from sidebyside.store.project import ProjectActions
from sidebyside.store.reports import ReportActions
from sidebyside.store.revisions import RevisionActions
from sidebyside.store.search import SearchActions, create_search_index
from sidebyside.store.tags import TagActions

SCHEMA_VERSION = 7
APPLICATION_ID = 0x53425953  # "SBYS": marks an SQLite file as a sidebyside workspace
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "normal",
}


class WorkspaceError(SidebysideError):
    """The workspace file cannot be opened (not a workspace, newer version, locked)."""


class Workspace(
    DocumentActions,
    ClaimActions,
    LinkActions,
    IndexActions,
    ReportActions,
    RevisionActions,
    TagActions,
    DocumentNoteActions,
    ProjectActions,
    SearchActions,
    ImportActions,
):
    """An open workspace file, with a database of its own.

    Peewee models are classes, shared by the process; every public method of a workspace
    points them at this workspace's database while it runs (`_on_own_database`), so two
    workspaces open at once each write to their own file. Writes come from the thread that
    opened it (the window's UI thread, or a command); another thread may read, on a
    connection of its own that is closed when the read ends.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.was_created = False
        self.read_only = False
        # Every write transaction takes the write lock at its start (BEGIN IMMEDIATE), so a
        # second writer waits out `busy_timeout` instead of failing on its first write.
        self._database = SqliteDatabase(None, lock_type="IMMEDIATE")
        self._owner = threading.get_ident()

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool | None = None) -> Workspace:
        """Open (or make) the workspace at `path`. It opens read-only when asked, or when
        the file or its folder cannot be written to: it is then read, never changed."""
        workspace = cls(Path(path))
        workspace._connect(read_only)
        return workspace

    def _connect(self, read_only: bool | None) -> None:
        self.was_created = not self.path.exists() or self.path.stat().st_size == 0
        self.read_only = (
            (not self.was_created and cannot_write(self.path)) if read_only is None else read_only
        )
        if self.read_only and self.was_created:
            raise WorkspaceError(f"{self.path} does not exist, and a read-only one cannot be made.")
        if not self.read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self.was_created:
            _check_is_workspace(self.path)  # before a pragma or a table touches it
        if self.read_only:
            self._database.init(
                _read_only_uri(self.path),
                uri=True,
                pragmas={"foreign_keys": 1, "busy_timeout": PRAGMAS["busy_timeout"]},
            )
        else:
            self._database.init(str(self.path), pragmas=PRAGMAS)
        try:
            with _bound_to(self._database):
                self._database.connect()
                self._migrate()
        except (DatabaseError, OperationalError, sqlite3.DatabaseError) as error:
            self._database.close()
            raise _cannot_open(self.path, error) from error

    def _migrate(self) -> None:
        version = database.execute_sql("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise WorkspaceError(
                f"{self.path} was written by a newer sidebyside (schema {version}); "
                "update sidebyside to open it."
            )
        if self.read_only:
            if version < SCHEMA_VERSION:
                raise WorkspaceError(
                    f"{self.path} is read-only and was written by an older sidebyside; "
                    "it must be brought up to date, which needs write access."
                )
            return
        if version < 1:
            with database.atomic():
                database.create_tables(MODELS)
                create_search_index()
                database.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
            database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            return
        if database.execute_sql("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")  # made before
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
        if version < 3:  # a verdict whose claim a newer version reworded awaits review
            with database.atomic():
                # One ALTER, not playhouse's add_column: for a NOT NULL column that rebuilds
                # the table, and dropping the old claim table deletes its notes and links.
                database.execute_sql(
                    "ALTER TABLE claim ADD COLUMN changed_from TEXT NOT NULL DEFAULT ''"
                )
                database.execute_sql("PRAGMA user_version = 3")
        if version < 4:  # tags on claims, notes on a whole article or source
            with database.atomic():
                database.create_tables([ClaimTagRow, DocumentNoteRow])  # new tables only
                database.execute_sql("PRAGMA user_version = 4")
        if version < 5:  # search: an FTS5 index of every text, kept by triggers
            with database.atomic():
                create_search_index()  # indexes what is stored already
                database.execute_sql("PRAGMA user_version = 5")
        if version < 6:  # one stored source may serve several articles
            with database.atomic():
                # A new table, filled from each source's own article: no table is rebuilt,
                # so no link, note or verdict is touched.
                database.create_tables([ArticleSourceRow])
                database.execute_sql(
                    "INSERT INTO article_source (article_id, source_id, position) "
                    "SELECT article_id, id, position FROM document "
                    "WHERE role = 'source' AND article_id IS NOT NULL"
                )
                database.execute_sql("PRAGMA user_version = 6")
        if version < 7:  # documents keep their hyperlinks
            with database.atomic():
                # A plain ALTER: playhouse would rebuild the table, and dropping the old
                # document table would delete every claim, note and link by cascade.
                database.execute_sql(
                    "ALTER TABLE document ADD COLUMN links TEXT NOT NULL DEFAULT '[]'"
                )
                database.execute_sql("PRAGMA user_version = 7")
        # Later versions add steps here, each in its own transaction.

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction around several writes: all of them land, or none."""
        with self._database.atomic():
            yield

    def close(self) -> None:
        if not self._database.is_closed():
            self._database.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _read_only_uri(path: Path) -> str:
    """SQLite's address to read `path` without writing. In a folder that cannot be written
    (a read-only mount) the file is also immutable: no other program can write there, and
    SQLite could not make the shared-memory file a WAL workspace otherwise needs."""
    frozen = "&immutable=1" if not os.access(path.parent, os.W_OK) else ""
    return f"{path.resolve().as_uri()}?mode=ro{frozen}"


def cannot_write(path: Path) -> bool:
    """Whether SQLite could not write the workspace at `path`: the file, or the folder
    that holds its journal, is not writable."""
    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)


def database_trouble(error: BaseException) -> str | None:
    """What stops SQLite from writing, in a reader's words, when it is not damage: a full
    disk, another program holding the file, a read-only file or folder. None otherwise.

    The cause may lie behind the error raised: when the disk fills, SQLite undoes the
    transaction itself, and the rollback that follows fails with "no transaction"."""
    seen: BaseException | None = error
    while seen is not None:
        found = _trouble_in(str(seen).lower())
        if found:
            return found
        seen = seen.__cause__ or seen.__context__
    return None


def _trouble_in(message: str) -> str | None:
    """The reader's words for one SQLite message, if it names a known trouble."""
    if "full" in message or "no space" in message:
        return "the disk is full"
    if "locked" in message or "busy" in message:
        return "another program is writing to the workspace"
    if "readonly" in message or "read-only" in message or "permission" in message:
        return "the workspace file or its folder cannot be written to"
    if "disk i/o" in message or "unable to open" in message:
        return "the disk cannot be read or written"
    return None


def _cannot_open(path: Path, error: BaseException) -> WorkspaceError:
    cause = database_trouble(error)
    if cause:
        return WorkspaceError(f"{path} cannot be opened: {cause}.")
    return WorkspaceError(f"{path} is not a sidebyside workspace or is damaged ({error}).")


def _check_is_workspace(path: Path) -> None:
    """Refuse, without writing a byte, an SQLite file of another program (a browser's
    history, a Zotero library): sidebyside would otherwise add its tables and switch the
    file to WAL. A workspace carries our application id, or (made before it did) our
    schema version with our tables."""
    try:
        connection = sqlite3.connect(_read_only_uri(path), uri=True)
    except sqlite3.Error as error:
        raise WorkspaceError(f"{path} cannot be opened ({error}).") from error
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
    except sqlite3.DatabaseError as error:
        raise _cannot_open(path, error) from error
    finally:
        connection.close()
    ours = application_id == APPLICATION_ID or (
        application_id == 0 and version >= 1 and {"document", "claim", "link"} <= tables
    )
    if not ours and (application_id != 0 or tables):
        raise WorkspaceError(
            f"{path} is another program's database, not a sidebyside workspace; "
            "it was left untouched."
        )


@contextmanager
def _bound_to(own: Database) -> Iterator[None]:
    """The models read and write `own` until the block ends, then what they did before."""
    previous = database.obj
    if previous is own:
        yield
        return
    database.initialize(own)
    try:
        yield
    finally:
        database.initialize(previous)


Method = TypeVar("Method", bound=Callable[..., Any])


def _on_own_database(method: Method) -> Method:
    @wraps(method)
    def call(self: Workspace, *args: Any, **kwargs: Any) -> Any:
        with _bound_to(self._database):
            if threading.get_ident() != self._owner and self._database.is_closed():
                with self._database.connection_context():  # a read from another thread
                    return method(self, *args, **kwargs)
            return method(self, *args, **kwargs)

    return call  # type: ignore[return-value]


for _name in dir(Workspace):
    _attribute = getattr(Workspace, _name)
    if _name.startswith("_") or not callable(_attribute) or isinstance(_attribute, type):
        continue
    if _name == "open":  # a classmethod: it binds in _connect
        continue
    setattr(Workspace, _name, _on_own_database(_attribute))
