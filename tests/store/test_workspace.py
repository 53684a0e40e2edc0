"""The workspace file: created, migrated, safe, and faithful across reopening."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sidebyside.core.document import DocumentBuilder, Metadata
from sidebyside.core.verdicts import Verdict
from sidebyside.store import Workspace, WorkspaceError
from sidebyside.store.links import NewLink
from sidebyside.store.workspace import SCHEMA_VERSION


def make_document(*paragraphs: str, title: str = "A document"):  # type: ignore[no-untyped-def]
    builder = DocumentBuilder()
    for paragraph in paragraphs:
        builder.add(paragraph)
    return builder.build(Metadata(title=title, publisher="Test Press"), original=b"raw bytes")


ARTICLE = make_document(
    "The agency said 300 people were displaced.",
    "Officials described the report as false.",
    title="Article",
)
SOURCE = make_document("An estimated 300 people were displaced, the agency said.", title="Source")


def test_new_workspace_uses_wal_foreign_keys_and_current_schema(workspace: Workspace) -> None:
    connection = sqlite3.connect(workspace.path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    connection.close()
    assert workspace.was_created


def test_documents_claims_verdicts_notes_and_links_survive_reopening(workspace_path: Path) -> None:
    with Workspace.open(workspace_path) as workspace:
        article = workspace.add_article(ARTICLE)
        source = workspace.add_source(article.id, SOURCE)
        claim = workspace.add_claim(article.id, 0, 42, cues={"sources": ["the agency"]})
        workspace.set_verdict(claim.id, Verdict.PARTLY_SUPPORTED)
        workspace.save_note(claim.id, "Source says *an estimated* 300.")
        workspace.replace_suggested_links(
            claim.id, [NewLink(source.id, 0, 57, 0.8, ("shares 5 words",))], "key"
        )

    with Workspace.open(workspace_path) as workspace:
        assert not workspace.was_created
        [article] = workspace.articles()
        assert article.title == "Article"
        [source] = workspace.sources_of(article.id)
        assert workspace.document(source.id).text == SOURCE.text
        assert workspace.original_of(source.id) == b"raw bytes"
        [claim] = workspace.claims_of(article.id)
        assert claim.text == "The agency said 300 people were displaced."
        assert claim.verdict is Verdict.PARTLY_SUPPORTED
        assert claim.cued_sources == ("the agency",)
        assert workspace.note_of(claim.id) == "Source says *an estimated* 300."
        [link] = workspace.links_of(claim.id)
        assert link.text == SOURCE.text and link.reasons == ("shares 5 words",)
        assert workspace.matches_are_current(claim.id, "key")
        assert not workspace.matches_are_current(claim.id, "other sources")


def test_blocks_and_metadata_round_trip(workspace: Workspace) -> None:
    info = workspace.add_article(ARTICLE)
    stored = workspace.document(info.id)
    assert stored.blocks == ARTICLE.blocks
    assert stored.metadata.publisher == "Test Press"
    assert info.content_hash == ARTICLE.content_hash


def test_reader_decisions_outlive_new_suggestions(workspace: Workspace) -> None:
    article = workspace.add_article(ARTICLE)
    source = workspace.add_source(article.id, SOURCE)
    claim = workspace.add_claim(article.id, 0, 42)
    first = workspace.replace_suggested_links(
        claim.id, [NewLink(source.id, 0, 10), NewLink(source.id, 11, 20)], "v1"
    )
    workspace.set_link_state(first[0].id, "confirmed")
    workspace.set_link_state(first[1].id, "rejected")
    links = workspace.replace_suggested_links(claim.id, [NewLink(source.id, 30, 40)], "v2")
    states = sorted((link.start, link.state) for link in links)
    assert states == [(0, "confirmed"), (11, "rejected"), (30, "suggested")]
    assert [link.state for link in workspace.links_of(claim.id, include_rejected=False)] == [
        "confirmed",
        "suggested",
    ]


def test_removing_a_source_removes_its_links_but_keeps_claims_and_notes(
    workspace: Workspace,
) -> None:
    article = workspace.add_article(ARTICLE)
    source = workspace.add_source(article.id, SOURCE)
    claim = workspace.add_claim(article.id, 0, 42)
    workspace.save_note(claim.id, "keep me")
    workspace.replace_suggested_links(claim.id, [NewLink(source.id, 0, 10)], "k")
    workspace.remove_document(source.id)
    assert workspace.links_of(claim.id) == []
    assert workspace.note_of(claim.id) == "keep me"


def test_dismissed_claims_are_hidden_not_lost(workspace: Workspace) -> None:
    article = workspace.add_article(ARTICLE)
    claim = workspace.add_claim(article.id, 0, 42, origin="suggested")
    workspace.save_note(claim.id, "a thought")
    workspace.set_dismissed(claim.id, True)
    assert workspace.claims_of(article.id) == []
    [hidden] = workspace.claims_of(article.id, include_dismissed=True)
    assert hidden.dismissed and workspace.note_of(hidden.id) == "a thought"


def test_claim_outside_the_article_is_refused(workspace: Workspace) -> None:
    article = workspace.add_article(ARTICLE)
    with pytest.raises(ValueError):
        workspace.add_claim(article.id, 10, 10_000)
    assert workspace.claims_of(article.id) == []


def test_source_metadata_and_aliases_are_editable(workspace: Workspace) -> None:
    article = workspace.add_article(ARTICLE)
    source = workspace.add_source(article.id, SOURCE)
    info = workspace.update_metadata(
        source.id, publisher="Human Rights Watch", aliases=["HRW", " ", "the report"]
    )
    assert info.aliases == ("HRW", "the report")
    assert info.names == ("Human Rights Watch", "HRW", "the report")


def test_a_file_that_is_not_a_workspace_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "photo.sqlite"
    garbage = bytes(range(256)) * 64
    path.write_bytes(garbage)
    with pytest.raises(WorkspaceError, match="not a sidebyside workspace"):
        Workspace.open(path)
    assert path.read_bytes() == garbage


def test_a_workspace_from_a_newer_version_is_refused(workspace_path: Path) -> None:
    Workspace.open(workspace_path).close()
    connection = sqlite3.connect(workspace_path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    with pytest.raises(WorkspaceError, match="newer sidebyside"):
        Workspace.open(workspace_path)


SECOND_INSTANCE = """
import sys
from sidebyside.store import Workspace
with Workspace.open(sys.argv[1]) as workspace:
    claim_id = int(sys.argv[2])
    for number in range(200):
        workspace.save_note(claim_id, f"from the second instance {number}")
