"""Word documents: headings, quotes, lists and tables in order, with core properties."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from sidebyside.core.document import BlockKind
from sidebyside.core.errors import UnreadableDocument
from sidebyside.core.importers import import_file


@pytest.fixture
def memo(tmp_path: Path) -> Path:
    word = docx.Document()
    word.core_properties.title = "Budget memo"
    word.core_properties.author = "Finance Team"
    word.core_properties.created = dt.datetime(2022, 4, 1, 9, 30)
    word.add_heading("Budget memo", level=1)
    paragraph = word.add_paragraph("Spending rose by ")
    paragraph.add_run("7 percent").bold = True
    paragraph.add_run(" in the first quarter.")
    word.add_paragraph("We expect a recovery.", style="Quote")
    word.add_paragraph("Salaries", style="List Bullet")
    word.add_paragraph("Energy", style="List Bullet")
    table = word.add_table(rows=2, cols=2)
    for row, (item, value) in zip(table.rows, [("Item", "Cost"), ("Rent", "1,200")], strict=True):
        row.cells[0].text, row.cells[1].text = item, value
    word.add_heading("Outlook", level=2)
    word.add_paragraph("Costs should fall next year.")
    path = tmp_path / "memo.docx"
    word.save(str(path))
    return path


def test_reads_blocks_in_order(memo: Path) -> None:
    document = import_file(memo)
    blocks = [(block.kind, document.text[block.start : block.end]) for block in document.blocks]

    assert blocks == [
        (BlockKind.HEADING, "Budget memo"),
        (BlockKind.PARAGRAPH, "Spending rose by 7 percent in the first quarter."),
        (BlockKind.QUOTE, "We expect a recovery."),
        (BlockKind.LIST_ITEM, "Salaries"),
        (BlockKind.LIST_ITEM, "Energy"),
        (BlockKind.PARAGRAPH, "Item | Cost"),
        (BlockKind.PARAGRAPH, "Rent | 1,200"),
        (BlockKind.HEADING, "Outlook"),
        (BlockKind.PARAGRAPH, "Costs should fall next year."),
    ]
    assert document.format == "docx"


def test_reads_core_properties(memo: Path) -> None:
    metadata = import_file(memo).metadata

    assert (metadata.title, metadata.author, metadata.date) == (
        "Budget memo",
        "Finance Team",
        "2022-04-01",
    )


def test_a_damaged_docx_is_unreadable(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document>unfinished")

    with pytest.raises(UnreadableDocument, match=r"broken.docx.*damaged Word document"):
        import_file(path)
