"""Every format holds only what the reader stands behind, and the notes' formats link back."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from sidebyside.core.deep_links import claim_address, parse_claim_address
from sidebyside.export.formats import FORMATS
from sidebyside.operations import export_text
from sidebyside.store import Workspace

from .conftest import (
    BEST_REPORT_DIFFERENCE,
    CONFIRMED_DIFFERENCE,
    REPORT,
    WEAK_REPORT_DIFFERENCE,
    WEAK_WIRE_DIFFERENCE,
    WIRE,
    Built,
)


@pytest.mark.parametrize("name", list(FORMATS))
def test_weak_candidates_and_their_differences_stay_out(
    workspace: Workspace, built: Built, name: str
) -> None:
    text = export_text(workspace, [built.article_id], name)
    for weak in (WIRE[1], REPORT[1], WEAK_WIRE_DIFFERENCE, WEAK_REPORT_DIFFERENCE):
        assert weak not in text


@pytest.mark.parametrize("name", ["markdown", "obsidian", "csv"])
def test_confirmed_and_best_passages_go_out_with_their_judgement(
    workspace: Workspace, built: Built, name: str
) -> None:
    text = export_text(workspace, [built.article_id], name)
    for kept in (WIRE[0], REPORT[0], CONFIRMED_DIFFERENCE, BEST_REPORT_DIFFERENCE):
        assert kept in text
    assert "at odds with the claim" in text


@pytest.mark.parametrize("name", ["markdown", "obsidian"])
def test_every_claim_links_back_to_sidebyside(
    workspace: Workspace, built: Built, name: str
) -> None:
    text = export_text(workspace, [built.article_id], name)
    for claim_id in built.claim_ids:
        address = claim_address(workspace.path, built.article_id, claim_id)
        assert f"[Open in sidebyside]({address})" in text
        pointed = parse_claim_address(address)
        assert (pointed.workspace, pointed.article_id, pointed.claim_id) == (
            workspace.path.absolute(),
            built.article_id,
            claim_id,
        )


def test_the_address_names_the_workspace_by_its_absolute_path(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "my notes & more"
    folder.mkdir()
    monkeypatch.chdir(folder)
    address = claim_address("work space.sqlite", 3, 7)
    assert address.startswith("sidebyside://open?workspace=")
    assert address.endswith("&article=3&claim=7")
    assert " " not in address and address.count("&") == 2
    encoded = address.split("workspace=", 1)[1].split("&article=")[0]
    assert unquote(encoded) == str(folder / "work space.sqlite")
