"""What a claim says that its passage does not: changed figures, dropped hedges, quotations
not found verbatim, other names or dates, denials, and content the passage never mentions.

Each finding carries its place in the claim and in the passage, so both can be marked,
and one plain sentence a reader can check by looking. One module a kind of finding.
"""

from __future__ import annotations

from collections.abc import Iterable

from sidebyside.core.differences.figures import figure_differences
from sidebyside.core.differences.finding import KINDS, Difference
from sidebyside.core.differences.hedging import hedge_differences
from sidebyside.core.differences.names import name_differences, own_names
from sidebyside.core.differences.quotations import quotation_differences
from sidebyside.core.differences.unsaid import absent_differences, negation_differences
from sidebyside.core.numbers import find_quantities
from sidebyside.core.quotes import find_quotations
from sidebyside.core.spans import Span
from sidebyside.core.words.attribution import attribution_spans

__all__ = ["KINDS", "Difference", "find_differences"]


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
    differences += figure_differences(
        claim_text, passage_text, claim_quantities, passage_quantities, covered_hedges
    )
    differences += hedge_differences(claim_text, passage_text, covered_hedges, bool(attribution))
    differences += quotation_differences(claim_text, passage_text)
    ignore = own_names(ignore_names)
    quoted = find_quotations(claim_text)  # compared word for word by `quotation_differences`
    differences += name_differences(
        claim_text,
        passage_text,
        ignore,
        [*attribution, *quoted, *(q.span for q in claim_quantities)],
        [q.span for q in passage_quantities],
    )
    differences += negation_differences(claim_text, passage_text)
    reported = [d.claim for d in differences if d.claim is not None]
    differences += absent_differences(claim_text, passage_text, reported, ignore, attribution)
    differences.sort(key=lambda d: (d.claim.start if d.claim else 1 << 30, KINDS.index(d.kind)))
    return differences
