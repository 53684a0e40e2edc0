"""Attribution: which names and references a sentence attributes its content to.

An attribution verb ("said", "reported", "according to") has speaker slots: the
words before it back to a clause boundary, the subject before a chain of
appositives ("The Red Cross, which…, said"), or the words after it when
inverted ('…," said Eryk Maas'). Phrases like "a report by" and possessives
like "HRW's findings" attribute too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sidebyside.core.cues.names import NameContext, NameMention, find_names
from sidebyside.core.cues.references import find_generic_references
from sidebyside.core.cues.vocabulary import TITLES, VERB, WEAK_VERBS, WORD
from sidebyside.core.spans import Span

__all__ = ["Attribution", "find_attributions", "inside_any"]

_PRONOUN_AT_END = re.compile(
    r"(?<![\w-])(?:he|she|it|they)(?:\s+(?:\w+ly|also|has|had|have|then))*\s*$", re.IGNORECASE
)
_HYPOTHETICAL = re.compile(r"\b(?:will|would|might|may|could|can|to)\s+$")
# After these a name is the speaker: '…," said Eryk Maas' or 'according to Vegvesen'.
_SPEAKER_AFTER = frozenset({"said", "says", "added", "adds", "told", "wrote", "noted"})
_SPEAKER_START = re.compile(r"\s+(?:[A-Z]|(?:the|a|an|its|his|her|their|one|two|three)\s)")
_BY_SOURCE = re.compile(
    r"(?<![\w-])(?:(?:reports?|surveys?|stud(?:y|ies)|reviews?|investigations?|analys[ie]s|"
    r"statements?|inspections?|data|figures|records|documents|polls?|assessments?|audits?|"
    r"articles?|research|findings|testimon(?:y|ies)|letters?|communiqu[eé]s?|estimates?|count|"
    r"tally|assertions?|allegations?|accusations?|claims?)"
    r"(?:\s+(?:published|released|issued|compiled|written|commissioned|conducted|prepared|"
    r"produced))?\s+(?:by|from|of)|"
    r"(?:researchers|spokes(?:man|woman|person)|officials?|director|experts?|scientists?)"
    r"\s+(?:for|at|from|of|with)|"
    r"(?:published|released|issued|obtained|seen|compiled|conducted|commissioned|"
    r"disseminated|posted|reported|quoted|cited|collected|gathered|documented|announced|"
    r"confirmed|verified|shared|carried out|circulated|made public)"
    r"(?:\s+(?:on|in|last|this|earlier)(?:\s+[\w-]+){1,2})?\s+by|"
    r"published(?:\s+(?:on|last|this|earlier)(?:\s+[\w-]+){1,2})?\s+in|"
    r"interview with|told)\s+",
    re.IGNORECASE,
)
_POSSESSIVE_SOURCE = re.compile(
    r"\s*(?:own\s+)?(?:[a-z]+\s+)?(?:reports?|statements?|stud(?:y|ies)|surveys?|findings|data|"
    r"figures|records|researchers|director|spokes(?:man|woman|person)|analysis|investigation|"
    r"estimates?|website|account|communiqu[eé]|review|officials?)\b",
)
_BOUNDARY = re.compile(
    r"[,;:!?\"“”()\[\]]|(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)(?<!\bCol)(?<!\bGen)"
    r"(?<!\bProf)(?<!\b[A-Z])\.(?=\s|$)|\s[–—-]\s|(?<![\w-])(?:that|which|who|whom|whose)(?![\w-])"
)
_LIST_GAP = re.compile(
    r"(?:['’]s?)?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as|&)\s+)(?:the\s+)?",
    re.IGNORECASE,
)
_PARENTHESIS = re.compile(r"\s*\([^)]{1,40}\)")


@dataclass(frozen=True, slots=True)
class Attribution:
    """An attribution verb (or "according to", "a report by") and whom it attributes to."""

    verb: Span
    names: tuple[NameMention, ...]
    references: tuple[Span, ...]
    kind: str = "verb"  # "verb", "by" ("a report by") or "possessive" ("HRW's report")


def find_attributions(
    text: str,
    names: Sequence[NameMention],
    context: NameContext,
    quoted: Sequence[Span] = (),
) -> list[Attribution]:
    """Attribution verbs in `text` with the names and references in their speaker slots."""
    references = [
        reference
        for reference in find_generic_references(text)
        if not inside_any(reference, quoted)
        and not any(name.span.overlaps(reference) for name in names)
    ]
    found: list[Attribution] = []
    for match in VERB.finditer(text):
        verb = Span(match.start(), match.end())
        if inside_any(verb, quoted):
            continue
        form = " ".join(match.group().lower().split())
        if _HYPOTHETICAL.search(text, max(0, verb.start - 12), verb.start):
            continue  # "critics will say": nobody has said it yet
        windows = _speaker_windows(text, verb, form, names)
        windows.extend(_pronoun_subject(text, verb, windows, names))
        in_slot = [
            name
            for name in names
            if any(w.contains(name.span) for w in windows) and not _is_place_in(text, name, context)
        ]
        slot_references = [
            reference
            for reference in references
            if any(window.contains(reference) for window in windows)
        ]
        if in_slot:
            slot_references = []
        if form in WEAK_VERBS and not _weak_verb_holds(text, verb, in_slot, slot_references):
            continue
        if in_slot or slot_references or form == "according to":
            found.append(Attribution(verb, tuple(in_slot), tuple(slot_references)))
    for match in _BY_SOURCE.finditer(text):
        if inside_any(Span(match.start(), match.end()), quoted):
            continue
        in_slot = _name_list(text, match.end(), names)
        if match.group().lower().startswith("told"):
            in_slot = [name for name in in_slot if context.is_organisation(name.canonical)]
        if in_slot:
            span = Span(match.start(), match.end() - 1)
            found.append(Attribution(span, tuple(in_slot), (), "by"))
    for name in names:
        if text.startswith(("'s", "’s", "'", "’"), name.end):
            apostrophe_end = name.end + (2 if text[name.end + 1 : name.end + 2] == "s" else 1)
            possessive = _POSSESSIVE_SOURCE.match(text, apostrophe_end)
            if possessive and not inside_any(name.span, quoted):
                span = Span(possessive.start(), possessive.end())
                found.append(Attribution(span, (name,), (), "possessive"))
    found.sort(key=lambda attribution: attribution.verb.start)
    return found


def _speaker_windows(text: str, verb: Span, form: str, names: Sequence[NameMention]) -> list[Span]:
    """Where the speaker of a verb may be named: before it, after it, or at the clause's head."""
    if form == "according to":
        return [_list_window(text, verb.end, names)]
    before = _extend_list_back(text, _window_before(text, verb.start), names)
    windows = [before]
    subject = re.search(r"\w", before.of(text)) is not None
    if not subject and _comma_before(text, verb.start):
        head = _clause_head(text, verb.start)
        if head is not None:
            windows.append(head)
            windows.extend(_appositive_names(text, head.end, verb.start, names))
            subject = True
    inverted = text[: verb.start].rstrip().endswith((",", '"', "”", "’"))
    if form in _SPEAKER_AFTER and inverted and not subject and _SPEAKER_START.match(text, verb.end):
        windows.append(_list_window(text, verb.end, names))
    return windows