"""


def test_a_second_instance_writing_at_the_same_time_corrupts_nothing(workspace: Workspace) -> None:
    article = workspace.add_article(ARTICLE)
    mine = workspace.add_claim(article.id, 0, 42)
    theirs = workspace.add_claim(article.id, 43, 83)
    process = subprocess.Popen(
        [sys.executable, "-c", SECOND_INSTANCE, str(workspace.path), str(theirs.id)]
    )
    for number in range(200):
        workspace.save_note(mine.id, f"from the first instance {number}")
    assert process.wait(timeout=60) == 0
    assert workspace.note_of(mine.id) == "from the first instance 199"
    assert workspace.note_of(theirs.id) == "from the second instance 199"
    connection = sqlite3.connect(workspace.path)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()


SCHEMA_1 = Path(__file__).parent / "data" / "workspace-schema-1.sqlite"


def test_a_schema_1_workspace_is_migrated_with_nothing_lost(tmp_path: Path) -> None:
    """A workspace written before passages were judged (committed file, schema 1)."""
    path = tmp_path / "old.sqlite"
    path.write_bytes(SCHEMA_1.read_bytes())
    with Workspace.open(path) as workspace:
        [article] = workspace.articles()
        [claim] = workspace.claims_of(article.id)
        assert claim.verdict is Verdict.PARTLY_SUPPORTED
        assert workspace.note_of(claim.id) == "Source says *an estimated* 300."
        [link] = workspace.links_of(claim.id)
        assert link.state == "confirmed" and link.text.startswith("An estimated 300")
        assert link.support == ""  # not judged yet
        # the old matches are found again, so that they are judged
        assert [c.id for c in workspace.claims_needing_matches(article.id, "old-key")] == [claim.id]
        assert workspace.suggestion_of(claim.id) is None
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()


SCHEMA_2 = Path(__file__).parent / "data" / "workspace-schema-2.sqlite"


def test_a_schema_2_workspace_is_migrated_and_a_reworded_verdict_then_asks_for_review(
    tmp_path: Path,
) -> None:
    """A workspace written before changed claims were flagged (committed file, schema 2)."""
    from sidebyside.core.anchoring import reanchor

    path = tmp_path / "old.sqlite"
    path.write_bytes(SCHEMA_2.read_bytes())
    with Workspace.open(path) as workspace:
        [article] = workspace.articles()
        [claim] = workspace.claims_of(article.id)
        assert claim.verdict is Verdict.PARTLY_SUPPORTED and not claim.needs_review
        assert workspace.note_of(claim.id) == "Source says *an estimated* 300."

        newer = make_document(
            "The agency said 320 people were displaced.",
            "Officials described the report as false.",
            title="Article",
        )
        claims, links = workspace.anchors_on(article.id)
        moved = {claim_id: reanchor(anchor, newer.text) for claim_id, anchor in claims.items()}
        workspace.replace_document(article.id, newer, moved, {})
        [claim] = workspace.claims_of(article.id)
        assert claim.text == "The agency said 320 people were displaced."
        assert claim.changed_from == "The agency said 300 people were displaced."
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()


def test_the_suggested_verdict_is_kept_with_the_matches(workspace: Workspace) -> None:
    from sidebyside.store import SuggestionRecord

    article = workspace.add_article(ARTICLE)
    source = workspace.add_source(article.id, SOURCE)
    claim = workspace.add_claim(article.id, 0, 42)
    suggestion = SuggestionRecord(Verdict.MISATTRIBUTED, credited=(source.id,), wording_of=None)
    workspace.replace_suggested_links(
        claim.id,
        [NewLink(source.id, 0, 57, 0.8, support="partly_supports", wording=0.4)],
        "key",
        suggestion,
    )
    assert workspace.suggestion_of(claim.id) == suggestion
    [link] = workspace.links_of(claim.id)
    assert (link.support, link.wording) == ("partly_supports", 0.4)
    assert workspace.claims_of(article.id)[0].verdict is Verdict.UNREVIEWED  # only suggested


def test_two_workspaces_open_at_once_each_write_their_own_file(tmp_path: Path) -> None:
    first = Workspace.open(tmp_path / "first.sqlite")
    second = Workspace.open(tmp_path / "second.sqlite")
    try:
        first.add_article(ARTICLE)
        second.add_article(SOURCE)
        assert [a.title for a in first.articles()] == ["Article"]
        assert [a.title for a in second.articles()] == ["Source"]
        second.close()
        claim_article = first.articles()[0]
        first.add_claim(claim_article.id, 0, 42)  # still its own file after the other closed
    finally:
        first.close()
        second.close()
    for name, title in (("first.sqlite", "Article"), ("second.sqlite", "Source")):
        connection = sqlite3.connect(tmp_path / name)
        titles = [row[0] for row in connection.execute("SELECT title FROM document")]
        connection.close()
        assert titles == [title]


def test_a_write_waits_for_another_writer_instead_of_failing(workspace: Workspace) -> None:
    """A second process holding the write lock for a moment (a window saving, an export
    running) makes a write that reads first wait, not fail with "database is locked"."""
    import threading
    import time

    article = workspace.add_article(ARTICLE)
    other = sqlite3.connect(workspace.path, timeout=5, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE document SET title = title")
    released = threading.Event()

    def release() -> None:
        time.sleep(0.5)
        other.commit()
        released.set()

    threading.Thread(target=release).start()
    claim = workspace.add_claim(article.id, 0, 42)  # reads the article, then writes
    assert released.is_set()
    assert workspace.claim(claim.id).text == ARTICLE.text[0:42]
    other.close()


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    places = tmp_path / "places.sqlite"
    connection = sqlite3.connect(places)
    connection.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    connection.execute("INSERT INTO moz_places (url) VALUES ('https://example.org/')")
    connection.commit()
    connection.close()
    before = places.read_bytes()
    with pytest.raises(WorkspaceError, match="another program's database"):
        Workspace.open(places)
    assert places.read_bytes() == before
    connection = sqlite3.connect(places)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master")]
    connection.close()
    assert tables == ["moz_places"]


def test_a_workspace_says_it_is_one(workspace: Workspace) -> None:
    from sidebyside.store.workspace import APPLICATION_ID

    connection = sqlite3.connect(workspace.path)
    assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    connection.close()


def test_a_workspace_another_program_holds_is_named_so_not_damaged(workspace_path: Path) -> None:
    Workspace.open(workspace_path).close()
    other = sqlite3.connect(workspace_path, timeout=1)
    other.execute("PRAGMA journal_mode = DELETE")  # an exclusive lock blocks readers too
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(WorkspaceError) as refused:
            Workspace.open(workspace_path)
    finally:
        other.rollback()
        other.close()
    assert "another program is writing to the workspace" in str(refused.value)
    assert "damaged" not in str(refused.value)
