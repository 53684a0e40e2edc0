"""Notes on the article and on its sources go out in the Markdown export, each under its
own heading, kept inside it whatever they hold."""

from __future__ import annotations

import markdown

from sidebyside.core.document import DocumentBuilder, Metadata
from sidebyside.operations.export import export_text
from sidebyside.store import Workspace


def make_document(text: str, title: str):  # type: ignore[no-untyped-def]
    builder = DocumentBuilder()
    builder.add(text)
    return builder.build(Metadata(title=title))


def test_notes_on_the_article_and_a_source_are_exported_under_their_headings(
    workspace: Workspace,
) -> None:
    article = workspace.add_article(
        make_document("The ferry carried 410 passengers on its last crossing.", "Ferry story")
    )
    logbook = workspace.add_source(
        article.id, make_document("Passengers: 402. Crew: 11.", "Harbour logbook")
    )
    workspace.add_source(article.id, make_document("No figure given.", "Press release"))
    workspace.add_claim(article.id, 0, 54)
    workspace.save_document_note(article.id, "Asked the desk for the *byline*.")
    workspace.save_document_note(logbook.id, "# Scanned copy\nPage 2 is torn.")

    text = export_text(workspace, [article.id])

    assert "## Notes on the article\n\nAsked the desk for the *byline*." in text
    assert "## Notes on “Harbour logbook”" in text
    assert "Press release”" not in text  # no note, no heading
    # a heading typed in the note stays below the note's own heading
    assert "### Scanned copy" in text and "\n# Scanned copy" not in text
    assert text.index("## Notes on the article") < text.index("## Claim 1")
    html = markdown.markdown(text)
    assert "<h2>Notes on “Harbour logbook”</h2>" in html


def test_an_article_without_notes_exports_as_before(workspace: Workspace) -> None:
    article = workspace.add_article(make_document("A short article of one claim.", "Plain"))
    workspace.save_document_note(article.id, "   ")
    assert "Notes on" not in export_text(workspace, [article.id])
