"""Fetching the addresses an article's claims link, one after another (slow: background),
and attaching each as the article's source.

`fetch_linked` is the pure half: it fetches, on request only, and says for each address
what came back or why nothing did. `ArticleSession.record_linked` is the writing half.
Each kept page carries its provenance: the address it was fetched from (after
redirects), the time of retrieval and the hash of its text (see `core.fetching`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sidebyside.core.citations import archived_address
from sidebyside.core.document import Document
from sidebyside.core.errors import SidebysideError
from sidebyside.core.progress import Cancelled, current_progress


class Outcome(StrEnum):
    ATTACHED = "attached"
    ALREADY = "already attached"
    FAILED = "not attached"


@dataclass(frozen=True)
class LinkedTarget:
    """An address to fetch and the name the article cites it by ("" when none)."""

    address: str
    name: str = ""


@dataclass(frozen=True)
class Fetched:
    """What fetching one address gave: the page, or why there is none."""

    target: LinkedTarget
    document: Document | None = None
    reason: str = ""


@dataclass(frozen=True)
class LinkedResult:
    """What became of one address: attached (as `title`), already attached, or not, and why."""

    address: str
    outcome: Outcome
    title: str = ""
    reason: str = ""
    source_id: int | None = None

    @property
    def archived(self) -> str:
        """The archived copy a reader may open instead when the page could not be had."""
        return archived_address(self.address)

    def describe(self) -> str:
        """One line for a person."""
        if self.outcome is Outcome.FAILED:
            return f"{self.address}: not attached — {self.reason} Archived copy: {self.archived}"
        return f"{self.address}: {self.outcome} as \u201c{self.title}\u201d"


def fetch_linked(targets: Sequence[LinkedTarget], *, timeout: float = 20) -> list[Fetched]:
    """Fetch each address in turn, reporting progress to (and stoppable by) the current
    `Progress`; a page that cannot be had says why instead of stopping the rest."""
    from sidebyside.operations.reading import fetch_source

    progress = current_progress()
    fetched: list[Fetched] = []
    for number, target in enumerate(targets):
        progress.advance(
            number, len(targets), f"fetching {number + 1} of {len(targets)}: {target.address}"
        )
        try:
            document = fetch_source(target.address, target.name, timeout=timeout)
        except Cancelled:
            raise
        except SidebysideError as error:
            fetched.append(Fetched(target, reason=_reason(str(error), target.address)))
        else:
            fetched.append(Fetched(target, document))
    progress.advance(len(targets), len(targets), "fetched")
    return fetched


def _reason(message: str, address: str) -> str:
    """The fetcher's message without its "Could not fetch ADDRESS:" opening."""
    for opening in (f"Could not fetch {address}: ", "Could not fetch "):
        if message.startswith(opening):
            message = message[len(opening) :]
            break
    message = message[:1].upper() + message[1:]
    return message if message.endswith((".", "!", "?")) else message + "."
