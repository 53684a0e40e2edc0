"""Re-anchoring claims in changed texts: position, exact quote, fuzzy quote, orphan."""

from __future__ import annotations

import random

from hypothesis import example, given, settings
from hypothesis import strategies as st

from sidebyside.core.anchoring import (
    Anchor,
    AnchorMethod,
    locate,
    make_anchor,
    reanchor,
)

ARTICLE = (
    "Officials met in Bomasi on Monday. "
    "Meridian Press reported that the contract could be worth $9.6 million a month. "
    "The ministry denied it. "
    "Witnesses said 240 civilians were killed in Sabouri over three days."
)
CLAIM = "Meridian Press reported that the contract could be worth $9.6 million a month."


def claim_anchor(text: str = ARTICLE, claim: str = CLAIM) -> Anchor:
    start = text.index(claim)
    return make_anchor(text, start, start + len(claim))


def test_unchanged_text_is_found_by_position() -> None:
    anchor = claim_anchor()
    found = locate(anchor, ARTICLE)
    assert found.method is AnchorMethod.POSITION
    assert found.anchor == anchor
    assert found.score == 1.0


def test_moved_quote_is_found_exactly() -> None:
    anchor = claim_anchor()
    changed = "Updated 3 April: a correction was added. " + ARTICLE
    found = locate(anchor, changed)
    assert found.method is AnchorMethod.EXACT
    assert changed[found.anchor.start : found.anchor.end] == CLAIM
    assert found.anchor.start == anchor.start + len("Updated 3 April: a correction was added. ")


def test_duplicate_quote_is_told_apart_by_its_context() -> None:
    text = "First part. " + CLAIM + " Middle part here. " + CLAIM + " The ministry denied it."
    second = text.rindex(CLAIM)
    anchor = make_anchor(text, second, second + len(CLAIM))
    # Text inserted at the start moves both copies; the first copy now sits near the old place.
    changed = "X" * (second - text.index(CLAIM)) + text
    found = locate(anchor, changed)
    assert found.anchor.start == changed.rindex(CLAIM)
    assert found.anchor.suffix.startswith(" The ministry denied it.")


def test_corrected_quote_is_found_fuzzily() -> None:
    anchor = claim_anchor()
    corrected = ARTICLE.replace("$9.6 million a month", "$9.8 million a month")
    found = locate(anchor, corrected)
    assert found.method is AnchorMethod.FUZZY
    assert found.anchor.exact == CLAIM.replace("9.6", "9.8")
    assert 0.7 < found.score < 1.0


def test_deleted_claim_is_an_orphan_that_keeps_its_quote() -> None:
    anchor = claim_anchor()
    found = locate(anchor, ARTICLE.replace(CLAIM + " ", ""))
    assert found.is_orphan
    assert found.anchor == anchor
    assert reanchor(anchor, ARTICLE.replace(CLAIM + " ", "")) is None


def test_look_alike_sentence_elsewhere_is_not_taken_for_the_claim() -> None:
    anchor = claim_anchor()
    rewritten = (
        "Officials met in Bomasi on Monday. The ministry denied it. "
        "Witnesses said 240 civilians were killed in Sabouri over three days. "
        "Later, another outlet said a different contract could be worth $2 million a year."
    )
    assert locate(anchor, rewritten).is_orphan


def test_short_quote_needs_its_context() -> None:
    text = "He said no. She said no. They said no."
    start = text.index("no", 12)
    anchor = make_anchor(text, start, start + 2)
    assert reanchor(anchor, "Everything was rewritten; no one agreed.") is None


def test_anchor_round_trips_through_json() -> None:
    anchor = claim_anchor()
    assert Anchor.from_json(anchor.to_json()) == anchor


# --- property: random edits around anchored claims -------------------------------------

VOCABULARY = (
    "army report village market ministry statement civilians contract month instructors "
    "soldiers province border witnesses gold mining river town council inquiry press "
    "government rights group forces north south east west capital road clinic medicine "
    "election parliament budget dollars hundreds thousands several about nearly officials"
)
WORDS = VOCABULARY.split()


def random_sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 18))]
    if rng.random() < 0.4:
        words.insert(rng.randrange(len(words)), str(rng.randint(2, 2000)))
    return " ".join(words).capitalize() + "."


