"""What a claim says that its passage does not: changed figures, dropped hedges, quotations
not found verbatim, other names or dates, and content the passage never mentions.

Each finding carries its place in the claim and in the passage, so both can be marked,
and one plain sentence a reader can check by looking.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sidebyside.core.citations import acronym_of
from sidebyside.core.cues.names import find_names, sentence_initial
from sidebyside.core.hedges import find_hedges, hedge_family
from sidebyside.core.negation import find_negations
from sidebyside.core.numbers import (
    Quantity,
    approximation_class,
    dates_agree,
    find_quantities,
    is_month,
    quantities_agree,
)
from sidebyside.core.quotes import (
    closest_wording,
    elided_parts,
    find_quotations,
    quote_pieces,
    reads_as_title,
)
from sidebyside.core.spans import Span
from sidebyside.core.words import (
    all_words,
    is_content,
    missing_phrases,
    name_runs,
    present,
    stem,
    tokens,
    words_near,
)
from sidebyside.core.words.attribution import attribution_spans

__all__ = ["KINDS", "Difference", "find_differences"]

KINDS = ("number", "hedge", "quote", "name", "date", "negation", "absent")


@dataclass(frozen=True, slots=True)
class Difference:
    """One way the claim departs from the passage.

    `claim` is a span of the claim text and `source` a span of the passage text given
    to `find_differences` (add the passage's offset to place it in the source document);
    either is None when the finding has no place on that side.
    """

    kind: str
    claim: Span | None
    source: Span | None
    explanation: str

    def to_json(self, source_offset: int = 0) -> dict[str, object]:
        return {
            "kind": self.kind,
            "claim": None if self.claim is None else [self.claim.start, self.claim.end],
            "source": (
                None
                if self.source is None
                else [self.source.start + source_offset, self.source.end + source_offset]
            ),
            "explanation": self.explanation,
        }


def find_differences(
    claim_text: str, passage_text: str, *, ignore_names: Iterable[str] = ()
) -> list[Difference]:
    """Every difference between a claim and the passage it was matched to, claim order.

    `ignore_names` are names not to report as missing, such as the names of the source
    itself. The claim's own attribution ("The Tribune reported that…", "according to
    SRO") is no content either: its words are not looked for in the passage, and a claim
    that attributes is not said to state as its own what the source attributes.
    """
    differences: list[Difference] = []
    attribution = attribution_spans(claim_text)
    claim_quantities = find_quantities(claim_text)
    passage_quantities = find_quantities(passage_text)
    covered_hedges: list[Span] = []
    differences += _quantities(
        claim_text, passage_text, claim_quantities, passage_quantities, covered_hedges
    )
    differences += _hedges(claim_text, passage_text, covered_hedges, bool(attribution))
    differences += _quotations(claim_text, passage_text)
    ignore = _own_names(ignore_names)
    quoted = find_quotations(claim_text)  # compared word for word by `_quotations`
    differences += _names(
        claim_text,
        passage_text,
        ignore,
        [*attribution, *quoted, *(q.span for q in claim_quantities)],
        [q.span for q in passage_quantities],
    )
    differences += _negations(claim_text, passage_text)
    reported = [d.claim for d in differences if d.claim is not None]
    differences += _absent(claim_text, passage_text, reported, ignore, attribution)
    differences.sort(key=lambda d: (d.claim.start if d.claim else 1 << 30, KINDS.index(d.kind)))
    return differences


# --- figures and dates --------------------------------------------------------------------


def _quantities(
    claim_text: str,
    passage_text: str,
    claim_quantities: list[Quantity],
    passage_quantities: list[Quantity],
    covered_hedges: list[Span],
) -> list[Difference]:
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
                        f"The passage does not give the {what} {_said(claim_text, quantity)}.",
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


# --- hedges -------------------------------------------------------------------------------


def _hedges(
    claim_text: str, passage_text: str, covered: list[Span], attributed: bool
) -> list[Difference]:
    claim_families = {hedge_family(phrase) for _, phrase in find_hedges(claim_text)}
    if attributed:  # "The Tribune reported that…" attributes as much as "according to"
        claim_families.add("attribution")
    found: list[Difference] = []
    reported: set[str] = set()
    for span, phrase in find_hedges(passage_text):
        family = hedge_family(phrase)
        if family in claim_families or any(span.overlaps(c) for c in covered):
            continue
        if family in ("estimate", "bound"):
            continue  # approximations are compared figure by figure above
        if phrase in reported:
            continue
        reported.add(phrase)
        written = " ".join(span.of(passage_text).split())
        explanation = (
            f"The source attributes this (“{written}”); the article states it as its own."
            if family == "attribution"
            else f"The source says “{written}”; the article drops this hedge."
        )
        found.append(Difference("hedge", None, span, explanation))
    return found


# --- quotations ---------------------------------------------------------------------------


def _quotations(claim_text: str, passage_text: str) -> list[Difference]:
    found: list[Difference] = []
    for span in find_quotations(claim_text):
        quoted = span.of(claim_text)
        if reads_as_title(quoted):  # "Master of Puppets", "Brown v. Board": a name
            found += _missing_title_words(claim_text, passage_text, span)
            continue
        if _elided_verbatim(quoted, passage_text):
            continue
        pieces = quote_pieces(quoted, passage_text)
        if pieces is not None and len(pieces) == 1:
            continue  # verbatim
        if pieces is not None:
            first, second = (" ".join(p.of(passage_text).split()) for p in pieces)
            found.append(
                Difference(
                    "quote",
                    span,
                    Span(min(p.start for p in pieces), max(p.end for p in pieces)),
                    f"The quotation joins two separate places in the source: “{first}” "
                    f"and “{second}”.",
                )
            )
            continue
        closest = closest_wording(quoted, passage_text)
        if closest is None:
            found.append(
                Difference("quote", span, None, "The quoted words are not in the passage at all.")
            )
            continue
        wording = " ".join(closest.of(passage_text).split())
        found.append(
            Difference(
                "quote",
                span,
                closest,
                f"The quoted words are not in the source verbatim; the closest wording is "
                f"“{wording}”.",
            )
        )
    return found


def _missing_title_words(claim_text: str, passage_text: str, span: Span) -> list[Difference]:
    """A quoted title is looked for as a name: its words the passage lacks, each run of
    them once; nothing when the passage has them all, in whatever form."""
    passage_stems = {w.stem for w in all_words(passage_text)}
    runs: list[list[Span]] = [[]]
    for word in all_words(claim_text):
        if not span.start <= word.start < span.end or not is_content(word.lower):
            continue
        if present(word.stem, passage_stems):
            runs.append([])
        else:
            runs[-1].append(Span(word.start, word.end))
    found = []
    for run in (run for run in runs if run):
        missing = Span(run[0].start, run[-1].end)
        phrase = " ".join(missing.of(claim_text).split())
        found.append(
            Difference("absent", missing, None, f"The passage says nothing of “{phrase}”.")
        )
    return found


def _elided_verbatim(quoted: str, passage_text: str) -> bool:
    """Whether a quotation that leaves words out ("mature, tasteful, and [...] sexy") has
    each of its pieces verbatim in the passage, in order."""
    parts = elided_parts(quoted)
    if len(parts) < 2:
        return False
    reached = 0
    for part in parts:
        pieces = quote_pieces(part, passage_text[reached:])
        if pieces is None or len(pieces) != 1:
            return False
        reached += pieces[0].end
    return True


# --- names and missing content ------------------------------------------------------------


def _names(
    claim_text: str,
    passage_text: str,
    ignore: list[str],
    skip: list[Span],
    passage_skip: list[Span],
) -> list[Difference]:
    """A name in the claim where the passage, in the same role, has another one of the same
    kind: "Vesgrad sent 180 instructors" against "Valdoria sent 180 instructors". The role
    is the words around the name; an organisation is not paired with a place or a person,
    and a capitalised word that names nothing where it stands ("French officials", "in
    August") is no name. A name that is merely absent is left to the "absent" finding, and
    the source's own names (`ignore`) are never reported, on either side."""
    passage_stems = {w.stem for w in all_words(passage_text)}
    missing = [
        (span, phrase, kind)
        for span, phrase, kind in _kinded_names(claim_text, skip)
        if not _ignored(phrase, ignore)
        and not all(present(stem(t), passage_stems) for t in tokens(phrase))
    ]
    if not missing:  # every name of the claim is in the passage: nothing to pair
        return []
    claim_lower = claim_text.lower()
    others = [
        (span, phrase, kind, words_near(passage_text, span))
        for span, phrase, kind in _kinded_names(passage_text, passage_skip)
        if phrase.lower() not in claim_lower and not _ignored(phrase, ignore)
    ]
    found: list[Difference] = []
    for span, phrase, kind in missing:
        context = words_near(claim_text, span)
        scored = [
            (len(context & other[3]), other) for other in others if _same_kind(kind, other[2])
        ]
        scored = [(score, other) for score, other in scored if score >= 2]
        if not scored:
            continue
        _, best = max(scored, key=lambda item: (item[0], -item[1][0].start))
        others.remove(best)
        explanation = (
            f"The article says {phrase}; the source says {best[1]}."
            if kind == "month"
            else f"The article names {phrase} where the source names {best[1]}."
        )
        found.append(Difference("date" if kind == "month" else "name", span, best[0], explanation))
    return found


def _kinded_names(text: str, skip: list[Span]) -> list[tuple[Span, str, str]]:
    """The names of `text` outside `skip`, each with its kind as the cues tell it ("person",
    "organisation" or "name"), or "month". A capitalised word the cues do not take for a
    name is left out, unless it merely opens a sentence ("Vesgrad sent…"), where nothing
    tells."""
    mentions = find_names(text)
    found: list[tuple[Span, str, str]] = []
    for span, phrase in name_runs(text):
        if any(span.overlaps(other) for other in skip):
            continue
        kinds = [m for m in mentions if m.span.overlaps(span)]
        if is_month(phrase):
            kind = "month"
        elif kinds:
            kind = max(kinds, key=lambda m: len(m.span)).kind
        elif " " not in phrase and sentence_initial(text, span.start):
            kind = "name"
        else:
            continue
        found.append((span, phrase, kind))
    return found


def _same_kind(first: str, second: str) -> bool:
    """Whether two names can stand for each other: organisations only for organisations,
    months for months, and a person for a person or a name not told apart."""
    apart = ("organisation", "month")
    return first == second or (first not in apart and second not in apart)


def _own_names(names: Iterable[str]) -> list[str]:
    """The source's own names, with the acronyms they are known by ("SRO")."""
    own = [" ".join(name.split()) for name in names if name.strip()]
    return own + [acronym for name in own if (acronym := acronym_of(name)) not in ("", *own)]


def _ignored(phrase: str, ignore: list[str]) -> bool:
    """Whether a name is one of the source's own: one of them, a part of one ("the
    Ministry" of "Ministry of Foreign Affairs"), or holding one ("Vesgrad's")."""
    words = _name_words(phrase)
    if not words:
        return False
    for name in ignore:
        own = _name_words(name)
        if own and (words <= own or own <= words):
            return True
    return False


def _name_words(name: str) -> frozenset[str]:
    return frozenset(token for token in tokens(name) if is_content(token))


def _negations(claim_text: str, passage_text: str) -> list[Difference]:
    """One text denies what the other says: "has no military contingent" against "the
    contingent has grown". Reported once, where the other text says it without the no."""
    found: list[Difference] = []
    for denying, denier, other, claim_side in (
        (passage_text, "source", claim_text, False),
        (claim_text, "article", passage_text, True),
    ):
        other_negations = find_negations(other)
        attributed = attribution_spans(other)  # "she told the Courier" states nothing
        other_words = [
            w
            for w in all_words(other)
            if is_content(w.lower) and not any(a.start <= w.start < a.end for a in attributed)
        ]
        for negation in find_negations(denying):
            if any(negation.stems & theirs.stems for theirs in other_negations):
                continue  # both deny it
            said = [w for w in other_words if w.stem in negation.stems]
            if not said:
                continue
            place = (
                Span(said[0].start, said[-1].end)
                if len(said) > 1
                else Span(said[0].start, said[0].end)
            )
            if any(place.overlaps(d.claim or d.source or place) for d in found):
                continue
            written = " ".join(negation.scope.of(denying).split())
            other_side = "source" if claim_side else "article"
            explanation = f"The {denier} denies what the {other_side} says: “{written}”."
            claim_span, source_span = (
                (negation.scope, place) if claim_side else (place, negation.scope)
            )
            found.append(Difference("negation", claim_span, source_span, explanation))
    return found


def _absent(
    claim_text: str,
    passage_text: str,
    reported: list[Span],
    ignore: Iterable[str],
    attribution: list[Span],
) -> list[Difference]:
    """What the claim says that the passage never mentions: names and phrases (see
    `missing_phrases`); quotations and figures have their own findings."""
    found: list[Difference] = []
    skip = [*attribution, *(span for span in find_quotations(claim_text))]
    for span, phrase in missing_phrases(claim_text, passage_text, ignore, skip=skip):
        if any(span.overlaps(other) for other in reported):
            continue
        found.append(Difference("absent", span, None, f"The passage says nothing of “{phrase}”."))
    return found
