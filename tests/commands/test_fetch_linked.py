"""sidebyside fetch-linked: the addresses an article's claims link, fetched from a server on
127.0.0.1, attached with their provenance, or refused with the reason and an archived copy."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

import linked_site as site
from pdf_files import pdf_bytes
from sidebyside.cli import main
from sidebyside.commands.claims import to_json
from sidebyside.commands.fetch_linked import fetch_and_attach
from sidebyside.core.citations import cite_sources, claim_links
from sidebyside.core.claims import suggest_claims
from sidebyside.operations import ArticleSession, PreparedArticle
from sidebyside.operations.linked_sources import Outcome


@pytest.fixture
def base(serve_local: Callable[..., str]) -> str:
    pdf = pdf_bytes([site.STATEMENT_LINES], title="Statement on the Dovrak pipes")
    return serve_local(site.replies(pdf))


@pytest.fixture
def session(workspace_path: Path, base: str) -> Iterator[ArticleSession]:
    opened = ArticleSession.open(workspace_path)
    document = site.article(base)
    opened.record_article(PreparedArticle(document, tuple(suggest_claims(document))))
    yield opened
    opened.close()


def test_each_claim_cites_the_address_linked_in_its_sentence(base: str) -> None:
    document = site.article(base)
    claims = suggest_claims(document)
    links = claim_links(document, [c.span for c in claims], [c.cues for c in claims])
    cited = {claim.text: addresses for claim, addresses in zip(claims, links, strict=True)}

    assert cited == {
        site.SENTENCES[0]: (base + "/hrw-report",),
        site.SENTENCES[1]: (base + "/wire-story",),
        site.SENTENCES[2]: (base + "/board.pdf",),
    }


def test_claims_json_lists_each_claims_links_and_each_missing_sources_addresses(
    base: str,
) -> None:
    document = site.article(base)
    claims = suggest_claims(document)
    links = claim_links(document, [c.span for c in claims], [c.cues for c in claims])
    data = json.loads(json.dumps(to_json(claims, cite_sources(claims, [], links))))

    assert [claim["links"] for claim in data["claims"]] == [
        [base + "/hrw-report"],
        [base + "/wire-story"],
        [base + "/board.pdf"],
    ]
    missing = {entry["name"]: entry for entry in data["missing_sources"]}
    assert missing["Human Rights Watch"]["addresses"] == [base + "/hrw-report"]
    assert missing["Human Rights Watch"]["claims_by_address"] == {base + "/hrw-report": [0]}
    assert missing["Meridian Wire"]["addresses"] == [base + "/wire-story"]


def test_fetching_the_linked_sources_attaches_two_with_provenance_and_explains_the_404(
    session: ArticleSession, base: str
) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    document = site.article(base)

    results = fetch_and_attach(session, document, [])

    outcomes = {result.address: result for result in results}
    assert [result.address for result in results] == [
        base + "/hrw-report",
        base + "/wire-story",
        base + "/board.pdf",
    ]
    missing = outcomes[base + "/hrw-report"]
    assert missing.outcome is Outcome.FAILED
    assert "404" in missing.reason
    assert missing.archived == f"https://web.archive.org/web/{base}/hrw-report"
    assert "Archived copy: https://web.archive.org/web/" in missing.describe()
    assert outcomes[base + "/wire-story"].outcome is Outcome.ATTACHED
    assert outcomes[base + "/board.pdf"].outcome is Outcome.ATTACHED
    assert outcomes[base + "/board.pdf"].title == "Statement on the Dovrak pipes"

    session.open_article(session.article.id if session.article else None)
    stored = {info.address: info for info, _ in session.sources}
    assert set(stored) == {base + "/news/wire-story", base + "/board.pdf"}  # after redirects
    for info, source in session.sources:
        assert datetime.fromisoformat(info.imported_at) >= before
        assert info.content_hash == hashlib.sha256(source.text.encode()).hexdigest()
    assert stored[base + "/board.pdf"].format == "pdf"
    assert "Meridian Wire" in stored[base + "/news/wire-story"].aliases  # the name it is cited by


def test_fetched_sources_answer_the_claims_that_link_them(
    session: ArticleSession, base: str
) -> None:
    from sidebyside.operations import read_citations

    document = site.article(base)
    fetch_and_attach(session, document, [])
    session.open_article(session.article.id if session.article else None)
    _, _, claims, sources = session.citation_work()

    citations = read_citations(document, claims, sources)

    by_text = {session.claim(claim_id).text: cited for claim_id, cited in citations.cited.items()}
    ids = {info.address.rsplit("/", 1)[-1]: info.id for info, _ in session.sources}
    assert by_text[site.SENTENCES[1]] == (ids["wire-story"],)
    assert by_text[site.SENTENCES[2]] == (ids["board.pdf"],)
    assert [missing.name for missing in citations.missing] == ["Human Rights Watch"]
    assert [linked.address for linked in citations.to_fetch] == [base + "/hrw-report"]


def test_a_second_run_skips_what_is_attached(session: ArticleSession, base: str) -> None:
    document = site.article(base)
    fetch_and_attach(session, document, [])
    site.REQUESTS.clear()

    again = fetch_and_attach(session, document, [])

    assert [result.outcome for result in again] == [
        Outcome.FAILED,
        Outcome.ALREADY,
        Outcome.ALREADY,
    ]
    assert "/board.pdf" not in site.REQUESTS  # its address is the source's: not fetched again
    assert len(session.sources) == 2


def test_only_fetches_the_addresses_given(session: ArticleSession, base: str) -> None:
    results = fetch_and_attach(session, site.article(base), [base + "/board.pdf"])

    assert [(r.address, r.outcome) for r in results] == [(base + "/board.pdf", Outcome.ATTACHED)]
    assert site.REQUESTS == ["/board.pdf"]


def test_the_command_imports_the_article_and_says_when_it_links_nothing(
    tmp_path: Path, workspace_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "plain.txt"
    article.write_text("Officials said 40 wells were dug in the valley last year.\n")

    status = main(["fetch-linked", str(article), "--workspace", str(workspace_path)])

    assert status == 0
    assert "plain.txt links no address from its claims." in capsys.readouterr().out
    session = ArticleSession.open(workspace_path)
    try:
        assert [info.original_name for info in session.articles()] == ["plain.txt"]
    finally:
        session.close()
