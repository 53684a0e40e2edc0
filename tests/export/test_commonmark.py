"""The export read by a CommonMark parser (markdown-it-py, as Obsidian, GitHub and most
tools read Markdown): whatever a note holds, every claim keeps its heading, in order, and
no note turns into a live script, a raw HTML block or a link that runs code."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from sidebyside.core.document import DocumentBuilder, Metadata
from sidebyside.core.verdicts import Verdict
from sidebyside.operations import export_text
from sidebyside.store import Workspace

HOSTILE_NOTES = [
    "```\nan unclosed fence",
    "```\nopened\n```python\nprint('still code?')\n",
    "~~~\ntilde fence left open",
    "````\nfour backticks ``` inside\n",
    "    indented code\n    continues",
    "# A heading of my own\n## and another",
    "Setext heading\n===",
    "---\nfront: matter?\n---",
    "<script>alert('x')</script>",
    "<details><summary>open</summary>\n\nnever closed",
    "<!-- a comment that never closes",
    "<div>\n\nraw block\n",
    "[click](javascript:alert(1)) and [data](data:text/html,<b>x</b>)",
    "<javascript:alert(1)>",
    "> quote\n> > nested\n> > > deeper",
    "- list\n  - nested\n    - deeper\n\n      code in a list",
    "1. one\n2) two\n\n3. three",
    "| table | head |\n|---|---|\n| cell |",
    "a line with a NUL \x00 and an escape \x1b[31m red",
    "`inline <b>code</b>` and ``` ``backticks`` ```",
    "\\",
    "*unclosed emphasis and _underscore",
    '[ref]: https://example.org "title"\n[ref]',
    "<https://example.org> and https://example.org/a_(b)",
    "text with trailing spaces  \nhard break",
    "\n\n\n",
    "> ```\n> fence in a quote",
    "- ```\n  fence in a list item",
    "$$ math $$ and <span style='x'>",
    "=" * 40,
]


def build(path: Path) -> tuple[Workspace, int]:
    workspace = Workspace.open(path)
    builder = DocumentBuilder()
    for number in range(len(HOSTILE_NOTES)):
        builder.add(f"The agency said {number + 10} wells ran dry in round {number}.")
    document = builder.build(Metadata(title="Wells of the valley"))
    article = workspace.add_article(document)
    for number, block in enumerate(document.blocks):
        claim = workspace.add_claim(article.id, block.start, block.end)
        workspace.save_note(claim.id, HOSTILE_NOTES[number])
        workspace.set_verdict(claim.id, Verdict.SUPPORTED if number % 2 else Verdict.UNREVIEWED)
    return workspace, article.id


@pytest.fixture
def rendered(tmp_path: Path) -> tuple[list, str]:  # type: ignore[type-arg]
    workspace, article_id = build(tmp_path / "w.sqlite")
    try:
        text = export_text(workspace, [article_id])
    finally:
        workspace.close()
    assert text.startswith("---\n")
    body = text.split("\n---\n", 1)[1]  # front matter, read apart by the tools that read it
    parser = MarkdownIt("commonmark")
    return parser.parse(body), parser.render(body)


def test_every_claim_keeps_its_heading_in_order(rendered) -> None:  # type: ignore[no-untyped-def]
    tokens, _html = rendered
    headings = [
        tokens[index + 1].content
        for index, token in enumerate(tokens)
        if token.type == "heading_open" and token.tag == "h2"
    ]
    expected = [
        f"Claim {number + 1}: {'Supported' if number % 2 else 'Unreviewed'}"
        for number in range(len(HOSTILE_NOTES))
    ]
    assert headings == expected
    # notes never open a heading at the level of a claim or the article
    assert len([t for t in tokens if t.type == "heading_open" and t.tag == "h1"]) == 1


def test_no_note_becomes_live_html_or_a_code_running_link(rendered) -> None:  # type: ignore[no-untyped-def]
    tokens, html = rendered
    assert "<script" not in html and "<details" not in html and "<div>" not in html
    assert not [t for t in tokens if t.type == "html_block"]
    links = [
        child.attrs.get("href", "")
        for token in tokens
        if token.children
        for child in token.children
        if child.type == "link_open"
    ]
    assert links, "ordinary links should stay links"
    assert not [href for href in links if str(href).lower().startswith(("javascript:", "data:"))]
    assert "\x00" not in html and "\x1b" not in html