def _pronoun_subject(
    text: str, verb: Span, windows: list[Span], names: Sequence[NameMention]
) -> list[Span]:
    """'Moscow congratulated Mali … and it described as…': "it" is the sentence's subject."""
    before = windows[0].of(text)
    if not _PRONOUN_AT_END.search(before) or any(
        window.contains(name.span) for window in windows for name in names
    ):
        return []
    sentence_start = max(text.rfind(". ", 0, verb.start) + 1, 0)
    subjects = [name for name in names if sentence_start <= name.start < windows[0].start]
    return [subjects[0].span] if subjects else []


def _appositive_names(text: str, start: int, end: int, names: Sequence[NameMention]) -> list[Span]:
    """Names standing alone between commas: 'A spokeswoman for it, Mira Halvik, said'."""
    spans: list[Span] = []
    for segment in re.finditer(r"[^,]+", text[start:end]):
        piece = Span(start + segment.start(), start + segment.end())
        stripped = segment.group().strip()
        if any(name.text == stripped and piece.contains(name.span) for name in names):
            spans.append(piece)
    return spans


def _is_place_in(text: str, name: NameMention, context: NameContext) -> bool:
    """'Residents in Osk said': a place after "in" or "near" is where, not who."""
    before = text[max(0, name.start - 8) : name.start]
    return bool(re.search(r"\b(?:in|near|from|at)\s+$", before)) and not (
        context.is_organisation(name.canonical) or name.kind == "person"
    )


