"""Links survive import: every format keeps its hyperlinks as spans of the canonical text,
with absolute, clean addresses."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from ebooklib import epub

from sidebyside.core.document import BlockKind, Document, DocumentBuilder
from sidebyside.core.importers import import_file

FILLER = (
    " The findings were based on interviews with more than two hundred residents of the"
    " region, conducted over several months by researchers who travelled between villages."
)


def links(document: Document) -> list[tuple[str, str]]:
    """Each link as (its words in the canonical text, its address)."""
    return [(document.text[link.start : link.end], link.address) for link in document.links]


def test_the_builder_maps_raw_offsets_over_collapsed_whitespace() -> None:
    builder = DocumentBuilder("https://example.org/news/")
    builder.add("First block.")
    raw = "  Read\n  the   \u00adfull\t report  here."
    start = raw.index("the")
    end = raw.index("report") + len("report")
    builder.add(raw, links=[(start - 1, end + 2, "full.pdf?utm_source=x")])
    builder.add("   ", links=[(0, 2, "https://example.org/empty")])  # an empty block: no link
    code = "code\n    line two"
    builder.add(code, BlockKind.PREFORMATTED, links=[(code.index("line"), len(code), "/two")])
    document = builder.build()

    assert links(document) == [
        ("the full report", "https://example.org/news/full.pdf"),
        ("line two", "https://example.org/two"),
    ]


def test_web_page_links_resolve_against_its_base_and_lose_tracking(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Rights group reports abuses</title>"
        '<base href="https://news.example.org/world/">'
        '<link rel="canonical" href="https://news.example.org/world/story.html"></head>'
        "<body><nav><a href='/home'>Home</a> <a href='/here'>report</a></nav><article>"
        "<h1>Rights group reports abuses</h1>"
        '<p>Human Rights Watch said in <a href="reports/2024/abuses.html?utm_source=tw'
        '&amp;id=7&amp;fbclid=abc">a\n   report published   on Monday</a> that the abuses were'
        " widespread." + FILLER + "</p>"
        '<p>The ministry <a href="mailto:press@example.org">denied</a> them in'
        ' <a href="HTTPS://Wire.Example.COM/statement#">a statement</a>.' + FILLER + "</p>"
        '<p>Read <a href="/docs/full.pdf">the full report</a> and <a href="javascript:void(0)">'
        "share</a> it." + FILLER + "</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    document = import_file(page)

    assert links(document) == [
        (
            "a report published on Monday",
            "https://news.example.org/world/reports/2024/abuses.html?id=7",
        ),
        ("a statement", "https://wire.example.com/statement"),
        ("the full report", "https://news.example.org/docs/full.pdf"),
    ]


def test_markdown_keeps_inline_reference_and_autolinks(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text(
        "---\ntitle: Notes\nurl: https://blog.example.com/posts/notes/\n---\n\n"
        "The agency [said on\nTuesday](https://agency.example.gov/release?utm_medium=email)"
        " that costs rose.\n\n"
        "Its [annual report][r] gives the figures, and <https://data.example.org/t1> holds"
        " them.\n\n"
        "See [the appendix](appendix.html) or [write to us](mailto:a@example.com).\n\n"
        "[r]: https://agency.example.gov/annual-2023.pdf\n",
        encoding="utf-8",
    )
    document = import_file(note)

    assert links(document) == [
        ("said on Tuesday", "https://agency.example.gov/release"),
        ("annual report", "https://agency.example.gov/annual-2023.pdf"),
        ("https://data.example.org/t1", "https://data.example.org/t1"),
        ("the appendix", "https://blog.example.com/posts/notes/appendix.html"),
    ]


def test_epub_keeps_its_web_links_not_its_own_chapters(tmp_path: Path) -> None:
    book = epub.EpubBook()
    book.set_identifier("links-1")
    book.set_title("Linked Book")
    book.set_language("en")
    chapter = epub.EpubHtml(title="One", file_name="ch1.xhtml")
    chapter.content = (
        "<html><body><h1>One</h1><p>The survey (<a href='https://survey.example.org/2020"
        "?utm_campaign=book'>published online</a>) is summarised in <a href='ch2.xhtml#s'>the"
        " next chapter</a>.</p></body></html>"
    )
    book.add_item(chapter)
    book.toc = [chapter]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = [chapter]
    path = tmp_path / "linked.epub"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        epub.write_epub(str(path), book)

    assert links(import_file(path)) == [("published online", "https://survey.example.org/2020")]


def _add_hyperlink(paragraph: docx.text.paragraph.Paragraph, text: str, url: str) -> None:
    relationship = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    words = OxmlElement("w:t")
    words.text = text
    words.set(qn("xml:space"), "preserve")
    run.append(words)
    hyperlink.append(run)
    paragraph._p.append(hyperlink)


def test_docx_keeps_hyperlink_relationships(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_heading("Memo", level=1)
    paragraph = word.add_paragraph("Spending rose, as ")
    _add_hyperlink(paragraph, "the treasury reported", "https://treasury.example.gov/q1?gclid=9")
    paragraph.add_run(" in April; see ")
    _add_hyperlink(paragraph, "the table", "https://stats.example.org/t#row-4")
    paragraph.add_run(".")
    path = tmp_path / "memo.docx"
    word.save(str(path))
    document = import_file(path)

    assert "Spending rose, as the treasury reported in April; see the table." in document.text
    assert links(document) == [
        ("the treasury reported", "https://treasury.example.gov/q1"),
        ("the table", "https://stats.example.org/t#row-4"),
    ]


def test_pdf_link_annotations_become_links_over_the_words_under_them(
    tmp_path: Path, make_pdf: Callable[..., bytes]
) -> None:
    sentence = "The census office published its count in a report last spring."
    # Helvetica at 11 pt: "a report" lies after 41 characters of about 5.5 points each
    left = 72 + 5.0 * len("The census office published its count in ")
    data = make_pdf(
        [
            [
                (72.0, 700.0, 11.0, sentence),
                (72.0, 680.0, 11.0, "Details: https://census.example.gov/2023."),
            ]
        ],
        links=[
            [(left, 696.0, left + 44.0, 711.0, "https://census.example.gov/report?utm_source=pdf")]
        ],
    )
    path = tmp_path / "census.pdf"
    path.write_bytes(data)
    document = import_file(path)

    found = links(document)
    assert ("https://census.example.gov/2023", "https://census.example.gov/2023") in found
    linked = [words for words, address in found if address == "https://census.example.gov/report"]
    assert len(linked) == 1 and "report" in linked[0] and linked[0] in sentence


def test_plain_text_addresses_link_to_themselves(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text(
        "Sources\n\nThe figures come from https://stats.example.org/table-4?utm_source=x, and"
        " the statement (https://example.gov/statement) confirms them.\n",
        encoding="utf-8",
    )
    assert links(import_file(text)) == [
        ("https://stats.example.org/table-4?utm_source=x", "https://stats.example.org/table-4"),
        ("https://example.gov/statement", "https://example.gov/statement"),
    ]
