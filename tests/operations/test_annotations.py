"""Annotations out and in: the W3C export, its round trip, Hypothesis files, orphans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sidebyside.cli import main
from sidebyside.core.document import Document
from sidebyside.core.importers import import_file
from sidebyside.core.verdicts import Verdict
from sidebyside.operations import export_text
from sidebyside.operations.annotations import plan_annotation_import, record_annotation_import
from sidebyside.operations.matching import reader_link
from sidebyside.store import Workspace

# A character outside the Basic Multilingual Plane before the claims: one code point here,
# two UTF-16 units in JavaScript.
ARTICLE = """# Borrowed army \U0001d11e

The Observatory said an estimated 240 civilians were killed in the raid.

Meridian Press reported that the contractor is paid $9.6 million a month.

This sentence is ordinary prose about the weather in the capital.
"""

SOURCE = """Observatory report

Researchers found that an estimated 240 civilians were killed during the raid on the market town.

The group interviewed 58 people, 37 of them witnesses.
"""

NOTE = 'Checked, with a comma, "quotes" and\na second line.'


@pytest.fixture
def documents(tmp_path: Path) -> tuple[Document, Document]:
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "report.txt").write_text(SOURCE, encoding="utf-8")
    return import_file(tmp_path / "article.md"), import_file(tmp_path / "report.txt")


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _checked_workspace(path: Path, article: Document, source: Document) -> Workspace:
    """Two claims of the reader's (one judged, noted, tagged, with a confirmed passage) and
    a pending suggestion."""
    workspace = Workspace.open(path)
    info = workspace.add_article(article)
    report = workspace.add_source(info.id, source)
    first = workspace.add_claim(info.id, *_span(article.text, "The Observatory said an estimated"))
    workspace.set_verdict(first.id, Verdict.PARTLY_SUPPORTED)
    workspace.save_note(first.id, NOTE)
    workspace.add_tag(first.id, "casualties")
    workspace.add_tag(first.id, "needs a second source")
    start, end = _span(source.text, "an estimated 240 civilians were killed during the raid")
    workspace.add_reader_link(first.id, reader_link(first.text, report.id, source, start, end))
    second = workspace.add_claim(info.id, *_span(article.text, "the contractor is paid"))
    workspace.set_verdict(second.id, Verdict.NOT_IN_SOURCE)
    workspace.add_suggested_claims(info.id, [(*_span(article.text, "ordinary prose"), {})])
    # a suggestion the reader neither accepted nor judged, but noted and tagged: their work
    [noted] = workspace.add_suggested_claims(info.id, [(*_span(article.text, "Meridian"), {})])
    workspace.save_note(noted.id, "Who is Meridian Press? Look for its owner.")
    workspace.add_tag(noted.id, "outlet")
    return workspace


def _state(workspace: Workspace) -> list[tuple[object, ...]]:
    """What a reader would compare: each claim's words and place, verdict, tags, note, and
    its confirmed passages."""
    found = []
    for article in workspace.articles():
        sources = {source.id: source.title for source in workspace.sources_of(article.id)}
        for claim in workspace.claims_of(article.id):
            if claim.is_pending_suggestion and not (workspace.note_of(claim.id) or claim.tags):
                continue
            links = sorted(
                (sources[link.source_id], link.start, link.end, link.text)
                for link in workspace.links_of(claim.id)
                if link.state == "confirmed"
            )
            found.append(
                (
                    article.title,
                    claim.start,
                    claim.end,
                    claim.text,
                    claim.verdict,
                    claim.tags,
                    workspace.note_of(claim.id),
                    tuple(links),
                    claim.orphaned,
                )
            )
    return sorted(found, key=repr)


def test_the_w3c_export_has_one_annotation_per_claim_and_per_confirmed_passage(
    tmp_path: Path, documents: tuple[Document, Document]
) -> None:
    article, source = documents
    with _checked_workspace(tmp_path / "a.sqlite", article, source) as workspace:
        exported = json.loads(export_text(workspace, [workspace.articles()[0].id], "w3c"))
    assert exported["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert exported["type"] == "AnnotationCollection"
    items = exported["first"]["items"]
    # two claims, one passage, the noted suggestion; not the untouched suggestion
    assert exported["total"] == len(items) == 4
    claim, passage, noted, unsupported = items  # in the order of the article
    assert ("commenting", "Who is Meridian Press? Look for its owner.") in {
        (body["purpose"], body["value"]) for body in noted["body"]
    }
    assert claim["type"] == "Annotation"
    quote, position = claim["target"]["selector"]
    assert quote["type"] == "TextQuoteSelector"
    assert quote["exact"] == "The Observatory said an estimated"
    assert quote["prefix"].endswith("\U0001d11e\n\n") and quote["suffix"].startswith(" 240")
    assert position["type"] == "TextPositionSelector"
    # Code points of the canonical text: the clef counts one.
    assert article.text[position["start"] : position["end"]] == quote["exact"]
    assert position["start"] == article.text.index("The Observatory")
    assert claim["target"]["source"]["id"] == Path(article.metadata.address).as_uri()
    bodies = {(body["purpose"], body["value"]) for body in claim["body"]}
    assert ("commenting", NOTE) in bodies
    assert ("assessing", "Partly supported") in bodies
    assert {("tagging", "casualties"), ("tagging", "needs a second source")} <= bodies
    assert all(body["type"] == "TextualBody" for body in claim["body"])
    assert passage["motivation"] == "linking"
    assert {"type": "SpecificResource", "purpose": "linking", "source": claim["id"]} in passage[
        "body"
    ]
    exact, where = passage["target"]["selector"]
    assert source.text[where["start"] : where["end"]] == exact["exact"]
    assert ("assessing", "Not in source") in {
        (b["purpose"], b["value"]) for b in unsupported["body"]
    }


def test_export_then_import_into_a_fresh_workspace_gives_the_same_work_and_twice_adds_nothing(
    tmp_path: Path, documents: tuple[Document, Document]
) -> None:
    article, source = documents
    with _checked_workspace(tmp_path / "a.sqlite", article, source) as original:
        expected = _state(original)
        (tmp_path / "notes.jsonld").write_text(
            export_text(original, [original.articles()[0].id], "w3c"), encoding="utf-8"
        )
    with Workspace.open(tmp_path / "b.sqlite") as fresh:
        info = fresh.add_article(article)
        fresh.add_source(info.id, source)
        summary = record_annotation_import(
            fresh, plan_annotation_import(fresh, tmp_path / "notes.jsonld")
        )
        assert len(summary.anchored) == 4 and not summary.orphans
        assert _state(fresh) == expected
        again = record_annotation_import(
            fresh, plan_annotation_import(fresh, tmp_path / "notes.jsonld")
        )
        assert again.already_there == 4 and not again.anchored
        assert _state(fresh) == expected
        assert len(fresh.claims_of(info.id)) == 3


HYPOTHESIS = {
    "export_date": "2026-03-01T10:00:00.000Z",
    "annotations": [
        {
            "id": "h-1",
            "uri": "https://example.org/borrowed-army",
            "text": "Which raid? The report names the market town.",
            "tags": ["casualties", "raid"],
            "document": {"title": ["Borrowed army"]},
            "target": [
                {
                    "source": "https://example.org/borrowed-army",
                    "selector": [
                        {
                            "type": "RangeSelector",
                            "startContainer": "/p[1]",
                            "endContainer": "/p[1]",
                        },
                        # UTF-16 offsets of the page's own text: off from ours
                        {"type": "TextPositionSelector", "start": 19, "end": 92},
                        {
                            "type": "TextQuoteSelector",
                            "exact": "an estimated 240 civilians\nwere killed in the raid",
                            "prefix": "The Observatory said ",
                            "suffix": ".",
                        },
                    ],
                }
            ],
        },
        {
            "id": "h-2",
            "uri": "https://example.org/borrowed-army",
            "text": "A reply: the wire story gives another figure.",
            "references": ["h-1"],
            "target": [{"source": "https://example.org/borrowed-army"}],
        },
        {
            "id": "h-3",
            "uri": "https://example.org/borrowed-army",
            "text": "This sentence was cut from the article since.",
            "tags": [],
            "target": [
                {
                    "source": "https://example.org/borrowed-army",
                    "selector": [
                        {
                            "type": "TextQuoteSelector",
                            "exact": "the minister resigned on the following morning",
                            "prefix": "",
                            "suffix": "",
                        }
                    ],
                }
            ],
        },
        {
            "id": "h-4",
            "uri": "https://elsewhere.example/an-unrelated-page",
            "text": "Nothing to do with this workspace.",
            "tags": ["other"],
            "document": {"title": ["An unrelated page"]},
            "target": [
                {
                    "source": "https://elsewhere.example/an-unrelated-page",
                    "selector": [{"type": "TextQuoteSelector", "exact": "a quote found nowhere"}],
                }
            ],
        },
    ],
}


def test_a_hypothesis_export_is_anchored_by_quote_and_its_orphans_are_kept(
    tmp_path: Path, documents: tuple[Document, Document], workspace_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    article, _ = documents
    with Workspace.open(workspace_path) as workspace:
        workspace.add_article(
            article.with_metadata(address="https://example.org/borrowed-army/#top")
        )
    exported = tmp_path / "hypothesis.json"
    exported.write_text(json.dumps(HYPOTHESIS), encoding="utf-8")

    assert main(["import", "--workspace", str(workspace_path), str(exported)]) == 0
    printed = capsys.readouterr().out
    assert "Hypothesis export" in printed
    assert "Anchored: 1." in printed
    assert "Left as orphans (kept, shown greyed): 2." in printed
    assert "“the minister resigned on the following morning”: its words are not in" in printed
    assert "no document in the workspace for https://elsewhere.example" in printed

    with Workspace.open(workspace_path) as workspace:
        articles = {info.title: info for info in workspace.articles()}
        claims = workspace.claims_of(articles["Borrowed army \U0001d11e"].id)
        # the orphan comes after the claims in the text: numbers of claims stay as they were
        assert [claim.orphaned for claim in claims] == [False, True]
        anchored = next(claim for claim in claims if not claim.orphaned)
        assert anchored.text == "an estimated 240 civilians were killed in the raid"
        assert anchored.origin == "reader"
        assert anchored.tags == ("casualties", "raid")
        note = workspace.note_of(anchored.id)
        assert "Which raid?" in note and "A reply: the wire story" in note
        cut = next(claim for claim in claims if claim.orphaned)
        assert cut.text == "the minister resigned on the following morning"
        assert workspace.note_of(cut.id) == "This sentence was cut from the article since."
        # The page the workspace does not hold: a placeholder article keeps its annotation.
        placeholder = articles["An unrelated page"]
        assert placeholder.address == "https://elsewhere.example/an-unrelated-page"
        (kept,) = workspace.claims_of(placeholder.id)
        assert kept.orphaned and kept.text == "a quote found nowhere" and kept.tags == ("other",)

    assert main(["import", "--workspace", str(workspace_path), str(exported)]) == 0
    assert "Already in the workspace (not added again): 3; new notes" in capsys.readouterr().out
    with Workspace.open(workspace_path) as workspace:
        assert len(workspace.articles()) == 2
        assert sum(len(workspace.claims_of(a.id)) for a in workspace.articles()) == 3


def test_a_file_that_holds_no_annotations_is_refused_in_one_line(
    tmp_path: Path, workspace_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    Workspace.open(workspace_path).close()
    other = tmp_path / "other.json"
    other.write_text('{"name": "not annotations"}', encoding="utf-8")
    assert main(["import", "--workspace", str(workspace_path), str(other)]) == 2
    assert "holds neither W3C Web Annotations nor a Hypothesis export" in capsys.readouterr().err


def test_a_hypothesis_annotation_on_a_source_page_becomes_a_note_on_that_source(
    tmp_path: Path, documents: tuple[Document, Document], workspace_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    article, source = documents
    with Workspace.open(workspace_path) as workspace:
        info = workspace.add_article(article)
        report = workspace.add_source(
            info.id, source.with_metadata(address="https://observatory.example/report")
        )
    highlight = {
        "export_date": "2026-11-30T10:00:00Z",
        "annotations": [
            {
                "id": "src-1",
                "uri": "https://observatory.example/report",
                "text": "Only 58 people were interviewed: a small sample.",
                "tags": ["method"],
                "target": [
                    {
                        "source": "https://observatory.example/report",
                        "selector": [
                            {
                                "type": "TextQuoteSelector",
                                "exact": "The group interviewed 58 people",
                            }
                        ],
                    }
                ],
            }
        ],
    }
    path = tmp_path / "on-the-source.json"
    path.write_text(json.dumps(highlight), encoding="utf-8")

    assert main(["import", "--workspace", str(workspace_path), str(path)]) == 0
    assert "a note on the source" in capsys.readouterr().out
    with Workspace.open(workspace_path) as workspace:
        note = workspace.document_note_of(report.id)
        assert "> The group interviewed 58 people" in note
        assert "a small sample" in note and "Tags: method" in note
        assert all(not claim.orphaned for claim in workspace.claims_of(info.id))
    assert main(["import", "--workspace", str(workspace_path), str(path)]) == 0  # twice: once
    with Workspace.open(workspace_path) as workspace:
        assert workspace.document_note_of(report.id).count("interviewed 58 people") == 1
