"""Searching the whole workspace: hits at the right place, an index always in step with what
is stored (same transaction, deletes, edits, migration), filters, and read-only files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sidebyside.core.document import DocumentBuilder, Metadata
from sidebyside.core.verdicts import Verdict
from sidebyside.store import Workspace
from sidebyside.store.links import NewLink
from sidebyside.store.search import INDEXED, SearchFilters, match_expression
from sidebyside.store.workspace import SCHEMA_VERSION

DATA = Path(__file__).parent / "data"


def make_document(*paragraphs: str, title: str):  # type: ignore[no-untyped-def]
    builder = DocumentBuilder()
    for paragraph in paragraphs:
        builder.add(paragraph)
    return builder.build(Metadata(title=title), original=b"raw")


ARTICLE = make_document(
    "The ministry said 1,400 instructors arrived in the spring.",
    "Critics called the figure a fabrication and asked for the contract.",
    title="Borrowed instructors",
)
REPORT = make_document(
    "Le ministère a confirmé l'arrivée de 1 100 instructeurs.",
    "The contract is worth $9.6 million a month, the report found.",
    title="Rights report",
)


def texts_at(workspace: Workspace, hits) -> list[str]:  # type: ignore[no-untyped-def]
    """What each hit's offsets point at, in the text it names."""
    found = []
    for hit in hits:
        if hit.kind in ("article", "source"):
            text = workspace.document(hit.document_id).text
        elif hit.kind == "claim":
            text = workspace.claim(hit.claim_id).text
        else:
            text = workspace.note_of(hit.claim_id)
        found.append(text[hit.start : hit.end])
    return found


def integrity_ok(path: Path) -> None:
    """FTS5's own check that every index agrees with the text it indexes."""
    connection = sqlite3.connect(path)
    for table, _content, _column in INDEXED:
        connection.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
    connection.close()


@pytest.fixture
def filled(workspace: Workspace):  # type: ignore[no-untyped-def]
    article = workspace.add_article(ARTICLE)
    report = workspace.add_source(article.id, REPORT)
    text = ARTICLE.text
    start = text.index("The ministry")
    claim = workspace.add_claim(article.id, start, text.index(" in the spring"))
    workspace.set_verdict(claim.id, Verdict.CONTRADICTED)
    workspace.save_note(claim.id, "The report counts 1 100 instructors, not 1,400.")
    passage = REPORT.text.index("Le ministère")
    workspace.add_reader_link(
        claim.id, NewLink(source_id=report.id, start=passage, end=REPORT.text.index("."))
    )
    return workspace, article, report, claim


def test_hits_name_their_text_and_point_at_the_words_found(filled, workspace_path) -> None:  # type: ignore[no-untyped-def]
    workspace, article, report, claim = filled
    hits = workspace.search("instructors")
    kinds = {(hit.kind, hit.document_id, hit.claim_id) for hit in hits}
    assert kinds == {
        ("article", article.id, None),
        ("claim", article.id, claim.id),
        ("note", article.id, claim.id),
    }
    assert texts_at(workspace, hits) == ["instructors"] * 3
    for hit in hits:
        assert hit.document == "Borrowed instructors"
        assert hit.article_id == article.id
        assert "instructors" in hit.context and "\n" not in hit.context
        assert [hit.context[s:e] for s, e in hit.marks] == ["instructors"]
    integrity_ok(workspace_path)


def test_accents_and_case_do_not_matter_and_a_typed_prefix_finds_whole_words(filled) -> None:  # type: ignore[no-untyped-def]
    workspace, _article, report, _claim = filled
    [hit] = workspace.search("MINISTERE")
    assert hit.kind == "source" and hit.document_id == report.id and hit.document == "Rights report"
    assert texts_at(workspace, [hit]) == ["ministère"]
    assert workspace.search("fabri") == []  # a whole word, from the command line
    [typed] = workspace.search("fabri", as_typed=True)  # the search box, as the reader types
    assert texts_at(workspace, [typed]) == ["fabrication"]


def test_a_phrase_and_several_words_are_one_hit_with_every_word_in_bold(filled) -> None:  # type: ignore[no-untyped-def]
    workspace, *_ = filled
    [hit] = workspace.search('"9.6 million" month')
    assert texts_at(workspace, [hit]) == ["9.6 million a month"]
    assert [hit.context[s:e] for s, e in hit.marks] == ["9.6 million", "month"]


def test_anything_typed_in_the_box_is_a_query_never_an_error(filled) -> None:  # type: ignore[no-untyped-def]
    workspace, *_ = filled
    for typed in ['"', "(", "AND", "exact:1,400", "NEAR(", "*", "-", "a OR", "   "]:
        workspace.search(typed, as_typed=True)
    assert match_expression("   ") is None
    assert len(workspace.search("text:contract")) == 0  # a phrase, not a column filter
    assert len(workspace.search("contract:")) == 2


