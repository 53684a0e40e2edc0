"""How a claim's words changed between two versions of an article: whether they did at all
(spacing aside), and the few words around what differs, to show the reader both."""

from __future__ import annotations

ELLIPSIS = "…"
CONTEXT_WORDS = 2  # words kept either side of what changed


def same_words(old: str, new: str) -> bool:
    """The same words in the same order; a change of spacing or line breaks is no change."""
    return old.split() == new.split()


def changed_words(old: str, new: str, context: int = CONTEXT_WORDS) -> tuple[str, str]:
    """The words of `old` and of `new` that differ, with `context` words either side and an
    ellipsis where a text is cut: ("…estimated 300 civilians…", "…estimated 350 civilians…")."""
    old_words, new_words = old.split(), new.split()
    shortest = min(len(old_words), len(new_words))
    head = 0
    while head < shortest and old_words[head] == new_words[head]:
        head += 1
    tail = 0
    while tail < shortest - head and old_words[-1 - tail] == new_words[-1 - tail]:
        tail += 1
    start = max(0, head - context)
    return (
        _excerpt(old_words, start, len(old_words) - max(0, tail - context)),
        _excerpt(new_words, start, len(new_words) - max(0, tail - context)),
    )


def _excerpt(words: list[str], start: int, end: int) -> str:
    text = " ".join(words[start:end])
    if start > 0:
        text = ELLIPSIS + text
    if end < len(words):
        text += ELLIPSIS
    return text
