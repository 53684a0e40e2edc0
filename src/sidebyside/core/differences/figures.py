"""Figures and dates the claim gives otherwise than its passage, or does not find there."""

from __future__ import annotations

import re

from sidebyside.core.differences.finding import Difference
from sidebyside.core.numbers import Quantity, approximation_class, dates_agree, quantities_agree
from sidebyside.core.spans import Span
from sidebyside.core.words import all_words, stem, words_near


def figure_differences(
    claim_text: str,
    passage_text: str,
    claim_quantities: list[Quantity],
    passage_quantities: list[Quantity],
    covered_hedges: list[Span],
) -> list[Difference]:
    """Figures of the claim given otherwise (or not at all) by the passage: first those
    both give, then the rest paired with the passage figure that speaks of the same thing.
    The passage's figures whose approximation is already compared go to `covered_hedges`."""
    found: list[Difference] = []
    free = list(passage_quantities)
    pending: list[Quantity] = []
    for quantity in claim_quantities:  # first the figures that appear in both
        same = [p for p in free if _same_figure(quantity, p)]
        if not same:
            pending.append(quantity)
            continue
        partner = max(same, key=lambda p: _context_score(claim_text, quantity, passage_text, p))
        free.remove(partner)
        other_end = _range_partner(passage_text, partner, free)
        if other_end is not None and not any(_same_figure(q, other_end) for q in claim_quantities):
            free.remove(other_end)
            found.append(
                _range_difference(
                    claim_text, passage_text, quantity, (partner, other_end), inside=True
                )
            )
            continue
        difference = _approximation_change(claim_text, passage_text, quantity, partner)
        if difference is not None:
            found.append(difference)
            covered_hedges.append(partner.span)
    for quantity in pending:
        role = _role(claim_text, quantity)
        candidates = [
            p
            for p in free
            if _comparable(quantity, p) and _same_role(role, _role(passage_text, p), quantity, p)
        ]
        scored = [(_context_score(claim_text, quantity, passage_text, p), p) for p in candidates]
        scored = [  # a figure or date with nothing in common is another one
            (score, p)
            for score, p in scored
            if score > 0 or (len(candidates) == 1 and not p.is_date and _close(quantity, p))
        ]
        scored.sort(key=lambda item: not _compatible(quantity, item[1]))  # agreeing first
        if not scored:
            if quantity.is_date and any(
                p.is_date and dates_agree(quantity, p) for p in passage_quantities
            ):
                continue  # "2026" where the passage says "April 30, 2026"
            if quantity.kind != "fraction":
                what = "date" if quantity.is_date else "figure"
                found.append(
                    Difference(
                        "date" if quantity.is_date else "number",
                        quantity.span,
                        None,
                        f"The passage does not give the {what} “{_said(claim_text, quantity)}”.",
                    )
                )
            continue
        _, partner = max(scored, key=lambda item: item[0])  # the first of the best
        free.remove(partner)
        other_end = _range_partner(passage_text, partner, free)
        if other_end is not None:
            free.remove(other_end)
            low, high = sorted((partner.value, other_end.value))
            if not low <= quantity.value <= high:
                found.append(
                    _range_difference(
                        claim_text, passage_text, quantity, (partner, other_end), inside=False
                    )
                )
            continue
        if _compatible(quantity, partner) or _within_top(
            claim_text, quantity, passage_text, partner
        ):
            continue
        if partner.is_date and _inside_date_range(quantity, passage_text, partner, free):
            continue
        covered_hedges.append(partner.span)
        kind = "date" if quantity.is_date else "number"
        found.append(
            Difference(
                kind,
                quantity.span,
                partner.span,
                f"The article says {_said(claim_text, quantity)}; "
                f"the source says {_said(passage_text, partner)}.",
            )
        )
    return found


_RANGE_JOIN = re.compile(r"\s*(?:and|to|-|–|—)\s*$")


def _range_partner(text: str, quantity: Quantity, others: list[Quantity]) -> Quantity | None:
    """The other end when `quantity` is one end of a range ("between $41 million and
    $48 million", "from 3 to 5", "10-12")."""
    for other in others:  # "between 3 and 5 percent": the first end may carry no unit
        if other.is_date or other.kind not in (quantity.kind, "number"):
            continue
        first, second = sorted((other, quantity), key=lambda q: q.span.start)
        between = text[first.span.end : second.span.start]
        if len(between) <= 6 and _RANGE_JOIN.match(between):
            return other
    return None