def test_a_note_is_searchable_inside_the_transaction_that_saves_it_and_only_then(  # type: ignore[no-untyped-def]
    filled,
) -> None:
    workspace, _article, _report, claim = filled
    with pytest.raises(RuntimeError), workspace.transaction():
        workspace.save_note(claim.id, "Ask the ministry for the invoice.")
        assert texts_at(workspace, workspace.search("invoice")) == ["invoice"]
        assert workspace.search("counts") == []  # the old words left with them
        raise RuntimeError("the write fails after the note")
    assert workspace.search("invoice") == []  # rolled back with the note
    assert texts_at(workspace, workspace.search("counts")) == ["counts"]


def test_edits_move_the_index_with_the_text(filled, workspace_path) -> None:  # type: ignore[no-untyped-def]
    workspace, article, report, claim = filled
    text = ARTICLE.text
    workspace.move_claim(claim.id, text.index("Critics"), text.index(" and asked"))
    assert {hit.kind for hit in workspace.search("spring")} == {"article"}  # not the claim
    assert {hit.kind for hit in workspace.search("fabrication")} == {"article", "claim"}
    newer = make_document("The ministry now says 1,100 instructors came.", title="Rights report")
    claims, links = workspace.anchors_on(report.id)
    workspace.replace_document(report.id, newer, {}, {key: None for key in links})
    assert workspace.search("ministere") == []
    assert [hit.kind for hit in workspace.search("came")] == ["source"]
    integrity_ok(workspace_path)


def test_a_removed_document_leaves_no_hit_nor_do_its_claims_and_notes(  # type: ignore[no-untyped-def]
    filled, workspace_path
) -> None:
    workspace, article, report, _claim = filled
    workspace.remove_document(report.id)
    assert workspace.search("contract") == [
        hit for hit in workspace.search("contract") if hit.kind == "article"
    ]
    assert workspace.search("ministere") == []
    workspace.remove_document(article.id)  # its claims and notes go with it (cascade)
    for word in ("instructors", "counts", "fabrication"):
        assert workspace.search(word) == []
    integrity_ok(workspace_path)


def test_filters_by_verdict_source_tag_and_date(filled) -> None:  # type: ignore[no-untyped-def]
    workspace, article, report, claim = filled
    contradicted = SearchFilters(verdict=Verdict.CONTRADICTED)
    # the claim, its note, its words in the article: not the other sentence's "the"
    hits = workspace.search("ministry instructors", contradicted)
    assert {hit.kind for hit in hits} == {"article", "claim"}
    assert all(claim.start <= hit.start < claim.end for hit in hits if hit.kind == "article")
    assert workspace.search("fabrication", contradicted) == []  # outside the claim
    assert workspace.search("instructors", SearchFilters(verdict=Verdict.SUPPORTED)) == []
    # the passage linked to a contradicted claim, not the rest of the report
    assert [h.kind for h in workspace.search("ministère", contradicted)] == ["source"]
    assert workspace.search("contract", contradicted) == []
    by_source = workspace.search("contract", SearchFilters(source_id=report.id))
    assert [hit.kind for hit in by_source] == ["source"]  # the whole source
    workspace.add_tag(claim.id, "Training")
    assert len(workspace.search("instructors", SearchFilters(tag="training"))) == 3
    assert workspace.search("instructors", SearchFilters(tag="budget")) == []
    assert len(workspace.search("instructors", SearchFilters(since="2000-01-01"))) == 3
    assert workspace.search("instructors", SearchFilters(since="2999-01-01")) == []


def test_a_dismissed_claim_is_not_shown(filled) -> None:  # type: ignore[no-untyped-def]
    workspace, _article, _report, claim = filled
    workspace.set_dismissed(claim.id, True)
    assert {hit.kind for hit in workspace.search("instructors")} == {"article"}


def test_a_read_only_workspace_is_searched(filled, workspace_path: Path) -> None:  # type: ignore[no-untyped-def]
    workspace, *_ = filled
    workspace.close()
    before = workspace_path.read_bytes()
    with Workspace.open(workspace_path, read_only=True) as read_only:
        assert read_only.read_only
        assert texts_at(read_only, read_only.search("contract")) == ["contract"] * 2
    assert workspace_path.read_bytes() == before


@pytest.mark.parametrize("schema", [1, 2])
def test_an_old_workspace_is_indexed_when_it_is_brought_up_to_date(  # type: ignore[no-untyped-def]
    tmp_path: Path, schema: int
) -> None:
    path = tmp_path / "old.sqlite"
    path.write_bytes((DATA / f"workspace-schema-{schema}.sqlite").read_bytes())
    with Workspace.open(path) as workspace:
        [article] = workspace.articles()
        [claim] = workspace.claims_of(article.id)
        hits = workspace.search("displaced")
        assert sorted(hit.kind for hit in hits) == ["article", "claim", "source"]
        assert texts_at(workspace, hits) == ["displaced"] * 3
        [note] = [hit for hit in workspace.search("estimated") if hit.kind == "note"]
        assert note.claim_id == claim.id and texts_at(workspace, [note]) == ["estimated"]
        assert workspace.note_of(claim.id) == "Source says *an estimated* 300."  # kept
        assert [link.state for link in workspace.links_of(claim.id)] == (
            ["confirmed"] if schema == 1 else []
        )
        workspace.save_note(claim.id, "Checked again.")  # the triggers work on the old file
        assert [hit.kind for hit in workspace.search("checked")] == ["note"]
    integrity_ok(path)
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    connection.close()
