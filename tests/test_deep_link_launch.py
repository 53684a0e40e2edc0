"""`sidebyside 'sidebyside://open?…'`, as a desktop launches it: the window opens that
workspace, that article, and that claim with its passages."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage

from sidebyside.core.deep_links import ClaimAddress, claim_address, parse_claim_address
from sidebyside.operations import prepare_article, record_article
from sidebyside.records import ClaimRecord
from sidebyside.store import Workspace
from sidebyside.ui.settings import Settings

HARBOUR = """# Harbour works

The port authority said 120 dock workers lost their jobs in March.

According to the union, wages fell by 8 percent over the year.

Officials reported that 14 cranes were sold to a buyer abroad.
"""

BULLETIN = """Port authority bulletin

In March, 120 dock workers lost their jobs at the port.

Fourteen cranes were sold to a foreign buyer, officials reported.
"""

ORCHARDS = """# Orchards

The growers' league said 30 orchards closed after the frost.
"""


def build_workspace(folder: Path) -> tuple[Path, int, list[ClaimRecord]]:
    """Two articles; the harbour one (the address's) is not the one opened last."""
    for name, text in (
        ("harbour.md", HARBOUR),
        ("bulletin.txt", BULLETIN),
        ("orchards.md", ORCHARDS),
    ):
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / "research notes (2024).sqlite"
    with Workspace.open(path) as workspace:
        harbour = record_article(
            workspace, prepare_article(folder / "harbour.md", [folder / "bulletin.txt"])
        )
        record_article(workspace, prepare_article(folder / "orchards.md"))
        claims = workspace.claims_of(harbour.id)
    assert len(claims) == 3
    return path, harbour.id, claims


def run_sidebyside(*args: str, folder: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "SIDEBYSIDE_DATA_DIR": str(folder / "data"),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "PYTHONIOENCODING": "utf-8",
    }
    return subprocess.run(
        [sys.executable, "-m", "sidebyside", *args],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )


def remembered_claim(folder: Path, workspace: Path, article_id: int) -> int | None:
    """The claim the window last selected in the article, as it keeps it for next time."""
    conf = folder / "config" / "sidebyside" / "sidebyside.conf"
    return Settings(QSettings(str(conf), QSettings.Format.IniFormat)).last_claim(
        workspace, article_id
    )


def test_a_launch_with_an_address_opens_its_article_at_its_claim(tmp_path: Path) -> None:
    workspace, article_id, claims = build_workspace(tmp_path)
    cranes = claims[2]
    out = tmp_path / "shot.png"

    result = run_sidebyside(
        "--screenshot", str(out), claim_address(workspace, article_id, cranes.id), folder=tmp_path
    )

    # The screenshot is taken only once that claim's passages are painted.
    assert result.returncode == 0, result.stderr
    assert remembered_claim(tmp_path, workspace, article_id) == cranes.id  # it was selected
    image = QImage(str(out))
    passage_green = (0xB7, 0xEB, 0xC6)
    assert any(
        image.pixelColor(x, y).getRgb()[:3] == passage_green
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
    ), "the claim's passage is not highlighted"
    assert not (tmp_path / "data").exists()  # the default workspace was not opened


@pytest.mark.parametrize(
    ("gone", "words"),
    [
        ("article", "no longer holds the article the link points to (article 99)"),
        ("claim", "no longer has the claim the link points to (claim 99)"),
        ("workspace", "the link points to is not there (moved, renamed or deleted?)"),
    ],
)
def test_an_address_to_what_is_gone_is_one_line_and_status_2(
    tmp_path: Path, gone: str, words: str
) -> None:
    workspace, article_id, claims = build_workspace(tmp_path)
    moved = workspace.with_name("moved.sqlite")
    address = claim_address(
        moved if gone == "workspace" else workspace,
        99 if gone == "article" else article_id,
        99 if gone == "claim" else claims[0].id,
    )

    result = run_sidebyside("--screenshot", str(tmp_path / "shot.png"), address, folder=tmp_path)

    assert result.returncode == 2
    assert result.stderr.startswith("sidebyside: ") and words in result.stderr
    assert result.stderr.strip().count("\n") == 0 and "Traceback" not in result.stderr
    assert not moved.exists()  # no empty workspace made where the address pointed
    assert not (tmp_path / "shot.png").exists()


@pytest.mark.parametrize("export_format", ["markdown", "obsidian"])
def test_the_link_an_export_writes_opens_its_claim(tmp_path: Path, export_format: str) -> None:
    workspace, article_id, claims = build_workspace(tmp_path)
    notes = tmp_path / "notes.md"
    exported = run_sidebyside(
        "export",
        "--workspace",
        str(workspace),
        "--format",
        export_format,
        "-o",
        str(notes),
        "--article",
        str(article_id),
        folder=tmp_path,
    )
    assert exported.returncode == 0, exported.stderr
    links = re.findall(r"\((sidebyside://[^)\s]+)\)", notes.read_text(encoding="utf-8"))
    assert [parse_claim_address(link) for link in links] == [
        ClaimAddress(workspace, article_id, claim.id) for claim in claims
    ]

    result = run_sidebyside("--screenshot", str(tmp_path / "shot.png"), links[1], folder=tmp_path)

    assert result.returncode == 0, result.stderr
    assert remembered_claim(tmp_path, workspace, article_id) == claims[1].id
