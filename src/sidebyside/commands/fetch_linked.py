"""`sidebyside fetch-linked ARTICLE --workspace PATH [--only ADDRESS]…`: fetch the addresses
the article's claims link and attach each as its source.

The article is imported into the workspace unless it holds it already. Each address is
fetched in turn (network on this command only) and kept with its provenance: the address
it came from after redirects, the time of retrieval and the hash of its text. One line per
address says it was attached (with its title), was attached already, or why not, with the
address of its archived copy to open instead.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sidebyside.commands.text import write_output
from sidebyside.core.citations import same_address
from sidebyside.core.document import Document
from sidebyside.operations.citations import Citations, read_citations
from sidebyside.operations.linked_sources import (
    LinkedResult,
    LinkedTarget,
    Outcome,
    fetch_linked,
)
from sidebyside.operations.reading import prepare_article
from sidebyside.operations.session import ArticleSession


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "fetch-linked",
        help="fetch the sources an article links from its claims into a workspace",
        description=(
            "Import ARTICLE into the workspace (unless it is there already), fetch every "
            "address its claims link (or only those given with --only) and attach each as "
            "the article's source, with the address, time of retrieval and hash. Prints one "
            "line per address: attached, already attached, or why not, with its archived copy."
        ),
    )
    parser.add_argument("article", metavar="ARTICLE", type=Path, help="the article (a file)")
    parser.add_argument(
        "--workspace", metavar="PATH", type=Path, required=True, help="workspace file (SQLite)"
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="ADDRESS",
        help="fetch only this address (repeatable)",
    )
    parser.add_argument(
        "--timeout", type=float, default=20, metavar="SECONDS", help="give up on a page after this"
    )


def run(args: argparse.Namespace) -> int:
    prepared = prepare_article(args.article)
    session = ArticleSession.open(args.workspace)
    try:
        existing = session.article_with_text_of(prepared.document)
        if existing is None:
            session.record_article(prepared)
        else:
            session.open_article(existing.id, remember=False)
        assert session.article is not None
        results = fetch_and_attach(session, prepared.document, args.only, timeout=args.timeout)
    finally:
        session.close()
    if not results:
        return write_output(f"{args.article.name} links no address from its claims.\n")
    write_output("".join(result.describe() + "\n" for result in results))
    return 1 if any(result.outcome is Outcome.FAILED for result in results) else 0


def fetch_and_attach(
    session: ArticleSession, article: Document, only: list[str], *, timeout: float = 20
) -> list[LinkedResult]:
    """Fetch the article's linked addresses not attached yet (or `only` these) and attach
    them; addresses a source was kept from already are reported without fetching."""
    assert session.article is not None
    article_id, _, claims, sources = session.citation_work()
    citations: Citations = read_citations(article, claims, sources)  # the links as read now
    names = {linked.address: linked.name for linked in citations.linked}
    addresses = list(dict.fromkeys(only)) if only else list(names)
    targets: list[LinkedTarget] = []
    known: dict[str, LinkedResult] = {}
    for address in addresses:
        info = session.linked_already(article_id, address)
        if info is not None:
            title = info.title or info.original_name
            known[address] = LinkedResult(address, Outcome.ALREADY, title, source_id=info.id)
        else:
            name = next((n for a, n in names.items() if same_address(a, address)), "")
            targets.append(LinkedTarget(address, name))
    fetched, _changes = session.record_linked(article_id, fetch_linked(targets, timeout=timeout))
    by_address = {result.address: result for result in fetched}
    return [known.get(address) or by_address[address] for address in addresses]
