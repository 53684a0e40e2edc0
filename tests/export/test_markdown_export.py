"""The Markdown export: structure a reader and a parser can rely on, whatever the notes hold."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import markdown

from sidebyside.core.document import DocumentBuilder, Metadata
from sidebyside.core.verdicts import Verdict
from sidebyside.export.content import collect
from sidebyside.export.markdown import export_markdown
from sidebyside.records import DifferenceRecord
from sidebyside.store import Workspace
from sidebyside.store.links import NewLink

HOSTILE_NOTE = """# My heading
Some *emphasis* and <script>alert('x')</script> and <b>bold html</b>.

```
an unclosed fence
"""


class Outline(HTMLParser):
    """Records the top-level structure of rendered HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.texts: dict[str, list[str]] = {}
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._stack and self._stack[-1] == tag:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if self._stack:
            self.texts.setdefault(self._stack[-1], []).append(data)


def build_workspace(workspace: Workspace) -> None:
    builder = DocumentBuilder()
    builder.add("Officials said *1,400* instructors <arrived> in 2025.")
    builder.add("The statement called it [fake] news.")
    document = builder.build(Metadata(title="Borrowed Army", author="N. F."))
    article = workspace.add_article(document)
    first_block, second_block = document.blocks
    source_builder = DocumentBuilder()
    source_builder.add("Some 1,100 instructors arrived in 2025, officials said.")
    source = workspace.add_source(
        article.id, source_builder.build(Metadata(title="Wire story", publisher="Meridian Press"))
    )
    first = workspace.add_claim(article.id, first_block.start, first_block.end)
    second = workspace.add_claim(article.id, second_block.start, second_block.end)
    workspace.set_verdict(first.id, Verdict.CONTRADICTED)
    workspace.replace_suggested_links(
        first.id,
        [
            NewLink(
                source.id,
                0,
                55,
                0.91,
                ("shares 4 content words",),
                (
                    DifferenceRecord(
                        "number", "The article says 1,400; the source says 1,100.", 16, 21, 5, 10
                    ),
                ),
            )
        ],
        "key",
    )
    workspace.save_note(first.id, HOSTILE_NOTE)
    workspace.save_note(second.id, "Plain note.\n---\nafter a rule")


def test_export_has_one_section_per_claim_in_document_order(workspace: Workspace) -> None:
    build_workspace(workspace)
    [article] = workspace.articles()
    text = export_markdown(
        collect(
            [workspace.article_report(article.id)],
            workspace=workspace.path,
            exported_on=date(2026, 11, 27),
        )
    )
    html = markdown.markdown(text.split("---\n", 2)[2], extensions=["fenced_code"])
    outline = Outline()
    outline.feed(html)

    assert outline.tags.count("h1") == 1
    assert outline.texts["h1"] == ["Borrowed Army"]
    claim_headings = outline.texts["h2"]
    assert claim_headings == ["Claim 1: Contradicted", "Claim 2: Unreviewed"]
    # the note's own "# My heading" is demoted below the claim, never a new claim or article
    assert "My heading" in outline.texts["h4"]
    assert outline.tags.count("h3") == 2  # "Notes" under each claim
    # claim text and passage are blockquotes, markup in them shown literally
    assert "blockquote" in outline.tags
    assert "*1,400* instructors <arrived>" in html.replace("&lt;", "<").replace("&gt;", ">")
    assert "[fake]" in html
    # raw HTML in a note is shown as text, not rendered
    assert "<script>" not in html and "<b>bold html</b>" not in html
    assert "The article says 1,400; the source says 1,100." in text
    assert "Wire story" in text and "Suggested by sidebyside, score 0.91" in text


def test_unclosed_fence_in_a_note_does_not_swallow_the_next_claim(workspace: Workspace) -> None:
    build_workspace(workspace)
    [article] = workspace.articles()
    text = export_markdown(
        collect([workspace.article_report(article.id)], workspace=workspace.path)
    )
    fence_lines = [line for line in text.splitlines() if line.startswith("```")]
    assert len(fence_lines) % 2 == 0
    claim_two = text.index("## Claim 2")
    assert text.count("```", 0, claim_two) == 2


def test_front_matter_is_valid_for_obsidian(workspace: Workspace) -> None:
    build_workspace(workspace)
    [article] = workspace.articles()
    text = export_markdown(
        collect(
            [workspace.article_report(article.id)],
            workspace=workspace.path,
            exported_on=date(2026, 1, 2),
        )
    )
    assert text.startswith("---\nexported_by: sidebyside\nexported_on: 2026-01-02\n---\n")


