"""`sidebyside claims ARTICLE [SOURCE…] [--json]`: claims, what they cite, what is missing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sidebyside.cli import main
from sidebyside.core.importers import import_file

ARTICLE = """# Who answers for Sabouri?

By Nadia Ferrant | The Horizon Ledger | 2 April 2026

Share this article: Email | Print | Copy link

The Sahel Watch Group (SWG) noted that soldiers killed 240 civilians in Sabouri over three days.

According to the report, troops gathered several hundred men from the weekly market.

Meridian Press reported that Kalundi pays the contractor $9.6 million a month.

Reuters also reported that the contract was signed in 2023. He added that it was extended.

Reuters later said the contract ran until 2026.

Governments that lose faith in their own soldiers go shopping for someone else's.

Subscribe to our newsletter to get the week's best commentary in your inbox.
"""

SOURCE = """---
title: Killings of Civilians in Sabouri
publisher: Sahel Watch Group
---

# Killings of Civilians in Sabouri

Soldiers killed an estimated 240 civilians in Sabouri between 14 and 16 January.
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    article = tmp_path / "article.md"
    article.write_text(ARTICLE, encoding="utf-8")
    source = tmp_path / "swg-report.md"
    source.write_text(SOURCE, encoding="utf-8")
    return article, source


def run_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main(["claims", *args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, dict)
    return data


def test_json_lists_claims_with_offsets_cues_and_citations(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    article, source = files
    data = run_json([str(article), str(source)], capsys)
    claims = data["claims"]
    assert isinstance(claims, list)
    assert [claim["text"].split()[0] for claim in claims] == [
        "The",
        "According",
        "Meridian",
        "Reuters",
        "Reuters",
    ]
    text = import_file(article).text  # the canonical text `sidebyside text` prints
    for claim in claims:
        assert text[claim["start"] : claim["end"]] == claim["text"]
        assert set(claim["cues"]) >= {"sources", "numbers", "quotes", "hedges"}
    first, second, third, fourth, _ = claims
    assert first["cues"]["sources"] == ["Sahel Watch Group"]
    assert first["cues"]["numbers"] == ["240", "over three"]
    assert first["cited"] == [str(source)]
    assert second["cues"]["refers_to"] == ["Sahel Watch Group"]
    assert second["cited"] == [str(source)]
    assert third["cues"]["numbers"] == ["$9.6 million a month"]
    assert third["cited"] == []
    assert fourth["text"].endswith("He added that it was extended.")
    assert data["missing_sources"] == [
        {
            "name": "Reuters",
            "variants": ["Reuters"],
            "claims": 2,
            "claim_indexes": [3, 4],
            "addresses": [],  # a plain-text article links nothing
            "claims_by_address": {},
        },
        {
            "name": "Meridian Press",
            "variants": ["Meridian Press"],
            "claims": 1,
            "claim_indexes": [2],
            "addresses": [],
            "claims_by_address": {},
        },
    ]
    assert all(claim["links"] == [] for claim in claims)


def test_without_sources_nothing_is_cited_and_every_name_is_missing(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    article, _ = files
    data = run_json([str(article)], capsys)
    assert all(claim["cited"] == [] for claim in data["claims"])
    missing = {entry["name"] for entry in data["missing_sources"]}
    assert missing == {"Sahel Watch Group", "Meridian Press", "Reuters"}


def test_an_alias_names_a_source(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article, source = files
    wire = tmp_path / "wire.txt"
    wire.write_text("Kalundi pays the contractor $9.6 million a month.\n", encoding="utf-8")
    data = run_json(
        [str(article), str(source), str(wire), "--alias", f"{wire}=Meridian Press"], capsys
    )
    assert data["claims"][2]["cited"] == [str(wire)]
    assert [entry["name"] for entry in data["missing_sources"]] == ["Reuters"]


def test_readable_listing(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    article, source = files
    assert main(["claims", str(article), str(source)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("5 claims in article.md (1 source attached)")
    assert "sources: Sahel Watch Group" in out
    assert f"cites: {source}" in out
    assert "Cited but not attached" in out
    assert "Reuters — cited by 2 claims" in out


def test_a_bad_alias_is_a_readers_error(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    article, source = files
    assert main(["claims", str(article), str(source), "--alias", "nowhere.md=X"]) == 2
    assert "not one of the sources" in capsys.readouterr().err


def test_a_missing_article_is_a_readers_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["claims", str(tmp_path / "absent.md")]) == 2
    assert "does not exist" in capsys.readouterr().err
