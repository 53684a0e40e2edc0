"""Claim suggestions: the sentences of an article a careful reader would check.

A sentence is suggested when it attributes something to a source, reports a
number, quotes someone or states a contested fact; each suggestion carries its
cues and the reasons it was chosen, so the reader can see why. Sentences that
continue one another ("He added that…", a quotation running on) are suggested
together. Headings, bylines, share buttons, newsletter prompts, disclaimers and
author notes are never claims. Rules only: the same article always gives the
same suggestions, quickly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from sidebyside.core.citations import strip_possessive
from sidebyside.core.cues import (
    Cues,
    NameContext,
    analyse,
    countable_quantities,
    describe,
    is_duration,
    with_hedges,
)
from sidebyside.core.document import Block, BlockKind, Document
from sidebyside.core.numbers import Quantity
from sidebyside.core.quotes import find_quotations
from sidebyside.core.sentences import split_sentences
from sidebyside.core.spans import Span

__all__ = ["ClaimSuggestion", "describe_claim", "suggest_claims"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A unit scoring this much is suggested.
THRESHOLD = 2.0
# Sentences this far back may hold the source that "the report" or "he" stands for.
_ANTECEDENT_REACH = 6
_MAX_PAIR_LENGTH = 600


@dataclass(frozen=True, slots=True)
class ClaimSuggestion:
    """A stretch of the article worth checking, with what to check in it and why."""

    start: int
    end: int
    text: str
    cues: Cues
    reasons: tuple[str, ...] = ()
    score: float = 0.0

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def to_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "cues": self.cues.to_json(),
            "reasons": list(self.reasons),
        }


def suggest_claims(document: Document, language: str = "en") -> list[ClaimSuggestion]:
    """Claims worth checking in `document`, in reading order, offsets into its text."""
    text = document.text
    context = NameContext.from_text(text, own=own_names(document))
    suggestions: list[ClaimSuggestion] = []
    recent: list[tuple[int, Cues]] = []  # (unit number, cues) of the units read so far
    previous: tuple[int, Span, Block] | None = None  # where the last suggestion was
    for number, (unit, block) in enumerate(_units(document, language)):
        unit_text = unit.of(text)
        if is_boilerplate(unit_text):
            continue
        analysis = analyse(unit_text, context, hedges=False)
        names = [name.canonical for name in analysis.names]
        context.learn(name for name in analysis.names if name.canonical in analysis.cues.named)
        cues = _with_antecedents(unit_text, analysis.cues, recent, number, names, context)
        recent.append((number, cues))
        score, reasons = score_claim(unit_text, cues, names, analysis.quantities)
        if (
            previous is not None
            and previous[0] == number - 1
            and _continues_previous(text, previous[1], previous[2], unit, block, cues)
        ):
            cues = with_hedges(unit_text, cues)
            suggestions[-1] = _joined(text, suggestions[-1], unit, cues, reasons)
            previous = (number, suggestions[-1].span, block)
            continue
        if score >= THRESHOLD:
            cues = with_hedges(unit_text, cues)
            suggestions.append(
                ClaimSuggestion(unit.start, unit.end, unit_text, cues, reasons, score)
            )
            previous = (number, unit, block)
    return suggestions


def describe_claim(text: str, document: Document | None = None) -> Cues:
    """Cues for a claim the reader marked; the document, when given, helps read its names."""
    own = own_names(document) if document is not None else ()
    context = NameContext.from_text(document.text if document else text, own=own)
    return describe(text, context)


# --- scoring ------------------------------------------------------------------------------

_CONTESTED = re.compile(
    r"\b(?:den(?:y|ies|ied)|reject(?:s|ed)?|dismiss(?:es|ed)?|accus(?:e|es|ed)|"
    r"kill(?:s|ed|ing)?|massacre[sd]?|confirm(?:s|ed)|admit(?:s|ted)?|block(?:s|ed)|"
    r"seiz(?:e|es|ed)|detain(?:s|ed)?|arrest(?:s|ed)?|execut(?:e|es|ed)|attack(?:s|ed)?|"
    r"invad(?:e|es|ed)|violat(?:e|es|ed)|ban(?:s|ned)?|deploy(?:s|ed)?|paid|pays|"
    r"sign(?:s|ed)|fund(?:s|ed)|invest(?:s|ed)|sen[dt]|arriv(?:e|es|ed)|died|wound(?:s|ed)|"
    r"destroy(?:s|ed)|displac(?:e|es|ed)|contaminat(?:e|es|ed|ing)|declin(?:e|es|ed)|"
    r"r[io]se|risen|fell|fallen|doubled|halved|invited|delivered|reopened|neutrali[sz]ed|"
    r"lawful|unlawful|illegal|responsible|evidence|no\s+(?:military|foreign|evidence|ties)|"
    r"not\s+one|never)\b",
    re.IGNORECASE,
)
_OPINION = re.compile(
    r"\b(?:should|must|ought|I think|I believe|I hope|we need|let us|let's|of course|"
    r"fair enough|arguably|in my view|surely|deserves? to|it is time)\b",
    re.IGNORECASE,
)
_STRONG_HEDGE = re.compile(
    r"\b(?:alleged(?:ly)?|purported(?:ly)?|supposedly|so-called|accused of|reportedly|"
    r"(?:is|are|was|were) said to|rumou?red|believed to|suspected|unverified|unconfirmed|"
    r"claim(?:s|ed)? (?:that|to))\b",
    re.IGNORECASE,
)


_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_DAY = re.compile(rf"\b\d{{1,2}} {_MONTHS}\b|\b{_MONTHS} \d{{1,2}}\b")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def score_claim(
    text: str,
    cues: Cues,
    names: Sequence[str] = (),
    quantities: Sequence[Quantity] | None = None,
) -> tuple[float, tuple[str, ...]]:
    """How strongly `text` reads as a checkable claim, and the reasons a reader can see.

    `names` are the proper names the text mentions (people, organisations,
    places): a contested verb about a named actor is a fact someone can check.
    """
    score = 0.0
    reasons: list[str] = []
    if cues.named:
        score += 3.0
        reasons.append(f"attributed to {', '.join(cues.named)}" + _verb(cues))
    elif cues.generic:
        score += 2.0
        reasons.append(f"attributed to {', '.join(cues.generic)}" + _verb(cues))
    elif cues.verb == "according to" or _PRONOUN_SOURCE.search(text):
        score += 2.0
        reasons.append("attributed to someone named before" + _verb(cues))
    elif cues.refers_to:
        score += 0.5
        reasons.append(f"mentions {', '.join(cues.refers_to)}")
    if quantities is None:
        quantities = countable_quantities(text)
    amounts = [quantity for quantity in quantities if not is_duration(quantity)]
    if amounts:
        score += 2.0 + 0.5 * min(2, len(amounts) - 1)
        reasons.append("reports " + ", ".join(cues.numbers[:3]))
    elif quantities:
        score += 1.0
        reasons.append("gives a span of time: " + ", ".join(cues.numbers[:2]))
    if cues.quotes:
        score += 1.5
        reasons.append("quotes someone")
    strong = _STRONG_HEDGE.search(text)
    if strong:
        score += 1.0
        reasons.append(f"hedged ({strong.group().lower()})")
    contested = _CONTESTED.search(text)
    if contested:
        score += 1.0
        reasons.append(f"states a contested fact ({contested.group().lower()})")
        if names:
            score += 1.0
            reasons.append(f"about {', '.join(names[:3])}")
    day = _DAY.search(text)
    if day:
        score += 1.0
        reasons.append(f"dated ({day.group()})")
    elif _YEAR.search(text):
        score += 0.5
    if _OPINION.search(text):
        score -= 1.5
    if text.rstrip().endswith("?"):
        score -= 2.0
    if len(text.split()) < 6:
        score -= 1.0
    if text[:1].islower():
        score -= 1.0  # a fragment: a list item completing a sentence before it
    return score, tuple(reasons)


def _verb(cues: Cues) -> str:
    return f" ({cues.verb})" if cues.verb else ""


# --- boilerplate --------------------------------------------------------------------------

# Page furniture, found by phrases (lower case) anywhere or at the start of a sentence.
_BOILERPLATE_PHRASES = (
    "share this", "share on", "share the", "share button", "click here", "click the",
    "follow us", "subscribe", "sign up", "newsletter", "in your inbox", "download the",
    "read more", "more from", "most read", "listen to this", "min read", "print version",
    "all rights reserved", "copyright", "©", "privacy policy", "terms of use", "cookie",
    "views expressed", "do not necessarily reflect", "sole responsibility",
    "not be responsible", "fair use", "cross-post", "media contact", "media inquiries",
    "media enquiries", "mailto:", "www.", "http://", "https://", "reporting by", "editing by",
    "writing by", "our standards", "trust principles", "letters may be edited",
    "have your say", "write to us", "become a member", "comment on", "articles by",
    "note to readers", "notes to editors", "note to editors", "registered charity",
    "translate website", "this article was amended", "unofficial translation",
    "in case of discrepancy", "available for interview", "for immediate release",
    "original source of this article", "is a regular contributor", "contributor to",
    "writes a weekly column", "writes a monthly column", "writes a regular column",
    "is a fictional", "is the author of", "all opinions", "editorial position",
    "editorial independence",
)  # fmt: skip
_BOILERPLATE_START = re.compile(
    r"(?:related\b|disclaimer|tel\.|phone:|updated\b|photo(?:graph)?s?(?::| by)|"
    r"images?(?::| by)|credits?:|correction:|fictional)",
    re.IGNORECASE,
)
_EMAIL_OR_BYLINE = re.compile(r"[\w.+-]+@[\w-]+\.\w|^By [A-Z]")
_SECTION_BOILERPLATE = re.compile(
    r"^(?:notes? to (?:editors|readers)|about (?:the |us\b)|about [A-Z]|related|more from|"
    r"disclaimer|read more|further reading|editor'?s note|support us|comments?)",
    re.IGNORECASE,
)
_NAVIGATION = re.compile(r"\s[|·•]\s")


def is_boilerplate(text: str) -> bool:
    """Page furniture rather than article: share buttons, newsletters, credits, disclaimers."""
    stripped = text.strip()
    lowered = stripped.lower()
    if _BOILERPLATE_START.match(stripped) or _EMAIL_OR_BYLINE.search(stripped):
        return True
    if any(phrase in lowered for phrase in _BOILERPLATE_PHRASES):
        return True
    if len(_NAVIGATION.findall(stripped)) >= 1 and not re.search(r"[.!?]$", stripped):
        return True
    return not re.search(r"[A-Za-z]{2}", stripped)


def own_names(document: Document) -> tuple[str, ...]:
    """Names that are the document's own (publisher, author, dateline agency): never cited."""
    names = [document.metadata.publisher, document.metadata.author]
    for block in document.blocks[:12]:
        block_text = document.text[block.start : block.end]
        dateline = re.match(r"^[A-Z][A-Z .'-]+,[^()]{0,40}\(([^)]{2,40})\)\s*[-–—]", block_text)
        if dateline:
            names.append(dateline.group(1))
        byline = re.match(r"^By\s+(.{3,80}?)(?:\s*[|·]|$)", block_text)
        if byline:
            names.extend(re.split(r",\s*|\s+and\s+", byline.group(1)))
    return tuple(name.strip() for name in names if name and name.strip())


