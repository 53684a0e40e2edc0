"""Names the claim gives where the passage, in the same role, names another."""

from __future__ import annotations

from collections.abc import Iterable

from sidebyside.core.citations import acronym_of
from sidebyside.core.cues.names import find_names, sentence_initial
from sidebyside.core.differences.finding import Difference
from sidebyside.core.memo import remembered
from sidebyside.core.numbers import is_month
from sidebyside.core.spans import Span
from sidebyside.core.words import (
    all_words,
    is_content,
    name_runs,
    present,
    stem,
    tokens,
    words_near,
)


def name_differences(
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
    """The names of `text` outside `skip` (see `_names_with_kinds`)."""
    return [name for name in _names_with_kinds(text) if not any(name[0].overlaps(o) for o in skip)]


@remembered
def _names_with_kinds(text: str) -> list[tuple[Span, str, str]]:
    """The names of `text`, each with its kind as the cues tell it ("person",
    "organisation" or "name"), or "month". A capitalised word the cues do not take for a
    name is left out, unless it merely opens a sentence ("Vesgrad sent…"), where nothing
    tells."""
    mentions = find_names(text)
    found: list[tuple[Span, str, str]] = []
    for span, phrase in name_runs(text):
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


def own_names(names: Iterable[str]) -> list[str]:
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
