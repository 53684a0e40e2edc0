"""Page furniture that is never a claim: share buttons, newsletters, bylines, disclaimers, bios."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sidebyside.core.bylines import byline_names
from sidebyside.core.document import Block, BlockKind, Document

__all__ = ["body_blocks", "is_boilerplate", "own_names"]

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
_EMAIL_OR_BYLINE = re.compile(
    r"[\w.+-]+@[\w-]+\.\w|^By [A-Z]|\b(?:helpline|hotline)\b|\+?\b\d{2,4}(?:[ -]\d{2,4}){2,}\b"
)
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
        names.extend(byline_names(block_text))
    return tuple(name.strip() for name in names if name and name.strip())


def body_blocks(document: Document) -> Iterator[Block]:
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
