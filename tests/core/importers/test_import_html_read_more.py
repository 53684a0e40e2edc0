"""Saved and fetched web pages keep the links a news article cites by: a "Read the full
statement" line alone under a paragraph (which trafilatura drops as a paragraph of links),
and relative links of a page that names no address of its own, resolved against where it
was fetched from."""

from __future__ import annotations

from sidebyside.core.importers import import_bytes

BODY = (
    "The Dovrak Water Board said that repairing the network would cost 2.4 million euros and "
    "take two years, in a statement it published after three weeks without running water."
)
OTHER = (
    "Residents have been queuing at tankers sent by the regional government since the end of "
    "March, and the mayor has called on the ministry to send engineers to the town at once."
)


def page(line: str, canonical: str = "https://news.example.org/2026/dovrak") -> bytes:
    head = f"<link rel='canonical' href='{canonical}'>" if canonical else ""
    return (
        f"<html><head><title>Dovrak</title>{head}</head><body>"
        "<nav><p><a href='/subscribe'>Read more stories</a></p></nav>"
        f"<article><h1>Dovrak without water</h1><p>{BODY}</p>{line}<p>{OTHER}</p></article>"
        "</body></html>"
    ).encode()


def links(data: bytes, **keywords: str) -> tuple[str, list[tuple[str, str]]]:
    document = import_bytes(data, "dovrak.html", **keywords)
    return document.text, [(document.text[k.start : k.end], k.address) for k in document.links]


def test_a_read_the_statement_line_under_a_paragraph_is_kept_with_its_link() -> None:
    line = (
        "<p><a href='../reports/statement.pdf?utm_source=article'>Read the full statement</a></p>"
    )

    text, found = links(page(line))

    assert f"{BODY}\n\nRead the full statement\n\n{OTHER}" in text
    assert found == [("Read the full statement", "https://news.example.org/reports/statement.pdf")]


def test_a_menus_read_more_link_stays_out() -> None:
    text, found = links(page(""))

    assert "Read more stories" not in text and found == []


def test_a_link_alone_that_is_no_pointer_to_a_source_stays_out() -> None:
    text, found = links(page("<p><a href='/elections'>Council elections 2026</a></p>"))

    assert "Council elections" not in text and found == []


def test_a_fetched_page_without_an_address_resolves_links_against_where_it_came_from() -> None:
    linked = BODY.replace("a statement", "<a href='/board/statement'>a statement</a>")
    data = page("", canonical="").replace(BODY.encode(), linked.encode())

    _, unresolved = links(data)
    _, found = links(data, address="https://news.example.org/2026/dovrak")

    assert unresolved == []  # a relative link with nothing to resolve it against
    assert found == [("a statement", "https://news.example.org/board/statement")]
