"""Following a `sidebyside://` address: the workspace it names and the claim it points at,
or, when they are gone, why not in words (the address may be older than the workspace)."""

from __future__ import annotations

from sidebyside.core.deep_links import ClaimAddress
from sidebyside.core.errors import SidebysideError
from sidebyside.core.importers.formats import quoted
from sidebyside.operations.session import ArticleSession
from sidebyside.records import ClaimRecord


class ClaimNotFound(SidebysideError):
    """An address names a workspace, article or claim that is no longer there."""


def check_workspace_of(address: ClaimAddress) -> None:
    """An address never makes a new, empty workspace where its own has gone."""
    if not address.workspace.is_file():
        raise ClaimNotFound(
            f"The workspace {quoted(str(address.workspace))} the link points to is not "
            "there (moved, renamed or deleted?)."
        )


def open_session_at(address: ClaimAddress) -> ArticleSession:
    """A session on the address's workspace, once it is known to hold the claim."""
    check_workspace_of(address)
    session = ArticleSession.open(address.workspace)
    try:
        claim_at(session, address)
    except SidebysideError:
        session.close()
        raise
    return session


def claim_at(session: ArticleSession, address: ClaimAddress) -> ClaimRecord:
    """The claim the address points at, in the article it names."""
    article = next((info for info in session.articles() if info.id == address.article_id), None)
    if article is None:
        raise ClaimNotFound(
            f"The workspace {quoted(session.path.name)} no longer holds the article the "
            f"link points to (article {address.article_id})."
        )
    claim = session.claim(address.claim_id) if session.claim_exists(address.claim_id) else None
    if claim is None or claim.article_id != article.id:
        title = article.title or article.original_name
        raise ClaimNotFound(
            f"The article {quoted(title)} no longer has the claim the link points to "
            f"(claim {address.claim_id})."
        )
    return claim
