"""A document's hyperlinks are stored with it, survive a newer version and the migration
of older workspaces."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sidebyside.core.anchoring import reanchor
from sidebyside.core.document import Document, DocumentBuilder, Hyperlink, Metadata
from sidebyside.core.verdicts import Verdict
from sidebyside.store import Workspace
from sidebyside.store.workspace import SCHEMA_VERSION

DATA = Path(__file__).parent / "data"
TABLES = ("document", "claim", "link", "note")  # what a migration must not lose


def linked_article(sentence: str, words: str, address: str) -> Document:
    builder = DocumentBuilder()
    start = sentence.index(words)
    builder.add(sentence, links=[(start, start + len(words), address)])
    builder.add("Officials described the report as false.")
    return builder.build(Metadata(title="Article"))


def test_links_are_stored_and_read_back(tmp_path: Path) -> None:
    article = linked_article(
        "The agency said in a statement that 300 people were displaced.",
        "a statement",
        "https://agency.example.gov/statement?id=4",
    )
    with Workspace.open(tmp_path / "w.sqlite") as workspace:
        stored = workspace.add_article(article)
    with Workspace.open(tmp_path / "w.sqlite") as workspace:
        again = workspace.document(stored.id)
    assert again.links == article.links
    [link] = again.links
    assert again.text[link.start : link.end] == "a statement"


def test_a_newer_version_brings_its_own_links(tmp_path: Path) -> None:
    older = linked_article(
        "The agency said in a statement that 300 people were displaced.",
        "a statement",
        "https://agency.example.gov/old",
    )
    newer = linked_article(
        "The agency said in its report that 320 people were displaced.",
        "its report",
        "https://agency.example.gov/report.pdf",
    )
    with Workspace.open(tmp_path / "w.sqlite") as workspace:
        stored = workspace.add_article(older)
        claims, _links = workspace.anchors_on(stored.id)
        moved = {claim_id: reanchor(anchor, newer.text) for claim_id, anchor in claims.items()}
        workspace.replace_document(stored.id, newer, moved, {})
        assert workspace.document(stored.id).links == (
            Hyperlink(19, 29, "https://agency.example.gov/report.pdf"),
        )


def _migrated(tmp_path: Path, name: str) -> Path:
    path = tmp_path / "old.sqlite"
    path.write_bytes((DATA / name).read_bytes())
    return path


def test_old_workspaces_gain_links_and_lose_nothing(tmp_path: Path) -> None:
    for name in ("workspace-schema-1.sqlite", "workspace-schema-2.sqlite"):
        path = _migrated(tmp_path, name)
        before = sqlite3.connect(path)
        counts = [before.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES]
        before.close()
        with Workspace.open(path) as workspace:
            [article] = workspace.articles()
            assert workspace.document(article.id).links == ()  # none were read then
            [claim] = workspace.claims_of(article.id)
            assert claim.verdict is Verdict.PARTLY_SUPPORTED
            assert workspace.note_of(claim.id) == "Source says *an estimated* 300."
            # and a migrated workspace keeps the links of what is imported next
            added = workspace.add_article(
                linked_article("See the report for details.", "the report", "https://r.example/")
            )
            assert workspace.document(added.id).links == (Hyperlink(4, 14, "https://r.example/"),)
        connection = sqlite3.connect(path)
        after = [connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES]
        assert after == [counts[0] + 1, *counts[1:]]  # the one article added, nothing lost
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        connection.close()
        path.unlink()