# --- units: sentences, joined where they run on -------------------------------------------


def _units(document: Document, language: str) -> Iterator[tuple[Span, Block]]:
    """Sentences of the article body, joined across an open quotation or a broken paragraph."""
    text = document.text
    pending: tuple[Span, Block] | None = None
    for block in _body_blocks(document):
        sentences = split_sentences(text[block.start : block.end], block.start, language)
        broken = (
            pending is not None
            and pending[1].kind is BlockKind.PARAGRAPH
            and block.kind is BlockKind.PARAGRAPH
        )
        if pending is not None and broken and sentences and text[sentences[0].start].islower():
            sentences[0] = Span(pending[0].start, sentences[0].end)  # a paragraph broken in two
        elif pending is not None:
            yield pending
        pending = None
        for span in _join_open_quotations(text, sentences):
            if span.end == block.end and not re.search(r"[.!?\"”’)]$", span.of(text)):
                pending = (span, block)
            else:
                yield span, block
    if pending is not None:
        yield pending


def _body_blocks(document: Document) -> Iterator[Block]:
    """Blocks that can hold claims: no headings, nothing under a boilerplate heading."""
    text = document.text
    in_boilerplate_section = False
    for block in document.blocks:
        block_text = text[block.start : block.end]
        if block.kind is BlockKind.HEADING:
            in_boilerplate_section = bool(_SECTION_BOILERPLATE.match(block_text))
            continue
        if in_boilerplate_section or block.kind is BlockKind.PREFORMATTED:
            continue
        if _is_author_note(block_text, document):
            continue
        yield block


