"""`sidebyside export`: a workspace's notes as Markdown, from the command line."""

from __future__ import annotations

from pathlib import Path

from sidebyside.cli import main
from sidebyside.core.document import DocumentBuilder, Metadata
from sidebyside.core.verdicts import Verdict
from sidebyside.store import Workspace


def make_workspace(path: Path) -> None:
    builder = DocumentBuilder()
    builder.add("The ministry said 12 schools reopened.")
    with Workspace.open(path) as workspace:
        article = workspace.add_article(builder.build(Metadata(title="Schools")))
        claim = workspace.add_claim(article.id, 0, 38)
        workspace.set_verdict(claim.id, Verdict.UNVERIFIABLE)
        workspace.save_note(claim.id, "Asked the ministry; no answer yet.")


def test_export_writes_the_notes_file(tmp_path: Path) -> None:
    path = tmp_path / "workspace.sqlite"
    make_workspace(path)
    out = tmp_path / "notes.md"
    assert main(["export", "--workspace", str(path), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "# Schools" in text
    assert "## Claim 1: Unverifiable" in text
    assert "> The ministry said 12 schools reopened." in text
    assert "Asked the ministry; no answer yet." in text


def test_export_to_stdout(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "workspace.sqlite"
    make_workspace(path)
    assert main(["export", "--workspace", str(path)]) == 0
    assert "## Claim 1: Unverifiable" in capsys.readouterr().out


def test_export_of_a_missing_workspace_explains_and_creates_nothing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "nowhere.sqlite"
    assert main(["export", "--workspace", str(path)]) == 2
    assert "there is no workspace" in capsys.readouterr().err
    assert not path.exists()


def test_export_of_an_unknown_article_is_refused(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "workspace.sqlite"
    make_workspace(path)
    assert main(["export", "--workspace", str(path), "--article", "99"]) == 2
    assert "no article with id 99" in capsys.readouterr().err


def test_export_finds_passages_for_claims_never_opened(tmp_path: Path) -> None:
    path = tmp_path / "workspace.sqlite"
    make_workspace(path)
    source = DocumentBuilder()
    source.add("Twelve schools reopened on Monday, the ministry said in a statement.")
    with Workspace.open(path) as workspace:
        [article] = workspace.articles()
        workspace.add_source(article.id, source.build(Metadata(title="Ministry statement")))
    out = tmp_path / "notes.md"
    assert main(["export", "--workspace", str(path), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "> Twelve schools reopened on Monday, the ministry said in a statement." in text
    assert "**Ministry statement**" in text
