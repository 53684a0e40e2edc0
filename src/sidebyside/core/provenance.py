"""Who said it first: the chain of attributions behind a claim, and where its wording
first appears.

An article credits a wire story; the wire story's passage for the claim says "according to
a report by the Observatory"; the Observatory's report holds the words. Each step of the
chain is found the way the article's own citations are (`citations.cite_sources` over the
passage's sentence, or the sentence before it), or by a hyperlink there to another
attached source's address. The chain stops at a source already in it, and after a few
steps.

Among the attached sources whose passage follows the claim's wording, the wording first
appears in the earliest dated one, or, when dates are missing, in the one the others cite.
The sentence for a claim credited to one source whose wording is another's
("Credited to X; the wording is Y's.") is written here too, so every view says it alike.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

from sidebyside.core.document import Block, BlockKind, Document, Hyperlink
from sidebyside.core.spans import Span

if TYPE_CHECKING:
    from sidebyside.core.citations import SourceNames
    from sidebyside.core.cues import Cues

__all__ = [
    "MAX_STEPS",
    "WORDING",
    "FirstAppearance",
    "Found",
    "Provenance",
    "Step",
    "TracedSource",
    "credit_sentence",
    "trace",
]

MAX_STEPS = 4  # the article and at most three sources: beyond, a chain says little more
# A passage follows the claim's wording when its wording closeness (rerank._wording) is at
# least this; a verbatim copy (alignment.VERBATIM) is well above it.
WORDING = 0.55
_RELATED = "related"


class Found(Protocol):
    """A source's passage for the claim: a `Match` or a stored link."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def support(self) -> str: ...

    @property
    def wording(self) -> float: ...


@dataclass(frozen=True, slots=True)
class TracedSource:
    """An attached source: the names it is cited by, and its text (with its links)."""

    names: SourceNames
    document: Document

    @property
    def key(self) -> str:
        return self.names.key


@dataclass(frozen=True, slots=True)
class Step:
    """One document of the chain. `start`/`end` is its passage for the claim (the claim
    itself in the article; None when the source has no passage for it). `via` is how the
    document before it cites it: the name it uses, or the address it links (`by_link`),
    at `cited_at` in that document."""

    key: str
    start: int | None
    end: int | None
    via: str = ""
    by_link: bool = False
    cited_at: Span | None = None

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "document": self.key,
            "start": self.start,
            "end": self.end,
            "via": self.via or None,
        }
        if self.cited_at is not None:
            data["via_link"] = self.by_link
            data["cited_at"] = {"start": self.cited_at.start, "end": self.cited_at.end}
        return data


@dataclass(frozen=True, slots=True)
class FirstAppearance:
    key: str
    reason: str  # "earliest dated", "cited by the others" or "the only one in its words"


@dataclass(frozen=True, slots=True)
class Provenance:
    """The chain from the article's claim (first step) to the source that said it first,
    as far as the attached sources tell; `loops` when the last source cites one already
    in the chain."""

    steps: tuple[Step, ...]
    first: FirstAppearance | None = None
    loops: bool = False

    @property
    def traced(self) -> bool:
        """Whether there is a chain to show: the article, its source and that one's."""
        return len(self.steps) >= 3

    def chain_json(self) -> list[dict[str, object]]:
        return [step.to_json() for step in self.steps] if len(self.steps) >= 2 else []

    def chain_line(self, names: Mapping[str, str], article: str = "Article") -> str:
        """ "Article → Meridian Press (names the Observatory) → Observatory"; "" if no chain."""
        return " → ".join(self.step_labels(names, article)) if self.traced else ""

    def step_labels(self, names: Mapping[str, str], article: str = "Article") -> list[str]:
        """Each step as the chain line says it: "Meridian Press (names the Observatory)"."""
        return [
            f"{name} ({remark})" if remark else name
            for name, remark in self.step_parts(names, article)
        ]

    def step_parts(
        self, names: Mapping[str, str], article: str = "Article"
    ) -> list[tuple[str, str]]:
        """Each step's document name and, for a source citing the next, how it does:
        ("Meridian Press", "names the Observatory"); the article's remark is ""."""
        parts = []
        for index, step in enumerate(self.steps):
            name = article if index == 0 else names.get(step.key, step.key)
            following = self.steps[index + 1] if index + 1 < len(self.steps) else None
            remark = ""
            if index and following is not None:
                remark = (
                    f"links to {names.get(following.key, following.key)}"
                    if following.by_link
                    else f"names {following.via}"
                )
            parts.append((name, remark))
        return parts

    def credit_line(self, credited: Sequence[str], wording: str, names: Mapping[str, str]) -> str:
        """ "Credited to Meridian Press; the wording is the Observatory’s", with "(Meridian
        Press names it)" when the chain shows the credited source citing the other."""
        sentence = credit_sentence(
            [names.get(key, key) for key in credited], names.get(wording, wording)
        )
        keys = [step.key for step in self.steps]
        if wording in keys[2:] and keys[keys.index(wording) - 1] in credited:
            relay = names.get(keys[keys.index(wording) - 1], "")
            verb = "links to" if self.steps[keys.index(wording)].by_link else "names"
            sentence = f"{sentence[:-1]} ({relay} {verb} it)."
        return sentence

    def first_line(self, names: Mapping[str, str]) -> str:
        """ "The wording first appears in the Observatory (earliest dated)."; "" if unknown."""
        if self.first is None:
            return ""
        name = names.get(self.first.key, self.first.key)
        return f"The wording first appears in {name} ({self.first.reason})."


