"""`sidebyside search`: hits best first, as lines or as JSON, with the filters."""

from __future__ import annotations

import json
from pathlib import Path

from sidebyside.cli import main
from sidebyside.core.document import DocumentBuilder, Metadata
from sidebyside.core.verdicts import Verdict
from sidebyside.store import Workspace

ARTICLE = "The ministry said 12 schools reopened after the floods."
SOURCE = "Only nine schools reopened, the inspectors wrote."


def make_workspace(path: Path) -> dict[str, int]:
    with Workspace.open(path) as workspace:
        builder = DocumentBuilder()
        builder.add(ARTICLE)
        article = workspace.add_article(builder.build(Metadata(title="Schools")))
        builder = DocumentBuilder()
        builder.add(SOURCE)
        source = workspace.add_source(article.id, builder.build(Metadata(title="Inspection")))
        claim = workspace.add_claim(article.id, 0, ARTICLE.index(" after"))
        workspace.set_verdict(claim.id, Verdict.CONTRADICTED)
        workspace.save_note(claim.id, "The inspectors counted nine schools.")
        workspace.add_tag(claim.id, "education")
        return {"article": article.id, "source": source.id, "claim": claim.id}


def search_json(path: Path, capsys, *words: str) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    assert main(["search", "--workspace", str(path), *words, "--json"]) == 0
    return list(json.loads(capsys.readouterr().out)["hits"])


def test_search_json_names_each_hit_and_its_place(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "workspace.sqlite"
    ids = make_workspace(path)
    hits = search_json(path, capsys, "schools")
    assert {tuple(sorted(hit)) for hit in hits} == {
        ("article_id", "claim_id", "context", "document", "document_id", "end", "kind", "start")
    }
    by_kind = {hit["kind"]: hit for hit in hits}
    assert set(by_kind) == {"article", "source", "claim", "note"}
    assert by_kind["article"] == {
        "document": "Schools",
        "document_id": ids["article"],
        "kind": "article",
        "start": ARTICLE.index("schools"),
        "end": ARTICLE.index("schools") + len("schools"),
        "context": ARTICLE,
        "claim_id": None,
        "article_id": ids["article"],
    }
    assert by_kind["source"]["document"] == "Inspection"
    assert by_kind["source"]["document_id"] == ids["source"]
    assert by_kind["source"]["start"] == SOURCE.index("schools")
    for kind in ("claim", "note"):  # named by their article; offsets in their own text
        assert by_kind[kind]["document_id"] == ids["article"]
        assert by_kind[kind]["claim_id"] == ids["claim"]
    note = "The inspectors counted nine schools."
    assert by_kind["note"]["start"] == note.index("schools")


def test_filters_narrow_the_hits(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "workspace.sqlite"
    ids = make_workspace(path)
    kinds = {hit["kind"] for hit in search_json(path, capsys, "schools", "--verdict", "supported")}
    assert kinds == set()
    contradicted = search_json(path, capsys, "schools", "--verdict", "Contradicted")
    assert {hit["kind"] for hit in contradicted} == {"article", "claim", "note"}
    tagged = search_json(path, capsys, "inspectors", "--tag", "education")
    assert {hit["kind"] for hit in tagged} == {"note"}
    source = search_json(path, capsys, "inspectors", "--source", str(ids["source"]))
    assert {hit["kind"] for hit in source} == {"source"}  # the source itself; no link yet
    assert search_json(path, capsys, "schools", "--since", "2999-01-01") == []


def test_plain_output_and_mistakes_said_in_one_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "workspace.sqlite"
    make_workspace(path)
    assert main(["search", "--workspace", str(path), "floods"]) == 0
    assert capsys.readouterr().out == (
        "article Schools (#1) 48–54: …ministry said 12 schools reopened after the floods.\n"
    )
    assert main(["search", "--workspace", str(path), "x", "--since", "March"]) == 2
    assert "is not a date" in capsys.readouterr().err
    assert main(["search", "--workspace", str(path), "x", "--verdict", "maybe"]) == 2
    assert "no verdict 'maybe'" in capsys.readouterr().err
    assert main(["search", "--workspace", str(path), "x", "--source", "99"]) == 2
    assert "no source with id 99" in capsys.readouterr().err
    assert main(["search", "--workspace", str(tmp_path / "none.sqlite"), "x"]) == 2
