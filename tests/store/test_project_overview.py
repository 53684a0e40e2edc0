"""The project at a glance: each article's claims by verdict, each source's articles."""

from __future__ import annotations

from sidebyside.core.document import DocumentBuilder, Metadata
from sidebyside.core.verdicts import Verdict
from sidebyside.store import Workspace


def make_document(*paragraphs: str, title: str):  # type: ignore[no-untyped-def]
    builder = DocumentBuilder()
    for paragraph in paragraphs:
        builder.add(paragraph)
    return builder.build(Metadata(title=title))


def test_each_article_lists_its_sources_and_claims_by_verdict(workspace: Workspace) -> None:
    bridges = workspace.add_article(
        make_document(
            "The bridge cost 12 million to repair.",
            "It reopened in May after four months.",
            "Traffic doubled since, the council said.",
            title="Bridges",
        )
    )
    survey = workspace.add_source(
        bridges.id, make_document("Repairs: 11.8 million.", title="Survey")
    )
    first, second, third = (
        workspace.add_claim(bridges.id, 0, 37),
        workspace.add_claim(bridges.id, 39, 76),
        workspace.add_claim(bridges.id, 78, 118),
    )
    workspace.set_verdict(first.id, Verdict.SUPPORTED)
    workspace.set_verdict(second.id, Verdict.CONTRADICTED)
    workspace.set_dismissed(third.id, True)  # not counted
    empty = workspace.add_article(make_document("Nothing checked yet.", title="Draft"))

    overview = workspace.project_overview()

    by_title = {progress.article.title: progress for progress in overview.articles}
    assert by_title["Bridges"].summary == "2 claims: 1 supported, 1 contradicted"
    assert [source.title for source in by_title["Bridges"].sources] == ["Survey"]
    assert by_title["Draft"].summary == "0 claims" and by_title["Draft"].sources == ()
    assert [(use.source.id, [a.id for a in use.articles]) for use in overview.sources] == [
        (survey.id, [bridges.id])
    ]
    assert {progress.article.id for progress in overview.articles} == {bridges.id, empty.id}
