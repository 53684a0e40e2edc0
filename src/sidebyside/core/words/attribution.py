"""Attribution phrases: the part of a sentence that says who says it, not what happened.

"The Riverside Tribune reported that…", "According to SRO, …", "The ministry's statement
insists that…", "…, three officials said." An article that writes such a phrase attributes
its claim; the words of the phrase name a speaker or a document, and a passage that does
not repeat them is no less a match.
"""

from __future__ import annotations

import re

from sidebyside.core.memo import remembered
from sidebyside.core.spans import Span

__all__ = ["ATTRIBUTION_VERBS", "attribution_spans"]

# verbs whose subject is the one who says something
ATTRIBUTION_VERBS = tuple(
    str.split(
        "said says say told tells reported reports noted notes stated states wrote writes "
        "claimed claims insisted insists argued argues explained explains announced announces "
        "confirmed confirms acknowledged acknowledges added adds alleged alleges maintained "
        "maintains asserted asserts concluded concludes estimated estimates found finds "
        "warned warns testified testifies recalled recalls"
    )
)

_VERB = "(?:" + "|".join(ATTRIBUTION_VERBS) + ")"
_ADVERB = r"(?:(?:also|previously|later|separately|further|repeatedly|publicly|initially)\s+)?"
# a subject of one to seven words ("The Sahel Rights Observatory (SRO)", "The ministry's
# statement"), opening a sentence or a clause
_SUBJECT_WORD = r"[\w'’().-]+"
_LEADING = re.compile(
    r"(?:^|(?<=[.!?:;]\s)|(?<=[.!?:;][\"”’]\s)|(?<=,\s)|(?<=\n))"
    rf"(?P<phrase>(?:{_SUBJECT_WORD}\s+){{1,7}}?{_ADVERB}{_VERB}(?:\s+that)?)(?=[\s,:])",
    re.IGNORECASE,
)
_ACCORDING = re.compile(
    r"(?<![\w-])(?:according to|in (?:the|its|their|a|an|his|her) (?:[\w'’-]+\s+){0,3}?"
    r"(?:statement|report|study|interview|release|letter|paper|briefing|testimony|post))"
    r"[^,.;:!?]{0,80}?(?=,)",
    re.IGNORECASE,
)
# ", three officials said." or ", citing three people familiar with the deal."
_TRAILING = re.compile(
    rf",\s+(?P<phrase>(?:(?:{_SUBJECT_WORD}\s+){{1,7}}?{_VERB}|"
    r"(?:citing|quoting|according to)\s+[^.;!?]{1,120}?))(?=[.;!?]?\s*$|[.;!?]\s)",
    re.IGNORECASE,
)
_NOT_SUBJECT = re.compile(r"(?i)\b(?:and|or|but|which|who|when|if|because|than)\b")


@remembered
def attribution_spans(text: str) -> list[Span]:
    """Spans of the attribution phrases of `text`, in order, not overlapping."""
    found: list[Span] = []
    for match in _LEADING.finditer(text):
        phrase = match.group("phrase")
        subject = phrase.rsplit(None, 2 if phrase.lower().endswith("that") else 1)[0]
        if _NOT_SUBJECT.search(subject):
            continue  # "troops gathered men and said…": a clause, not a speaker
        found.append(Span(match.start("phrase"), match.end("phrase")))
    for match in _ACCORDING.finditer(text):
        found.append(Span(match.start(), match.end()))
    for match in _TRAILING.finditer(text):
        found.append(Span(match.start("phrase"), match.end("phrase")))
    found.sort(key=lambda span: (span.start, -span.end))
    kept: list[Span] = []
    for span in found:
        if kept and span.start < kept[-1].end:
            if span.end > kept[-1].end:
                kept[-1] = Span(kept[-1].start, span.end)
            continue
        kept.append(span)
    return kept
