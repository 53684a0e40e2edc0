"""Reading a Zotero data folder: the items that have a saved page or a PDF, with what Zotero
knows of them (title, authors, date, address) and where the file is.

Zotero keeps its library in `zotero.sqlite` and the files in `storage/<attachment key>/`.
Zotero may be running: it holds the database locked and keeps recent rows in the
write-ahead log (`zotero.sqlite-wal`). So the database and its log are copied to a
temporary folder and the copy is opened read-only; Zotero's own files are only read,
never opened by SQLite and never written.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from sidebyside.core.errors import SidebysideError
from sidebyside.core.importers.formats import quoted

DATABASE = "zotero.sqlite"
_PDF = "application/pdf"
_PAGE_TYPES = ("text/html", "application/xhtml+xml")
_LINKED_FILE = 2  # linkMode of a file linked where it lies, not kept in storage/
_LINKED_URL = 3  # linkMode of a bare link: no file
_PUBLISHER_FIELDS = (
    "publicationTitle",
    "websiteTitle",
    "blogTitle",
    "forumTitle",
    "proceedingsTitle",
    "bookTitle",
    "publisher",
    "institution",
)
_ZOTERO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?: |$)")


class ZoteroError(SidebysideError):
    """The folder is not a Zotero data folder, or its database cannot be read."""


@dataclass(frozen=True, slots=True)
class ZoteroItem:
    key: str  # the item's key (the attachment's own, for a file with no parent item)
    item_type: str  # Zotero's type name: "webpage", "newspaperArticle", "journalArticle"…
    title: str
    authors: tuple[str, ...]
    date: str  # ISO, as far as Zotero knows it ("2024-05-01", "2024-05", "2024")
    url: str
    publisher: str
    attachment: Path  # the saved page or PDF
    attachment_kind: str  # "saved page" or "PDF"

    @property
    def address(self) -> str:
        """Where the item comes from: its web address, else Zotero's own link to it."""
        return self.url or f"zotero://select/library/items/{self.key}"


def read_zotero_items(data_dir: Path) -> list[ZoteroItem]:
    """The items of the Zotero library in `data_dir` that have a saved page or PDF whose
    file is there, in the order Zotero added them; PDFs are preferred to saved pages."""
    data_dir = Path(data_dir).expanduser()
    with _copied_database(data_dir) as connection:
        return _items(connection, data_dir)


@contextmanager
def _copied_database(data_dir: Path) -> Iterator[sqlite3.Connection]:
    source = data_dir / DATABASE
    if not source.is_file():
        raise ZoteroError(
            f"{quoted(str(data_dir))} is not a Zotero data folder: it holds no {DATABASE}."
        )
    with tempfile.TemporaryDirectory(prefix="sidebyside-zotero-") as folder:
        copy = Path(folder) / DATABASE
        try:
            shutil.copyfile(source, copy)
            wal = source.with_name(DATABASE + "-wal")
            if wal.is_file():
                shutil.copyfile(wal, copy.with_name(DATABASE + "-wal"))
        except OSError as error:
            raise ZoteroError(
                f"{quoted(str(source))} cannot be read: {error.strerror or error}."
            ) from error
        try:
            connection = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)
        except sqlite3.Error as error:
            raise ZoteroError(f"{quoted(str(source))} cannot be opened: {error}.") from error
        with closing(connection):
            try:
                yield connection
            except sqlite3.Error as error:
                raise ZoteroError(
                    f"{quoted(str(source))} cannot be read as a Zotero library: {error}."
                ) from error


