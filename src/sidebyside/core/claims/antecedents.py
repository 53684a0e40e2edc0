"""What "the report", "the company" or "he" stands for: the source named a little earlier."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from sidebyside.core.citations import strip_possessive
from sidebyside.core.cues import Cues, NameContext, NameMention

__all__ = ["PRONOUN_SOURCE", "with_antecedents"]


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Sentences this far back may hold the source that "the report" or "he" stands for.
_ANTECEDENT_REACH = 6
PRONOUN_SOURCE = re.compile(
    r"^(He|She|They|It)\s+(?:\w+\s+)?(?:added|said|says|told|noted|explained|warned|"
    r"insisted|stressed|argued|continued|estimates?|found)|\b(?i:according to) (him|her|them|it)\b",
)
_DEFINITE = re.compile(r"(?:the|this|that|these|its|their|his|her)\s|\S+['’]s\s", re.IGNORECASE)
_PRONOUN_HEADS = {"he": "he", "she": "he", "him": "he", "her": "he", "it": "it"} | {
    "they": "report",  # people or an organisation: whoever spoke last
    "them": "report",
}
_DOCUMENT_HEADS = words(
    "report reports statement statements study studies survey review analysis investigation "
    "inquiry findings documents data figures records communique communiqué release letter "
    "article paper research testimony interview briefing"
)
# Which earlier names a reference can stand for: (its head words, words one of the names holds).
_HEAD_CLASSES: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (
        words(
            "ministry government authorities authority police army military prosecutor "
            "prosecutors court side embassy"
        ),
        words(
            "Ministry Government Office Department Police Army Forces Court Prosecutor Kremlin "
            "Presidency Embassy Authority Authorities Parliament"
        ),
    ),
    (
        words("company firm"),
        words(
            "Company Corporation Corp Inc Ltd Group Minerals Resources Holdings Mining Energy "
            "Oil Bank Airlines Motors Technologies Pharmaceuticals AG SA PLC LLC Foods "
            "Industries Brands Systems Securities Capital Partners Insurance Telecom"
        ),
    ),
)
_PERSON_HEADS = words(
    "spokesman spokeswoman spokesperson official minister president diplomat director author "
    "researcher expert witness he"
)
_ORGANISATION_HEADS = words(
    "agency group organisation organization council commission committee department office "
    "charity union newspaper outlet team it"
)


def with_antecedents(
    text: str,
    cues: Cues,
    recent: Sequence[tuple[int, Cues]],
    number: int,
    names: Sequence[NameMention],
    context: NameContext,
) -> Cues:
    """Fill `refers_to` when the unit cites only "the report", "the agency" or "he".

    A reference whose words include part of a name nearby ("the agency" and the
    Environmental Protection Agency) stands for that name. Otherwise "the report"
    stands for the source that spoke last, "the spokesman" or "he" for the last
    person, "the company" or "it" for the last organisation, a few sentences back
    at most; "officials" or "witnesses" stand for no one named.
    """
    pronoun = PRONOUN_SOURCE.search(text)
    definite = [reference for reference in cues.generic if _DEFINITE.match(reference)]
    if cues.named or not (definite or pronoun):
        return cues  # "diplomatic sources", "media reports": unnamed, and meant to be
    earlier = [
        item
        for earlier_number, item in reversed(recent)
        if number - earlier_number <= _ANTECEDENT_REACH
    ]
    words = {
        strip_possessive(word).lower()
        for reference in definite
        for word in reference.split()[1:] + reference.split()[-1:]
    }
    first = min((text.find(reference) for reference in definite), default=len(text))
    before = [name.canonical for name in names if name.start < max(first, 0)]
    nearby = [*before, *(name for item in earlier for name in item.named)]
    for name in nearby:
        if words & {word.lower() for word in name.split()}:
            return replace(cues, refers_to=(name,))
    heads = {_head(reference) for reference in definite}
    if pronoun:
        heads.add(_PRONOUN_HEADS[(pronoun.group(1) or pronoun.group(2)).lower()])
    if heads - _DOCUMENT_HEADS:  # "X, …, the company said": the sentence's own subject first
        for name in before[:1]:
            if _may_stand_for(heads, name, context):
                return replace(cues, refers_to=(name,))
    for item in earlier:
        for name in (*item.named, *item.refers_to):
            if _may_stand_for(heads, name, context):
                return replace(cues, refers_to=(name,))
    return cues


def _head(reference: str) -> str:
    """The word a reference turns on: "the report" -> report, "the ministry's statement" ->
    ministry (the statement is the ministry's)."""
    words = [word.lower() for word in reference.split()]
    for word in words[:-1]:
        if word.endswith(("'s", "’s")) and strip_possessive(word) not in _DOCUMENT_HEADS:
            return strip_possessive(word)
    return words[-1]


def _may_stand_for(heads: set[str], name: str, context: NameContext) -> bool:
    if heads & _DOCUMENT_HEADS:
        return True
    kind = context.kind_of(name)
    if heads & _PERSON_HEADS:
        return kind == "person"
    for class_heads, class_words in _HEAD_CLASSES:
        if heads & class_heads:
            return kind != "person" and (kind == "name" or bool(class_words & set(name.split())))
    return bool(heads & _ORGANISATION_HEADS) and kind in ("organisation", "name")
