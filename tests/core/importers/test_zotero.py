"""Importing from a Zotero data folder: a real zotero.sqlite in WAL mode, held the way a
running Zotero holds it, with a saved page and a PDF in storage/<key>/."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sidebyside.cli import main
from sidebyside.core.zotero import read_zotero_items, zotero_date
from sidebyside.store import Workspace

SCHEMA = """
CREATE TABLE itemTypes (itemTypeID INTEGER PRIMARY KEY, typeName TEXT, templateItemTypeID INT,
    display INT DEFAULT 1);
CREATE TABLE fields (fieldID INTEGER PRIMARY KEY, fieldName TEXT, fieldFormatID INT);
CREATE TABLE creatorTypes (creatorTypeID INTEGER PRIMARY KEY, creatorType TEXT);
CREATE TABLE items (itemID INTEGER PRIMARY KEY, itemTypeID INT NOT NULL,
    dateAdded TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    dateModified TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    clientDateModified TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    libraryID INT NOT NULL, key TEXT NOT NULL, version INT NOT NULL DEFAULT 0,
    synced INT NOT NULL DEFAULT 0, UNIQUE (libraryID, key));
CREATE TABLE itemDataValues (valueID INTEGER PRIMARY KEY, value UNIQUE);
CREATE TABLE itemData (itemID INT, fieldID INT, valueID, PRIMARY KEY (itemID, fieldID));
CREATE TABLE creators (creatorID INTEGER PRIMARY KEY, firstName TEXT, lastName TEXT,
    fieldMode INT, UNIQUE (lastName, firstName, fieldMode));
CREATE TABLE itemCreators (itemID INT NOT NULL, creatorID INT NOT NULL,
    creatorTypeID INT NOT NULL DEFAULT 1, orderIndex INT NOT NULL DEFAULT 0,
    PRIMARY KEY (itemID, orderIndex), UNIQUE (itemID, creatorID, creatorTypeID, orderIndex));
CREATE TABLE itemAttachments (itemID INTEGER PRIMARY KEY, parentItemID INT, linkMode INT,
    contentType TEXT, charsetID INT, path TEXT, syncState INT DEFAULT 0, storageModTime INT,
    storageHash TEXT, lastProcessedModificationTime INT);
CREATE TABLE deletedItems (itemID INTEGER PRIMARY KEY,
    dateDeleted DEFAULT CURRENT_TIMESTAMP NOT NULL);
INSERT INTO itemTypes VALUES (2, 'attachment', NULL, 0), (11, 'newspaperArticle', NULL, 1),
    (13, 'report', NULL, 1), (35, 'webpage', NULL, 1);
INSERT INTO fields VALUES (1, 'url', 0), (6, 'date', 0), (12, 'publicationTitle', 0),
    (110, 'title', 0), (127, 'websiteTitle', 0), (31, 'institution', 0);
