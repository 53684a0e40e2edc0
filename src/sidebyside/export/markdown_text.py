"""Making arbitrary text safe to place inside a Markdown file we structure ourselves.

Quoted document text is escaped so it shows literally; a reader's notes stay
Markdown but cannot break out of their section (headings are demoted, raw HTML
is shown as text, unclosed code fences are closed).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sidebyside.core.note_markdown import UNSAFE_LINK_SCHEMES

# Characters both CommonMark and Python-Markdown accept a backslash before; "<" becomes an entity.
_INLINE_SPECIALS = re.compile(r"([\\`*_{}\[\]>#!])")
_LINE_START_MARKERS = re.compile(r"^(\s*)([-+]|\d+[.)]|=+|-+)(\s|$)")
_HEADING = re.compile(r"^(\s{0,3})(#{1,6})(\s|$)")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
# A link a click would run: javascript:, vbscript: or data: in a link's target.
_UNSAFE_TARGET = re.compile(
    r"(\]\(\s*<?)\s*(?:" + "|".join(UNSAFE_LINK_SCHEMES) + "):", re.IGNORECASE
)


def escape_inline(text: str) -> str:
    """Text shown literally: no emphasis, links, HTML or line-start markers."""
    plain = " ".join(_CONTROL.sub("", text).split())
    escaped = _INLINE_SPECIALS.sub(r"\\\1", plain).replace("<", "&lt;")
    return _LINE_START_MARKERS.sub(r"\1\\\2\3", escaped)


def blockquote(text: str) -> str:
    return "> " + escape_inline(text)


def contain_note(note: str, *, min_heading_level: int) -> str:
    """A reader's Markdown note, kept inside the section it is placed in."""
    lines: list[str] = []
    in_fence: str | None = None
    previous_blank = True
    text = _CONTROL.sub("", note.replace("\r\n", "\n").replace("\r", "\n"))
    for raw in text.split("\n"):
        line = raw.rstrip()
        fence = _FENCE.match(line)
        if fence:
            marker = fence.group(1)
            if in_fence is None:
                in_fence = marker[0] * len(marker)
            elif _closes(line, in_fence):
                in_fence = None
            lines.append(line)
            previous_blank = False
            continue
        if in_fence is None:
            line = _contain_line(line, min_heading_level, previous_blank)
        lines.append(line)
        previous_blank = not line.strip()
    if in_fence is not None:
        lines.append(in_fence)
    return "\n".join(lines).strip("\n")


def _closes(line: str, opener: str) -> bool:
    """CommonMark: a closing fence is the opener's character, at least as many times, and
    nothing else ("```python" inside a fence is content, not its end)."""
    stripped = line.strip()
    return len(stripped) >= len(opener) and set(stripped) == {opener[0]}


def _contain_line(line: str, min_heading_level: int, previous_blank: bool) -> str:
    heading = _HEADING.match(line)
    if heading:
        level = min(6, len(heading.group(2)) + min_heading_level - 1)
        line = heading.group(1) + "#" * level + line[heading.end(2) :]
    elif not previous_blank and _SETEXT_UNDERLINE.match(line):
        line = "\\" + line.lstrip()  # would turn the previous line into a heading
    return _outside_code(line, _defused)


def _defused(text: str) -> str:
    """Raw HTML shown as text, and links that would run code made plain."""
    return _UNSAFE_TARGET.sub(r"\1#blocked-", text).replace("<", "&lt;")


def _outside_code(line: str, change: Callable[[str], str]) -> str:
    """`change` applied to the line but its code spans, which show their text as it is."""
    pieces: list[str] = []
    cursor = 0
    for span in _CODE_SPAN.finditer(line):
        pieces.append(change(line[cursor : span.start()]))
        pieces.append(span.group())
        cursor = span.end()
    pieces.append(change(line[cursor:]))
    return "".join(pieces)
