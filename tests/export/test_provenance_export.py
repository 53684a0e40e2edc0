"""Who said it first, in the Markdown export: the chain line and the first appearance under
the claim, and the credit for a claim in one source's words credited to another."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager as ContextManager
from pathlib import Path

from sidebyside.operations import ArticleSession, export_text

CLAIM = (
    "At least 4,200 families were forced from their homes in the Tarsel valley, "
    "Meridian Press reported on Tuesday."
)
COPIED = (
    "Our field teams recorded that at least 4,200 families were forced from their homes "
    "in the Tarsel valley between 2 and 9 April, Meridian Press reported."
)
UNSOURCED = "Officials said relief convoys would arrive within the week."


def exported(path: Path, relayed_story: Callable[..., ContextManager[ArticleSession]]) -> str:
    with relayed_story(path, CLAIM, COPIED, UNSOURCED, dated=False) as session:
        assert session.article is not None
        return export_text(session.workspace, [session.article.id])


def section(markdown: str, claim: str) -> str:
    """The export's section of the claim: from its heading to the next."""
    parts = markdown.split("\n## ")
    return next(part for part in parts if claim in part)


def test_the_chain_line_is_under_the_claim(
    tmp_path: Path, relayed_story: Callable[..., ContextManager[ArticleSession]]
) -> None:
    markdown = exported(tmp_path / "workspace.sqlite", relayed_story)
    chain = (
        "*Who said it first: Article → Meridian Press (names Halden Rights Observatory) → "
        "Halden Rights Observatory.*"
    )
    mine = section(markdown, CLAIM)
    assert chain in mine
    assert mine.index("> " + CLAIM[:40]) < mine.index(chain)
    assert "*The wording first appears in Halden Rights Observatory (cited by the others).*" in mine
    assert "Who said it first" not in section(markdown, UNSOURCED)


def test_a_claim_in_the_reports_words_credited_to_the_wire(
    tmp_path: Path, relayed_story: Callable[..., ContextManager[ArticleSession]]
) -> None:
    copied = section(exported(tmp_path / "workspace.sqlite", relayed_story), COPIED)
    assert (
        "*Credited to Meridian Press; the wording is Halden Rights Observatory’s "
        "(Meridian Press names it).*"
    ) in copied
