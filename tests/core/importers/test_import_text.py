"""Plain text and Markdown: paragraphs, headings, quotes, lists and code, without markup."""

from __future__ import annotations

from pathlib import Path

from sidebyside.core.document import BlockKind
from sidebyside.core.importers import import_bytes, import_file


def blocks_of(document):  # type: ignore[no-untyped-def]
    return [
        (block.kind, block.level, document.text[block.start : block.end])
        for block in document.blocks
    ]


def test_text_paragraphs_split_on_blank_lines_and_lines_joined() -> None:
    data = b"First line\nof the first paragraph.\n\n  \nSecond paragraph\r\nin two lines.\n"

    document = import_bytes(data, "notes.txt")

    assert document.text == "First line of the first paragraph.\n\nSecond paragraph in two lines."
    assert document.format == "text"
    assert document.metadata.title == "notes"


def test_text_lists_become_list_items() -> None:
    document = import_bytes(b"Findings:\n\n- one thing\n- another thing\n", "list.txt")

    assert blocks_of(document)[1:] == [
        (BlockKind.LIST_ITEM, 1, "one thing"),
        (BlockKind.LIST_ITEM, 1, "another thing"),
    ]


def test_text_without_extension_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "README"
    path.write_text("Just some words.\n")

    assert import_file(path).text == "Just some words."


def test_a_50_mb_text_imports_whole() -> None:
    """Its speed is measured in benchmarks/extraction.py; here, that nothing is lost."""
    paragraph = ("The report counted 1,204 cases in the region during the year. " * 6).strip()
    data = ((paragraph + "\n\n") * (50 * 2**20 // (len(paragraph) + 2))).encode()
    assert len(data) > 49 * 2**20

    document = import_bytes(data, "big.txt")

    assert len(document.blocks) == data.count(b"\n\n")
    assert document.text.count("1,204 cases") == 6 * len(document.blocks)


MARKDOWN = """---
title: "Field notes"
author: A. Researcher
date: 2023-10-01
---

# Survey results

Most respondents (**62 percent**) said they *trusted* the [local paper](https://example.org).

> Quoted from the council's statement
> on two lines.

## Details

1. First item with `inline code`
2. Second item
    - nested item

```
code line one
code line two
```

![A chart](https://images.example.net/chart.png)
"""


def test_markdown_blocks_and_no_markup() -> None:
    document = import_bytes(MARKDOWN.encode(), "notes.md")

    assert blocks_of(document) == [
        (BlockKind.HEADING, 1, "Survey results"),
        (
            BlockKind.PARAGRAPH,
            0,
            "Most respondents (62 percent) said they trusted the local paper.",
        ),
        (BlockKind.QUOTE, 0, "Quoted from the council's statement on two lines."),
        (BlockKind.HEADING, 2, "Details"),
        (BlockKind.LIST_ITEM, 1, "First item with inline code"),
        (BlockKind.LIST_ITEM, 1, "Second item"),
        (BlockKind.LIST_ITEM, 2, "nested item"),
        (BlockKind.PREFORMATTED, 0, "code line one\ncode line two"),
    ]
    assert "http" not in document.text
    assert document.format == "markdown"


def test_markdown_front_matter_gives_metadata() -> None:
    metadata = import_bytes(MARKDOWN.encode(), "notes.md").metadata

    assert (metadata.title, metadata.author, metadata.date) == (
        "Field notes",
        "A. Researcher",
        "2023-10-01",
    )


def test_markdown_title_falls_back_to_first_heading() -> None:
    document = import_bytes(b"# A heading\n\nText.\n", "x.markdown")

    assert document.metadata.title == "A heading"


def test_markdown_raw_html_scripts_are_dropped() -> None:
    data = b"Before.\n\n<script>alert('SCRIPT-TEXT')</script>\n\nAfter.\n"

    document = import_bytes(data, "x.md")

    assert "SCRIPT-TEXT" not in document.text
    assert "Before." in document.text and "After." in document.text


def test_a_first_line_that_reads_as_a_title_is_the_heading(tmp_path: Path) -> None:
    path = tmp_path / "finance.txt"
    path.write_text(
        "Finance Office\nPress release, 3 May 2026\n\nThe office said 12 schools reopened.\n",
        encoding="utf-8",
    )
    document = import_file(path)
    assert document.title == "Finance Office"
    assert document.text.split("\n\n") == [
        "Finance Office",
        "Press release, 3 May 2026",
        "The office said 12 schools reopened.",
    ]
