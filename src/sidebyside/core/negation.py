"""Where a text says no: the negations that turn a statement into its opposite.

"Valdoria has no military contingent" and "Valdoria's contingent has grown" share their
words and say opposite things; a reader must see that before any shared word counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from sidebyside.core.memo import remembered
from sidebyside.core.spans import Span
from sidebyside.core.words import Word, all_words, is_content

__all__ = ["Negation", "find_negations"]

# Words that deny what follows them. Contractions arrive split ("didn", "t").
NEGATORS = frozenset(
    {
        "not", "no", "never", "nor", "neither", "didn", "doesn", "don", "isn", "wasn",
        "weren", "aren", "hasn", "haven", "hadn", "won", "wouldn", "couldn", "shouldn",
        "cannot", "denied", "denies", "deny", "denying", "failed", "fails", "fail",
        "failing", "refused", "refuses", "refuse",
    }
)  # fmt: skip
# ("without", "none", "nothing" are left out: "without changes" is "as they stood".)
SCOPE = 2  # content words a negator denies ("no military contingent", "not visit")
# Words between a negator and what it denies ("has not been told", "didn't even visit").
AUXILIARIES = frozenset(
    {
        "t", "be", "been", "being", "have", "has", "had", "do", "does", "did", "even", "yet",
        "ever", "to", "longer",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Negation:
    cue: Span  # the negating word
    scope: Span  # the negator and the words it denies
    stems: frozenset[str]  # stems of the content words denied


@remembered
def find_negations(text: str) -> list[Negation]:
    found: list[Negation] = []
    tokens = all_words(text)
    for position, word in enumerate(tokens):
        if word.lower not in NEGATORS or _contraction_of_will(tokens, position):
            continue
        denied: list[Word] = []
        previous = word
        for following in tokens[position + 1 :]:
            if _breaks(text[previous.end : following.start]):
                break
            previous = following
            if not denied and following.lower in AUXILIARIES:
                continue
            if not is_content(following.lower) or following.lower in NEGATORS:
                break  # "not from the harbour", "not so far": no statement denied
            denied.append(following)
            if len(denied) == SCOPE:
                break
        if denied:
            found.append(
                Negation(
                    Span(word.start, word.end),
                    Span(word.start, denied[-1].end),
                    frozenset(w.stem for w in denied),
                )
            )
    return found


def _breaks(gap: str) -> bool:
    """A clause ends between two words: the negation does not reach across it."""
    return any(mark in gap for mark in ".;:!?,—–()")


def _contraction_of_will(tokens: tuple[Word, ...], position: int) -> bool:
    """ "won" is a negator only as "won't"."""
    if tokens[position].lower != "won":
        return False
    return position + 1 >= len(tokens) or tokens[position + 1].lower != "t"