NO_PROVENANCE = Provenance(())


def credit_sentence(credited: Sequence[str], wording: str) -> str:
    """What to say of a claim credited to `credited` whose wording is `wording`'s."""
    return f"Credited to {', '.join(credited) or '?'}; the wording is {wording}’s."


def trace(
    article_key: str,
    article: Document,
    claim: Span,
    sources: Sequence[TracedSource],
    passages: Mapping[str, Sequence[Found]],
) -> Provenance:
    """The chain of attributions behind the claim at `claim` in `article`, and where its
    wording first appears. `passages[key]` are the claim's passages in that source, best
    first (a source with none, or absent, has no passage for it)."""
    by_key = {source.key: source for source in sources}
    best = {key: found[0] for key, found in passages.items() if found and key in by_key}
    steps = [Step(article_key, claim.start, claim.end)]
    chain_keys = {article_key}
    document, window = article, [claim]
    loops = False
    while len(steps) < MAX_STEPS:
        others = [source for source in sources if source.key not in chain_keys]
        cited = _cited_in(document, window, others, best, claim=len(steps) == 1)
        if cited is None:
            loops = bool(_cited_in(document, window, _chain_sources(steps, by_key), {}))
            break
        key, via, by_link, at = cited
        passage = best.get(key)
        start, end = (passage.start, passage.end) if passage is not None else (None, None)
        steps.append(Step(key, start, end, via, by_link, at))
        chain_keys.add(key)
        if passage is None:
            break
        document = by_key[key].document
        window = _around(document, Span(passage.start, passage.end))
    return Provenance(tuple(steps), _first_appearance(steps, by_key, best), loops)


def _chain_sources(steps: Sequence[Step], by_key: Mapping[str, TracedSource]) -> list[TracedSource]:
    """The sources of the chain but the last (which cannot cite itself)."""
    return [by_key[step.key] for step in steps[1:-1] if step.key in by_key]


def _cited_in(
    document: Document,
    windows: Sequence[Span],
    others: Sequence[TracedSource],
    best: Mapping[str, Found],
    *,
    claim: bool = False,
) -> tuple[str, str, bool, Span] | None:
    """The attached source that the first window citing any cites, by name or by a link to
    its address, preferring one with a passage for the claim: (key, the name or address,
    by link, where). `claim`: the window is the article's claim, whose links are found as
    `citations.claim_links` finds them."""
    if not others:
        return None
    for window in windows:
        found = _citations(document, window, others, claim=claim)
        if found:
            found.sort(key=lambda item: item[0] not in best)  # stable: the text's order
            return found[0]
    return None


