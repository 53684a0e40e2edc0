"""`sidebyside export --format …`: each format from the command line, into a file."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from sidebyside.cli import main
from sidebyside.core.document import DocumentBuilder, Metadata
from sidebyside.core.verdicts import Verdict
from sidebyside.store import Workspace

NOTE = 'Called them, twice; "no comment",\nthen <i>silence</i>.'


def make_workspace(path: Path) -> tuple[int, int]:
    builder = DocumentBuilder()
    builder.add("The ministry said 12 schools reopened.")
    source = DocumentBuilder()
    source.add("Twelve schools reopened on Monday, the ministry said.")
    with Workspace.open(path) as workspace:
        article = workspace.add_article(
            builder.build(Metadata(title="Schools", author="Jane Doe", date="2024-03-02"))
        )
        workspace.add_source(
            article.id,
            source.build(
                Metadata(title="Ministry statement", address="https://gov.example/schools")
            ),
        )
        other = workspace.add_article(builder.build(Metadata(title="Other article")))
        claim = workspace.add_claim(article.id, 0, 38)
        workspace.set_verdict(claim.id, Verdict.SUPPORTED)
        workspace.save_note(claim.id, NOTE)
        workspace.add_tag(claim.id, "education")
    return article.id, other.id


def export(tmp_path: Path, *options: str) -> Path:
    path = tmp_path / "workspace.sqlite"
    article, _ = make_workspace(path)
    out = tmp_path / "out"
    arguments = ["export", "--workspace", str(path), "-o", str(out), "--article", str(article)]
    assert main([*arguments, *options]) == 0
    return out


def test_markdown_stays_the_default(tmp_path: Path) -> None:
    text = export(tmp_path).read_text(encoding="utf-8")
    assert "## Claim 1: Supported" in text
    assert "[Open in sidebyside](sidebyside://open?workspace=" in text
    assert "Other article" not in text


def test_obsidian(tmp_path: Path) -> None:
    text = export(tmp_path, "--format", "obsidian").read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Schools"\n')
    assert "\n^claim-1\n" in text and "> [!quote] Article, paragraph 1" in text
    assert "[Open in sidebyside](sidebyside://open?workspace=" in text


def test_csv(tmp_path: Path) -> None:
    out = export(tmp_path, "--format", "csv")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        [row] = list(csv.DictReader(handle))
    assert row["claim"] == "The ministry said 12 schools reopened."
    assert row["verdict"] == "Supported" and row["tags"] == "education"
    assert row["notes"] == NOTE
    assert row["sources"] == "Ministry statement"  # matched on the way out


def test_claimreview(tmp_path: Path) -> None:
    document = json.loads(export(tmp_path, "--format", "claimreview").read_text("utf-8"))
    [review] = document["@graph"]
    assert review["reviewRating"]["alternateName"] == "Supported"
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Jane Doe"}


def test_csl(tmp_path: Path) -> None:
    items = json.loads(export(tmp_path, "--format", "csl").read_text("utf-8"))
    assert [item["title"] for item in items] == ["Schools", "Ministry statement"]
    assert items[1]["URL"] == "https://gov.example/schools"
    assert items[0]["issued"] == {"date-parts": [[2024, 3, 2]]}


def test_an_unknown_format_is_refused_with_the_known_ones(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "workspace.sqlite"
    make_workspace(path)
    with pytest.raises(SystemExit) as stopped:
        main(["export", "--workspace", str(path), "--format", "bibtex"])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert "bibtex" in error and "claimreview" in error and "csl" in error
