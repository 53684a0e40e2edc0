"""The links an article's claims cite: the addresses in a claim's sentences, in the sentence
before it when it refers back ("the report said"), or on a short "read the report" line after
its paragraph. `citations.cite_sources` matches them to the attached sources.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sidebyside.core.cues import Cues
    from sidebyside.core.document import Document, Hyperlink
    from sidebyside.core.spans import Span

__all__ = ["CitedAddress", "claim_links"]


class CitedAddress(str):
    """An address a claim links, which also knows the link's own words in the article
    ("NPR", "said in a report"): of several names a claim gives, the link belongs to the
    one its words are (or stand nearest to). It is a plain address everywhere else."""

    words: str

    def __new__(cls, address: str, words: str = "") -> CitedAddress:
        made = super().__new__(cls, address)
        made.words = words
        return made


def claim_links(
    document: Document, spans: Sequence[Span], cues: Sequence[Cues]
) -> list[tuple[str, ...]]:
    """The addresses each claim (span, with its cues) links, in text order.

    A claim cites the links in its sentences; with none, and a reference back ("the report
    said", "it"), the links of the sentence before in the paragraph; and a short "read the
    report" line after it in its paragraph, or right under the paragraph, counts for every
    claim of the paragraph before it that links nothing itself.
    """
    if not document.links:
        return [() for _ in spans]
    from sidebyside.core.sentences import document_sentences

    sentences = document_sentences(document)
    read_more = _read_more_lines(document, sentences)
    found: list[tuple[str, ...]] = []
    for span, cue in zip(spans, cues, strict=True):
        own = [i for i, sentence in enumerate(sentences) if sentence.overlaps(span)]
        addresses = [
            _cited(document, link) for i in own for link in _links_in(document, sentences[i])
        ]
        addresses += [_cited(document, link) for link in document.links if _inside(link, span)]
        refers_back = bool(cue.refers_to or cue.generic) or bool(
            _PRONOUN.match(span.of(document.text))
        )
        if not addresses and own and refers_back:
            before = own[0] - 1
            if before >= 0 and _same_block(document, sentences[before], sentences[own[0]]):
                addresses = [
                    _cited(document, link) for link in _links_in(document, sentences[before])
                ]
        if not addresses:
            block = document.block_at(span.start)
            addresses = [
                address
                for paragraph, line_start, line_addresses in read_more
                if block is not None and paragraph == block.start and line_start >= span.end
                for address in line_addresses
            ]
        found.append(tuple(dict.fromkeys(addresses)))
    return found


# "Read the report", "See the full statement", "Full report (PDF)", "Download the data"
_READ_MORE = re.compile(
    r"^\W*(?:read|see|view|download|full|more|the full|access|here)\b", re.IGNORECASE
)
_READ_MORE_WORDS = 10
_PRONOUN = re.compile(
    r"^\W*(?:it|they|this|that|these|the (?:\w+ )?(?:report|statement|study|"
    r"survey|findings|document|paper|review|audit|release|letter))\b",
    re.IGNORECASE,
)


def _read_more_lines(
    document: Document, sentences: Sequence[Span]
) -> list[tuple[int, int, list[CitedAddress]]]:
    """(start of the paragraph it belongs to, where it starts, its addresses) of each short
    "read the report" line: a sentence of its paragraph, or a short block under one."""
    lines: list[tuple[int, int, list[CitedAddress]]] = []
    for index, sentence in enumerate(sentences):
        text = sentence.of(document.text)
        links = _links_in(document, sentence)
        if not links or len(text.split()) > _READ_MORE_WORDS or not _READ_MORE.match(text):
            continue
        block = document.block_at(sentence.start)
        if block is None:
            continue
        if sentence.start > block.start:  # inside its paragraph, after other sentences
            lines.append((block.start, sentence.start, [_cited(document, link) for link in links]))
        elif index > 0:  # a line of its own: it belongs to the paragraph above
            above = document.block_at(sentences[index - 1].start)
            if above is not None:
                lines.append(
                    (above.start, sentence.start, [_cited(document, link) for link in links])
                )
    return lines


def _cited(document: Document, link: Hyperlink) -> CitedAddress:
    return CitedAddress(link.address, document.text[link.start : link.end])


def _links_in(document: Document, sentence: Span) -> list[Hyperlink]:
    return [
        link for link in document.links if link.start < sentence.end and link.end > sentence.start
    ]


def _inside(link: Hyperlink, span: Span) -> bool:
    return link.start < span.end and link.end > span.start


def _same_block(document: Document, a: Span, b: Span) -> bool:
    block = document.block_at(a.start)
    return block is not None and block is document.block_at(b.start)
