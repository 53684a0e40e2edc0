"""The save dialog's choice: the file type picked, unless the name typed says otherwise."""

from __future__ import annotations

from pathlib import Path

from sidebyside.export.formats import FORMATS, format_of


def test_the_file_type_chosen_decides_between_formats_that_share_a_suffix() -> None:
    obsidian = FORMATS["obsidian"].file_filter
    assert format_of(Path("notes.md"), obsidian).name == "obsidian"
    assert format_of(Path("notes"), obsidian).name == "obsidian"
    assert format_of(Path("notes.md"), FORMATS["markdown"].file_filter).name == "markdown"


def test_a_suffix_typed_for_another_format_wins_and_nothing_known_means_markdown() -> None:
    assert format_of(Path("claims.csv"), FORMATS["markdown"].file_filter).name == "csv"
    assert format_of(Path("reviews.jsonld")).name == "claimreview"
    assert format_of(Path("sources.json")).name == "csl"
    assert format_of(Path("notes.txt")).name == "markdown"
