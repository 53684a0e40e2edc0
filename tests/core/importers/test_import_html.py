"""Saved web pages: the article only, with structure and metadata; nothing else leaks in."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidebyside.core.document import BlockKind
from sidebyside.core.errors import EmptyDocument
from sidebyside.core.importers import import_bytes, import_file

ARTICLE_PARAGRAPHS = [
    "The city council voted on Tuesday to expand the bus network by twelve new routes, "
    "the largest expansion since the network opened in 1974.",
    "According to the transport department, ridership grew by 14 percent last year, "
    "reaching about 41 million journeys, although the figure is still below its peak.",
    "Critics said the plan had been rushed and that the costs, estimated at 230 million, "
    "were not fully explained in the documents presented to councillors this week.",
    "The mayor rejected that view and promised that a detailed budget would follow before "
    "the summer, together with a public consultation on the exact routes and timetables.",
]

NEWS_PAGE = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Council expands bus network | The Daily Example</title>
  <meta property="og:title" content="Council expands bus network">
  <meta property="og:site_name" content="The Daily Example">
  <meta name="author" content="Jane Reporter">
  <meta property="article:published_time" content="2024-03-05T09:00:00Z">
  <link rel="canonical" href="https://news.example.org/2024/03/bus-network">
  <script>var trackingSecret = "SCRIPT-TEXT-MUST-NOT-APPEAR";
  document.write(trackingSecret);</script>
  <style>body {{ font-family: "STYLE-TEXT-MUST-NOT-APPEAR"; }}</style>
  <link rel="stylesheet" href="https://cdn.example.net/fonts.css">
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
  <li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
  <header><div class="logo">The Daily Example</div>
  <div class="share">Share on Facebook Share on Twitter</div></header>
  <main><article>
    <h1>Council expands bus network</h1>
    <p class="byline">By Jane Reporter</p>
    <p>{ARTICLE_PARAGRAPHS[0]}</p>
    <img src="https://images.example.net/photo-of-bus.jpg" alt="A bus">
    <p>{ARTICLE_PARAGRAPHS[1]}</p>
    <iframe src="https://video.example.net/embed/1234"></iframe>
    <h2>Criticism</h2>
    <blockquote><p>{ARTICLE_PARAGRAPHS[2]}</p></blockquote>
    <script>console.log("INLINE-SCRIPT-MUST-NOT-APPEAR")</script>
    <p>{ARTICLE_PARAGRAPHS[3]}</p>
    <ul><li>Twelve new routes are planned for the north of the city.</li>
    <li>Night buses will run on weekends from the autumn onwards.</li></ul>
    <noscript>NOSCRIPT-TEXT-MUST-NOT-APPEAR</noscript>
  </article></main>
  <aside><h3>Most read</h3>
  <ul><li><a href="/a">Celebrity weds in secret ceremony</a></li></ul></aside>
  <footer><p>Copyright 2024 The Daily Example. All rights reserved. Privacy policy.</p></footer>
</body>
</html>
"""


@pytest.fixture
def news_page(tmp_path: Path) -> Path:
    path = tmp_path / "bus-network.html"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    return path


def test_reads_the_article_and_nothing_around_it(news_page: Path) -> None:
    document = import_file(news_page)

    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in document.text
    assert "Celebrity weds" not in document.text
    assert "All rights reserved" not in document.text
    assert "Weather" not in document.text


def test_scripts_styles_images_and_frames_leave_no_trace(news_page: Path) -> None:
    text = import_file(news_page).text

    assert "MUST-NOT-APPEAR" not in text
    assert "trackingSecret" not in text
    assert "http" not in text
    assert "example.net" not in text


def test_keeps_structure_as_blocks(news_page: Path) -> None:
    document = import_file(news_page)
    kinds = {document.text[block.start : block.end]: block.kind for block in document.blocks}

    assert kinds["Criticism"] is BlockKind.HEADING
    assert kinds[ARTICLE_PARAGRAPHS[2]] is BlockKind.QUOTE
    assert kinds["Night buses will run on weekends from the autumn onwards."] is BlockKind.LIST_ITEM
    assert kinds[ARTICLE_PARAGRAPHS[0]] is BlockKind.PARAGRAPH


def test_blocks_are_separated_by_blank_lines(news_page: Path) -> None:
    document = import_file(news_page)

    for first, second in zip(document.blocks, document.blocks[1:], strict=False):
        assert document.text[first.end : second.start] == "\n\n"


def test_reads_metadata(news_page: Path) -> None:
    document = import_file(news_page)

    assert document.format == "html"
    assert document.metadata.title == "Council expands bus network"
    assert document.metadata.author == "Jane Reporter"
    assert document.metadata.publisher == "The Daily Example"
    assert document.metadata.date == "2024-03-05"
    assert document.metadata.address == "https://news.example.org/2024/03/bus-network"
    assert document.metadata.language == "en-GB"


def test_keeps_the_original_bytes(news_page: Path) -> None:
    document = import_file(news_page)

    assert document.original == news_page.read_bytes()
    assert document.original_name == "bus-network.html"


def test_address_falls_back_to_the_file_path(tmp_path: Path) -> None:
    path = tmp_path / "note.htm"
    path.write_text("<html><body><p>" + ARTICLE_PARAGRAPHS[0] + "</p></body></html>")

    document = import_file(path)

    assert document.metadata.address == str(path.resolve())
    assert ARTICLE_PARAGRAPHS[0] in document.text


