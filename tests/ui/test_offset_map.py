"""Canonical offsets and Qt positions agree, emoji and all."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from sidebyside.core.document import BlockKind, DocumentBuilder
from sidebyside.ui.document_view import DocumentView
from sidebyside.ui.offset_map import OffsetMap


def test_offsets_round_trip_across_blocks_and_astral_characters(qtbot) -> None:  # type: ignore[no-untyped-def]
    builder = DocumentBuilder()
    builder.add("Heading 🙂 here", BlockKind.HEADING, level=1)
    builder.add("Plain paragraph with 300 people.")
    builder.add("Emoji 🎉🎉 then the claim.", BlockKind.QUOTE)
    builder.add("A list item", BlockKind.LIST_ITEM)
    document = builder.build()
    view = DocumentView()
    qtbot.addWidget(view)
    view.show_document(document)
    qt_text = view.document().toPlainText()
    for block in document.blocks:
        start, end = view.view_range_of(block.start, block.end)
        cursor = QTextCursor(view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == document.text[block.start : block.end]
    claim_start = document.text.index("then the claim")
    start, end = view.view_range_of(claim_start, claim_start + len("then the claim"))
    assert qt_text.encode("utf-16-le")[start * 2 : end * 2].decode("utf-16-le") == "then the claim"


def test_selection_in_the_view_gives_canonical_offsets(qtbot) -> None:  # type: ignore[no-untyped-def]
    builder = DocumentBuilder()
    builder.add("First 🙂 paragraph.")
    builder.add("Second paragraph says 1,200 instructors.")
    document = builder.build()
    view = DocumentView()
    qtbot.addWidget(view)
    view.show_document(document)
    target = document.text.index("1,200 instructors")
    start, end = view.view_range_of(target, target + len("1,200 instructors"))
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    span = view.selected_span()
    assert span is not None and span.of(document.text) == "1,200 instructors"


def test_offsets_between_blocks_snap_to_the_next_block() -> None:
    offsets = OffsetMap()
    offsets.add_block(0, "abc", 0)
    offsets.add_block(5, "def", 4)
    assert offsets.to_view(4) == 4
    assert offsets.to_view(6) == 5
    assert offsets.to_canonical(5) == 6


def test_a_view_deleted_before_its_deferred_scroll_runs_is_left_alone(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QEvent

    from sidebyside.core.spans import Span

    builder = DocumentBuilder()
    for number in range(200):
        builder.add(f"Paragraph {number} of a long source, long enough to need scrolling.")
    document = builder.build()
    view = DocumentView()
    view.show_document(document)
    view.scroll_to(Span(5000, 5010))  # hidden: the scroll waits for the view to show
    view.show()  # schedules the scroll
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.wait(50)  # the deferred scroll would run now, on a deleted view
