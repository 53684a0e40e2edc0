"""CSL-JSON of the article and its sources: the fields citation processors need.

No well-kept Python package ships the CSL-JSON schema (csl-data.json), so the test checks
the schema's required fields and the shapes of the fields written."""

from __future__ import annotations

import json

from sidebyside.export.citation_fields import names_of
from sidebyside.operations import export_text
from sidebyside.store import Workspace

from .conftest import Built

# The item types of CSL 1.0.2.
CSL_TYPES = frozenset(
    [
        "article",
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "bill",
        "book",
        "broadcast",
        "chapter",
        "classic",
        "collection",
        "dataset",
        "document",
        "entry",
        "entry-dictionary",
        "entry-encyclopedia",
        "event",
        "figure",
        "graphic",
        "hearing",
        "interview",
        "legal_case",
        "legislation",
        "manuscript",
        "map",
        "motion_picture",
        "musical_score",
        "pamphlet",
        "paper-conference",
        "patent",
        "performance",
        "periodical",
        "personal_communication",
        "post",
        "post-weblog",
        "regulation",
        "report",
        "review",
        "review-book",
        "software",
        "song",
        "speech",
        "standard",
        "thesis",
        "treaty",
        "webpage",
    ]
)


def check_item(item: dict) -> None:  # type: ignore[type-arg]
    assert isinstance(item["id"], str) and item["id"]
    assert item["type"] in CSL_TYPES
    for name in item.get("author", []):
        assert set(name) in ({"family", "given"}, {"literal"})
    for field in ("issued", "accessed"):
        if field in item:
            value = item[field]
            assert "date-parts" in value or "literal" in value
            for parts in value.get("date-parts", []):
                assert 1 <= len(parts) <= 3 and all(isinstance(part, int) for part in parts)


def test_the_article_and_each_source_are_one_item_each(workspace: Workspace, built: Built) -> None:
    items = json.loads(export_text(workspace, [built.article_id], "csl"))
    assert isinstance(items, list)
    for item in items:
        check_item(item)
    assert len({item["id"] for item in items}) == 3
    article, wire, report = items
    assert article["type"] == "article-newspaper"
    assert article["title"] == "Borrowed Army"
    assert article["author"] == [
        {"family": "Doe", "given": "Jane"},
        {"family": "de la Cruz", "given": "Ana"},
    ]
    assert article["issued"] == {"date-parts": [[2024, 5, 1]]}
    assert article["container-title"] == "Norland Courier"
    assert article["URL"] == "https://courier.example/borrowed-army"
    assert len(article["accessed"]["date-parts"][0]) == 3
    assert wire["type"] == "webpage"
    assert wire["author"] == [{"literal": "Meridian Press"}]
    assert wire["issued"] == {"date-parts": [[2024, 4, 30]]}
    assert report["type"] == "report"
    assert report["publisher"] == "Observatory"
    assert report["issued"] == {"date-parts": [[2025]]}
    assert "URL" not in report and "accessed" not in report


def test_author_fields_split_into_people_and_organisations() -> None:
    def shown(author: str) -> list[tuple[str, str, str]]:
        return [(name.given, name.family, name.literal) for name in names_of(author)]

    assert shown("Doe, Jane") == [("Jane", "Doe", "")]
    assert shown("Jane Doe, John Roe") == [("Jane", "Doe", ""), ("John", "Roe", "")]
    assert shown("Jane Doe and John Roe") == [("Jane", "Doe", ""), ("John", "Roe", "")]
    assert shown("Human Rights Watch") == [("", "", "Human Rights Watch")]
    assert shown("Reuters") == [("", "", "Reuters")]
    assert shown("") == []
