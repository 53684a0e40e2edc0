"""Making arbitrary text safe to place inside a Markdown file we structure ourselves.

Quoted document text is escaped so it shows literally; a reader's notes stay
Markdown but cannot break out of their section (headings are demoted, raw HTML
is shown as text, unclosed code fences are closed).
"""

from __future__ import annotations

import re

# Characters both CommonMark and Python-Markdown accept a backslash before; "<" becomes an entity.
_INLINE_SPECIALS = re.compile(r"([\\`*_{}\[\]>#!])")
_LINE_START_MARKERS = re.compile(r"^(\s*)([-+]|\d+[.)]|=+|-+)(\s|$)")
_HEADING = re.compile(r"^(\s{0,3})(#{1,6})(\s|$)")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")


def escape_inline(text: str) -> str:
    """Text shown literally: no emphasis, links, HTML or line-start markers."""
    escaped = _INLINE_SPECIALS.sub(r"\\\1", " ".join(text.split())).replace("<", "&lt;")
    return _LINE_START_MARKERS.sub(r"\1\\\2\3", escaped)


def blockquote(text: str) -> str:
    return "> " + escape_inline(text)


def contain_note(note: str, *, min_heading_level: int) -> str:
    """A reader's Markdown note, kept inside the section it is placed in."""
    lines: list[str] = []
    in_fence: str | None = None
    previous_blank = True
    for raw in note.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.rstrip()
        fence = _FENCE.match(line)
        if fence:
            marker = fence.group(1)
            if in_fence is None:
                in_fence = marker[0] * len(marker)
            elif marker.startswith(in_fence):
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


def _contain_line(line: str, min_heading_level: int, previous_blank: bool) -> str:
    heading = _HEADING.match(line)
    if heading:
        level = min(6, len(heading.group(2)) + min_heading_level - 1)
        line = heading.group(1) + "#" * level + line[heading.end(2) :]
    elif not previous_blank and _SETEXT_UNDERLINE.match(line):
        line = "\\" + line.lstrip()  # would turn the previous line into a heading
    return line.replace("<", "&lt;")
