"""The archived copy offered for a page that cannot be fetched."""

from __future__ import annotations

from sidebyside.core.citations import archived_address


def test_a_page_gets_its_wayback_address_and_an_archived_page_keeps_its_own() -> None:
    page = "https://news.example/2024/story?id=3"
    assert (
        archived_address(page) == "https://web.archive.org/web/https://news.example/2024/story?id=3"
    )
    kept = "https://web.archive.org/web/20191113015611/https://news.example/story"
    assert archived_address(kept) == kept
