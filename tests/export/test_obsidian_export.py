"""Obsidian notes: properties in the front matter, a block id per claim, quote callouts."""

from __future__ import annotations

import re

import yaml
from markdown_it import MarkdownIt

from sidebyside.export.obsidian import obsidian_tag
from sidebyside.operations import export_text
from sidebyside.store import Workspace

from .conftest import CLAIMS, REPORT, WIRE, Built


def split(text: str) -> tuple[dict, str]:  # type: ignore[type-arg]
    assert text.startswith("---\n")
    head, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body


def test_front_matter_holds_title_author_date_sources_and_tags(
    workspace: Workspace, built: Built
) -> None:
    properties, _ = split(export_text(workspace, [built.article_id], "obsidian"))
    assert properties["title"] == "Borrowed Army"
    assert properties["author"] == "Jane Doe; Ana de la Cruz"
    assert properties["date"] == "2024-05-01"
    assert properties["source"] == "https://courier.example/borrowed-army"
    assert properties["sources"] == [
        "[[Instructors arrive, officials say]]",
        "[[Annual survey, 2025]]",
    ]
    assert properties["tags"] == ["disputed", "military-aid"]
    assert properties["exported_by"] == "sidebyside"


def test_each_claim_has_a_block_id_and_its_quotes_are_callouts(
    workspace: Workspace, built: Built
) -> None:
    _, body = split(export_text(workspace, [built.article_id], "obsidian"))
    assert re.findall(r"^\^claim-(\d+)$", body, re.MULTILINE) == ["1", "2", "3"]
    tokens = MarkdownIt("commonmark").parse(body)
    quotes = sum(token.type == "blockquote_open" for token in tokens)
    assert quotes == len(CLAIMS) + 2  # each claim, the confirmed passage, the best other one
    assert "> [!quote] Article, paragraph 1\n> Officials said 1,400 instructors" in body
    assert (
        "> [!quote] [[Instructors arrive, officials say]], paragraph 1 · "
        "Confirmed by the reader, at odds with the claim\n> " + WIRE[0]
    ) in body
    assert "[[Annual survey, 2025]], paragraph 1 · Suggested by sidebyside" in body
    assert f"> {REPORT[0]}" in body
    # the block id stands on a line of its own, apart from the callout it names
    claim_one = body.split("## Claim 1:", 1)[1]
    assert claim_one.index("^claim-1") > claim_one.index("> Officials said")
    assert "\n\n^claim-1\n\n" in claim_one
    assert "Tags: #disputed #military-aid" in claim_one


def test_a_note_cannot_break_out_of_its_claim(workspace: Workspace, built: Built) -> None:
    _, body = split(export_text(workspace, [built.article_id], "obsidian"))
    html = MarkdownIt("commonmark").render(body)
    assert "<script>" not in html and "<b>bold</b>" not in html
    assert body.index("## Claim 2") > body.index("HYPERLINK")


def test_tags_are_spelled_as_obsidian_reads_them() -> None:
    assert obsidian_tag("military aid") == "military-aid"
    assert obsidian_tag("  budget/2025 ") == "budget/2025"
    assert obsidian_tag("2025") == "tag-2025"
    assert obsidian_tag("quelle #source?") == "quelle-source"


def test_notes_on_the_article_and_a_source_go_in_too(workspace: Workspace, built: Built) -> None:
    workspace.save_document_note(built.article_id, "Second byline is a pseudonym.")
    workspace.save_document_note(built.report_id, "# Method\nCounted from *satellite* images.")
    _, body = split(export_text(workspace, [built.article_id], "obsidian"))
    assert "## Notes on the article\n\nSecond byline is a pseudonym." in body
    assert "## Notes on “Annual survey, 2025”\n\n### Method" in body
    assert body.index("Notes on the article") < body.index("## Claim 1")
