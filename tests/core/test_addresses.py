"""Link addresses: absolute, without tracking, and only those that lead to a source."""

from __future__ import annotations

import pytest

from sidebyside.core.addresses import normalise_address

PAGE = "https://news.example.org/world/2024/story.html"


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("report.pdf", "https://news.example.org/world/2024/report.pdf"),
        ("../data/table.csv", "https://news.example.org/world/data/table.csv"),
        ("/about", "https://news.example.org/about"),
        ("//cdn.example.net/x", "https://cdn.example.net/x"),
        (
            "https://Example.COM/a?utm_source=tw&utm_medium=social&id=7&fbclid=xyz",
            "https://example.com/a?id=7",
        ),
        ("HTTP://Example.com/p?gclid=1&mc_cid=2&mc_eid=3&ref_src=twsrc", "http://example.com/p"),
        ("https://example.com/page#", "https://example.com/page"),
        ("https://example.com/page#section-2", "https://example.com/page#section-2"),
        ("https://example.com:443/x", "https://example.com/x"),
        ("https://example.com:8080/x", "https://example.com:8080/x"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/a%20b?q=two%20words", "https://example.com/a%20b?q=two%20words"),
        (" https://example.com/\n  wrapped ", "https://example.com/wrapped"),
    ],
)
def test_addresses_are_made_absolute_and_clean(href: str, expected: str) -> None:
    assert normalise_address(href, PAGE) == expected


@pytest.mark.parametrize(
    "href",
    [
        "mailto:press@example.org",
        "javascript:void(0)",
        "JavaScript:alert(1)",
        "data:text/html;base64,PGI+",
        "tel:+15551234",
        "#",
        "",
        "https://",
    ],
)
def test_links_that_are_no_citation_are_left_out(href: str) -> None:
    assert normalise_address(href, PAGE) is None


def test_a_relative_link_without_a_page_address_is_left_out() -> None:
    assert normalise_address("report.pdf", "") is None
    assert normalise_address("https://example.com/r", "") == "https://example.com/r"


def test_normalising_twice_changes_nothing() -> None:
    once = normalise_address("https://EXAMPLE.com/a?x=1&utm_campaign=z&y=%C3%A9", PAGE)
    assert once == "https://example.com/a?x=1&y=%C3%A9"
    assert normalise_address(once or "", PAGE) == once
