"""Tags on claims and notes on whole documents: stored, listed, migrated into old files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sidebyside.core.document import DocumentBuilder, Metadata
from sidebyside.core.verdicts import Verdict
from sidebyside.store import Workspace
from sidebyside.store.workspace import SCHEMA_VERSION

DATA = Path(__file__).parent / "data"


def make_document(*paragraphs: str, title: str):  # type: ignore[no-untyped-def]
    builder = DocumentBuilder()
    for paragraph in paragraphs:
        builder.add(paragraph)
    return builder.build(Metadata(title=title))


ARTICLE = make_document(
    "The council spent 40 million on roads last year.",
    "Critics said the figure was closer to 25 million.",
    title="Roads article",
)
SOURCE = make_document("The council's accounts show 38 million spent on roads.", title="Accounts")


def test_tags_are_kept_per_claim_and_survive_reopening(workspace_path: Path) -> None:
    with Workspace.open(workspace_path) as workspace:
        article = workspace.add_article(ARTICLE)
        first = workspace.add_claim(article.id, 0, 48)
        second = workspace.add_claim(article.id, 50, 99)
        assert workspace.add_tag(first.id, "  budget  ") == "budget"
        workspace.add_tag(first.id, "roads")
        workspace.add_tag(second.id, "budget")
        workspace.add_tag(second.id, "budget")  # twice is once
    with Workspace.open(workspace_path) as workspace:
        first_again, second_again = workspace.claims_of(article.id)
        assert first_again.tags == ("budget", "roads")
        assert second_again.tags == ("budget",)
        assert workspace.claim(first.id).tags == ("budget", "roads")
        assert workspace.workspace_tags() == [("budget", 2), ("roads", 1)]


def test_a_tag_in_another_case_joins_the_one_already_used(workspace: Workspace) -> None:
    article = workspace.add_article(ARTICLE)
    first = workspace.add_claim(article.id, 0, 48)
    second = workspace.add_claim(article.id, 50, 99)
    workspace.add_tag(first.id, "Public money")
    assert workspace.add_tag(second.id, "public   MONEY") == "Public money"
    assert workspace.workspace_tags() == [("Public money", 2)]
    assert workspace.add_tag(second.id, "   ") == ""


def test_removing_a_tag_leaves_the_others(workspace: Workspace) -> None:
    article = workspace.add_article(ARTICLE)
    claim = workspace.add_claim(article.id, 0, 48)
    workspace.add_tag(claim.id, "budget")
    workspace.add_tag(claim.id, "roads")
    workspace.remove_tag(claim.id, "budget")
    assert workspace.tags_of(claim.id) == ("roads",)
    assert workspace.workspace_tags() == [("roads", 1)]


def test_removing_an_article_removes_its_claims_tags(workspace: Workspace) -> None:
    article = workspace.add_article(ARTICLE)
    claim = workspace.add_claim(article.id, 0, 48)
    workspace.add_tag(claim.id, "budget")
    workspace.remove_document(article.id)
    assert workspace.workspace_tags() == []


def test_notes_on_an_article_and_on_a_source_are_their_own(workspace_path: Path) -> None:
    with Workspace.open(workspace_path) as workspace:
        article = workspace.add_article(ARTICLE)
        source = workspace.add_source(article.id, SOURCE)
        assert workspace.document_note_of(article.id) == ""
        workspace.save_document_note(article.id, "Asked the *council* for a comment.")
        workspace.save_document_note(source.id, "Audited accounts, 2024.")
        workspace.save_document_note(source.id, "Audited accounts, 2024–25.")
    with Workspace.open(workspace_path) as workspace:
        assert workspace.document_note_of(article.id) == "Asked the *council* for a comment."
        assert workspace.document_note_of(source.id) == "Audited accounts, 2024–25."


def test_old_workspaces_gain_tags_and_document_notes_with_nothing_lost(tmp_path: Path) -> None:
    for name in ("workspace-schema-1.sqlite", "workspace-schema-2.sqlite"):
        path = tmp_path / name
        path.write_bytes((DATA / name).read_bytes())
        with Workspace.open(path) as workspace:
            [article] = workspace.articles()
            [source] = workspace.sources_of(article.id)
            [claim] = workspace.claims_of(article.id)
            assert claim.verdict is Verdict.PARTLY_SUPPORTED and claim.tags == ()
            assert workspace.note_of(claim.id) == "Source says *an estimated* 300."
            workspace.add_tag(claim.id, "displacement")
            workspace.save_document_note(source.id, "The agency's own report.")
        with Workspace.open(path) as workspace:
            [claim] = workspace.claims_of(article.id)
            assert claim.tags == ("displacement",)
            assert workspace.document_note_of(source.id) == "The agency's own report."
            assert workspace.note_of(claim.id) == "Source says *an estimated* 300."
        connection = sqlite3.connect(path)
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        columns = [row[1] for row in connection.execute("PRAGMA table_info(claim_tag)")]
        assert {"claim_id", "tag"} <= set(columns)
        connection.close()
