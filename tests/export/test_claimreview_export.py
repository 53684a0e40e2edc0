"""ClaimReview JSON-LD: schema.org's required fields for each claim the reader judged."""

from __future__ import annotations

import json

from sidebyside.core.deep_links import claim_address
from sidebyside.operations import export_text
from sidebyside.store import Workspace

from .conftest import CLAIMS, Built


def test_one_review_per_judged_claim_with_the_required_fields(
    workspace: Workspace, built: Built
) -> None:
    document = json.loads(export_text(workspace, [built.article_id], "claimreview"))
    assert document["@context"] == "https://schema.org"
    reviews = document["@graph"]
    assert [review["claimReviewed"] for review in reviews] == list(CLAIMS[:2])  # not unreviewed
    for review in reviews:
        assert review["@type"] == "ClaimReview"
        assert review["url"]
        assert review["reviewRating"]["@type"] == "Rating"
        assert review["reviewRating"]["alternateName"]
    first, second = reviews
    assert first["reviewRating"]["alternateName"] == "Contradicted"
    assert second["reviewRating"]["alternateName"] == "Supported"
    assert first["url"] == claim_address(workspace.path, built.article_id, built.claim_ids[0])
    assert first["keywords"] == ["disputed", "military aid"]


def test_the_claim_reviewed_names_who_said_it_when_and_where(
    workspace: Workspace, built: Built
) -> None:
    document = json.loads(export_text(workspace, [built.article_id], "claimreview"))
    claim = document["@graph"][0]["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["author"] == [
        {"@type": "Person", "name": "Jane Doe"},
        {"@type": "Person", "name": "Ana de la Cruz"},
    ]
    assert claim["datePublished"] == "2024-05-01"
    appearance = claim["appearance"]
    assert appearance["url"] == "https://courier.example/borrowed-army"
    assert appearance["name"] == "Borrowed Army"
    assert appearance["publisher"] == {"@type": "Organization", "name": "Norland Courier"}
    # the sources of the passages the reader stands behind are its citations
    assert [work["name"] for work in document["@graph"][0]["citation"]] == [
        "Instructors arrive, officials say",
        "Annual survey, 2025",
    ]


def test_notes_stay_out_of_a_published_review(workspace: Workspace, built: Built) -> None:
    text = export_text(workspace, [built.article_id], "claimreview")
    assert "HYPERLINK" not in text and "@everyone" not in text