def _is_author_note(block_text: str, document: Document) -> bool:
    """An author's biography: starts with the author's name and says who they are."""
    author = document.metadata.author
    starts_with_author = bool(author) and block_text.startswith(author)
    bio = re.match(r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3},? (?:who |is |was |has )", block_text)
    return bool(bio and (starts_with_author or is_boilerplate(block_text)))


def _join_open_quotations(text: str, sentences: list[Span]) -> list[Span]:
    """Join sentences while a quotation opened in one is still open: one speaker, one claim."""
    if len(sentences) < 2:
        return sentences
    block = Span(sentences[0].start, sentences[-1].end)
    quotations = [quote.shifted(block.start) for quote in find_quotations(block.of(text))]
    joined: list[Span] = []
    for sentence in sentences:
        if joined and any(
            quote.start < joined[-1].end and quote.end > sentence.start for quote in quotations
        ):
            joined[-1] = Span(joined[-1].start, sentence.end)
        else:
            joined.append(sentence)
    return joined


# --- what a unit refers back to, and pairs ------------------------------------------------

_PRONOUN_ATTRIBUTION = re.compile(
    r"^(?:He|She|They|It)\s+(?:also\s+|further\s+|later\s+|then\s+)?"
    r"(?:added|adds|said|says|told|noted|explained|warned|insisted|stressed|argued|"
    r"continued|went on|acknowledged|claimed|denied)\b"
)
_PRONOUN_SOURCE = re.compile(
    r"^(He|She|They|It)\s+(?:\w+\s+)?(?:added|said|says|told|noted|explained|warned|"
    r"insisted|stressed|argued|continued|estimates?|found)|\b(?i:according to) (him|her|them|it)\b",
)