INSERT INTO creatorTypes VALUES (1, 'author'), (3, 'editor');
"""

PAGE = """<!doctype html><html><head><title>Contractor paid millions</title></head><body>
<article><h1>Contractor paid millions</h1>
<p>Meridian Press reported that the contractor is paid $9.6 million a month for the
instructors it sends abroad.</p>
<p>The ministry described the allegations as disinformation on Tuesday.</p></article>
</body></html>"""

PDF_LINES = [
    "Observatory report on the raid",
    "Researchers found that an estimated 240 civilians were killed during the raid.",
    "The group interviewed 58 people, 37 of them witnesses.",
]


class ZoteroLibrary:
    """A Zotero data folder written by the test, with a connection left open like Zotero's:
    WAL mode, exclusive lock, no checkpoint, so the last rows live only in the -wal file."""

    def __init__(self, folder: Path, pdf: bytes) -> None:
        self.folder = folder
        folder.mkdir()
        self.connection = sqlite3.connect(folder / "zotero.sqlite", isolation_level=None)
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute("PRAGMA wal_autocheckpoint=0")
        self.connection.executescript(SCHEMA)
        self.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the schema is in the file
        self.connection.execute("PRAGMA locking_mode=EXCLUSIVE")
        self._values = 0
        self.item(
            1,
            "NEWS0001",
            11,
            "Contractor paid millions",
            url="https://news.example/pay",
            date="2024-05-01 May 1, 2024",
            publication="Meridian Press",
            creators=[("Jane", "Doe", 1), ("John", "Roe", 1), ("Ed", "Itor", 3)],
        )
        self.attachment(2, "SNAP0001", 1, "text/html", "page.html", PAGE.encode(), link_mode=1)
        self.item(
            3,
            "REPT0001",
            13,
            "Observatory report on the raid",
            date="2024-05-00 May 2024",
            institution="The Observatory",
            creators=[(None, "The Observatory", 1)],
        )
        self.attachment(4, "PDFA0001", 3, "application/pdf", "report.pdf", pdf, link_mode=0)
        self.item(5, "LINK0001", 35, "Only a link")
        self.attachment(6, "LINKURL1", 5, "text/html", None, None, link_mode=3)
        self.item(7, "GONE0001", 35, "In the bin")
        self.attachment(8, "GONEFILE", 7, "text/html", "gone.html", PAGE.encode(), link_mode=1)
        self.connection.execute("INSERT INTO deletedItems (itemID) VALUES (7)")
        self.item(9, "NOFILE01", 35, "Never synced")
        self.attachment(10, "NOFILE02", 9, "application/pdf", "gone.pdf", None, link_mode=0)

    def item(
        self,
        item_id: int,
        key: str,
        type_id: int,
        title: str,
        *,
        url: str = "",
        date: str = "",
        publication: str = "",
        institution: str = "",
        creators: list[tuple[str | None, str, int]] | None = None,
    ) -> None:
        self.connection.execute(
            "INSERT INTO items (itemID, itemTypeID, libraryID, key) VALUES (?, ?, 1, ?)",
            (item_id, type_id, key),
        )
        for field, value in (
            (110, title),
            (1, url),
            (6, date),
            (12, publication),
            (31, institution),
        ):
            if value:
                self._values += 1
                self.connection.execute(
                    "INSERT INTO itemDataValues VALUES (?, ?)", (self._values, value)
                )
                self.connection.execute(
                    "INSERT INTO itemData VALUES (?, ?, ?)", (item_id, field, self._values)
                )
        for order, (first, last, kind) in enumerate(creators or []):
            creator = self.connection.execute(
                "INSERT INTO creators (firstName, lastName, fieldMode) VALUES (?, ?, ?)",
                (first or "", last, 1 if first is None else 0),
            ).lastrowid
            self.connection.execute(
                "INSERT INTO itemCreators VALUES (?, ?, ?, ?)", (item_id, creator, kind, order)
            )

    def attachment(
        self,
        item_id: int,
        key: str,
        parent: int,
        content_type: str,
        name: str | None,
        data: bytes | None,
        *,
        link_mode: int,
    ) -> None:
        self.connection.execute(
            "INSERT INTO items (itemID, itemTypeID, libraryID, key) VALUES (?, 2, 1, ?)",
            (item_id, key),
        )
        self.connection.execute(
            "INSERT INTO itemAttachments (itemID, parentItemID, linkMode, contentType, path) "
            "VALUES (?, ?, ?, ?, ?)",
            (item_id, parent, link_mode, content_type, f"storage:{name}" if name else None),
        )
        if name and data is not None:
            (self.folder / "storage" / key).mkdir(parents=True)
            (self.folder / "storage" / key / name).write_bytes(data)

    def fingerprint(self) -> dict[str, str]:
        return {
            path.name: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(self.folder.glob("zotero.sqlite*"))
        }


@pytest.fixture
def zotero(tmp_path: Path, make_pdf: Callable[..., bytes]) -> Iterator[ZoteroLibrary]:
    pdf = make_pdf([[(72, 700 - 20 * number, 11, line) for number, line in enumerate(PDF_LINES)]])
    library = ZoteroLibrary(tmp_path / "Zotero", pdf)
    yield library
    library.connection.close()


def test_the_items_with_a_saved_page_or_pdf_are_listed_from_a_copy_zotero_never_sees(
    zotero: ZoteroLibrary,
) -> None:
    assert (zotero.folder / "zotero.sqlite-wal").stat().st_size > 0  # rows only in the log
    before = zotero.fingerprint()
    items = read_zotero_items(zotero.folder)
    assert [(item.key, item.item_type, item.attachment_kind) for item in items] == [
        ("NEWS0001", "newspaperArticle", "saved page"),
        ("REPT0001", "report", "PDF"),
    ]  # not the bare link, the item in the bin, nor the PDF whose file is not there
    news, report = items
    assert news.title == "Contractor paid millions"
    assert news.authors == ("Jane Doe", "John Roe")  # the editor is not an author
    assert (news.date, news.url, news.publisher) == (
        "2024-05-01",
        "https://news.example/pay",
        "Meridian Press",
    )
    assert report.authors == ("The Observatory",) and report.date == "2024-05"
    assert report.address == "zotero://select/library/items/REPT0001"
    assert zotero.fingerprint() == before  # Zotero's files (the -wal, the -shm) are untouched
    # Zotero still holds its database, and writes on.
    zotero.connection.execute("INSERT INTO deletedItems (itemID) VALUES (1)")
    assert [item.key for item in read_zotero_items(zotero.folder)] == ["REPT0001"]


def test_zotero_dates_keep_what_is_known() -> None:
    assert zotero_date("2024-05-01 May 1, 2024") == "2024-05-01"
    assert zotero_date("2024-05-00 May 2024") == "2024-05"
    assert zotero_date("2024-00-00 2024") == "2024"
    assert zotero_date("Spring 2024") == "Spring 2024"


def test_the_command_lists_items_then_imports_them_as_an_article_and_a_source(
    zotero: ZoteroLibrary, workspace_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    ws, folder = str(workspace_path), str(zotero.folder)
    assert main(["import", "--workspace", ws, "--zotero", folder]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed == [
        "NEWS0001\tnewspaperArticle\tContractor paid millions\tsaved page",
        "REPT0001\treport\tObservatory report on the raid\tPDF",
    ]
    assert not workspace_path.exists()  # listing imports nothing

    assert main(["import", "--workspace", ws, "--zotero", folder, "--item", "NEWS0001"]) == 0
    assert "imported as an article" in capsys.readouterr().out
    args = ["import", "--workspace", ws, "--zotero", folder, "--item", "REPT0001", "--as", "source"]
    assert main(args) == 0
    assert "imported as a source" in capsys.readouterr().out
    assert main(args) == 0
    assert "already a source" in capsys.readouterr().out

    with Workspace.open(workspace_path) as workspace:
        (article,) = workspace.articles()
        assert article.title == "Contractor paid millions"
        assert (article.author, article.date) == ("Jane Doe, John Roe", "2024-05-01")
        assert (article.address, article.publisher) == (
            "https://news.example/pay",
            "Meridian Press",
        )
        assert "paid $9.6 million a month" in workspace.document(article.id).text
        assert workspace.claims_of(article.id)  # suggested, as for any article opened
        (source,) = workspace.sources_of(article.id)
        assert (source.title, source.author, source.format) == (
            "Observatory report on the raid",
            "The Observatory",
            "pdf",
        )
        assert "240 civilians were killed" in workspace.document(source.id).text
        assert workspace.original_of(source.id).startswith(b"%PDF")


def test_a_folder_without_a_zotero_library_and_an_unknown_key_are_one_line(
    zotero: ZoteroLibrary, tmp_path: Path, workspace_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    ws = str(workspace_path)
    assert main(["import", "--workspace", ws, "--zotero", str(tmp_path / "nothing")]) == 2
    assert "is not a Zotero data folder" in capsys.readouterr().err
    zot = ["--zotero", str(zotero.folder)]
    assert main(["import", "--workspace", ws, *zot, "--item", "NOPE"]) == 2
    assert "no item with a saved page or PDF has the key “NOPE”" in capsys.readouterr().err
