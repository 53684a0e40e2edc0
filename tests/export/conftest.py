"""A workspace holding what every export must get right: verdicts, confirmed and weak
passages, tags, and notes full of commas, line breaks, quotes, HTML and formulas."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from sidebyside.core.document import DocumentBuilder, Metadata
from sidebyside.core.verdicts import Verdict
from sidebyside.records import DifferenceRecord
from sidebyside.store import Workspace
from sidebyside.store.links import NewLink

CLAIMS = (
    "Officials said 1,400 instructors arrived in 2025.",
    'The envoy called the deal "a fair, lasting peace".',
    "Prices rose by a third over the winter.",
)
WIRE = (
    "Some 1,100 instructors arrived in 2025, officials said.",
    "Instructors were seen near the border in spring.",
)
REPORT = (
    "The report counts 1,250 instructors at the start of 2025.",
    "Rainfall was heavy across the region that week.",
)
NOTE = (
    '=HYPERLINK("http://evil.example","click"), then: a "quoted" word,\n'
    "a second line with <b>bold</b> and <script>alert(1)</script>,\r\nand a comma, at the end"
)
FORMULA_NOTE = "+1 instructor; -2 more; @everyone"
WEAK_WIRE_DIFFERENCE = "The border sighting says nothing of a number."
WEAK_REPORT_DIFFERENCE = "The rainfall passage says nothing of instructors."
BEST_REPORT_DIFFERENCE = "The article says 1,400; the report says 1,250."
CONFIRMED_DIFFERENCE = "The article says 1,400; the source says 1,100."


@dataclass(frozen=True)
class Built:
    path: Path
    article_id: int
    wire_id: int
    report_id: int
    claim_ids: tuple[int, ...]


def build(workspace: Workspace) -> Built:
    builder = DocumentBuilder()
    for text in CLAIMS:
        builder.add(text)
    article_document = builder.build(
        Metadata(
            title="Borrowed Army",
            author="Jane Doe; Ana de la Cruz",
            publisher="Norland Courier",
            date="2024-05-01",
            address="https://courier.example/borrowed-army",
        )
    )
    article = workspace.add_article(article_document)
    wire_builder = DocumentBuilder()
    for text in WIRE:
        wire_builder.add(text)
    wire = workspace.add_source(
        article.id,
        replace(
            wire_builder.build(
                Metadata(
                    title="Instructors arrive, officials say",
                    author="Meridian Press",
                    publisher="Meridian Press",
                    date="April 30, 2024",
                    address="https://wire.example/instructors",
                )
            ),
            format="html",
        ),
    )
    report_builder = DocumentBuilder()
    for text in REPORT:
        report_builder.add(text)
    report = workspace.add_source(
        article.id,
        replace(
            report_builder.build(
                Metadata(title="Annual survey, 2025", publisher="Observatory", date="2025")
            ),
            format="pdf",
        ),
    )
    claims = [
        workspace.add_claim(article.id, block.start, block.end) for block in article_document.blocks
    ]
    first, second, third = claims
    wire_blocks = workspace.document(wire.id).blocks
    report_blocks = workspace.document(report.id).blocks
    stored = workspace.replace_suggested_links(
        first.id,
        [
            NewLink(
                wire.id,
                wire_blocks[0].start,
                wire_blocks[0].end,
                0.91,
                ("shares 4 content words",),
                (DifferenceRecord("number", CONFIRMED_DIFFERENCE),),
                "contradicts",
            ),
            NewLink(
                wire.id,
                wire_blocks[1].start,
                wire_blocks[1].end,
                0.35,
                (),
                (DifferenceRecord("unsaid", WEAK_WIRE_DIFFERENCE),),
                "related",
            ),
            NewLink(
                report.id,
                report_blocks[0].start,
                report_blocks[0].end,
                0.8,
                (),
                (DifferenceRecord("number", BEST_REPORT_DIFFERENCE),),
                "contradicts",
            ),
            NewLink(
                report.id,
                report_blocks[1].start,
                report_blocks[1].end,
                0.2,
                (),
                (DifferenceRecord("unsaid", WEAK_REPORT_DIFFERENCE),),
                "related",
            ),
        ],
        "key",
    )
    confirmed = next(link for link in stored if link.text == WIRE[0])
    workspace.set_link_state(confirmed.id, "confirmed")
    workspace.set_verdict(first.id, Verdict.CONTRADICTED)
    workspace.set_verdict(second.id, Verdict.SUPPORTED)
    workspace.save_note(first.id, NOTE)
    workspace.save_note(second.id, FORMULA_NOTE)
    workspace.add_tag(first.id, "disputed")
    workspace.add_tag(first.id, "military aid")
    return Built(workspace.path, article.id, wire.id, report.id, (first.id, second.id, third.id))


@pytest.fixture
def built(workspace: Workspace) -> Built:
    return build(workspace)
