"""Free labels on claims ("disputed", "budget"): adding, removing, listing them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import cast

from peewee import fn

from sidebyside.store.models import ClaimRow, ClaimTagRow, database


def clean_tag(tag: str) -> str:
    """A tag as stored: surrounding space dropped, inner runs of space made one."""
    return " ".join(tag.split())


def tags_by_claim(
    article_id: int | None = None, claim_ids: list[int] | None = None
) -> dict[int, tuple[str, ...]]:
    """The tags of an article's claims (or of the claims named), each claim's in order of
    their words."""
    query = ClaimTagRow.select(ClaimTagRow.claim, ClaimTagRow.tag)
    if article_id is not None:
        query = query.join(ClaimRow).where(ClaimRow.article == article_id)
    if claim_ids is not None:
        query = query.where(ClaimTagRow.claim.in_(claim_ids))
    found: dict[int, list[str]] = defaultdict(list)
    for row in query.order_by(fn.LOWER(ClaimTagRow.tag), ClaimTagRow.tag):
        found[row.claim_id].append(row.tag)
    return {claim_id: tuple(tags) for claim_id, tags in found.items()}


class TagActions:
    def tags_of(self, claim_id: int) -> tuple[str, ...]:
        return tags_by_claim(claim_ids=[claim_id]).get(claim_id, ())

    def add_tag(self, claim_id: int, tag: str) -> str:
        """Put `tag` on a claim; returns the tag as stored ("" if it was only space).

        A tag the workspace already uses in another case ("Budget" for "budget") is
        written as it is used already, so that one label does not become two."""
        cleaned = clean_tag(tag)
        if not cleaned:
            return ""
        with database.atomic():
            known = (
                ClaimTagRow.select(ClaimTagRow.tag)
                .where(fn.LOWER(ClaimTagRow.tag) == cleaned.lower())
                .order_by(ClaimTagRow.id)
                .scalar()
            )
            stored = known or cleaned
            ClaimTagRow.insert(claim=claim_id, tag=stored).on_conflict_ignore().execute()
        return str(stored)

    def remove_tag(self, claim_id: int, tag: str) -> None:
        with database.atomic():
            ClaimTagRow.delete().where(
                (ClaimTagRow.claim == claim_id) & (ClaimTagRow.tag == clean_tag(tag))
            ).execute()

    def set_tags(self, claim_id: int, tags: Sequence[str]) -> tuple[str, ...]:
        """Make a claim's tags these, in one transaction; returns them as stored."""
        wanted = {clean_tag(tag).lower(): clean_tag(tag) for tag in tags if clean_tag(tag)}
        with database.atomic():
            for tag in self.tags_of(claim_id):
                if tag.lower() not in wanted:
                    self.remove_tag(claim_id, tag)
            for tag in wanted.values():
                self.add_tag(claim_id, tag)
        return self.tags_of(claim_id)

    def workspace_tags(self) -> list[tuple[str, int]]:
        """Every tag in the workspace with how many claims carry it, most used first."""
        count = fn.COUNT(ClaimTagRow.id)
        query = (
            ClaimTagRow.select(ClaimTagRow.tag, count.alias("uses"))
            .group_by(ClaimTagRow.tag)
            .order_by(count.desc(), fn.LOWER(ClaimTagRow.tag))
            .tuples()
        )
        rows = cast(Iterable[tuple[str, int]], query)
        return [(str(tag), int(uses)) for tag, uses in rows]