_RANGE_OPENING = re.compile(r"(?:between|from)\s+$", re.IGNORECASE)


def _range_span(text: str, end: Quantity, other: Quantity) -> Span:
    """Both ends, with a "between" or "from" before them."""
    first, second = sorted((end, other), key=lambda q: q.span.start)
    opening = _RANGE_OPENING.search(text, max(0, first.span.start - 12), first.span.start)
    return Span(opening.start() if opening else first.span.start, second.span.end)


def _range_difference(
    claim_text: str,
    passage_text: str,
    claim: Quantity,
    ends: tuple[Quantity, Quantity],
    *,
    inside: bool,
) -> Difference:
    """The claim gives one figure where the source gives a range: either one end of it
    (the range narrowed to a single figure) or a figure outside it."""
    span = _range_span(passage_text, *ends)
    source_said = " ".join(span.of(passage_text).split())
    said = _said(claim_text, claim)
    explanation = (
        f"The source gives a range, “{source_said}”; the article gives only {said}."
        if inside
        else f"The article says {said}; the source gives “{source_said}”."
    )
    return Difference("number", claim.span, span, explanation)


def _said(text: str, quantity: Quantity) -> str:
    said = " ".join(quantity.span.of(text).split())
    opening = said[:1].isupper() and (said[1:2].islower() or said[1:2] == " ")
    if opening and not quantity.is_date:  # "An estimated 300", "Hundreds" opening a sentence
        said = said[0].lower() + said[1:]
    return said


def _same_figure(claim: Quantity, passage: Quantity) -> bool:
    if claim.is_date != passage.is_date:
        return False
    if claim.is_date:
        return claim.value == passage.value
    return claim.kind == passage.kind and abs(claim.value - passage.value) <= 1e-9 * max(
        1.0, abs(claim.value)
    )


def _comparable(claim: Quantity, passage: Quantity) -> bool:
    if claim.is_date or passage.is_date:  # a bare year is not compared with a full date
        return claim.is_date and passage.is_date and claim.kind == passage.kind
    # "$10.8 million a month" and "$10.5 million, a month": a rate the passage's parser
    # did not attach still compares; two different rates do not.
    rates = claim.rate == passage.rate or not claim.rate or not passage.rate
    return claim.kind == passage.kind and rates


_SCORE = re.compile(r"(\d{1,3})\s?[–—-]\s?(\d{1,3})(?![\w.,]*\d)")
_SCORE_WORDS = frozenset(
    {
        "defeat", "defeated", "defeating", "beat", "beating", "won", "win", "winning", "lost",
        "lose", "losing", "drew", "draw", "victory", "score", "scored", "scoreline",
        "thrashed", "edged", "routed",
    }
)  # fmt: skip
_RANK_BEFORE = re.compile(
    r"(?:\btop|\bNo\.?|\bnumber|#|\branked|\brank|\branking|\bseeded)\s*$", re.IGNORECASE
)
_YEARLIKE = re.compile(r"1\d{3}|20\d\d|2100")
_ADDRESS_AFTER = re.compile(
    r"\s+(?:block\b|(?:[A-Z][\w'-]*\s+){1,3}(?:Street|St\.|Avenue|Ave\.|Boulevard|Blvd\.?"
    r"|Road|Rd\.|Drive|Lane|Way|Place|Square|Court)\b)"
)


def _role(text: str, quantity: Quantity) -> str:
    """What a figure is, beyond its kind: "year" for a year or date or a four-digit figure
    that reads as one ("in 2013", "the 2017 film"), "score" for a result ("won 5–4"),
    "rank" for a place in an order ("top ten", "No. 1"), "" for an amount."""
    if quantity.is_date:
        return "year"
    if quantity.kind != "number":
        return ""
    figure = quantity.figure.of(text)
    if _ADDRESS_AFTER.match(text, quantity.figure.end):
        return "address"  # "6157 Hollywood Boulevard", "the 1600 block"
    if not quantity.approximation and _YEARLIKE.fullmatch(figure):
        return "year"
    if _RANK_BEFORE.search(text, max(0, quantity.figure.start - 12), quantity.figure.start):
        return "rank"
    for match in _SCORE.finditer(text, max(0, quantity.figure.start - 6), quantity.figure.end + 6):
        if not (match.start() <= quantity.figure.start < match.end()):
            continue
        first, second = int(match.group(1)), int(match.group(2))
        before = {w.lower for w in all_words(text[max(0, match.start() - 80) : match.start()])}
        beside = text[max(0, match.start() - 12) : match.end() + 12]
        if first >= second or before & _SCORE_WORDS or len(_SCORE.findall(beside)) > 1:
            return "score"  # "won 5–4", "6-2 6-7(4) 6-1"
    return ""


