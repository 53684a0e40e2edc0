"""Recall first, then judgement: every source that bears on a claim shows its best passage,
each passage says how far it backs the claim, and the claim gets a suggested verdict."""

from __future__ import annotations

import pytest

from sidebyside.core.document import Document, DocumentBuilder, Metadata
from sidebyside.core.matching import Matcher, Support
from sidebyside.core.verdicts import Verdict


def document(*paragraphs: str, publisher: str = "", aliases: tuple[str, ...] = ()) -> Document:
    builder = DocumentBuilder()
    for paragraph in paragraphs:
        builder.add(paragraph)
    return builder.build(Metadata(publisher=publisher, aliases=aliases))


SURVEY = document(
    "The Orlen Valley Trust counted 412 breeding pairs of grey herons along the river in the "
    "spring of 2025, the highest number since its counts began in 1998.",
    "Volunteers walked the same forty kilometres of bank each April, the trust said.",
    "Otters were seen at nine of the twelve monitoring points.",
    publisher="Orlen Valley Trust",
    aliases=("the trust",),
)
GAZETTE = document(
    "Grey herons are thriving on the Orlen, where the valley trust counted 412 breeding pairs of "
    "grey herons along the river in the spring of 2025, a record for the survey.",
    "The council has approved a new footbridge at Marrow Ford, to open in the autumn.",
    publisher="Orlen Gazette",
)
BAKERY = document(
    "The Castelo bakery on Quay Street has changed hands after forty years.",
    "Its new owners plan to keep the sourdough recipe and the early opening hours.",
    publisher="Quay Street Traders",
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher({"survey": SURVEY, "gazette": GAZETTE, "bakery": BAKERY})


def test_a_faithful_claim_is_supported(matcher: Matcher) -> None:
    alignment = matcher.align(
        "The Orlen Valley Trust counted 412 breeding pairs of grey herons along the river in "
        "the spring of 2025."
    )
    best = alignment.per_source["survey"][0]
    assert best.text.startswith("The Orlen Valley Trust counted 412")
    assert best.support is Support.SUPPORTS
    assert alignment.suggested is Verdict.SUPPORTED


def test_a_partly_backed_claim_shows_its_passage_and_what_it_leaves_out(
    matcher: Matcher,
) -> None:
    alignment = matcher.align(
        "The Orlen Valley Trust counted 412 breeding pairs of grey herons, blaming the decline "
        "of the river's eels on farm run-off from the upper valley."
    )
    best = alignment.per_source["survey"][0]
    assert best.text.startswith("The Orlen Valley Trust counted 412")  # shown, not withheld
    assert best.support is Support.PARTLY_SUPPORTS
    unsaid = " ".join(d.explanation for d in best.differences if d.kind == "absent")
    assert "run-off" in unsaid or "eels" in unsaid
    assert alignment.suggested is Verdict.PARTLY_SUPPORTED


def test_a_changed_figure_contradicts(matcher: Matcher) -> None:
    alignment = matcher.align(
        "The Orlen Valley Trust counted 512 breeding pairs of grey herons along the river in "
        "the spring of 2025."
    )
    best = alignment.per_source["survey"][0]
    assert best.support is Support.CONTRADICTS
    assert any(d.kind == "number" and d.source is not None for d in best.differences)
    assert alignment.suggested is Verdict.CONTRADICTED


def test_a_source_about_something_else_is_left_blank(matcher: Matcher) -> None:
    alignment = matcher.align(
        "The Orlen Valley Trust counted 412 breeding pairs of grey herons in 2025."
    )
    assert "bakery" not in alignment.per_source  # nothing in it bears on herons
    assert {"survey", "gazette"} <= set(alignment.per_source)


def test_a_claim_no_source_bears_on_has_no_passage_and_is_not_in_source() -> None:
    alignment = Matcher({"bakery": BAKERY}).align(
        "Grey herons nested along the river in record numbers."
    )
    assert alignment.per_source == {}
    assert alignment.suggested is Verdict.NOT_IN_SOURCE


def test_wording_copied_from_another_source_is_misattributed(matcher: Matcher) -> None:
    """Credited to the bakery traders, worded as the gazette words it."""
    alignment = matcher.align(
        "According to Quay Street Traders, grey herons are thriving on the Orlen, where the "
        "valley trust counted 412 breeding pairs of grey herons along the river."
    )
    assert alignment.cited == ("bakery",)
    assert alignment.wording_of == "gazette"
    assert alignment.suggested is Verdict.MISATTRIBUTED
    as_json = alignment.to_json()
    assert as_json["wording_of"] == "gazette" and as_json["suggested_verdict"] == "misattributed"


def test_a_hand_linked_passage_is_judged_like_a_found_one(matcher: Matcher) -> None:
    claim = "Otters were seen at nine of the twelve monitoring points."
    start = SURVEY.text.index("Otters")
    end = start + len("Otters were seen at nine of the twelve monitoring points.")
    passage = matcher.passage(claim, "survey", start, end)
    assert passage.text == claim
    assert passage.support is Support.SUPPORTS
    other = SURVEY.text.index("Volunteers")
    related = matcher.passage(claim, "survey", other, other + 40)
    assert related.support is Support.RELATED


def test_a_source_named_as_an_actor_is_not_credited(matcher: Matcher) -> None:
    """ "Quay Street Traders bought…" names the traders; it does not cite them."""
    acting = matcher.align("Quay Street Traders counted 412 breeding pairs of grey herons.")
    assert acting.cited == ()
    citing = matcher.align(
        "According to Quay Street Traders, 412 breeding pairs of grey herons were counted."
    )
    assert citing.cited == ("bakery",)


def test_a_figure_given_otherwise_in_other_words_is_at_odds() -> None:
    """The rate the claim gives is in the passage too, only phrased apart from its figure."""
    source = document(
        "One official said the contractor would be paid about 4 billion crowns, or $10.5 "
        "million, a month for its services, under the agreement signed in March."
    )
    alignment = Matcher({"wire": source}).align(
        "The contractor would be paid $10.8 million a month under the agreement signed in March."
    )
    best = alignment.per_source["wire"][0]
    assert any(
        d.explanation == "The article says $10.8 million a month; the source says $10.5 million."
        for d in best.differences
    )
    assert best.support is Support.CONTRADICTS


def test_the_suggestion_follows_the_readers_decisions() -> None:
    from dataclasses import dataclass

    from sidebyside.core.matching.alignment import reviewed_suggestion

    @dataclass(frozen=True)
    class Link:
        source_id: int
        support: str
        wording: float
        score: float
        state: str = "suggested"
        orphaned: bool = False

    contradicting = Link(1, "contradicts", 0.4, 0.8)
    supporting = Link(2, "supports", 0.5, 0.6)
    assert reviewed_suggestion([contradicting, supporting], [])[0] is Verdict.CONTRADICTED
    rejected = Link(1, "contradicts", 0.4, 0.8, state="rejected")
    assert reviewed_suggestion([rejected, supporting], [])[0] is Verdict.SUPPORTED
    partly = Link(3, "partly_supports", 0.3, 0.2, state="confirmed")
    # once the reader confirms a passage, it alone decides
    assert reviewed_suggestion([contradicting, supporting, partly], [])[0] is (
        Verdict.PARTLY_SUPPORTED
    )
    assert reviewed_suggestion([rejected], [])[0] is Verdict.NOT_IN_SOURCE


def test_no_not_in_source_for_a_claim_whose_source_is_not_attached(matcher: Matcher) -> None:
    unattached = matcher.align("The Harbour Tribune reported that the ferry will stop in May.")
    assert unattached.unattached and unattached.suggested is None
    assert unattached.to_json()["cites_unattached_source"] is True
    plain = matcher.align("The ferry across the harbour will stop running in May.")
    assert not plain.unattached and plain.suggested is Verdict.NOT_IN_SOURCE