def test_falls_back_to_the_page_paragraphs_when_extraction_finds_nothing() -> None:
    page = b"<html><body><nav>Home About</nav><div><p>Short note.</p></div></body></html>"

    document = import_bytes(page, "short.html")

    assert document.text == "Short note."


def test_reads_xhtml_with_an_xml_declaration() -> None:
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="de"><head><title>T</title></head>'
        f"<body><p>{ARTICLE_PARAGRAPHS[1]}</p><p>{ARTICLE_PARAGRAPHS[3]}</p></body></html>"
    ).encode()

    document = import_bytes(page, "page.xhtml")

    assert ARTICLE_PARAGRAPHS[1] in document.text


def test_a_page_of_only_scripts_is_empty() -> None:
    page = (
        b"<html><head><script>alert('x')</script></head>"
        b"<body><script>var a=1;</script></body></html>"
    )

    with pytest.raises(EmptyDocument, match="only-scripts.html"):
        import_bytes(page, "only-scripts.html")


def test_tables_are_read_row_by_row() -> None:
    rows = "".join(
        f"<tr><td>Region {name}</td><td>{value} percent</td></tr>"
        for name, value in (("north", 12), ("south", 7))
    )
    body = f"<p>{ARTICLE_PARAGRAPHS[0]}</p><table>{rows}</table>"
    page = f"<html><body><article>{body}</article></body></html>"

    text = import_bytes(page.encode(), "table.html").text

    assert "Region north | 12 percent" in text


def test_runs_of_headings_linking_elsewhere_are_dropped() -> None:
    teasers = "".join(
        f"<h3><a href='/story/{n}'>Unrelated story number {n} you should read</a></h3>"
        for n in range(5)
    )
    body = "".join(f"<p>{paragraph}</p>" for paragraph in ARTICLE_PARAGRAPHS)
    page = f"<html><body><article><h1>Title</h1>{body}{teasers}</article></body></html>"

    text = import_bytes(page.encode(), "teasers.html").text

    assert ARTICLE_PARAGRAPHS[3] in text
    assert "Unrelated story" not in text


MEDIA_PAGE = """<!DOCTYPE html><html><head><title>Harbour works</title></head><body><article>
<p>The harbour authority began dredging the north channel on Monday, its engineers said.</p>
<embed src="clip.swf">
<p>The work is expected to last eleven weeks and to close the ferry berth twice.</p>
<video controls><source src="clip.mp4" type="video/mp4"><track src="clip.vtt"></video>
<p>Residents of the quay have asked for the night shifts to be kept short.</p>
<template><p>A paragraph a script would insert, never shown as it stands.</p></template>
</article></body></html>"""


def test_media_elements_swallow_nothing_and_templates_are_no_text() -> None:
    document = import_bytes(MEDIA_PAGE.encode("utf-8"), "harbour.html")
    assert "eleven weeks" in document.text  # after <embed>
    assert "night shifts" in document.text  # after <source> and <track>
    assert "never shown" not in document.text


def test_a_paragraph_of_over_ten_megabytes_is_kept() -> None:
    """libxml2 cuts text nodes past 10 MB unless told the tree may be huge."""
    giant = "Word after word in one very long paragraph of a saved page. " * 200_000
    page = f"<html><body><article><p>{giant}</p><p>The end.</p></article></body></html>"
    document = import_bytes(page.encode("utf-8"), "giant.html")
    assert len(document.text) > 10 * 2**20
    assert document.text.rstrip().endswith("The end.")


def test_a_page_of_very_many_paragraphs_is_read_whole_without_its_menus() -> None:
    from sidebyside.core.importers import html

    paragraphs = html.EXTRACTOR_ELEMENTS  # more elements than trafilatura is given
    body = "".join(
        f"<p>Officials said {n} wells ran dry in round {n}.</p>" for n in range(paragraphs)
    )
    page = (
        "<html><head><title>Valley survey</title>"
        "<meta property='og:site_name' content='The Valley Courier'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav>"
        f"<article>{body}</article><footer>Copyright the Courier</footer></body></html>"
    )
    document = import_bytes(page.encode(), "survey.html")
    assert len(document.blocks) == paragraphs
    assert document.text.startswith("Officials said 0 wells")
    assert f"round {paragraphs - 1}." in document.text
    assert "Sport" not in document.text and "Copyright" not in document.text
    assert document.metadata.title == "Valley survey"
    assert document.metadata.publisher == "The Valley Courier"


def test_a_page_of_too_many_elements_is_refused_in_words(monkeypatch: pytest.MonkeyPatch) -> None:
    from sidebyside.core.errors import UnreadableDocument
    from sidebyside.core.importers import html

    monkeypatch.setattr(html, "MAX_ELEMENTS", 1_000)
    page = "<html><body>" + "<p>x</p>" * 2_000 + "</body></html>"
    with pytest.raises(UnreadableDocument, match=r"“huge.html” has 2,00\d HTML elements; .* 1,000"):
        import_bytes(page.encode(), "huge.html")


def test_a_base_address_is_neither_publisher_nor_address() -> None:
    paragraph = "The survey found that 412 wells ran dry in the Arden valley last spring. " * 5
    page = (
        "<html><head><title>Survey</title><base href='http://elsewhere.example/'></head>"
        f"<body><article><p>{paragraph}</p></article></body></html>"
    )
    document = import_bytes(page.encode(), "survey.html")
    assert "elsewhere" not in document.metadata.publisher
    assert "elsewhere" not in document.metadata.address
