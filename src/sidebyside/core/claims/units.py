"""The units claims are made of: sentences, joined where one runs on into the next.

A quotation open over several sentences, a paragraph broken mid-sentence, "He
added that…" after the claim it continues, and a quotation's caption are read
as one claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sidebyside.core.claims.boilerplate import body_blocks
from sidebyside.core.cues import Cues
from sidebyside.core.document import Block, BlockKind, Document
from sidebyside.core.quotes import find_quotations
from sidebyside.core.sentences import split_sentences
from sidebyside.core.spans import Span

__all__ = ["claim_units", "continues_previous"]

_MAX_PAIR_LENGTH = 600
_PRONOUN_ATTRIBUTION = re.compile(
    r"^(?:He|She|They|It)\s+(?:also\s+|further\s+|later\s+|then\s+)?"
    r"(?:added|adds|said|says|told|noted|explained|warned|insisted|stressed|argued|"
    r"continued|went on|acknowledged|claimed|denied)\b"
)


def claim_units(document: Document, language: str) -> Iterator[tuple[Span, Block]]:
    """Sentences of the article body, joined across an open quotation or a broken paragraph."""
    text = document.text
    pending: tuple[Span, Block] | None = None
    for block in body_blocks(document):
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
        for span in join_open_quotations(text, sentences):
            if span.end == block.end and not re.search(r"[.!?\"”’)]$", span.of(text)):
                pending = (span, block)
            else:
                yield span, block
    if pending is not None:
        yield pending


def join_open_quotations(text: str, sentences: list[Span]) -> list[Span]:
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


def continues_previous(
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
