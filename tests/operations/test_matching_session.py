"""Matching through the operations layer: stored indexes spare a re-index on reopening."""

from __future__ import annotations

from pathlib import Path

from sidebyside.core.document import DocumentBuilder, Metadata
from sidebyside.operations import MatchingSession
from sidebyside.store import Workspace


def document(title: str, *paragraphs: str):  # type: ignore[no-untyped-def]
    builder = DocumentBuilder()
    for paragraph in paragraphs:
        builder.add(paragraph)
    return builder.build(Metadata(title=title))


REPORT = document(
    "Report",
    "Researchers found that an estimated 240 civilians were killed in the raid on the market.",
    "The group interviewed 58 people, 37 of them witnesses, between February and March.",
)
WIRE = document(
    "Wire",
    "Kalundi pays the contractor $9.6 million a month, three sources told the agency.",
    "A separate payment of about $2.4 million a month covers helicopter maintenance.",
)
CLAIM = "The contractor is paid $9.6 million every month, according to the agency."


def test_indexes_built_once_are_stored_and_reused_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "workspace.sqlite"
    with Workspace.open(path) as workspace:
        article = workspace.add_article(document("Article", CLAIM))
        ids = [workspace.add_source(article.id, doc).id for doc in (REPORT, WIRE)]
        sources = {source_id: workspace.document(source_id) for source_id in ids}
        first = MatchingSession(sources)
        assert sorted(first.unsaved_indexes) == sorted(ids)
        workspace.save_indexes(first.unsaved_indexes)
        first_links = first.passages_for(CLAIM).links

    with Workspace.open(path) as workspace:
        stored = workspace.stored_indexes(ids)
        assert sorted(stored) == sorted(ids)
        second = MatchingSession(sources, stored)
        assert second.unsaved_indexes == {}
        assert second.passages_for(CLAIM).links == first_links
    best = max(first_links, key=lambda link: link.score)
    assert best.source_id == ids[1]
    assert "$9.6 million a month" in WIRE.text[best.start : best.end]


def test_an_index_of_an_older_text_is_not_reused(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "workspace.sqlite") as workspace:
        article = workspace.add_article(document("Article", CLAIM))
        source_id = workspace.add_source(article.id, REPORT).id
        session = MatchingSession({source_id: REPORT})
        workspace.save_indexes(session.unsaved_indexes)
        claims, links = workspace.anchors_on(source_id)
        workspace.replace_document(source_id, WIRE, claims, links)
        assert workspace.stored_indexes([source_id]) == {}
        damaged = {source_id: b"not an index"}
        rebuilt = MatchingSession({source_id: WIRE}, damaged)
        assert list(rebuilt.unsaved_indexes) == [source_id]
