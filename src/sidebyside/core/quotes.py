"""Quotations: the words a text puts in someone's mouth, which a source must contain verbatim.

Handles straight and curly double quotes, guillemets and German low quotes, single quotes
that are not apostrophes ("don't", "the instructors' pay"), and the journalistic habit of
leaving a quote open at the end of a paragraph when it continues in the next.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from sidebyside.core.memo import remembered
from sidebyside.core.spans import Span
from sidebyside.core.words import Word, all_words, is_content, present

__all__ = [
    "closest_wording",
    "elided_parts",
    "find_quotations",
    "plain_with_offsets",
    "quotation_at",
    "quote_pieces",
    "reads_as_title",
]

_MARKS = re.compile(r"[\"“”„«»‘’']")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_OPENING_CONTEXT = set(" \t\n([{—–-/:") | {"", "\u00a0"}


@remembered
def find_quotations(text: str) -> list[Span]:
    """Spans of quoted text, without the marks, outermost quotations only, in order."""
    spans: list[Span] = []
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        spans.extend(_paragraph_quotations(text, start, brk.start()))
        start = brk.end()
    spans.extend(_paragraph_quotations(text, start, len(text)))
    return spans


def quotation_at(text: str, offset: int) -> Span | None:
    """The quotation containing `offset`, if any."""
    for span in find_quotations(text):
        if span.start <= offset < span.end:
            return span
    return None


def _paragraph_quotations(text: str, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    double: int | None = None  # offset just after an open double quote
    single: int | None = None
    opener = ""
    for mark in _MARKS.finditer(text, start, end):
        char = mark.group()
        at = mark.start()
        before = text[at - 1] if at > start else ""
        after = text[at + 1] if at + 1 < end else ""
        opening_context = before in _OPENING_CONTEXT or before in "“\"‘'«„"
        if char == "“" and opener == "„" and double is not None:  # German „…“
            _add(spans, text, double, at)
            double = None
        elif char in "“„«":
            if double is None:
                double, single, opener = at + 1, None, char
        elif char in "”»":
            if double is not None:
                _add(spans, text, double, at)
                double = None
        elif char == '"':
            if double is not None:
                _add(spans, text, double, at)
                double = None
            elif opening_context or (not before.isalnum() and after.isalnum()):
                double, single, opener = at + 1, None, char
        elif double is not None:
            continue  # a quotation inside a quotation belongs to the outer one
        elif char == "‘" or (char == "'" and opening_context and after.isalnum()):
            if single is None:
                single = at + 1
        elif single is not None and not after.isalnum():
            _add(spans, text, single, at)
            single = None
    if double is not None:  # a quotation continued in the next paragraph
        _add(spans, text, double, end)
    return spans


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    inner = text[start:end]
    stripped = inner.strip()
    if stripped:
        offset = start + inner.index(stripped)
        spans.append(Span(offset, offset + len(stripped)))


# words that stay lowercase inside a title ("Master of Puppets", "Ray & Liz")
def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_TITLE_SMALL = _word_set(
    "a an and as at but by de del der des di du for from in into la le nor of on or per the"
    " to up upon van via von vs with"
)
# words that make a phrase say something: the quoted words of a speaker, not a name
_SAYING = _word_set(
    "i we you he she they it me us him them my our your is are was were be been being am"
    " has have had do does did will would shall should can could may might must not no"
    " never don't didn't won't can't isn't wasn't aren't weren't hasn't haven't it's i'm"
    " we're they're he's she's that's there's"
)
_CASE_NAME = re.compile(r"\S\s+(?:v|vs)\.?\s+\S")
_CLAUSE = re.compile(r"[;,!?]|\.\s")
_TITLE_WORD = re.compile(r"[^\W_][\w'’.&-]*")


def reads_as_title(quoted: str) -> bool:
    """Whether quoted words read as the title or name of something ("Master of Puppets",
    "Brown v. Board of Education", "Real-FM", "Forbes") rather than words someone said: a
    case name, most of its words capitalised, or a few words that say nothing (no verb, no
    pronoun). A title is looked for as a name, not as a quotation."""
    words = _TITLE_WORD.findall(quoted)
    if not words:
        return False
    if _CASE_NAME.search(quoted):
        return True
    lowered = [w.lower().replace("’", "'") for w in words]
    main = [w for w, low in zip(words, lowered, strict=True) if low not in _TITLE_SMALL]
    capitalised = [w for w in main if w[0].isupper() or w[0].isdigit()]
    if main and len(capitalised) > len(main) / 2 and (len(main) > 1 or len(words) <= 4):
        return True  # "Pistol on My Side", "Withnail and I", "Forbes"
    if any(w in _SAYING or w.endswith(("n't", "'ll", "'re", "'ve")) for w in lowered[1:]):
        return False
    if lowered[0] in _SAYING - {"it", "no", "not", "never"}:
        return False
    verb_like = any(low.endswith(("ed", "ing")) and len(low) > 5 for low in lowered)
    if len(words) <= 3:
        return not verb_like
    # "The 100 greatest novels of all time": a phrase set out like a title, saying nothing
    return (
        len(words) <= 8 and words[0][0].isupper() and not verb_like and not _CLAUSE.search(quoted)
    )


_ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\s*){3}\]|\[…\]|(?:\.\s*){3}|…)\s*")


def elided_parts(quoted: str) -> list[str]:
    """The pieces of a quotation that leaves words out ("mature, tasteful, and [...]
    sexy"), in order; the quotation whole when it leaves nothing out."""
    return [part for part in _ELLIPSIS.split(quoted) if part.strip(" ,;:.")] or [quoted]


def plain_with_offsets(text: str) -> tuple[str, list[int]]:
    """`text` as lowercased words joined by single spaces, punctuation and quote styles
    dropped, with the offset in `text` of each character kept, so that a match found in
    the plain form can be marked in the original."""
    plain: list[str] = []
    offsets: list[int] = []
    pending_space = False
    for offset, char in enumerate(text):
        if char.isalnum():
            if pending_space and plain:
                plain.append(" ")
                offsets.append(offset - 1)
            lowered = char.lower()  # "İ" lowercases to two characters
            plain.append(lowered)
            offsets.extend([offset] * len(lowered))
            pending_space = False
        elif char not in "'’":  # "didn’t" stays one word
            pending_space = True
    return "".join(plain), offsets


def quote_pieces(quoted: str, passage: str) -> list[Span] | None:
    """Where the quoted words are in the passage, punctuation aside: one span when
    verbatim, two when the quotation joins two separate places, None otherwise."""
    plain_quote, _ = plain_with_offsets(quoted)
    plain_passage, offsets = plain_with_offsets(passage)
    if not plain_quote:
        return None
    found = _find_words(plain_passage, plain_quote)
    if found >= 0:
        return [_original(offsets, found, found + len(plain_quote))]
    words = plain_quote.split()
    for cut in range(len(words) - 2, 1, -1):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        first_at = _find_words(plain_passage, first)
        second_at = _find_words(plain_passage, second)
        if (
            first_at >= 0
            and second_at >= 0
            and not (first_at <= second_at < first_at + len(first) + 1)
        ):
            return [
                _original(offsets, first_at, first_at + len(first)),
                _original(offsets, second_at, second_at + len(second)),
            ]
    return None


def closest_wording(
    quoted: str, passage: str, minimum: float = 50.0, share: float = 0.5
) -> Span | None:
    """The stretch of the passage closest to the quoted words, whole words only: the best
    alignment letter by letter, or, when the passage says it in another order, the
    shortest stretch holding most of the quotation's content words (at least `share` of
    them), whichever holds more of them (both when they overlap). None when nothing in the
    passage comes close."""
    aligned = _aligned_wording(quoted, passage, minimum)
    wanted = len({w.stem for w in _content(quoted)})
    if aligned is not None and _held(quoted, passage, aligned) < max(1, share * wanted):
        aligned = None  # letters alike, words not: "and Christian (24.4" for "Hindus into…"
    worded = _worded(quoted, passage, share)
    if worded is None or (
        aligned is not None and _held(quoted, passage, worded) <= _held(quoted, passage, aligned)
    ):
        return aligned
    if aligned is not None and aligned.overlaps(worded):  # the two overlap: both, whole
        return Span(min(aligned.start, worded.start), max(aligned.end, worded.end))
    return worded


def _aligned_wording(quoted: str, passage: str, minimum: float) -> Span | None:
    plain_quote, _ = plain_with_offsets(quoted)
    plain_passage, offsets = plain_with_offsets(passage)
    if not plain_quote or not plain_passage:
        return None
    alignment = fuzz.partial_ratio_alignment(plain_quote, plain_passage)
    if alignment is None or alignment.score < minimum:
        return None
    start, end = alignment.dest_start, alignment.dest_end
    if start >= end:
        return None
    while start > 0 and plain_passage[start - 1] != " ":
        start -= 1
    while end < len(plain_passage) and plain_passage[end] != " ":
        end += 1
    return _whole_words(passage, _original(offsets, start, end))


_OPENING_MARKS = "([{“‘\"'«"
_CLOSING_MARKS = {")": "(", "]": "[", "}": "{", "”": "“", "’": "‘", "»": "«"}


def _whole_words(text: str, span: Span) -> Span:
    """`span` widened to the whole of the words it cuts into ("(24.4%)", not "(24.4"),
    without a sentence's closing stop or comma, and with brackets and quotation marks
    only in pairs."""
    start, end = span.start, span.end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    while end > span.end and text[end - 1] in ".,;:!?":
        end -= 1
    while start < span.start and text[start] in _OPENING_MARKS:
        closing = [c for c, o in _CLOSING_MARKS.items() if o == text[start]] or [text[start]]
        if any(c in text[start + 1 : end] for c in closing):
            break
        start += 1
    while end > span.end and text[end - 1] in _CLOSING_MARKS or text[end - 1 : end] in "\"'":
        if end <= span.end:
            break
        opening = _CLOSING_MARKS.get(text[end - 1], text[end - 1])
        if opening in text[start : end - 1]:
            break
        end -= 1
    while end > span.end and text[end - 1] in ".,;:!?":
        end -= 1
    return Span(start, end)


def _content(text: str) -> list[Word]:
    return [w for w in all_words(text) if is_content(w.lower)]


def _held(quoted: str, passage: str, span: Span) -> int:
    """How many of the quotation's content words the stretch `span` of the passage holds."""
    inside = {w.stem for w in _content(passage) if span.start <= w.start and w.end <= span.end}
    return sum(present(word_stem, inside) for word_stem in {w.stem for w in _content(quoted)})


def _worded(quoted: str, passage: str, share: float) -> Span | None:
    """The shortest stretch of the passage, at most twice the quotation's length in words,
    that holds the most of its content words, when that is at least `share` of them."""
    wanted = {w.stem for w in _content(quoted)}
    words = _content(passage)
    hits = [(i, w) for i, w in enumerate(words) if present(w.stem, wanted)]
    reach = max(2 * len(wanted), 6)
    best: tuple[int, int, Span] | None = None
    for first, (i, start) in enumerate(hits):
        for j, end in hits[first:]:
            if j - i >= reach:
                break
            span = Span(start.start, end.end)
            held = _held(quoted, passage, span)
            if best is None or (held, -(j - i)) > (best[0], -best[1]):
                best = (held, j - i, span)
    if best is None or best[0] < max(2, share * len(wanted)):
        return None
    return best[2]


def _find_words(haystack: str, needle: str) -> int:
    """`haystack.find(needle)` at word boundaries only."""
    start = haystack.find(needle)
    while start >= 0:
        end = start + len(needle)
        if (start == 0 or haystack[start - 1] == " ") and (
            end == len(haystack) or haystack[end] == " "
        ):
            return start
        start = haystack.find(needle, start + 1)
    return -1


def _original(offsets: list[int], start: int, end: int) -> Span:
    return Span(offsets[start], offsets[end - 1] + 1)
