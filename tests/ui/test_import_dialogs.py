"""File → Import Annotations… and File → Import from Zotero… in a real window."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from sidebyside.core.zotero import ZoteroItem
from sidebyside.ui.import_dialogs import ZoteroDialog

PAGE = """<!doctype html><html><head><title>Contractor paid millions</title></head><body>
<article><h1>Contractor paid millions</h1>
<p>Meridian Press reported that the contractor is paid $9.6 million a month for the
instructors it sends abroad.</p></article></body></html>"""


def _annotations(tmp_path: Path) -> Path:
    exported = tmp_path / "hypothesis.json"
    rows = [
        {
            "id": "a1",
            "uri": "https://example.org/article",
            "text": "Which raid?",
            "tags": ["raid"],
            "target": [
                {
                    "source": "https://example.org/article",
                    "selector": [
                        {
                            "type": "TextQuoteSelector",
                            "exact": "an estimated 240 civilians were killed",
                        }
                    ],
                }
            ],
        },
        {
            "id": "a2",
            "uri": "https://example.org/article",
            "text": "Cut since.",
            "target": [
                {
                    "source": "https://example.org/article",
                    "selector": [{"type": "TextQuoteSelector", "exact": "words never printed"}],
                }
            ],
        },
    ]
    exported.write_text(json.dumps({"export_date": "2026-03-01", "annotations": rows}), "utf-8")
    return exported


def test_imported_annotations_show_as_claims_with_a_summary_of_the_orphans(
    qtbot, open_main_window, article_files, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window(list(article_files))
    qtbot.waitUntil(lambda: window.article is not None, timeout=30_000)
    importing = window.actions_.importing
    with qtbot.waitSignal(importing.annotations_imported, timeout=30_000) as imported:
        importing.import_annotations_from(_annotations(tmp_path))
    summary = imported.args[0]
    assert len(summary.anchored) == 1 and len(summary.orphans) == 1
    box = importing.summary_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "1 anchored, 1 left as orphans" in box.text()
    assert "words never printed" in box.detailedText()
    texts = {claim.text: claim for claim in window.claims_panel.model.claims}
    assert texts["an estimated 240 civilians were killed"].tags == ("raid",)
    # The page the file names is not in the workspace, and these words are not in the article
    # open: a placeholder article keeps the orphan, listed among the articles.
    placeholder = next(a for a in window.session.articles() if a.address.startswith("https:"))
    (orphan,) = window.session.workspace.claims_of(placeholder.id)
    assert orphan.orphaned and orphan.text == "words never printed"
    assert any(a.text() == placeholder.title for a in window.actions_.articles_menu.actions())
    box.grab().save(str(tmp_path / "summary.png"))
    box.close()


def test_zotero_items_ticked_are_imported_in_the_background_as_an_article(
    qtbot, qtmodeltester, open_main_window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window()
    qtbot.waitUntil(lambda: window.article is not None, timeout=30_000)  # the demo
    page = tmp_path / "storage" / "SNAP0001" / "page.html"
    page.parent.mkdir(parents=True)
    page.write_text(PAGE, encoding="utf-8")
    item = ZoteroItem(
        key="NEWS0001",
        item_type="newspaperArticle",
        title="Contractor paid millions",
        authors=("Jane Doe",),
        date="2024-05-01",
        url="https://news.example/pay",
        publisher="Meridian Press",
        attachment=page,
        attachment_kind="saved page",
    )
    importing = window.actions_.importing
    window.actions_.import_zotero.trigger()
    dialog = importing.zotero_dialog
    assert isinstance(dialog, ZoteroDialog) and dialog.isVisible()
    # A folder that holds no library: one line in the dialog, nothing imported.
    dialog.folder.setText(str(tmp_path))
    dialog.list_button.click()
    qtbot.waitUntil(lambda: "not a Zotero data folder" in dialog.status.text(), timeout=10_000)

    dialog.show_items([item])
    qtmodeltester.check(dialog.model)
    assert not dialog.import_button.isEnabled()
    dialog.model.setData(
        dialog.model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    assert dialog.import_button.isEnabled()
    for widget in (
        dialog.folder,
        dialog.table,
        dialog.as_article,
        dialog.as_source,
        dialog.import_button,
    ):
        assert widget.accessibleName() and widget.accessibleDescription()
    dialog.grab().save(str(tmp_path / "zotero.png"))
    with qtbot.waitSignal(importing.zotero_imported, timeout=30_000) as imported:
        dialog.import_button.click()
    assert "imported as an article" in imported.args[0][0]
    assert window.article is not None and window.article.title == "Contractor paid millions"
    assert window.article.author == "Jane Doe" and window.article.address == item.url
    assert "imported as an article" in dialog.status.text()
