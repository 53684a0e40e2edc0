"""The article session without Qt: each write says what changed, the same write says the
same thing, matching steps record only for the sources they were made for, and long
steps report progress and stop when asked."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from sidebyside.core.document import Document, DocumentBuilder, Metadata
from sidebyside.core.spans import Span
from sidebyside.core.verdicts import Verdict
from sidebyside.operations import (
    ArticleSession,
    Cancelled,
    Changes,
    PreparedArticle,
    Progress,
    read_article_citations,
)
from sidebyside.store import Workspace

ARTICLE = (
    "Meridian Press reported that the contractor is paid $9.6 million a month.",
    "The Observatory said an estimated 240 civilians were killed in the raid.",
)
WIRE = (
    "Kalundi pays the contractor $9.6 million a month, three sources told Meridian Press.",
    "A separate payment covers helicopter maintenance.",
)


def document(title: str, paragraphs: tuple[str, ...], aliases: tuple[str, ...] = ()) -> Document:
    builder = DocumentBuilder()
    for paragraph in paragraphs:
        builder.add(paragraph)
    return builder.build(Metadata(title=title, aliases=aliases))


def opened(path: Path) -> ArticleSession:
    """A session with the article recorded and open, its two sentences as claims."""
    session = ArticleSession.open(path)
    article = document("Borrowed army", ARTICLE)
    spans = [article.text.index(sentence) for sentence in ARTICLE]
    from sidebyside.core.claims import suggest_claims

    suggestions = tuple(suggest_claims(article))
    assert [s.start for s in suggestions] == spans
    session.record_article(PreparedArticle(article, suggestions))
    return session


def test_opening_an_article_reads_it_once_and_asks_for_citations_and_matching(
    tmp_path: Path,
) -> None:
    session = opened(tmp_path / "w.sqlite")
    try:
        assert session.article is not None and session.article_document is not None
        assert [claim.text for claim in session.claims()] == list(ARTICLE)
        changes = session.open_article(session.article.id)
        assert changes == Changes(article=True, citations=True, matching=True)
        assert session.open_article(None) == Changes(article=True)
        assert session.claims() == []
    finally:
        session.close()


def test_the_same_write_returns_the_same_changes(tmp_path: Path) -> None:
    session = opened(tmp_path / "w.sqlite")
    try:
        claim = session.claims()[0]
        first = session.set_verdict(claim.id, Verdict.SUPPORTED)
        again = session.set_verdict(claim.id, Verdict.SUPPORTED)
        assert first == again == Changes(claims=frozenset({claim.id}))
        assert session.claim(claim.id).verdict is Verdict.SUPPORTED

        dismissed = session.set_dismissed(claim.id, True)
        assert dismissed.claim_list and dismissed.citations and dismissed.select is None
        assert session.set_dismissed(claim.id, True) == dismissed
        restored = session.set_dismissed(claim.id, False)
        assert restored.select == claim.id

        assert session.article is not None
        added = session.add_source(session.article.id, document("Wire", WIRE))
        assert added == Changes(sources=True, citations=True, matching=True)
        assert [info.title for info, _ in session.sources] == ["Wire"]
        second = session.add_source(session.article.id, document("Gazette", WIRE[1:]))
        assert second == added
    finally:
        session.close()


def test_a_write_for_another_article_changes_nothing_shown(tmp_path: Path) -> None:
    session = opened(tmp_path / "w.sqlite")
    try:
        first = session.article
        assert first is not None
        session.record_article(PreparedArticle(document("Second", ARTICLE[:1]), ()))
        assert session.add_source(first.id, document("Wire", WIRE)) == Changes()
        assert not session.add_source(first.id, document("Wire", WIRE))
        assert session.sources == []  # the open article (the second) has none
    finally:
        session.close()


def test_matching_in_a_thread_records_for_current_sources_only(tmp_path: Path) -> None:
    session = opened(tmp_path / "w.sqlite")
    try:
        assert session.article is not None
        session.add_source(session.article.id, document("Wire", WIRE, ("Meridian Press",)))
        pending = session.pending_matches()
        assert pending.work is not None and len(pending.claims) == 2
        results: list[object] = []
        work = pending.work

        def in_background() -> None:  # only the matcher's own documents are read here
            found = [work.passages_for(text, claim_id) for claim_id, text in pending.claims]
            results.append((found, work.take_unsaved_indexes()))

        thread = threading.Thread(target=in_background)
        thread.start()
        thread.join()
        found, indexes = results[0]  # type: ignore[misc]
        assert indexes  # the wire's index was built there, to be kept here

        session.add_source(session.article.id, document("Gazette", WIRE[1:]))
        assert session.record_matches(pending.key, found, indexes) == Changes()  # stale
        assert len(session.pending_matches().claims) == 2  # nothing was stored

        assert session.match_all() == 2
        assert session.pending_matches().claims == ()
        paid = session.claims()[0]
        best = session.primary_links(session.links_of(paid.id))
        assert best and "9.6 million" in best[0].text
    finally:
        session.close()


def test_citations_are_worked_out_from_what_the_session_already_holds(tmp_path: Path) -> None:
    session = opened(tmp_path / "w.sqlite")
    try:
        assert session.article is not None
        session.add_source(session.article.id, document("Wire", WIRE, ("Meridian Press",)))
        work = session.citation_work()
        read: list[object] = []
        thread = threading.Thread(target=lambda: read.append(read_article_citations(work)))
        thread.start()
        thread.join()
        changes = session.record_citations(*read[0])  # type: ignore[misc]
        assert changes == Changes(cited=True)
        paid, killed = session.claims()
        assert session.cited_sources(paid.id) == (True, {session.sources[0][0].id})
        assert [missing.name for missing in session.citations.missing] == ["Observatory"]
        assert session.cited_sources(killed.id) == (True, set())
    finally:
        session.close()


def test_matching_every_claim_reports_progress_and_stops_when_asked(tmp_path: Path) -> None:
    session = opened(tmp_path / "w.sqlite")
    try:
        assert session.article is not None
        session.add_source(session.article.id, document("Wire", WIRE))
        reports: list[tuple[int, int, str]] = []

        def stop_after_first(done: int, total: int, what: str) -> None:
            reports.append((done, total, what))
            if what == "finding passages" and done == 1:
                progress.cancel()

        progress = Progress(stop_after_first)
        with pytest.raises(Cancelled):
            session.match_all(progress)
        assert (0, 2, "finding passages") in reports
        assert any(what.startswith("indexing source") for _, _, what in reports)
        assert len(session.pending_matches().claims) == 1  # the first claim was kept
        assert session.match_all() == 1
    finally:
        session.close()


def test_a_link_by_hand_is_judged_and_changes_only_its_claim(tmp_path: Path) -> None:
    session = opened(tmp_path / "w.sqlite")
    try:
        assert session.article is not None
        session.add_source(session.article.id, document("Wire", WIRE))
        source_id = session.sources[0][0].id
        text = session.source_document(source_id).text
        start = text.index("Kalundi")
        claim = session.claims()[0]
        link_id, changes = session.link_passage(
            claim.id, source_id, Span(start, start + len(WIRE[0]))
        )
        assert changes == Changes(links=frozenset({claim.id}))
        [link] = session.links_of(claim.id)
        assert link.id == link_id
        assert link.state == "confirmed" and link.text == WIRE[0]
        assert session.set_link_state(link.id, "rejected") == changes
        assert session.remove_reader_link(link.id) == changes  # undone: no trace left
        assert session.links_of(claim.id) == []
    finally:
        session.close()


def test_a_background_read_of_one_workspace_leaves_the_other_writing_to_its_own_file(
    tmp_path: Path,
) -> None:
    one, other = Workspace.open(tmp_path / "one.sqlite"), Workspace.open(tmp_path / "two.sqlite")
    try:
        article = one.add_article(document("One", ARTICLE))
        started, go_on = threading.Event(), threading.Event()
        seen: list[str] = []

        def read_slowly() -> None:
            seen.append(one.document(article.id).text)
            started.set()
            go_on.wait(5)
            seen.append(one.document(article.id).text)

        thread = threading.Thread(target=read_slowly)
        thread.start()
        started.wait(5)
        written = other.add_article(document("Two", WIRE))  # while the thread reads `one`
        go_on.set()
        thread.join()
        assert seen == [document("One", ARTICLE).text] * 2
        assert [info.title for info in other.articles()] == ["Two"]
        assert [info.title for info in one.articles()] == ["One"]
        assert other.document(written.id).text == document("Two", WIRE).text
    finally:
        one.close()
        other.close()


def test_unsaved_notes_are_kept_on_another_disk_when_the_workspace_disk_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sidebyside.operations import (
        forget_unsaved_notes,
        keep_unsaved_notes,
        recovery_file,
        unsaved_notes,
    )

    monkeypatch.setenv("SIDEBYSIDE_DATA_DIR", str(tmp_path / "data"))
    workspace = tmp_path / "full-disk" / "workspace.sqlite"
    workspace.parent.mkdir()
    recovery_file(workspace).mkdir()  # a folder in the way: writing beside it fails
    kept = keep_unsaved_notes(workspace, {7: "typed while the disk was full"})
    assert kept is not None and (tmp_path / "data") in kept.parents
    assert unsaved_notes(workspace) == {7: "typed while the disk was full"}
    forget_unsaved_notes(workspace)
    assert unsaved_notes(workspace) == {}
