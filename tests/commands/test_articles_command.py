"""`sidebyside articles`: every article of a workspace with its sources and progress."""

from __future__ import annotations

import json
from pathlib import Path

from sidebyside.cli import main
from sidebyside.core.document import DocumentBuilder, Metadata
from sidebyside.core.verdicts import Verdict
from sidebyside.store import Workspace


def make_document(text: str, title: str):  # type: ignore[no-untyped-def]
    builder = DocumentBuilder()
    builder.add(text)
    return builder.build(Metadata(title=title))


def make_workspace(path: Path) -> tuple[int, int]:
    with Workspace.open(path) as workspace:
        article = workspace.add_article(
            make_document("The port handled 3 million containers last year.", "Port traffic")
        )
        source = workspace.add_source(
            article.id, make_document("Throughput: 2.9 million containers.", "Port annual report")
        )
        claim = workspace.add_claim(article.id, 0, 48)
        workspace.set_verdict(claim.id, Verdict.PARTLY_SUPPORTED)
        workspace.add_claim(article.id, 0, 8)
    return article.id, source.id


def test_articles_json_names_ids_titles_sources_and_verdicts(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "workspace.sqlite"
    article_id, source_id = make_workspace(path)
    assert main(["articles", "--workspace", str(path), "--json"]) == 0
    [article] = json.loads(capsys.readouterr().out)["articles"]
    assert article["id"] == article_id and article["title"] == "Port traffic"
    assert article["sources"] == [{"id": source_id, "title": "Port annual report"}]
    assert article["claims"] == 2
    assert article["verdicts"]["partly_supported"] == 1
    assert article["verdicts"]["unreviewed"] == 1
    assert article["verdicts"]["supported"] == 0
    assert article["summary"] == "2 claims: 1 partly supported, 1 unreviewed"


def test_articles_as_text(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "workspace.sqlite"
    article_id, source_id = make_workspace(path)
    assert main(["articles", "--workspace", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"#{article_id} Port traffic" in out
    assert "2 claims: 1 partly supported, 1 unreviewed" in out
    assert f"#{source_id} Port annual report" in out


def test_a_missing_workspace_is_one_line_and_status_2(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["articles", "--workspace", str(tmp_path / "none.sqlite")]) == 2
    assert "there is no workspace" in capsys.readouterr().err
