"""Anchors: where a claim or passage sits in a text, stated so it can be found again.

An anchor is a position (code-point offsets) plus a quote selector (the exact
text and 32 characters either side), after the W3C Web Annotation model. When
the text changes, `locate` finds the anchor again the way the Hypothesis client
does: by position, then by exact quote, then by a fuzzy quote scored on quote,
prefix, suffix and closeness to the old position. What it cannot find with
confidence it reports as an orphan rather than guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

from sidebyside.core.spans import Span

CONTEXT_LENGTH = 32

# Weights of the Hypothesis client's match-quote scoring.
_QUOTE_WEIGHT = 50.0
_PREFIX_WEIGHT = 20.0
_SUFFIX_WEIGHT = 20.0
_POSITION_WEIGHT = 2.0

# An exact quote this short could be anywhere; it needs its context to be trusted.
_SHORT_QUOTE = 20
# A fuzzy match must keep this much of the quote (normalised Levenshtein similarity)…
_MIN_FUZZY_QUOTE = 0.75
# …and score this much overall, so a look-alike sentence elsewhere is not taken for it…
_MIN_FUZZY_SCORE = 0.65
# …and, for short quotes, keep this much of its context.
_MIN_SHORT_CONTEXT = 0.5
# Above this context similarity, a quote still at its old position is taken as is.
_TRUSTED_CONTEXT = 0.7
# Below this, even the only copy of a quote at its old place is weighed against fuzzy rivals.
_DOUBTFUL = 0.4
# An exact quote scoring this much (its context mostly intact) needs no fuzzy rival.
_TRUSTED_EXACT = 0.85
# A place elsewhere this close to the quote makes a verbatim copy in poor company doubtful.
_AMBIGUOUS_RIVAL = 0.9
# Copies whose company differs by less than this are told apart by closeness to the old place.
_NEAR_TIE = 0.05
_MAX_OCCURRENCES = 2000
_NEARBY_CANDIDATES = 3


@dataclass(frozen=True, slots=True)
class Anchor:
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def to_json(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Anchor:
        return cls(
            start=int(str(data["start"])),
            end=int(str(data["end"])),
            exact=str(data["exact"]),
            prefix=str(data.get("prefix", "")),
            suffix=str(data.get("suffix", "")),
        )


class AnchorMethod(StrEnum):
    """How an anchor was found again; shown to the reader next to moved claims."""

    POSITION = "position"
    EXACT = "exact"
    FUZZY = "fuzzy"
    ORPHAN = "orphan"


@dataclass(frozen=True, slots=True)
class Relocation:
    """The outcome of looking for an anchor in a changed text.

    `anchor` is the anchor in the new text, or the old anchor unchanged when it
    is an orphan (kept so the reader can still see what was lost). `score` is
    1.0 for a quote found verbatim in its old context and lower as quote,
    prefix or suffix differ.
    """

    anchor: Anchor
    method: AnchorMethod
    score: float

    @property
    def is_orphan(self) -> bool:
        return self.method is AnchorMethod.ORPHAN


def make_anchor(text: str, start: int, end: int) -> Anchor:
    return Anchor(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_LENGTH) : start],
        suffix=text[end : end + CONTEXT_LENGTH],
    )


def reanchor(anchor: Anchor, text: str) -> Anchor | None:
    """Find the anchor again in a changed text; None means it is now an orphan."""
    relocation = locate(anchor, text)
    return None if relocation.is_orphan else relocation.anchor


def locate(anchor: Anchor, text: str) -> Relocation:
    """Find the anchor in `text` by position, exact quote, then fuzzy quote."""
    if not anchor.exact:
        return Relocation(anchor, AnchorMethod.ORPHAN, 0.0)
    found = _by_position(anchor, text)
    if found is not None:
        return found
    exact = _by_exact_quote(anchor, text)
    if exact is _AMBIGUOUS:
        return Relocation(anchor, AnchorMethod.ORPHAN, 0.0)
    if exact is not None and exact.score >= _TRUSTED_EXACT:
        return exact
    # A verbatim copy in strange company may be an old duplicate while the claim itself
    # was corrected where it was: a fuzzy match in better company wins, and a near-verbatim
    # rival elsewhere makes the copy too doubtful to take.
    fuzzy, rival = _by_fuzzy_quote(anchor, text)
    if exact is None:
        return fuzzy or Relocation(anchor, AnchorMethod.ORPHAN, 0.0)
    if fuzzy is not None and fuzzy.score > exact.score:
        return fuzzy
    if rival >= _AMBIGUOUS_RIVAL:
        return Relocation(anchor, AnchorMethod.ORPHAN, 0.0)
    return exact


def _by_position(anchor: Anchor, text: str) -> Relocation | None:
    if text[anchor.start : anchor.end] != anchor.exact:
        return None
    context = _context_score(anchor, text, anchor.start, anchor.end)
    if context < _TRUSTED_CONTEXT and (text.count(anchor.exact) > 1 or context < _DOUBTFUL):
        return None  # perhaps a copy of the quote sits here now: let the context decide
    if len(anchor.exact) < _SHORT_QUOTE and context < _MIN_SHORT_CONTEXT:
        return None
    found = make_anchor(text, anchor.start, anchor.end)
    return Relocation(found, AnchorMethod.POSITION, _total_score(1.0, context, 1.0))


def _by_exact_quote(anchor: Anchor, text: str) -> Relocation | None:
    """The verbatim copy in the best company; near ties go to the one nearest the old place."""
    scored: list[tuple[float, float, int]] = []
    length = len(anchor.exact)
    for start in _occurrences(text, anchor.exact):
        context = _context_score(anchor, text, start, start + length)
        if length < _SHORT_QUOTE and context < _MIN_SHORT_CONTEXT:
            continue
        scored.append((context, _closeness(anchor.start, start, len(text)), start))
    if not scored:
        return None
    best_context = max(context for context, _, _ in scored)
    in_best_company = max(scored, key=lambda item: item[0])
    nearest = max(scored, key=lambda item: item[1])
    if in_best_company is not nearest and best_context < _TRUSTED_CONTEXT:
        # Verbatim copies where the one in the best company is not the one nearest the old
        # place, and that company is not convincing: which is the claim cannot be told, and
        # a claim put in a wrong place is worse than one the reader is asked about.
        return _AMBIGUOUS
    context, closeness, start = max(
        (item for item in scored if item[0] >= best_context - _NEAR_TIE),
        key=lambda item: item[1],
    )
    score = _total_score(1.0, context, closeness)
    return Relocation(make_anchor(text, start, start + length), AnchorMethod.EXACT, score)


_AMBIGUOUS = Relocation(Anchor(0, 0, "", "", ""), AnchorMethod.ORPHAN, 0.0)


def _by_fuzzy_quote(anchor: Anchor, text: str) -> tuple[Relocation | None, float]:
    """The best fuzzy match good enough to take, and the quote similarity of the best
    place that is not a verbatim copy (a rival to weigh an exact match against).

    Verbatim copies are left out: the exact step has already weighed them.
    """
    best: tuple[float, int, int] | None = None
    rival = 0.0
    copies = [Span(start, start + len(anchor.exact)) for start in _occurrences(text, anchor.exact)]
    for start, end in _fuzzy_candidates(anchor, text):
        if any(copy.overlaps(Span(start, end)) for copy in copies):
            continue  # verbatim copies are the exact step's to weigh
        quote = Levenshtein.normalized_similarity(anchor.exact, text[start:end])
        rival = max(rival, quote)
        if quote < _MIN_FUZZY_QUOTE:
            continue
        context = _context_score(anchor, text, start, end)
        if len(anchor.exact) < _SHORT_QUOTE and context < _MIN_SHORT_CONTEXT:
            continue
        score = _total_score(quote, context, _closeness(anchor.start, start, len(text)))
        if score >= _MIN_FUZZY_SCORE and (best is None or score > best[0]):
            best = (score, start, end)
    if best is None:
        return None, rival
    score, start, end = best
    return Relocation(make_anchor(text, start, end), AnchorMethod.FUZZY, score), rival


def _occurrences(text: str, quote: str) -> list[int]:
    found: list[int] = []
    start = text.find(quote)
    while start >= 0 and len(found) < _MAX_OCCURRENCES:
        found.append(start)
        start = text.find(quote, start + 1)
    return found


def _fuzzy_candidates(anchor: Anchor, text: str) -> set[tuple[int, int]]:
    """Rough places for the quote: near its old position, anywhere, and by its context.

    Near the old position the best few places are taken, masking each one found,
    so that a verbatim copy nearby cannot hide the corrected original. Each rough
    place is a window as long as the quote; its edges are then moved to where the
    quote's first and last characters fit best.
    """
    length = len(anchor.exact)
    margin = 2 * length + 256
    low = max(0, anchor.start - margin)
    high = min(len(text), anchor.end + margin)
    rough: list[tuple[int, int]] = []
    window = text[low:high]
    for _ in range(_NEARBY_CANDIDATES):
        alignment = fuzz.partial_ratio_alignment(anchor.exact, window)
        if alignment is None or alignment.score <= 0:
            break
        rough.append((low + alignment.dest_start, low + alignment.dest_end))
        masked = "\0" * (alignment.dest_end - alignment.dest_start)
        window = window[: alignment.dest_start] + masked + window[alignment.dest_end :]
    alignment = fuzz.partial_ratio_alignment(anchor.exact, text)
    if alignment is not None and alignment.score > 0:
        rough.append((alignment.dest_start, alignment.dest_end))
    with_context = anchor.prefix + anchor.exact + anchor.suffix
    alignment = fuzz.partial_ratio_alignment(with_context, text)
    if alignment is not None and alignment.score > 0:
        start = alignment.dest_start + len(anchor.prefix)
        rough.append((start, start + length))
    return {_refine(anchor.exact, text, start, end) for start, end in rough}


def _refine(quote: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Move a rough window's edges to where the quote's ends match best."""
    reach = max(16, len(quote) // 4)
    edge = min(len(quote), CONTEXT_LENGTH)
    head, tail = quote[:edge], quote[-edge:]

    def head_fit(position: int) -> tuple[float, int]:
        return Indel.normalized_similarity(head, text[position : position + edge]), -abs(
            position - start
        )

    def tail_fit(position: int) -> tuple[float, int]:
        return Indel.normalized_similarity(tail, text[max(0, position - edge) : position]), -abs(
            position - end
        )

    starts = range(max(0, start - reach), min(len(text), start + reach) + 1)
    new_start = max(starts, key=head_fit)
    ends = range(max(new_start + 1, end - reach), min(len(text), end + reach) + 1)
    new_end = max(ends, key=tail_fit) if ends else max(new_start + 1, end)
    return new_start, min(len(text), new_end)


def _context_score(anchor: Anchor, text: str, start: int, end: int) -> float:
    """How well the text around a place matches the stored prefix and suffix (0 to 1).

    Each side counts half by edit similarity and half by how many characters
    right next to the quote agree, since unrelated text in the same words is
    never far from a stored context by edit distance alone.
    """
    # An empty stored side means the quote began or ended the text; compare at least one
    # character so that a place in the middle of the text does not look the same.
    prefix = text[max(0, start - max(1, len(anchor.prefix))) : start]
    suffix = text[end : end + max(1, len(anchor.suffix))]
    before = _side_similarity(anchor.prefix[::-1], prefix[::-1])
    after = _side_similarity(anchor.suffix, suffix)
    return (before + after) / 2


def _side_similarity(expected: str, found: str) -> float:
    """Similarity of one side of the context, read outward from the quote."""
    if not expected:  # the quote began (or ended) the text: so must the place
        return 1.0 if not found else 0.0
    adjacent = 0
    for expected_character, found_character in zip(expected, found, strict=False):
        if expected_character != found_character:
            break
        adjacent += 1
    similarity = float(Levenshtein.normalized_similarity(expected, found))
    return (similarity + adjacent / len(expected)) / 2


def _closeness(old: int, new: int, length: int) -> float:
    return 1.0 - abs(new - old) / max(1, length)


def _total_score(quote: float, context: float, closeness: float) -> float:
    total = (
        _QUOTE_WEIGHT * quote
        + (_PREFIX_WEIGHT + _SUFFIX_WEIGHT) * context
        + _POSITION_WEIGHT * closeness
    )
    return total / (_QUOTE_WEIGHT + _PREFIX_WEIGHT + _SUFFIX_WEIGHT + _POSITION_WEIGHT)
