"""Backslash escapes in Markdown read as the characters they protect, as in CommonMark."""

from __future__ import annotations

from pathlib import Path

from sidebyside.core.importers import import_file


def test_escaped_punctuation_loses_its_backslash(tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    path.write_text(
        "Reuters reported the contract could be worth \\$10.8 million a month \\& more.\n\n"
        "A literal \\*star\\* and \\<b\\>tag\\</b\\> stay text.\n",
        encoding="utf-8",
    )
    text = import_file(path).text
    assert "worth $10.8 million a month & more." in text
    assert "A literal *star* and <b>tag</b> stay text." in text
    assert "\\" not in text