def build_article(rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
    """An article of random sentences; a few are claims, some claims appear twice."""
    sentences = [random_sentence(rng) for _ in range(rng.randint(15, 40))]
    for sentence in rng.sample(sentences, k=3):  # duplicates elsewhere, in other company
        sentences.insert(rng.randrange(len(sentences) + 1), sentence)
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    cursor = 0
    chosen = set(rng.sample(range(len(sentences)), k=min(len(sentences), rng.randint(3, 10))))
    for index, sentence in enumerate(sentences):
        separator = "\n\n" if index and rng.random() < 0.25 else (" " if index else "")
        cursor += len(separator)
        pieces.append(separator + sentence)
        if index in chosen:
            spans.append((cursor, cursor + len(sentence)))
        cursor += len(sentence)
    return "".join(pieces), spans


def edit_around(
    rng: random.Random, text: str, spans: list[tuple[int, int]], fraction: float
) -> tuple[str, list[tuple[int, int]]]:
    """Insert and delete about `fraction` of the characters, never inside a span."""
    budget = max(1, int(len(text) * fraction))
    spans = list(spans)
    while budget > 0:
        position = rng.randrange(len(text) + 1)
        if any(start < position < end for start, end in spans):
            continue
        if rng.random() < 0.5:
            inserted = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))
            inserted = inserted[: max(1, min(budget, len(inserted)))]
            text = text[:position] + inserted + text[position:]
            spans = [
                (s + len(inserted), e + len(inserted)) if s >= position else (s, e)
                for s, e in spans
            ]
            budget -= len(inserted)
        else:
            length = min(budget, rng.randint(1, 12))
            end = position + length
            if end > len(text) or any(s < end and position < e for s, e in spans):
                continue
            text = text[:position] + text[end:]
            spans = [(s - length, e - length) if s >= end else (s, e) for s, e in spans]
            budget -= length
    return text, spans


def test_claims_survive_random_edits_around_them() -> None:
    """≥ 99 % of claims are re-found in the right place; none is put in a wrong one."""
    totals = {"claims": 0, "right": 0, "orphans": 0}

    @settings(max_examples=150, deadline=None)
    @given(st.integers(min_value=0, max_value=2**32))
    @example(seed=1338005)  # a copy in better company far off, the claim's own garbled near by
    def check(seed: int) -> None:
        rng = random.Random(seed)  # real randomness: hypothesis's own shrinks to "army army…"
        text, spans = build_article(rng)
        anchors = [make_anchor(text, start, end) for start, end in spans]
        changed, moved = edit_around(rng, text, spans, 0.05)
        for anchor, (start, end) in zip(anchors, moved, strict=True):
            assert changed[start:end] == anchor.exact
            found = locate(anchor, changed)
            totals["claims"] += 1
            if found.is_orphan:
                totals["orphans"] += 1
                continue
            assert (found.anchor.start, found.anchor.end) == (start, end), found
            totals["right"] += 1

    check()
    assert totals["claims"] > 500
    assert totals["right"] >= 0.99 * totals["claims"]


def test_slightly_edited_claims_are_found_fuzzily_or_orphaned() -> None:
    """Claims whose own words changed a little are found near their place, or orphaned."""
    totals = {"claims": 0, "found": 0}

    @settings(max_examples=60, deadline=None)
    @given(st.integers(min_value=0, max_value=2**32))
    def check(seed: int) -> None:
        rng = random.Random(seed)
        text, spans = build_article(rng)
        anchors = [make_anchor(text, start, end) for start, end in spans]
        changed, moved = edit_around(rng, text, spans, 0.05)
        # Change one character in the middle of each claim (a corrected figure or typo).
        for start, end in moved:
            middle = (start + end) // 2
            replacement = "x" if changed[middle] != "x" else "y"
            changed = changed[:middle] + replacement + changed[middle + 1 :]
        for anchor, (start, end) in zip(anchors, moved, strict=True):
            found = locate(anchor, changed)
            totals["claims"] += 1
            if found.is_orphan:
                continue
            if anchor.exact in changed or changed.count(changed[start:end]) > 1:
                # the random words wrote it again, or two claims alike were edited alike:
                # either place is right
                totals["found"] += 1
                continue
            assert found.method is AnchorMethod.FUZZY
            assert abs(found.anchor.start - start) <= 2 and abs(found.anchor.end - end) <= 2
            totals["found"] += 1

    check()
    assert totals["found"] >= 0.95 * totals["claims"]
