"""The one shape every imported file takes: canonical text plus structure and metadata.

Every anchor in sidebyside (claim, passage, note target) is a pair of code-point
offsets into `Document.text`, so the text is built once, by `DocumentBuilder`,
and never changed afterwards.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum

from sidebyside.core.addresses import normalise_address

PARAGRAPH_SEPARATOR = "\n\n"


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    LIST_ITEM = "list_item"
    PREFORMATTED = "preformatted"


@dataclass(frozen=True, slots=True)
class Block:
    """A stretch of the canonical text with one role: `text[start:end]`."""

    kind: BlockKind
    start: int
    end: int
    level: int = 0  # heading level (1-6) or list nesting depth
    page: int | None = None  # 1-based page number for PDFs

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"kind": str(self.kind), "start": self.start, "end": self.end}
        if self.level:
            data["level"] = self.level
        if self.page is not None:
            data["page"] = self.page
        return data

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Block:
        page = data.get("page")
        return cls(
            kind=BlockKind(str(data["kind"])),
            start=int(str(data["start"])),
            end=int(str(data["end"])),
            level=int(str(data.get("level", 0))),
            page=int(str(page)) if page is not None else None,
        )


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a reader knows about where a document comes from."""

    title: str = ""
    author: str = ""
    publisher: str = ""
    date: str = ""  # ISO date when known, as printed otherwise
    address: str = ""  # URL or original file path
    language: str = ""
    aliases: tuple[str, ...] = ()  # names an article may use for this document

    def to_json(self) -> dict[str, object]:
        return {
            "title": self.title,
            "author": self.author,
            "publisher": self.publisher,
            "date": self.date,
            "address": self.address,
            "language": self.language,
            "aliases": list(self.aliases),
        }


@dataclass(frozen=True, slots=True)
class Hyperlink:
    """A link the document carries: `text[start:end]` is its anchor text, `address` where
    it points (absolute and normalised: resolved against the page, tracking dropped)."""

    start: int
    end: int
    address: str

    def to_json(self, text: str) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "address": self.address,
            "text": text[self.start : self.end],
        }


@dataclass(frozen=True, slots=True)
class Document:
    """An imported article or source: the canonical text and what is known about it."""

    text: str
    blocks: tuple[Block, ...]
    metadata: Metadata = field(default_factory=Metadata)
    format: str = "text"  # "html", "pdf", "markdown", "text", "epub", "docx"
    imported_at: str = field(
        default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds")
    )
    original: bytes = b""  # the file as it was read, kept so it can be re-read later
    original_name: str = ""
    links: tuple[Hyperlink, ...] = ()  # in text order

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def title(self) -> str:
        return self.metadata.title

    def with_metadata(self, **changes: object) -> Document:
        return replace(self, metadata=replace(self.metadata, **changes))  # type: ignore[arg-type]

    def block_at(self, offset: int) -> Block | None:
        """The block containing `offset`, or None when it falls between blocks."""
        low, high = 0, len(self.blocks) - 1
        while low <= high:
            middle = (low + high) // 2
            block = self.blocks[middle]
            if offset < block.start:
                high = middle - 1
            elif offset >= block.end:
                low = middle + 1
            else:
                return block
        return None

    def to_json(self) -> dict[str, object]:
        return {
            "format": self.format,
            "metadata": self.metadata.to_json(),
            "content_hash": self.content_hash,
            "imported_at": self.imported_at,
            "blocks": [block.to_json() for block in self.blocks],
            "links": [link.to_json(self.text) for link in self.links],
            "text": self.text,
        }


class DocumentBuilder:
    """Assembles canonical text block by block, so offsets are right by construction.

    Whitespace inside a block is collapsed to single spaces (newlines kept only
    in preformatted blocks); empty blocks are skipped; blocks are joined by a
    blank line.
    """

    def __init__(self, base_address: str = "") -> None:
        self._parts: list[str] = []
        self._blocks: list[Block] = []
        self._links: list[Hyperlink] = []
        self._length = 0
        # what relative link addresses are resolved against: the document's own address
        self.base_address = base_address

    def add(
        self,
        text: str,
        kind: BlockKind = BlockKind.PARAGRAPH,
        *,
        level: int = 0,
        page: int | None = None,
        links: Iterable[tuple[int, int, str]] = (),
    ) -> Block | None:
        """Add one block. `links` are (start, end, href) with offsets into `text` as given
        here, before whitespace is collapsed; each becomes a `Hyperlink` over the same
        words of the canonical text, its address normalised against `base_address`."""
        keep_lines = kind is BlockKind.PREFORMATTED
        cleaned = normalise_block_text(text, keep_lines=keep_lines)
        if not cleaned:
            return None
        if self._parts:
            self._parts.append(PARAGRAPH_SEPARATOR)
            self._length += len(PARAGRAPH_SEPARATOR)
        start = self._length
        self._parts.append(cleaned)
        self._length += len(cleaned)
        block = Block(kind=kind, start=start, end=self._length, level=level, page=page)
        self._blocks.append(block)
        for link_start, link_end, href in links:
            span = canonical_span(text, link_start, link_end, keep_lines=keep_lines)
            address = normalise_address(href, self.base_address) if span else None
            if span and address:
                self._links.append(Hyperlink(start + span[0], start + span[1], address))
        return block

    @property
    def is_empty(self) -> bool:
        return not self._blocks

    def build(self, metadata: Metadata | None = None, **fields: object) -> Document:
        fields.setdefault("links", tuple(sorted(self._links, key=_link_order)))
        return Document(
            text="".join(self._parts),
            blocks=tuple(self._blocks),
            metadata=metadata or Metadata(),
            **fields,  # type: ignore[arg-type]
        )


def _link_order(link: Hyperlink) -> tuple[int, int]:
    return link.start, link.end


_INVISIBLE = frozenset("\u00ad\u200b\ufeff")


def canonical_span(
    raw: str, start: int, end: int, *, keep_lines: bool = False
) -> tuple[int, int] | None:
    """Where `raw[start:end]` lies in `normalise_block_text(raw)`: from its first to its
    last visible character; None when it holds none. A visible character lands where the
    normalised text of everything up to it ends, since normalising keeps prefixes."""
    start, end = max(0, start), min(len(raw), end)
    first = start
    while first < end and (raw[first].isspace() or raw[first] in _INVISIBLE):
        first += 1
    last = end - 1
    while last >= first and (raw[last].isspace() or raw[last] in _INVISIBLE):
        last -= 1
    if last < first:
        return None
    begin = len(normalise_block_text(raw[: first + 1], keep_lines=keep_lines)) - 1
    finish = len(normalise_block_text(raw[: last + 1], keep_lines=keep_lines))
    return begin, finish


def normalise_block_text(text: str, *, keep_lines: bool = False) -> str:
    """Collapse runs of whitespace; drop invisible characters that break matching."""
    text = text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")
    if keep_lines:
        lines = [" ".join(line.split()) for line in text.splitlines()]
        return "\n".join(lines).strip("\n")
    return " ".join(text.split())
