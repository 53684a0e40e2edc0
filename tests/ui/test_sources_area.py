"""With more sources than panes, each claim shows the sources that have its passages:
a pane that stays keeps its place, one that comes in takes the place of one that goes,
and a reused pane shows its new source's text with the passage highlighted."""

from __future__ import annotations

from PySide6.QtWidgets import QTextEdit

from sidebyside.core.document import Document, DocumentBuilder, Metadata
from sidebyside.records import DocumentInfo, LinkRecord
from sidebyside.ui.sources_area import CACHED_PANES, MAX_PANES, SourcesArea

PLACES = ["Arden", "Brisk", "Calder", "Dunmore", "Eskdale", "Farrow", "Glenholm", "Harwick"]


def source(number: int) -> tuple[DocumentInfo, Document]:
    place = PLACES[number % len(PLACES)]
    builder = DocumentBuilder()
    builder.add(f"Report {number} on {place}")
    for paragraph in range(40):
        builder.add(f"In {place} the survey of paragraph {paragraph} found {number} wells dry.")
    document = builder.build(Metadata(title=f"Report {number}"))
    info = DocumentInfo(
        id=number,
        role="source",
        title=f"Report {number}",
        author="",
        publisher="",
        date="",
        address="",
        aliases=(),
        format="text",
        original_name=f"report-{number}.txt",
        content_hash=f"hash-{number}",
        imported_at="",
    )
    return info, document


def link(link_id: int, info: DocumentInfo, document: Document, score: float) -> LinkRecord:
    start = document.text.index("paragraph 30")
    end = start + len("paragraph 30")
    return LinkRecord(
        id=link_id,
        claim_id=1,
        source_id=info.id,
        rank=0,
        start=start,
        end=end,
        text=document.text[start:end],
        score=score,
        reasons=(),
        differences=(),
        state="suggested",
        orphaned=False,
        support="supports",
        wording=0.5,
    )


def highlighted(view: QTextEdit) -> list[str]:
    return [selection.cursor.selectedText() for selection in view.extraSelections()]


def test_panes_follow_the_claims_sources_and_keep_their_places(qtbot) -> None:  # type: ignore[no-untyped-def]
    sources = [source(number) for number in range(1, 21)]
    area = SourcesArea()
    qtbot.addWidget(area)
    area.resize(1200, 500)
    area.show()
    area.set_sources(sources)

    first = [link(n, *sources[n - 1], 0.9 - n / 100) for n in (1, 2, 3)]
    area.show_links(first)
    assert [pane.info.id for pane in area.panes] == [1, 2, 3]

    # Source 2 stays; 1 and 3 go; 7 and 9 come in, in the places of 1 and 3.
    second = [link(10 + n, *sources[n - 1], 0.8) for n in (7, 2, 9)]
    area.show_links(second)
    shown = area.panes
    assert [pane.info.id for pane in shown] == [7, 2, 9]
    for pane in shown:
        assert pane.view.document_shown is sources[pane.info.id - 1][1]
        assert f"Report {pane.info.id} on" in pane.view.toPlainText()
        assert "paragraph 30" in highlighted(pane.view)

    # Many claims later, with every cached pane reused, each still shows its own source.
    for step in range(CACHED_PANES + 2):
        wanted = [(step * 3 + k) % 20 + 1 for k in range(MAX_PANES)]
        area.show_links([link(100 + n, *sources[n - 1], 0.7) for n in wanted])
        assert sorted(pane.info.id for pane in area.panes) == sorted(wanted)
        for pane in area.panes:
            assert f"Report {pane.info.id} on" in pane.view.toPlainText()

    area.show_finding()  # a claim whose passages are being found: same panes, no highlight
    assert len(area.panes) == MAX_PANES
    for pane in area.panes:
        assert highlighted(pane.view) == []
        assert "Finding passages" in pane.status_text