_DEFINITE = re.compile(r"(?:the|this|that|these|its|their|his|her)\s|\S+['’]s\s", re.IGNORECASE)
_PRONOUN_HEADS = {"he": "he", "she": "he", "him": "he", "her": "he", "it": "it"} | {
    "they": "report",  # people or an organisation: whoever spoke last
    "them": "report",
}
_DOCUMENT_HEADS = _words(
    "report reports statement statements study studies survey review analysis investigation "
    "inquiry findings documents data figures records communique communiqué release letter "
    "article paper research testimony interview briefing"
)
# Which earlier names a reference can stand for: (its head words, words one of the names holds).
_HEAD_CLASSES: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (
        _words(
            "ministry government authorities authority police army military prosecutor "
            "prosecutors court side embassy"
        ),
        _words(
            "Ministry Government Office Department Police Army Forces Court Prosecutor Kremlin "
            "Presidency Embassy Authority Authorities Parliament"
        ),
    ),
    (
        _words("company firm"),
        _words(
            "Company Corporation Corp Inc Ltd Group Minerals Resources Holdings Mining Energy "
            "Oil Bank Airlines Motors Technologies Pharmaceuticals AG SA PLC LLC"
        ),
    ),
)
_PERSON_HEADS = _words(
    "spokesman spokeswoman spokesperson official minister president diplomat director author "
    "researcher expert witness he"
)
_ORGANISATION_HEADS = _words(
    "agency group organisation organization council commission committee department office "
    "charity union newspaper outlet team it"
)