def test_claim_without_passages_says_so(workspace: Workspace) -> None:
    builder = DocumentBuilder()
    builder.add("A lone claim with 5 numbers.")
    article = workspace.add_article(builder.build(Metadata(title="Lone")))
    workspace.add_claim(article.id, 0, 28)
    text = export_markdown(
        collect([workspace.article_report(article.id)], workspace=workspace.path)
    )
    assert "No passage of the attached sources is linked" in text


def test_each_article_opens_with_a_count_of_verdicts(workspace: Workspace) -> None:
    build_workspace(workspace)
    [article] = workspace.articles()
    text = export_markdown(
        collect([workspace.article_report(article.id)], workspace=workspace.path)
    )
    assert "**2 claims: 1 contradicted, 1 unreviewed.**" in text


def test_a_claim_worded_as_another_source_says_so_by_their_names(workspace: Workspace) -> None:
    from sidebyside.store import SuggestionRecord

    builder = DocumentBuilder()
    builder.add("The trust said herons are thriving on the Orlen.")
    article = workspace.add_article(builder.build(Metadata(title="Herons")))
    sources = []
    for title, publisher in (("Annual survey 2025", "Orlen Valley Trust"), ("Herons", "Gazette")):
        source_builder = DocumentBuilder()
        source_builder.add("Herons are thriving on the Orlen.")
        sources.append(
            workspace.add_source(
                article.id, source_builder.build(Metadata(title=title, publisher=publisher))
            )
        )
    claim = workspace.add_claim(article.id, 0, 48)
    workspace.replace_suggested_links(
        claim.id,
        [NewLink(sources[1].id, 0, 33, 0.9, support="supports", wording=0.95)],
        "key",
        SuggestionRecord(Verdict.MISATTRIBUTED, (sources[0].id,), sources[1].id),
    )
    text = export_markdown(
        collect(
            [workspace.article_report(article.id)],
            workspace=workspace.path,
            exported_on=date(2026, 1, 1),
        )
    )
    assert "*The passages suggest: misattributed.*" in text
    assert "*Credited to Orlen Valley Trust; the wording is Gazette’s.*" in text
    assert "Suggested by sidebyside, supports the claim, score 0.90" in text


def test_a_confirmed_passage_stands_for_its_source_in_the_export(workspace: Workspace) -> None:
    builder = DocumentBuilder()
    builder.add("The trust counted 412 pairs of herons.")
    article = workspace.add_article(builder.build(Metadata(title="Herons")))
    source_builder = DocumentBuilder()
    source_builder.add("The trust counted 412 pairs of herons in the spring.")
    source_builder.add("Volunteers walked forty kilometres of bank.")
    source = workspace.add_source(
        article.id, source_builder.build(Metadata(title="Survey", publisher="Orlen Trust"))
    )
    claim = workspace.add_claim(article.id, 0, 38)
    first, second = workspace.replace_suggested_links(
        claim.id,
        [
            NewLink(source.id, 0, 52, 0.9, support="supports"),
            NewLink(source.id, 54, 97, 0.2, support="partly_supports"),
        ],
        "key",
    )
    workspace.set_link_state(second.id, "confirmed")  # the reader chose the other passage
    text = export_markdown(
        collect(
            [workspace.article_report(article.id)],
            workspace=workspace.path,
            exported_on=date(2026, 1, 1),
        )
    )
    assert "Volunteers walked forty kilometres" in text
    assert "The trust counted 412 pairs of herons in the spring." not in text


def test_a_note_cannot_break_out_run_code_or_carry_control_characters() -> None:
    from sidebyside.export.markdown_text import contain_note

    note = (
        "Compare `<b>` with the source and see [this](javascript:alert(1)) or "
        "[that](DATA:text/html,hi).\x00\n\n"
        "```\nfirst\n```python\nstill inside the fence\n```\n\n# Mine"
    )
    contained = contain_note(note, min_heading_level=4)
    assert "`<b>`" in contained  # code shows its text as it is
    assert "javascript:" not in contained.lower() and "data:" not in contained.lower()
    assert "\x00" not in contained
    lines = contained.split("\n")
    # "```python" does not close the fence (CommonMark): the plain "```" after it does
    assert lines.index("```python") < lines.index("still inside the fence")
    assert lines[-1] == "#### Mine"
    html = markdown.markdown(contained, extensions=["fenced_code"])
    assert "<h4>Mine</h4>" in html


def test_a_claims_tags_are_in_the_markdown_export(built) -> None:  # type: ignore[no-untyped-def]
    from sidebyside.operations import export_text

    with Workspace.open(built.path) as workspace:
        text = export_text(workspace, [built.article_id], "markdown")
    first = text.split("## Claim 1:")[1].split("## Claim 2:")[0]
    assert "Tags: disputed, military aid" in first
