"""What the passage denies, and what it says nothing of."""

from __future__ import annotations

from collections.abc import Iterable

from sidebyside.core.differences.finding import Difference
from sidebyside.core.negation import find_negations
from sidebyside.core.quotes import find_quotations
from sidebyside.core.spans import Span
from sidebyside.core.words import all_words, is_content, missing_phrases
from sidebyside.core.words.attribution import attribution_spans

# Words that say a thing is lacking without denying a statement: "without running water"
# agrees with "no running water". (Not negators themselves: "without changes" is "as they
# stood", see core.negation.)
PRIVATIVES = frozenset({"without", "lacking", "lacks", "lack", "lacked"})
PRIVATIVE_REACH = 2  # words back from the thing lacking ("without any running water")


def negation_differences(claim_text: str, passage_text: str) -> list[Difference]:
    """One text denies what the other says: "has no military contingent" against "the
    contingent has grown". Reported once, where the other text says it without the no."""
    found: list[Difference] = []
    for denying, denier, other, claim_side in (
        (passage_text, "source", claim_text, False),
        (claim_text, "article", passage_text, True),
    ):
        other_negations = find_negations(other)
        attributed = attribution_spans(other)  # "she told the Courier" states nothing
        tokens = all_words(other)
        lacking = {
            tokens[i].stem
            for i in range(len(tokens))
            if any(t.lower in PRIVATIVES for t in tokens[max(0, i - PRIVATIVE_REACH) : i])
        }
        other_words = [
            w
            for w in tokens
            if is_content(w.lower) and not any(a.start <= w.start < a.end for a in attributed)
        ]
        for negation in find_negations(denying):
            if any(negation.stems & theirs.stems for theirs in other_negations):
                continue  # both deny it
            if negation.stems & lacking:
                continue  # "no running water" and "without running water" agree
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


def absent_differences(
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