def _with_antecedents(
    text: str,
    cues: Cues,
    recent: Sequence[tuple[int, Cues]],
    number: int,
    names: Sequence[str],
    context: NameContext,
) -> Cues:
    """Fill `refers_to` when the unit cites only "the report", "the agency" or "he".

    A reference whose words include part of a name nearby ("the agency" and the
    Environmental Protection Agency) stands for that name. Otherwise "the report"
    stands for the source that spoke last, "the spokesman" or "he" for the last
    person, "the company" or "it" for the last organisation, a few sentences back
    at most; "officials" or "witnesses" stand for no one named.
    """
    pronoun = _PRONOUN_SOURCE.search(text)
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
    nearby = [*names, *(name for item in earlier for name in item.named)]
    for name in nearby:
        if words & {word.lower() for word in name.split()}:
            return replace(cues, refers_to=(name,))
    heads = {_head(reference) for reference in definite}
    if pronoun:
        heads.add(_PRONOUN_HEADS[(pronoun.group(1) or pronoun.group(2)).lower()])
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
            return kind == "name" or bool(class_words & set(name.split()))
    return bool(heads & _ORGANISATION_HEADS) and kind in ("organisation", "name")


def _continues_previous(
    text: str, previous: Span, previous_block: Block, unit: Span, block: Block, cues: Cues
) -> bool:
    """'He added that…', a quotation running on, or a quotation's caption: one claim.

    A quotation that names its own speaker ('…," the report said') stands alone.
    """
    unit_text = unit.of(text)
    if unit.end - previous.start > _MAX_PAIR_LENGTH:
        return False
    if previous_block != block:
        return (
            previous_block.kind is BlockKind.QUOTE
            and block.kind is BlockKind.QUOTE
            and len(unit_text.split()) <= 15
            and not re.search(r"[.!?]$", unit_text)
        )
    if _PRONOUN_ATTRIBUTION.match(unit_text):
        return True
    if cues.verb or cues.named or cues.generic:
        return False
    quotes = find_quotations(unit_text)
    quoted = sum(len(quote) for quote in quotes)
    return unit_text[:1] in '"“' and quoted >= 0.8 * len(unit_text.strip('"“”. '))


def _joined(
    text: str, last: ClaimSuggestion, unit: Span, cues: Cues, reasons: tuple[str, ...]
) -> ClaimSuggestion:
    merged = Cues(
        sources=_merge(last.cues.sources, cues.sources),
        numbers=last.cues.numbers + cues.numbers,
        quotes=last.cues.quotes + cues.quotes,
        hedges=_merge(last.cues.hedges, cues.hedges),
        verb=last.cues.verb or cues.verb,
        named=_merge(last.cues.named, cues.named),
        refers_to=_merge(last.cues.refers_to, cues.refers_to),
    )
    return ClaimSuggestion(
        last.start,
        unit.end,
        text[last.start : unit.end],
        merged,
        _merge(last.reasons, ("continues the sentence before", *reasons)),
        last.score,
    )


def _merge(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return first + tuple(item for item in second if item not in first)