def _citations(
    document: Document, window: Span, others: Sequence[TracedSource], *, claim: bool
) -> list[tuple[str, str, bool, Span]]:
    """The sources the words at `window` cite, found as the article's citations are
    (`citations.cite_sources`): by the names they use, or the addresses they link."""
    from sidebyside.core.citations import cite_sources, claim_links, names_match, same_address
    from sidebyside.core.claims import describe_claims

    text = window.of(document.text)
    piece = Document(text=text, blocks=(Block(BlockKind.PARAGRAPH, 0, len(text)),))
    cues = describe_claims(piece, [Span(0, len(text))])[0]
    if claim:
        addresses = claim_links(document, [window], [cues])[0]
    else:
        addresses = tuple(link.address for link in document.links if _touches(link, window))
    report = cite_sources([_Words(text, cues)], [source.names for source in others], [addresses])
    citation = report.citations[0]
    if citation.names_none:
        return []
    by_key = {source.key: source for source in others}
    found = []
    for key in citation.cited:
        source = by_key[key]
        link = next(
            (
                link
                for link in document.links
                if link.address in addresses
                and any(same_address(link.address, own) for own in source.names.addresses)
            ),
            None,
        )
        if link is not None:
            found.append((key, link.address, True, Span(link.start, link.end)))
            continue
        names = (*source.names.names, source.names.title)
        via = next(
            (name for name in citation.by if any(names_match(name, own) for own in names)),
            citation.by[0] if citation.by else key,
        )
        at = _where(text, via)
        found.append((key, via, False, at.shifted(window.start) if at else window))
    return found


def _touches(link: Hyperlink, window: Span) -> bool:
    return window.overlaps(Span(link.start, max(link.end, link.start + 1)))


@dataclass(frozen=True, slots=True)
class _Words:
    text: str
    cues: Cues


def _around(document: Document, passage: Span) -> list[Span]:
    """Where a source's passage may say whom it quotes: its own sentences (the passage
    widened to whole sentences), then the sentence before them."""
    from sidebyside.core.sentences import split_sentences

    block = document.block_at(passage.start)
    if block is None:
        return [passage]
    sentences = split_sentences(document.text[block.start : block.end], block.start)
    inside = [s for s in sentences if s.overlaps(passage)]
    if not inside:
        return [passage]
    windows = [Span(min(inside[0].start, passage.start), max(inside[-1].end, passage.end))]
    before = [s for s in sentences if s.end <= inside[0].start]
    if before:
        windows.append(before[-1])
    return windows


def _first_appearance(
    steps: Sequence[Step], by_key: Mapping[str, TracedSource], best: Mapping[str, Found]
) -> FirstAppearance | None:
    """Among the sources whose passage follows the claim's wording, the earliest dated, or
    else the one furthest along the chain; the only one when the others bear on the claim
    in other words (nothing is said when just one source bears on it)."""
    candidates = [
        key
        for key, passage in best.items()
        if passage.support != _RELATED and passage.wording >= WORDING
    ]
    if len(candidates) == 1:
        others = [key for key, passage in best.items() if passage.support != _RELATED]
        return FirstAppearance(candidates[0], "the only one in its words") if others[1:] else None
    if not candidates:
        return None
    dates = {key: _date_of(by_key[key].document.metadata.date) for key in candidates}
    known = sorted((day, key) for key, day in dates.items() if day is not None)
    if len(known) == len(candidates) and known[0][0] < known[1][0]:
        return FirstAppearance(known[0][1], "earliest dated")
    in_chain = [step.key for step in steps[1:] if step.key in candidates]
    if len(in_chain) >= 2:
        return FirstAppearance(in_chain[-1], "cited by the others")
    return None


_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y/%m/%d")


def _date_of(text: str) -> date | None:
    """An ISO date (or date and time), or a date as commonly printed; None otherwise."""
    text = " ".join(text.split())
    iso = re.match(r"\d{4}-\d{2}-\d{2}", text)
    candidates = [iso.group(0)] if iso else [text]
    for candidate in candidates:
        for form in _DATE_FORMATS:
            try:
                return datetime.strptime(candidate, form).date()
            except ValueError:
                continue
    return None


def _where(text: str, name: str) -> Span | None:
    match = re.search(re.escape(name), text, re.IGNORECASE)
    return Span(match.start(), match.end()) if match else None
