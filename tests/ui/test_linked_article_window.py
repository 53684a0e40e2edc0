"""Issue 13 end to end, in the window: the article page served from 127.0.0.1 (saved as
fetched) opens with its links shown, the missing-sources box lists the linked addresses,
File → Fetch All Linked Sources… attaches the wire story and the PDF statement and
explains the 404, and the claim the wire story relays shows its chain to the statement."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel

import news_site as site
from pdf_files import page_of_paragraphs, pdf_bytes
from sidebyside.core.fetching import fetch_url
from sidebyside.ui.linked_sources import LinkedChecklist
from sidebyside.ui.main_window import MainWindow

# Screenshots to look at by hand: written only when this names a folder (nothing reads them).
SHOTS = os.environ.get("SIDEBYSIDE_TEST_SHOTS", "")


@pytest.fixture
def base(serve_local: Callable[..., str]) -> str:
    pdf = pdf_bytes([page_of_paragraphs(site.STATEMENT_PARAGRAPHS)], title=site.STATEMENT_TITLE)
    return serve_local(site.replies(pdf))


def _accept_checklist(chosen: list[int]) -> None:
    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LinkedChecklist):
            QTimer.singleShot(20, accept)
            return
        chosen.append(len(dialog.chosen()))
        dialog.accept()

    QTimer.singleShot(20, accept)


def _anchor_at(window: MainWindow, offset: int) -> str:
    view = window.article_pane.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.view_range_of(offset, 0)[0])
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    return view.anchorAt(view.cursorRect(cursor).center())


def _save(window: MainWindow, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(SHOTS) / name))


def test_the_served_article_opens_with_its_links_and_fetches_its_sources(
    qtbot, open_main_window: Callable[..., MainWindow], base: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    fetched = fetch_url(base + site.ARTICLE_PATH + "?utm_source=twitter")
    article = tmp_path / fetched.original_name
    article.write_bytes(fetched.original)
    window = open_main_window([article])
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: window.article is not None, timeout=30_000)

    # The article pane shows its links: the inline one and the "Read the full statement" line.
    document = window.session.article_document
    assert document is not None
    text = document.text
    assert _anchor_at(window, text.index("said in a report") + 3) == base + site.HRW
    assert _anchor_at(window, text.index("Read the full statement") + 3) == base + site.STATEMENT
    assert _anchor_at(window, text.index("Residents")) == ""

    # The missing-sources box gives each name's linked addresses and the claims using them.
    missing = window.claims_panel.missing
    qtbot.waitUntil(lambda: len(window.session.citations.linked) == 3, timeout=10_000)
    lines = "\n".join(missing.lines())
    assert f"↳ {base}{site.HRW} (claims 1)" in lines
    assert f"↳ {base}{site.WIRE} (claims 2, 4)" in lines
    assert f"↳ {base}{site.STATEMENT} (claims 3)" in lines
    assert "subscribe" not in lines and "utm_" not in lines
    _save(window, "missing-light.png")

    chosen: list[int] = []
    _accept_checklist(chosen)
    window.actions_.fetch_linked.trigger()  # File → Fetch All Linked Sources…
    qtbot.waitUntil(lambda: window.linked_sources.report is not None, timeout=20_000)
    assert chosen == [3]
    report = window.linked_sources.report
    assert report is not None
    assert "2 attached, 1 could not be fetched." in report.text.text()
    assert f"https://web.archive.org/web/{base}{site.HRW}" in report.text.text()
    report.close()
    assert {info.address for info, _ in window.session.sources} == {
        base + site.WIRE_FINAL,
        base + site.STATEMENT,
    }
    qtbot.waitUntil(
        lambda: (
            {m.name for m in window.session.citations.missing}
            == {"Human Rights Watch", "Tomas Rehak"}
        ),  # the mayor, quoted by the paper itself
        timeout=10_000,
    )
    assert any(f"↳ {base}{site.HRW}" in line for line in missing.lines())

    # The claim the wire story relays shows who said it first.
    claim = next(c for c in window.claims_panel.model.claims if c.text == site.CLAIM_CHAIN)
    qtbot.waitUntil(lambda: not window.session.needs_matching(claim.id), timeout=60_000)
    window.claims_panel.select(claim.id)
    qtbot.waitUntil(lambda: window.painted_claim == claim.id, timeout=30_000)
    panel = window.claim_panel
    qtbot.waitUntil(lambda: panel.chain_text != "", timeout=30_000)
    assert panel.chain_text.splitlines()[0] == (
        "Article → Meridian Wire (links to Statement on the Dovrak pipes) → "
        "Statement on the Dovrak pipes"
    )
    assert panel.findChild(QLabel, "provenance_chain").isVisible()
    _save(window, "chain-light.png")
    try:
        window.dialogs.set_colour_scheme("dark")
        qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Base).lightness() < 128)
        _save(window, "chain-dark.png")
        # the article's links take the dark palette's link colour, readable on dark
        view = window.article_pane.view
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.view_range_of(text.index("Read the full statement") + 3, 0)[0])
        link_colour = cursor.charFormat().foreground().color()
        assert link_colour == view.palette().color(QPalette.ColorRole.Link)
        assert link_colour.lightness() > 128
        window.claims_panel.select(
            next(c.id for c in window.claims_panel.model.claims if c.text == site.CLAIM_HRW)
        )
        _save(window, "missing-dark.png")
    finally:
        window.dialogs.set_colour_scheme("light")
