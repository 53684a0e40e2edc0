"""A reader's note rendered for the preview: Markdown formatted, raw HTML shown as the
characters typed, images as words, and no link that would run code."""

from __future__ import annotations

import time
from html.parser import HTMLParser

from sidebyside.core.note_markdown import MAX_BRACKETS_PER_BLOCK, is_unsafe_target, note_html


class Elements(HTMLParser):
    """The tags, attributes and text of rendered HTML."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text = ""
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text += data


def test_markdown_is_formatted() -> None:
    html = note_html(
        "# Checked\n\n**bold** and *leaning*, `code`\n\n- one\n- two\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n```\nfenced\n```"
    )
    tags = Elements(html).tags
    for tag in ("h1", "strong", "em", "code", "ul", "li", "table", "td", "pre"):
        assert tag in tags, tag


def test_raw_html_is_shown_as_the_characters_typed() -> None:
    note = "Ask <b>them</b>: <script>alert('x')</script>\n\n<div>\na block\n</div>\n\n<img src=x>"
    found = Elements(note_html(note))
    assert found.tags == ["p", "p", "p"]
    assert "<b>them</b>" in found.text
    assert "<script>alert('x')</script>" in found.text
    assert "<div>" in found.text and "<img src=x>" in found.text


def test_code_keeps_its_angle_brackets_as_text() -> None:
    found = Elements(note_html("`<b>` and\n\n```\n<i>x</i>\n```"))
    assert "b" not in found.tags and "i" not in found.tags
    assert "<b>" in found.text and "<i>x</i>" in found.text


def test_an_image_is_its_words_and_nothing_to_load() -> None:
    found = Elements(
        note_html(
            "See ![the chart](http://example.com/a.png) and ![](b.png)\n\n"
            "![by reference][r]\n\n[r]: https://example.com/c.png"
        )
    )
    assert "img" not in found.tags
    assert not any(name == "src" for name, _ in found.attributes)
    assert "[image: the chart]" in found.text
    assert "[image]" in found.text
    assert "[image: by reference]" in found.text


def test_a_link_that_would_run_code_is_plain_words() -> None:
    found = Elements(
        note_html("[one](javascript:alert(1)) [two]( DATA:text/html,hi) [three](https://a.example)")
    )
    hrefs = [value for name, value in found.attributes if name == "href"]
    assert hrefs == ["https://a.example"]
    assert "one" in found.text and "two" in found.text


def test_unsafe_targets() -> None:
    assert is_unsafe_target("javascript:alert(1)")
    assert is_unsafe_target("  VBScript:x")
    assert is_unsafe_target("java\tscript:x")
    assert not is_unsafe_target("https://example.com/javascript:")
    assert not is_unsafe_target("#section")


def test_a_block_of_brackets_does_not_hold_up_typing() -> None:
    started = time.perf_counter()
    html = note_html("[" * (MAX_BRACKETS_PER_BLOCK * 10) + "\n\nthen **bold**")
    assert time.perf_counter() - started < 1.0
    assert "<strong>bold</strong>" in html
    assert "[" * 50 in Elements(html).text


def test_an_empty_note_is_empty() -> None:
    assert note_html("") == ""
    assert note_html("\n  \n") == ""
