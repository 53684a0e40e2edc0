"""One source attached to two articles is one stored source: added once, detached from one
article at a time, moved for every article when a newer version replaces it, and old
workspaces (one copy per article) migrate with every source, link, note and verdict."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sidebyside.core.anchoring import reanchor
from sidebyside.core.document import DocumentBuilder, Metadata
from sidebyside.core.verdicts import Verdict
from sidebyside.store import Workspace
from sidebyside.store.links import NewLink
from sidebyside.store.workspace import SCHEMA_VERSION

DATA = Path(__file__).parent / "data"
REPORT_TEXT = "The inspectors counted 212 damaged homes in the valley."


def make_document(*paragraphs: str, title: str, publisher: str = ""):  # type: ignore[no-untyped-def]
    builder = DocumentBuilder()
    for paragraph in paragraphs:
        builder.add(paragraph)
    return builder.build(Metadata(title=title, publisher=publisher))


def two_articles_sharing_a_report(workspace: Workspace):  # type: ignore[no-untyped-def]
    """Two articles, each with a claim linked to the same report, and one other source."""
    floods = workspace.add_article(make_document("Floods damaged 212 homes.", title="Floods"))
    repairs = workspace.add_article(
        make_document("Repairs began on 200 homes this week.", title="Repairs")
    )
    report = workspace.add_source(floods.id, make_document(REPORT_TEXT, title="Inspection report"))
    again = workspace.add_source(repairs.id, make_document(REPORT_TEXT, title="Inspection report"))
    other = workspace.add_source(repairs.id, make_document("Crews: 40.", title="Crew roster"))
    assert again.id == report.id
    claims = []
    for article in (floods, repairs):
        claim = workspace.add_claim(article.id, 0, 10)
        workspace.add_reader_link(claim.id, NewLink(report.id, 23, 34, 0.9))
        workspace.set_verdict(claim.id, Verdict.SUPPORTED)
        claims.append(claim)
    return floods, repairs, report, other, claims


def count(workspace: Workspace, sql: str) -> int:
    connection = sqlite3.connect(workspace.path)
    try:
        return int(connection.execute(sql).fetchone()[0])
    finally:
        connection.close()


def test_the_same_source_added_to_two_articles_is_stored_once(workspace: Workspace) -> None:
    floods, repairs, report, other, _ = two_articles_sharing_a_report(workspace)
    assert count(workspace, "SELECT COUNT(*) FROM document WHERE role = 'source'") == 2
    assert [s.id for s in workspace.sources_of(floods.id)] == [report.id]
    assert [s.id for s in workspace.sources_of(repairs.id)] == [report.id, other.id]
    assert workspace.articles_using(report.id) == [floods.id, repairs.id]
    [use] = [u for u in workspace.project_overview().sources if u.source.id == report.id]
    assert sorted(a.title for a in use.articles) == ["Floods", "Repairs"]
    workspace.save_document_note(report.id, "Signed by the chief inspector.")
    assert workspace.document_note_of(workspace.sources_of(repairs.id)[0].id) == (
        "Signed by the chief inspector."
    )


def test_the_same_text_from_another_publisher_stays_a_source_of_its_own(
    workspace: Workspace,
) -> None:
    """A wire story two papers ran: the same words, two publishers to credit."""
    first = workspace.add_article(make_document("Storms closed the pass.", title="First"))
    second = workspace.add_article(make_document("The pass is shut.", title="Second"))
    wire = "Heavy storms closed the mountain pass on Sunday."
    gazette = workspace.add_source(
        first.id, make_document(wire, title="Storms", publisher="Gazette")
    )
    herald = workspace.add_source(
        second.id, make_document(wire, title="Storms", publisher="Herald")
    )
    assert herald.id != gazette.id
    # with no publisher of its own, it is the Gazette's copy (the Herald's is attached here)
    third = workspace.add_article(make_document("Roads reopen.", title="Third"))
    assert workspace.add_source(third.id, make_document(wire, title="Storms")).id == gazette.id


def test_detaching_takes_the_source_off_one_article_and_deletes_it_when_unused(
    workspace: Workspace,
) -> None:
    floods, repairs, report, _other, (floods_claim, repairs_claim) = two_articles_sharing_a_report(
        workspace
    )
    workspace.detach_source(floods.id, report.id)
    assert workspace.sources_of(floods.id) == []
    assert workspace.links_of(floods_claim.id) == []
    assert workspace.claim(floods_claim.id).verdict is Verdict.SUPPORTED  # verdicts stay
    [kept] = workspace.links_of(repairs_claim.id)
    assert kept.source_id == report.id and kept.text == "212 damaged"
    workspace.detach_source(repairs.id, report.id)
    assert count(workspace, f"SELECT COUNT(*) FROM document WHERE id = {report.id}") == 0
    assert workspace.links_of(repairs_claim.id) == []


def test_removing_the_first_article_keeps_the_source_for_the_other(workspace: Workspace) -> None:
    floods, repairs, report, _other, (_floods_claim, repairs_claim) = two_articles_sharing_a_report(
        workspace
    )
    workspace.remove_document(floods.id)  # the source was first attached to it
    assert [s.id for s in workspace.sources_of(repairs.id)] == [report.id, _other.id]
    assert len(workspace.links_of(repairs_claim.id)) == 1
    workspace.remove_document(repairs.id)  # now nothing uses it
    assert count(workspace, "SELECT COUNT(*) FROM document") == 0
    assert count(workspace, "SELECT COUNT(*) FROM article_source") == 0


def test_a_newer_version_moves_the_links_of_every_article(workspace: Workspace) -> None:
    _floods, _repairs, report, _other, claims = two_articles_sharing_a_report(workspace)
    newer = make_document("Update, March.", REPORT_TEXT, title="Inspection report")
    _claims, links = workspace.anchors_on(report.id)
    moved = {link_id: reanchor(anchor, newer.text) for link_id, anchor in links.items()}
    workspace.replace_document(report.id, newer, {}, moved)
    for claim in claims:
        [link] = workspace.links_of(claim.id)
        assert not link.orphaned and link.text == "212 damaged"
        assert newer.text[link.start : link.end] == "212 damaged"


def test_old_workspaces_migrate_with_every_source_link_note_and_verdict(tmp_path: Path) -> None:
    for name, links in (("workspace-schema-1.sqlite", 1), ("workspace-schema-2.sqlite", 0)):
        path = tmp_path / name
        path.write_bytes((DATA / name).read_bytes())
        before = sqlite3.connect(path)
        sources_before = before.execute(
            "SELECT id, article_id, title FROM document WHERE role = 'source'"
        ).fetchall()
        before.close()
        with Workspace.open(path) as workspace:
            [article] = workspace.articles()
            assert [(s.id, article.id, s.title) for s in workspace.sources_of(article.id)] == (
                sources_before
            )
            [claim] = workspace.claims_of(article.id)
            assert claim.verdict is Verdict.PARTLY_SUPPORTED
            assert workspace.note_of(claim.id) == "Source says *an estimated* 300."
            assert len(workspace.links_of(claim.id)) == links
            # the same source read for a new article is the stored one
            [source] = workspace.sources_of(article.id)
            text = workspace.document(source.id)
            second = workspace.add_article(make_document("Another story.", title="Second"))
            assert workspace.add_source(second.id, text).id == source.id
        connection = sqlite3.connect(path)
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        connection.close()