def _extend_list_back(text: str, window: Span, names: Sequence[NameMention]) -> Span:
    """'The United States, France and European Union say': the list before the comma too."""
    listed_here = [name for name in names if window.contains(name.span)]
    if len(listed_here) < 2 or not re.search(r"\b(?:and|or)\b", window.of(text)):
        return window
    start = window.start
    while True:
        comma = text.rfind(",", 0, start)
        if comma < 0 or text[comma + 1 : start].strip():
            return Span(start, window.end)
        listed = [name for name in names if name.end == comma]
        if not listed:
            return Span(start, window.end)
        start = listed[0].start


def _window_before(text: str, position: int) -> Span:
    """Up to twelve words before `position`, back to the nearest clause boundary."""
    start = max(0, position - 160)
    piece = _PARENTHESIS.sub(lambda match: " " * len(match.group()), text[start:position])
    boundaries = list(_BOUNDARY.finditer(piece))
    if boundaries:
        start += boundaries[-1].end()
    words = list(WORD.finditer(text, start, position))
    if len(words) > 12:
        start = words[-12].start()
    return Span(start, position)


def _list_window(text: str, position: int, names: Sequence[NameMention] | None) -> Span:
    """From `position` to the next clause boundary, running on through a list of names."""
    end = _next_boundary(text, position)
    if not names:
        names = find_names(text[position:])
        names = [
            NameMention(n.start + position, n.end + position, n.text, n.canonical, n.kind)
            for n in names
        ]
    while end < len(text) and text[end] == ",":
        following = _next_boundary(text, end + 1)
        segment = text[end + 1 : following]
        covered = [name for name in names if end < name.start and name.end <= following]
        leftover = segment
        for name in covered:
            leftover = leftover.replace(name.text, " ")
        leftover = re.sub(r"\b(?:and|or|as well as|the|especially|from)\b|['’]s?", " ", leftover)
        leftover = " ".join(word for word in leftover.split() if word not in TITLES)
        if not covered or leftover.strip(" .,"):
            break
        end = following
    return Span(position, end)


def _name_list(text: str, position: int, names: Sequence[NameMention]) -> list[NameMention]:
    """The names right after `position`: 'by the charity Reading Futures', 'from AP, AFP and DW'.

    The first name must come within three words; further ones only after a comma,
    "and", "or" or "as well as", so "interview with RIA Novosti and also pointed
    to the fact Russia…" gives RIA Novosti alone.
    """
    following = sorted((name for name in names if name.start >= position), key=lambda n: n.start)
    if not following or len(WORD.findall(text[position : following[0].start])) > 3:
        return []
    if re.search(r"[,;:.!?\"“”()]", text[position : following[0].start]):
        return []
    listed = [following[0]]
    for name in following[1:]:
        gap = text[listed[-1].end : name.start]
        if not _LIST_GAP.fullmatch(gap):
            break
        listed.append(name)
    return listed


def _next_boundary(text: str, position: int) -> int:
    match = _BOUNDARY.search(text, position)
    end = match.start() if match else len(text)
    words = list(WORD.finditer(text, position, end))
    if len(words) > 10:
        end = words[10].start()
    return end


def _clause_head(text: str, position: int) -> Span | None:
    """The subject before a chain of appositives: 'The Red Cross, which…, said'."""
    first_comma = text.find(",")
    if first_comma < 0 or first_comma >= position:
        return None
    head = Span(0, first_comma)
    words = WORD.findall(head.of(text))
    if not words or len(words) > 12 or VERB.search(head.of(text)):
        return None
    if words[0].lower() in ("in", "on", "at", "after", "since", "when", "while", "as", "if"):
        return None
    return head


def _weak_verb_holds(
    text: str, verb: Span, names: Sequence[NameMention], references: Sequence[Span]
) -> bool:
    """A noun-like verb form ("reports", "found") attributes only with a subject or a "that"."""
    if re.match(r"\s+(?:that|as)\b", text[verb.end :]):
        return True
    if verb.of(text).lower().startswith("show"):
        return False  # "cooperation shows the desire": showing is not saying
    before = text[max(0, verb.start - 40) : verb.start].rstrip()
    if re.search(r"\b(?:the|a|an|of|media|several|many|some|unconfirmed)$", before, re.I):
        return False
    return bool(names or references) and re.search(r"\w$", before) is not None


def _comma_before(text: str, position: int) -> bool:
    stripped = re.sub(
        r"(?:\s+(?:also|further|again|later|then|now|\w+ly|on \w+))*\s*$", "", text[:position]
    )
    return stripped.endswith(",")


def inside_any(span: Span, spans: Sequence[Span]) -> bool:
    return any(other.contains(span) for other in spans)
