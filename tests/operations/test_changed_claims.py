"""A newer version of an article that changes a judged claim's words asks for the verdict
to be checked again, with the old and the new words, until the reader says it still holds
or sets another; an unchanged claim, or one with no verdict yet, asks nothing."""

from __future__ import annotations

from pathlib import Path

from sidebyside.core.verdicts import Verdict
from sidebyside.operations import ArticleSession, export_text, prepare_article, prepare_revision
from sidebyside.store import Workspace

FIRST = """# Raid on the market town

The monitors said soldiers killed 300 civilians in the market town last week.

A spokesman for the governor said the convoy carried only food and medicine.

Officials promised an inquiry into the raid within a month of the attack.
"""

NEWER = """# Raid on the market town

The monitors said soldiers killed 350 civilians in the market town last week.

A spokesman for the governor said the convoy carried only food and medicine.

Officials promised an inquiry into the raid within two months of the attack.
"""

KILLED = "The monitors said soldiers killed 300 civilians in the market town last week."
CONVOY = "A spokesman for the governor said the convoy carried only food and medicine."
INQUIRY = "Officials promised an inquiry into the raid within a month of the attack."


def with_claims(tmp_path: Path) -> ArticleSession:
    """A session on the first version, its three sentences marked as claims."""
    path = tmp_path / "raid.md"
    path.write_text(FIRST, encoding="utf-8")
    session = ArticleSession.open(tmp_path / "workspace.sqlite")
    session.record_article(prepare_article(path))
    assert session.article_document is not None
    text = session.article_document.text
    for claim in session.claims():
        session.set_dismissed(claim.id, True)  # only the claims marked here count
    for sentence in (KILLED, CONVOY, INQUIRY):
        start = text.index(sentence)
        session.mark_claim(start, start + len(sentence))
    return session


def claims_by_text(session: ArticleSession) -> dict[str, int]:
    return {claim.text: claim.id for claim in session.claims()}


def replace_with(session: ArticleSession, tmp_path: Path, text: str, name: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert session.article is not None
    claims, links = session.anchors_on(session.article.id)
    session.record_revision(prepare_revision(path, session.article.id, claims, links, True))


def test_a_judged_claim_whose_words_changed_asks_for_review_with_both_texts(
    tmp_path: Path,
) -> None:
    session = with_claims(tmp_path)
    try:
        ids = claims_by_text(session)
        session.set_verdict(ids[KILLED], Verdict.SUPPORTED)
        session.set_verdict(ids[CONVOY], Verdict.CONTRADICTED)
        # the inquiry claim stays unreviewed
        replace_with(session, tmp_path, NEWER, "raid-corrected.md")

        killed = session.claim(ids[KILLED])
        assert killed.text == KILLED.replace("300", "350")
        assert killed.verdict is Verdict.SUPPORTED  # kept, but flagged
        assert killed.needs_review and killed.changed_from == KILLED
        assert killed.text_change == (
            "…soldiers killed 300 civilians in…",
            "…soldiers killed 350 civilians in…",
        )

        convoy = session.claim(ids[CONVOY])
        assert convoy.verdict is Verdict.CONTRADICTED and not convoy.needs_review

        inquiry = session.claim(ids[INQUIRY])
        assert "two months" in inquiry.text and not inquiry.needs_review  # no verdict to check

        exported = export_text(session.workspace, [killed.article_id])
        assert "Changed in the newer version: “…soldiers killed 300 civilians in…” → " in exported
    finally:
        session.close()


def test_the_review_ends_only_when_the_reader_sets_a_verdict_and_undo_brings_it_back(
    tmp_path: Path,
) -> None:
    session = with_claims(tmp_path)
    try:
        claim_id = claims_by_text(session)[KILLED]
        session.set_verdict(claim_id, Verdict.SUPPORTED)
        replace_with(session, tmp_path, NEWER, "raid-corrected.md")
        assert session.claim(claim_id).needs_review

        session.open_article(session.claim(claim_id).article_id)  # reading changes nothing
        assert session.claim(claim_id).needs_review

        changes = session.set_verdict(claim_id, Verdict.SUPPORTED)  # the same verdict again
        assert changes.claims == {claim_id}
        assert not session.claim(claim_id).needs_review

        session.set_verdict(claim_id, Verdict.SUPPORTED, changed_from=KILLED)  # an undo
        assert session.claim(claim_id).changed_from == KILLED
    finally:
        session.close()


def test_a_second_newer_version_keeps_the_words_the_verdict_was_given_for(
    tmp_path: Path,
) -> None:
    session = with_claims(tmp_path)
    try:
        claim_id = claims_by_text(session)[KILLED]
        session.set_verdict(claim_id, Verdict.SUPPORTED)
        replace_with(session, tmp_path, NEWER, "raid-corrected.md")
        replace_with(session, tmp_path, NEWER.replace("350", "400"), "raid-again.md")
        claim = session.claim(claim_id)
        assert claim.changed_from == KILLED and "400" in claim.text

        replace_with(session, tmp_path, FIRST, "raid-restored.md")  # back to the judged words
        assert not session.claim(claim_id).needs_review
    finally:
        session.close()


def test_the_review_outlives_reopening_the_workspace(tmp_path: Path) -> None:
    session = with_claims(tmp_path)
    claim_id = claims_by_text(session)[KILLED]
    session.set_verdict(claim_id, Verdict.PARTLY_SUPPORTED)
    replace_with(session, tmp_path, NEWER, "raid-corrected.md")
    session.close()
    with Workspace.open(tmp_path / "workspace.sqlite") as workspace:
        claim = workspace.claim(claim_id)
        assert claim.changed_from == KILLED and claim.verdict is Verdict.PARTLY_SUPPORTED
