"""EPUB books: chapters in reading order, with the book's metadata."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from ebooklib import epub

from sidebyside.core.document import BlockKind
from sidebyside.core.errors import UnreadableDocument
from sidebyside.core.importers import import_file


@pytest.fixture
def book(tmp_path: Path) -> Path:
    book = epub.EpubBook()
    book.set_identifier("test-book-1")
    book.set_title("A Field Guide")
    book.set_language("en")
    book.add_author("Ada Author")
    book.add_metadata("DC", "publisher", "Example Press")
    chapters = []
    for number, body in enumerate(
        [
            "<h1>Beginnings</h1><p>The first chapter opens in 1921.</p>"
            "<script>alert('SCRIPT-TEXT')</script>",
            "<h1>Endings</h1><blockquote><p>Nothing lasts.</p></blockquote>"
            "<p>The second chapter closes it.</p>",
        ],
        start=1,
    ):
        chapter = epub.EpubHtml(title=f"Chapter {number}", file_name=f"ch{number}.xhtml")
        chapter.content = f"<html><body>{body}</body></html>"
        book.add_item(chapter)
        chapters.append(chapter)
    book.toc = chapters
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = [*reversed(chapters)]  # reading order differs from the order added
    path = tmp_path / "guide.epub"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        epub.write_epub(str(path), book)
    return path


def test_reads_chapters_in_spine_order(book: Path) -> None:
    document = import_file(book)
    blocks = [(block.kind, document.text[block.start : block.end]) for block in document.blocks]

    assert blocks == [
        (BlockKind.HEADING, "Endings"),
        (BlockKind.QUOTE, "Nothing lasts."),
        (BlockKind.PARAGRAPH, "The second chapter closes it."),
        (BlockKind.HEADING, "Beginnings"),
        (BlockKind.PARAGRAPH, "The first chapter opens in 1921."),
    ]
    assert document.format == "epub"


def test_reads_book_metadata(book: Path) -> None:
    metadata = import_file(book).metadata

    assert metadata.title == "A Field Guide"
    assert metadata.author == "Ada Author"
    assert metadata.publisher == "Example Press"
    assert metadata.language == "en"


def test_a_corrupt_epub_is_unreadable(book: Path) -> None:
    data = book.read_bytes()
    book.write_bytes(data[: len(data) // 2])

    with pytest.raises(UnreadableDocument, match="guide.epub"):
        import_file(book)


def test_an_epub_with_a_broken_package_is_unreadable(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "broken.epub"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
        archive.writestr("META-INF/container.xml", "<container>not really</container>")

    with pytest.raises(UnreadableDocument, match=r"broken.epub.*damaged EPUB"):
        import_file(path)
