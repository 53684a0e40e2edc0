"""Find matches what a reader types: any case, any spacing, straight or curly quotes."""

from __future__ import annotations

from sidebyside.core.spans import Span
from sidebyside.core.text_search import find_all

TEXT = "The ministry’s “special operation” began.\nThe  Ministry said so."


def test_case_and_spacing_do_not_matter() -> None:
    hits = find_all(TEXT, "the ministry")
    assert [hit.of(TEXT) for hit in hits] == ["The ministry", "The  Ministry"]


def test_straight_quotes_find_curly_ones() -> None:
    assert [hit.of(TEXT) for hit in find_all(TEXT, "ministry's")] == ["ministry’s"]
    assert [hit.of(TEXT) for hit in find_all(TEXT, '"special operation"')] == [
        "“special operation”"
    ]


def test_words_break_across_lines() -> None:
    assert [hit.of(TEXT) for hit in find_all(TEXT, "began. the")] == ["began.\nThe"]


def test_nothing_typed_finds_nothing_and_symbols_are_literal() -> None:
    assert find_all(TEXT, "   ") == []
    assert find_all("a.b axb", "a.b") == [Span(0, 3)]


def test_hits_stop_at_the_limit() -> None:
    assert len(find_all("ab " * 100, "ab", limit=10)) == 10