_TOP_BEFORE = re.compile(r"\btop\s*$", re.IGNORECASE)


_BLOCK_AFTER = re.compile(r"\s+block\b")


def _within_top(claim_text: str, claim: Quantity, passage_text: str, passage: Quantity) -> bool:
    """A place inside a "top ten" agrees with it, either way round: "at number eight" and
    "hit the Top 10"; so does a house number inside the block ("6157", "the 6100 block")."""
    if _BLOCK_AFTER.match(passage_text, passage.figure.end):
        return passage.value <= claim.value < passage.value + 100
    for text, top, other in ((passage_text, passage, claim), (claim_text, claim, passage)):
        if _TOP_BEFORE.search(text, max(0, top.figure.start - 6), top.figure.start):
            return 0 < other.value <= top.value
    return False


_DATE_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|through|until|till|and)\s*$")


def _inside_date_range(
    claim: Quantity, passage_text: str, end: Quantity, others: list[Quantity]
) -> bool:
    """Whether a date falls inside the span of days the passage gives ("from February 13
    through February 15") of which `end` is one end."""
    for other in [q for q in others if q.is_date] + [end]:
        if other is end:
            continue
        first, second = sorted((end, other), key=lambda q: q.span.start)
        if not _DATE_RANGE_JOIN.match(passage_text[first.span.end : second.span.start]):
            continue
        low, high = (_day_of(first, claim), _day_of(second, claim))
        return low <= _day_of(claim, claim) <= high
    return False


def _day_of(date: Quantity, reference: Quantity) -> int:
    """A date's value with the reference's year where it gives none."""
    value = int(date.value)
    if date.kind == "date" and value < 10_000:
        value += int(reference.value) // 10_000 * 10_000
    return value


def _same_role(role: str, other: str, claim: Quantity, passage: Quantity) -> bool:
    """Whether two figures can be the same quantity: a result only against a result, a rank
    only against a rank, and a figure that reads as a year against a count only when both
    count the same thing ("2000 people", "1,800 people")."""
    if role == other:
        return True
    if "year" in (role, other) and not (claim.is_date or passage.is_date):
        return bool(claim.unit) and _same_unit(claim.unit, passage.unit)
    return False


def _same_unit(first: str, second: str) -> bool:
    return bool(first) and (first == second or stem(first) == stem(second))


def _close(claim: Quantity, passage: Quantity) -> bool:
    """Whether two figures are near enough to be one count given twice (a quarter apart)."""
    low, high = sorted((abs(claim.value), abs(passage.value)))
    return low > 0 and high <= 1.3 * low


def _compatible(claim: Quantity, passage: Quantity) -> bool:
    return quantities_agree(claim, passage)


def _context_score(claim_text: str, claim: Quantity, passage_text: str, passage: Quantity) -> float:
    """How surely two figures speak of the same thing: the counted noun and the words
    around them."""
    shared = words_near(claim_text, claim.figure) & words_near(passage_text, passage.figure)
    if claim.is_date:  # every date is a date: only the words around tell which
        return float(len(shared))
    score = 0.0
    if _same_unit(claim.unit, passage.unit):
        score += 2.0
    elif claim.unit and passage.unit and claim.unit[:5] == passage.unit[:5]:
        score += 1.5
    if claim.unit and passage.unit and not score and len(shared) < 2:
        return 0.0  # they count different things ("two weeklies", "a nineteen-year run")
    return score + len(shared)


def _approximation_change(
    claim_text: str, passage_text: str, claim: Quantity, passage: Quantity
) -> Difference | None:
    """Same figure, different caution: "an estimated 240" became "240"."""
    claim_class = approximation_class(claim.approximation)
    passage_class = approximation_class(passage.approximation)
    if claim_class == passage_class or (claim_class and not passage_class):
        return None  # the claim is as cautious as its source, or more
    said, source_said = _said(claim_text, claim), _said(passage_text, passage)
    if passage.approximation and not claim.approximation:
        return Difference(
            "hedge",
            claim.span,
            passage.span,
            f"The source says {source_said}; the article drops "
            f"“{passage.approximation}” and states {said}.",
        )
    return Difference(
        "number",
        claim.span,
        passage.span,
        f"The article says {said}; the source says {source_said}.",
    )
