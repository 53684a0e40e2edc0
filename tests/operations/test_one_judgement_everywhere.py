"""The command line, the window's matching session and the export give one claim the same
passages, scores, judgements and suggested verdict."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sidebyside.cli import main
from sidebyside.export.content import collect
from sidebyside.export.markdown import export_markdown
from sidebyside.operations import match_remaining_claims, prepare_source
from sidebyside.store import Workspace

ARTICLE = """# Herons on the Orlen

The Orlen Valley Trust counted 512 breeding pairs of grey herons along the river in 2025.

Volunteers walked the same forty kilometres of bank every April, blaming farm run-off for the
loss of the eels.
"""
SURVEY = """The Orlen Valley Trust counted 412 breeding pairs of grey herons along the river in \
the spring of 2025, the highest number since its counts began in 1998.

Volunteers walked the same forty kilometres of bank each April, the trust said.
"""
GAZETTE = """The council has approved a new footbridge at Marrow Ford.

Herons have been seen on the Orlen in growing numbers, birdwatchers say.
"""


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / "article.md", tmp_path / "survey.txt", tmp_path / "gazette.txt"]
    for path, text in zip(paths, (ARTICLE, SURVEY, GAZETTE), strict=True):
        path.write_text(text, encoding="utf-8")
    return paths


def test_cli_window_and_export_agree(
    files: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article, *sources = files
    assert main(["align", str(article), *map(str, sources), "--json", "--top", "5"]) == 0
    printed = json.loads(capsys.readouterr().out)["claims"]

    with Workspace.open(tmp_path / "workspace.sqlite") as workspace:
        from sidebyside.operations import prepare_article, record_article

        info = record_article(workspace, prepare_article(article))
        ids = {
            str(path): workspace.add_source(info.id, prepare_source(path)).id for path in sources
        }
        assert match_remaining_claims(workspace, info.id) == len(printed)
        claims = workspace.claims_of(info.id)
        for shown, claim in zip(printed, claims, strict=True):
            assert shown["text"] == claim.text
            stored = workspace.links_of(claim.id)
            by_place = {(link.source_id, link.start, link.end): link for link in stored}
            assert len(stored) == len(shown["matches"])
            for match in shown["matches"]:
                link = by_place[(ids[match["source"]], match["start"], match["end"])]
                assert link.score == pytest.approx(match["score"])
                assert link.support == match["support"]
                assert [d.explanation for d in link.differences] == [
                    d["explanation"] for d in match["differences"]
                ]
            suggestion = workspace.suggestion_of(claim.id)
            assert suggestion is not None
            assert str(suggestion.verdict) == shown["suggested_verdict"]
            reviewed = workspace.reviewed_suggestion_of(claim.id)  # what window and export show
            assert reviewed == suggestion
        exported = export_markdown(
            collect(
                [workspace.article_report(info.id)],
                workspace=workspace.path,
                exported_on=date(2026, 12, 1),
            )
        )

    changed = printed[0]
    assert changed["suggested_verdict"] == "contradicted"  # 512 where the survey says 412
    best = changed["matches"][0]
    assert best["support"] == "contradicts" and best["source"].endswith("survey.txt")
    # the export gives each source's best passage with the same judgement and score
    assert f"at odds with the claim, score {best['score']:.2f}" in exported
    assert "*The passages suggest: contradicted.*" in exported
    assert "The article says 512; the source says 412." in exported
