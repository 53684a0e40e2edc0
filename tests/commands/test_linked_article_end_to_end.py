"""Issue 13 end to end, on the command line: a news article page served from 127.0.0.1
(menus with links of their own, inline links in the sentences that cite, a "Read the full
statement" line, relative addresses with tracking parameters) is fetched as a reader would
save it; `claims --json` gives each claim's cited addresses, clean; `fetch-linked` attaches
the wire story (after its redirect) and the PDF statement with their provenance, explains
the 404 with an archived copy; and the fetched sources hold the claims' passages."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

import news_site as site
from pdf_files import page_of_paragraphs, pdf_bytes
from sidebyside.cli import main
from sidebyside.core.fetching import fetch_url
from sidebyside.core.importers import import_file
from sidebyside.operations import ArticleSession


@pytest.fixture
def base(serve_local: Callable[..., str]) -> str:
    page = page_of_paragraphs(site.STATEMENT_PARAGRAPHS)
    pdf = pdf_bytes([page], title=site.STATEMENT_TITLE)
    return serve_local(site.replies(pdf))


@pytest.fixture
def saved_article(base: str, tmp_path: Path) -> Path:
    """The article page fetched with the app's fetcher (from a shared link with tracking)
    and saved as the page it is."""
    document = fetch_url(base + site.ARTICLE_PATH + "?utm_source=twitter&utm_medium=social")
    assert document.metadata.address == base + site.ARTICLE_PATH  # no tracking kept
    path = tmp_path / document.original_name
    path.write_bytes(document.original)
    assert path.name == "dovrak-water.html"
    return path


def _claims_json(article: Path, capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    assert main(["claims", str(article), "--json"]) == 0
    data: dict = json.loads(capsys.readouterr().out)  # type: ignore[type-arg]
    return data


def test_claims_json_gives_each_claims_cited_addresses_clean_and_absolute(
    saved_article: Path, base: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _claims_json(saved_article, capsys)

    links = {claim["text"]: claim["links"] for claim in data["claims"]}
    wire, report = base + site.WIRE, base + site.HRW
    statement = base + site.STATEMENT  # "../reports/…" resolved against the page's address
    assert links[site.CLAIM_HRW] == [report]
    assert links[site.CLAIM_WIRE] == [wire]
    assert links[site.CLAIM_BOARD] == [statement]  # the "Read the full statement" line
    assert links[site.CLAIM_CHAIN] == [wire]
    every = {address for addresses in links.values() for address in addresses}
    assert every == {report, wire, statement}  # the menu's, aside's and footer's links: none
    missing = {entry["name"]: entry["addresses"] for entry in data["missing_sources"]}
    assert missing["Human Rights Watch"] == [report]
    assert missing["Meridian Wire"] == [wire]
    assert missing["Dovrak Water Board"] == [statement]

    text = json.loads(_text_json(saved_article, capsys))
    assert "Read the full statement" in text["text"]
    assert {link["address"] for link in text["links"]} == {report, wire, statement}


def _text_json(article: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["text", str(article), "--json"]) == 0
    return capsys.readouterr().out


def test_fetch_linked_attaches_the_redirected_story_and_the_pdf_and_explains_the_404(
    saved_article: Path, base: str, workspace_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = datetime.now(UTC).replace(microsecond=0)

    status = main(["fetch-linked", str(saved_article), "--workspace", str(workspace_path)])

    lines = capsys.readouterr().out.splitlines()
    assert status == 1  # one address could not be fetched
    assert lines == [
        f"{base}{site.HRW}: not attached — The server answered 404 Not Found. "
        f"Archived copy: https://web.archive.org/web/{base}{site.HRW}",
        f"{base}{site.WIRE}: attached as “Ministry pledges Dovrak pipe repairs by May”",
        f"{base}{site.STATEMENT}: attached as “{site.STATEMENT_TITLE}”",
    ]
    assert not any("utm_" in request for request in site.REQUESTS[1:])  # clean addresses asked

    session = ArticleSession.open(workspace_path)
    try:
        (article,) = session.articles()
        assert article.address == base + site.ARTICLE_PATH
        session.open_article(article.id)
        stored = {info.address: (info, source) for info, source in session.sources}
        assert set(stored) == {base + site.WIRE_FINAL, base + site.STATEMENT}
        for info, source in stored.values():
            assert datetime.fromisoformat(info.imported_at) >= before
            assert info.content_hash == hashlib.sha256(source.text.encode()).hexdigest()
        wire, wire_text = stored[base + site.WIRE_FINAL]
        assert wire.format == "html" and "Meridian Wire" in wire.names
        statement, statement_text = stored[base + site.STATEMENT]
        assert statement.format == "pdf" and "Dovrak Water Board" in statement.names
        # the wire story's own link to the statement, resolved against where it came from
        assert [link.address for link in wire_text.links] == [base + site.STATEMENT]

        session.match_all()
        passages: dict[str, dict[int, list[str]]] = {}
        chains = {}
        for claim in session.claims():
            found = passages.setdefault(claim.text, {})
            links = session.links_of(claim.id)
            for link in sorted(links, key=lambda link: link.rank):
                found.setdefault(link.source_id, []).append(link.text)
            chains[claim.text] = session.provenance_of(claim, links)
    finally:
        session.close()
    best = {
        claim: {source: found[0] for source, found in by.items()} for claim, by in passages.items()
    }
    board_passage = best[site.CLAIM_BOARD][statement.id]  # from the PDF
    assert "Repairing the network would cost 2.4 million euros and take two years." in (
        board_passage
    )
    assert best[site.CLAIM_CHAIN][wire.id].startswith("About 80 per cent of the pipes")
    assert (
        "About 80 per cent of the pipes in Dovrak are over forty years old."
        in (best[site.CLAIM_CHAIN][statement.id])
    )
    assert "repair the Dovrak pipes by 12 May" in best[site.CLAIM_WIRE][wire.id]
    assert statement.id not in best[site.CLAIM_WIRE]
    # who said it first: the article credits the wire, whose passage links the statement
    names = {str(wire.id): "Meridian Wire", str(statement.id): "Dovrak Water Board"}
    assert chains[site.CLAIM_CHAIN].chain_line(names) == (
        "Article → Meridian Wire (links to Dovrak Water Board) → Dovrak Water Board"
    )

    # Run again: nothing new is attached, the 404 is still explained. (The wire story is
    # asked for again: only the address it redirected to is kept, not the one linked.)
    site.REQUESTS.clear()
    main(["fetch-linked", str(saved_article), "--workspace", str(workspace_path)])
    again = capsys.readouterr().out
    assert again.count("already attached") == 2 and "404 Not Found" in again
    assert site.STATEMENT not in site.REQUESTS


def test_the_fetched_sources_give_the_chain_article_wire_statement(
    saved_article: Path, base: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wire = fetch_url(base + site.WIRE)
    statement = fetch_url(base + site.STATEMENT)
    paths = []
    for document in (wire, statement):
        path = tmp_path / document.original_name
        path.write_bytes(document.original)
        paths.append(path)
    wire_path, statement_path = paths
    # a PDF on disk names nobody: the reader names it, as the workspace does when fetching
    alias = f"{statement_path}=Dovrak Water Board"
    assert main(["claims", str(saved_article), *map(str, paths), "--alias", alias, "--json"]) == 0
    claims = {claim["text"]: claim for claim in json.loads(capsys.readouterr().out)["claims"]}

    chain = claims[site.CLAIM_CHAIN]["chain"]
    assert [step["document"] for step in chain] == [
        str(saved_article),
        str(wire_path),
        str(statement_path),
    ]
    assert chain[1]["via"] == "Meridian Wire"  # files on disk: by name, they keep no address
    wire_text = import_file(wire_path).text
    assert "80 per cent" in wire_text[chain[1]["start"] : chain[1]["end"]]
    cited = chain[2]["cited_at"]  # where the wire story names (or links) the statement
    assert wire_text[cited["start"] : cited["end"]] in ("Dovrak Water Board", "statement")
