"""Abbreviations after which a full stop does not end a sentence: one list for both
sentence splitters (the claims' pysbd-based one and the sources' fast one)."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A following capitalised word is a name: "Gen. Moreau", "Dr. Adeyemi".
TITLES = _words(
    """adm amb brig capt cpt cdr cmdr col cpl gen gov hon insp lt maj pres prof rep rev sen
    sgt supt dr mr mrs ms st fr pte jr sr"""
)
# A following number belongs to the same sentence: "No. 5", "approx. 300", "pp. 12-14".
BEFORE_NUMBERS = _words("approx est no nos vol art fig figs p pp ca cf para sec ch ref op")
MONTHS = _words("jan feb mar apr jun jul aug sep sept oct nov dec")
OTHERS = _words("inc ltd co corp vs etc e.g i.e dept al u.s u.k u.n e.u")

ABBREVIATIONS = TITLES | BEFORE_NUMBERS | MONTHS | OTHERS