def _items(connection: sqlite3.Connection, data_dir: Path) -> list[ZoteroItem]:
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    deleted = "deletedItems" in tables
    attachments = connection.execute(
        f"""
        SELECT attachment.itemID, attachment.key, a.parentItemID, a.linkMode, a.contentType,
               a.path
        FROM itemAttachments AS a JOIN items AS attachment ON attachment.itemID = a.itemID
        WHERE a.contentType IN ('{_PDF}', {", ".join(f"'{t}'" for t in _PAGE_TYPES)})
          AND (a.linkMode IS NULL OR a.linkMode != {_LINKED_URL})
          {"AND a.itemID NOT IN (SELECT itemID FROM deletedItems)" if deleted else ""}
        ORDER BY attachment.itemID
        """
    ).fetchall()
    chosen: dict[int, tuple[int, str, Path, str]] = {}  # item id -> its best attachment
    for item_id, key, parent, link_mode, content_type, stored_path in attachments:
        path = _attachment_path(data_dir, key, link_mode, stored_path or "")
        if path is None or not path.is_file():
            continue
        owner = parent if parent is not None else item_id
        kind = "PDF" if content_type == _PDF else "saved page"
        if owner not in chosen or (kind == "PDF" and chosen[owner][3] != "PDF"):
            chosen[owner] = (item_id, key, path, kind)
    if deleted:
        gone = {row[0] for row in connection.execute("SELECT itemID FROM deletedItems")}
        chosen = {owner: value for owner, value in chosen.items() if owner not in gone}
    found = []
    for owner, (_attachment_id, attachment_key, path, kind) in sorted(chosen.items()):
        row = connection.execute(
            "SELECT items.key, itemTypes.typeName FROM items "
            "LEFT JOIN itemTypes ON itemTypes.itemTypeID = items.itemTypeID "
            "WHERE items.itemID = ?",
            (owner,),
        ).fetchone()
        if row is None:
            continue
        key, item_type = row
        fields = _fields(connection, owner)
        publisher = next((fields[name] for name in _PUBLISHER_FIELDS if fields.get(name)), "")
        found.append(
            ZoteroItem(
                key=str(key or attachment_key),
                item_type=str(item_type or ""),
                title=fields.get("title", "") or path.stem,
                authors=_authors(connection, owner, tables),
                date=zotero_date(fields.get("date", "")),
                url=fields.get("url", ""),
                publisher=publisher,
                attachment=path,
                attachment_kind=kind,
            )
        )
    return found


def _attachment_path(data_dir: Path, key: str, link_mode: int | None, stored: str) -> Path | None:
    """Where an attachment's file is: `storage:name` lies in `storage/<key>/`; a linked file
    is kept where it lies, when Zotero stores its full path."""
    if stored.startswith("storage:"):
        name = stored.removeprefix("storage:")
        if not name or "/" in name or "\\" in name or name in (".", ".."):
            return None
        return data_dir / "storage" / key / name
    if link_mode == _LINKED_FILE and stored and Path(stored).is_absolute():
        return Path(stored)
    return None  # relative to a base folder only Zotero's preferences know


def _fields(connection: sqlite3.Connection, item_id: int) -> dict[str, str]:
    rows = connection.execute(
        "SELECT fields.fieldName, itemDataValues.value FROM itemData "
        "JOIN fields ON fields.fieldID = itemData.fieldID "
        "JOIN itemDataValues ON itemDataValues.valueID = itemData.valueID "
        "WHERE itemData.itemID = ?",
        (item_id,),
    )
    return {str(name): str(value) for name, value in rows if value is not None}


def _authors(connection: sqlite3.Connection, item_id: int, tables: set[str]) -> tuple[str, ...]:
    """The item's authors in Zotero's order ("Jane Doe"; an institution as one name); its
    other creators (editors, translators) only when it names no author."""
    with_types = "creatorTypes" in tables
    rows = connection.execute(
        "SELECT creators.firstName, creators.lastName, "
        + ("creatorTypes.creatorType " if with_types else "'author' ")
        + "FROM itemCreators JOIN creators ON creators.creatorID = itemCreators.creatorID "
        + (
            "LEFT JOIN creatorTypes ON creatorTypes.creatorTypeID = itemCreators.creatorTypeID "
            if with_types
            else ""
        )
        + "WHERE itemCreators.itemID = ? ORDER BY itemCreators.orderIndex",
        (item_id,),
    ).fetchall()
    named = [
        (" ".join(part for part in (first or "", last or "") if part).strip(), kind)
        for first, last, kind in rows
    ]
    authors = [name for name, kind in named if name and kind in ("author", None)]
    return tuple(authors or [name for name, _ in named if name])


def zotero_date(stored: str) -> str:
    """Zotero's stored date ("2024-05-01 May 1, 2024", "2024-05-00 May 2024") as ISO as far
    as it is known ("2024-05-01", "2024-05"); any other text as it is."""
    match = _ZOTERO_DATE.match(stored)
    if match is None:
        return stored.strip()
    year, month, day = match.groups()
    if year == "0000":
        return stored[11:].strip()
    if month == "00":
        return year
    return f"{year}-{month}" if day == "00" else f"{year}-{month}-{day}"
