"""Generic references: sources a sentence leans on without naming them ("the report").

"Diplomatic sources", "the agency's own published records", "health officials":
a source word with the words that modify it and its determiner.
"""

from __future__ import annotations

import re

from sidebyside.core.cues.names import sentence_initial
from sidebyside.core.cues.vocabulary import (
    AFTER_SOURCE,
    DETERMINERS,
    GENERIC_HEADS,
    NOT_MODIFIERS,
    VERB,
    WORD,
)
from sidebyside.core.spans import Span

__all__ = ["find_generic_references"]

_GENERIC_HEAD = re.compile(
    rf"(?<![\w-])(?:{'|'.join(sorted(GENERIC_HEADS, key=len, reverse=True))})(?![\w-])",
    re.IGNORECASE,
)
_MODIFIER = re.compile(r"[A-Za-z][\w-]*(?:['’]s?)?$")


_NEXT_WORD = re.compile(r"\s+([a-z][\w-]*)")


def _may_follow_source(word: str) -> bool:
    """Words that can follow a source word that is the head of its phrase ("officials said")."""
    return (
        word in NOT_MODIFIERS
        or word in AFTER_SOURCE
        or word in GENERIC_HEADS
        or word.endswith(("ed", "ing", "ly"))
        or VERB.fullmatch(word) is not None
    )


def _reference_start(text: str, head_start: int) -> int:
    """Walk back from a source word over its modifiers and determiner."""
    start = head_start
    words = reversed(list(WORD.finditer(text, max(0, head_start - 80), head_start)))
    for modifiers, word in enumerate(words):
        if text[word.end() : start].strip():
            break  # punctuation between: the reference starts after it
        lowered = word.group().lower()
        if lowered in DETERMINERS:
            return word.start()
        if modifiers == 3 or lowered in NOT_MODIFIERS or not _MODIFIER.match(word.group()):
            break
        capital = word.group()[0].isupper() and not word.group().isupper()
        adjective = word.group().endswith(("ian", "ean", "ese", "ish"))
        if capital and not adjective and not sentence_initial(text, word.start()):
            break  # a name ("Interior Ministry spokesman"): the name is the source
        start = word.start()
    return start


def find_generic_references(text: str) -> list[Span]:
    """References that stand for a source without naming it: "the report", "diplomatic sources".

    A reference is a source word ("report", "officials") with up to three words
    before it that modify it ("the agency's own published records") and a
    determiner; a capitalised source word inside a name ("Security Council") is
    not one.
    """
    found: list[Span] = []
    for head in _GENERIC_HEAD.finditer(text):
        if (
            head.group()[0].isupper()
            and not sentence_initial(text, head.start())
            and not text[: head.start()].rstrip().lower().endswith(("the", "a", "an"))
        ):
            continue
        following = _NEXT_WORD.match(text, head.end())
        if following and not _may_follow_source(following.group(1)):
            continue  # "the official website", "company documents": a modifier, not a source
        start = _reference_start(text, head.start())
        found.append(Span(start, head.end()))
    return [
        span for span in found if not any(other != span and other.contains(span) for other in found)
    ]
