"""PDF text layers: paragraphs with page numbers, whole words and sentences, no running lines."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from sidebyside.core.document import BlockKind, Document
from sidebyside.core.errors import NoTextLayer, UnreadableDocument
from sidebyside.core.importers import import_bytes, import_file

WORDS = ["first", "second", "third", "fourth"]


@pytest.fixture
def report(make_pdf: Callable[..., bytes], page_layout: Callable[..., list]) -> bytes:  # type: ignore[type-arg]
    pages = []
    for number, word in enumerate(WORDS, start=1):
        lines = [(72.0, 730.0, 20.0, f"Chapter {word.title()}")]
        lines += page_layout(
            [
                [
                    f"The {word} chapter describes how the infor-",
                    "mation was collected from a well-",
                    "known survey of households.",
                ],
                [f"Its {word} finding is that prices rose by 4.5 percent.", "A well-known end."],
                [
                    f"A sentence about the {word} topic that runs to the end of its line and is",
                    "cut by the page break" if number == 1 else f"complete on the {word} page.",
                ],
            ],
            header="Annual Report 2023 \u2014 Example Institute",
            footer=f"Page {number} of {len(WORDS)}",
        )
        pages.append(lines)
    pages[1] = [line for line in pages[1] if not line[3].startswith("Chapter")]
    pages[1].insert(1, (72.0, 726.0, 11.0, "which the next page finishes."))
    return make_pdf(pages, title="Annual Report 2023", author="Example Institute")


def texts(document: Document) -> list[str]:
    return [document.text[block.start : block.end] for block in document.blocks]


def test_reads_paragraphs_with_pages(report: bytes) -> None:
    document = import_bytes(report, "report.pdf")

    assert document.format == "pdf"
    blocks = list(zip(texts(document), document.blocks, strict=True))
    assert ("Chapter First", BlockKind.HEADING, 1) in [
        (text, block.kind, block.page) for text, block in blocks
    ]
    finding = next(block for text, block in blocks if text.startswith("Its third finding"))
    assert finding.page == 3
    assert finding.kind is BlockKind.PARAGRAPH


def test_joins_hyphenated_words_and_lines(report: bytes) -> None:
    document = import_bytes(report, "report.pdf")

    assert (
        "The first chapter describes how the information was collected from a well-known "
        "survey of households." in texts(document)
    )
    assert "Its second finding is that prices rose by 4.5 percent. A well-known end." in texts(
        document
    )


def test_drops_running_headers_and_page_numbers(report: bytes) -> None:
    text = import_bytes(report, "report.pdf").text

    assert "Annual Report 2023" not in text
    assert "Page 1" not in text
    assert "of 4" not in text


def test_joins_a_paragraph_cut_by_a_page_break(report: bytes) -> None:
    document = import_bytes(report, "report.pdf")

    joined = next(text for text in texts(document) if text.startswith("A sentence about the first"))
    assert joined.endswith("cut by the page break which the next page finishes.")


def test_reads_metadata(report: bytes, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(report)

    document = import_file(path)

    assert document.metadata.title == "Annual Report 2023"
    assert document.metadata.author == "Example Institute"
    assert document.metadata.address == str(path.resolve())
    assert document.original == report


def test_a_pdf_without_text_has_no_text_layer() -> None:
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(612, 792)
    pdf.new_page(612, 792)
    path_bytes = _save(pdf)

    with pytest.raises(NoTextLayer, match=r"scan.pdf.*has no text layer.*OCR"):
        import_bytes(path_bytes, "scan.pdf")


def test_a_truncated_pdf_is_unreadable(report: bytes) -> None:
    with pytest.raises(UnreadableDocument, match=r"broken.pdf.*damaged"):
        import_bytes(report[: len(report) // 3], "broken.pdf")


def test_a_pdf_without_extension_is_recognised(report: bytes) -> None:
    assert import_bytes(report, "download").format == "pdf"


def _save(pdf: pdfium.PdfDocument) -> bytes:
    import io

    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def test_list_items_keep_their_wrapped_lines(make_pdf: Callable[..., bytes]) -> None:
    lines = [
        (72.0, 700.0, 11.0, "The survey asked three questions:"),
        (72.0, 672.0, 8.0, "\u2022"),
        (84.0, 672.0, 11.0, "whether prices had risen in the last year, and by how much"),
        (84.0, 658.0, 11.0, "compared with the year before;"),
        (72.0, 644.0, 8.0, "\u2022"),
        (84.0, 644.0, 11.0, "whether wages had kept up."),
    ]

    document = import_bytes(make_pdf([lines]), "list.pdf")

    assert [(block.kind, document.text[block.start : block.end]) for block in document.blocks] == [
        (BlockKind.PARAGRAPH, "The survey asked three questions:"),
        (
            BlockKind.LIST_ITEM,
            "\u2022 whether prices had risen in the last year, and by how much compared with "
            "the year before;",
        ),
        (BlockKind.LIST_ITEM, "\u2022 whether wages had kept up."),
    ]


def test_paragraphs_without_space_between_end_at_short_lines(
    make_pdf: Callable[..., bytes],
) -> None:
    text = [
        "Prices rose sharply in the spring, driven by energy costs and by the weak",
        "currency, the office said in its quarterly bulletin.",
        "Wages followed more slowly, and the gap between the two only closed at the end",
        "of the year, when the central bank raised rates for the third time.",
    ]
    lines = [(72.0, 700.0 - 14 * index, 11.0, line) for index, line in enumerate(text)]

    document = import_bytes(make_pdf([lines]), "tight.pdf")

    assert texts(document) == [" ".join(text[:2]), " ".join(text[2:])]


def test_a_pdf_written_by_qt_keeps_its_spaces_and_letters(qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Qt's PDF writer places glyphs without space characters; words must not run together."""
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    path = tmp_path / "qt.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document = QTextDocument()
    document.setPlainText(
        "Annual report\n\nAn inventory completed in March identified an estimated 3,200 "
        "service lines made of lead that need replacing."
    )
    document.print_(writer)
    text = import_file(path).text
    assert "An inventory completed in March identified an estimated 3,200 service lines" in text


def test_a_small_pdf_whose_page_unpacks_to_a_gigabyte_is_refused_in_words(
    make_pdf: Callable[..., bytes],
) -> None:
    import zlib

    packer = zlib.compressobj(9)
    stream = packer.compress(b"BT /F1 11 Tf 72 700 Td (Hi) Tj ET\n")
    stream += b"".join(packer.compress(b" " * 2**20) for _ in range(1024)) + packer.flush()
    good = make_pdf([[(72, 700, 11, "Hello.")]])
    bomb = good.replace(b"<< /Length", b"<< /Filter /FlateDecode /Length", 1)
    start, end = bomb.index(b"stream\n") + 7, bomb.index(b"\nendstream")
    bomb = bomb[:start] + stream + bomb[end:]
    assert len(bomb) < 2 * 2**20
    with pytest.raises(UnreadableDocument, match=r"“bomb.pdf” unpacks to over 512 MB"):
        import_bytes(bomb, "bomb.pdf")
