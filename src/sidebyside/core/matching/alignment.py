"""A claim beside all its sources at once: each source's passages, the verdict they
suggest, and whose wording the claim really uses.

The suggestion is only ever offered to the reader, who accepts or changes it; it never
becomes a verdict by itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from sidebyside.core.matching.match import Match
from sidebyside.core.matching.support import Support
from sidebyside.core.verdicts import Verdict

__all__ = [
    "Alignment",
    "Judged",
    "Reviewed",
    "reviewed_suggestion",
    "suggest_verdict",
    "wording_source",
]

# A passage whose wording follows the claim this closely (rapidfuzz closeness and shared
# word pairs, see rerank._wording) is the claim's text, not a report of the same fact;
# another source credited by the claim must follow it less closely by MARGIN.
VERBATIM = 0.75
MARGIN = 0.15


class Judged(Protocol):
    """A passage with its judgement: a `Match`, or a stored link."""

    @property
    def support(self) -> str: ...

    @property
    def wording(self) -> float: ...

    @property
    def score(self) -> float: ...


class Reviewed(Judged, Protocol):
    """A stored passage: where it is and what the reader made of it."""

    @property
    def source_id(self) -> int: ...

    @property
    def state(self) -> str: ...  # "suggested", "confirmed" or "rejected"

    @property
    def orphaned(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Alignment:
    """`per_source` maps source keys to passages, best first (sources that do not bear on
    the claim are absent). `cited` are the keys of attached sources the claim credits;
    `wording_of` is the key of another source whose wording the claim copies, if any."""

    per_source: dict[str, list[Match]]
    cited: tuple[str, ...]
    suggested: Verdict | None
    wording_of: str | None
    unattached: bool = False  # credits someone no attached source is ("Reuters reported")

    @classmethod
    def of(
        cls, per_source: dict[str, list[Match]], cited: Sequence[str], *, unattached: bool = False
    ) -> Alignment:
        wording_of = wording_source(per_source, cited)
        suggested = withheld(suggest_verdict(per_source, cited, wording_of), unattached)
        return cls(per_source, tuple(cited), suggested, wording_of, unattached)

    def to_json(self) -> dict[str, object]:
        return {
            "suggested_verdict": None if self.suggested is None else str(self.suggested),
            "cites_unattached_source": self.unattached,
            "credited_to": list(self.cited),
            "wording_of": self.wording_of,
        }


def suggest_verdict(
    per_source: Mapping[str, Sequence[Judged]],
    cited: Sequence[str],
    wording_of: str | None = None,
) -> Verdict:
    """What the best passages suggest: the sources the claim credits decide when their
    passages back at least part of it; otherwise every source does, the closest account
    first. A claim credited to one source whose wording is another's is misattributed
    unless the credited source supports all of it too."""
    credited = [key for key in cited if key in per_source] if cited else []
    if cited and wording_of is not None and not _supports(per_source, credited):
        return Verdict.MISATTRIBUTED
    if not any(per_source[key][0].support != Support.RELATED for key in credited):
        credited = []  # the credited sources do not speak of it: every source is heard
    judges = credited if credited else list(per_source)
    best = [per_source[key][0] for key in judges if per_source.get(key)]
    best.sort(key=lambda match: -match.score)
    supports = next((m.score for m in best if m.support == Support.SUPPORTS), None)
    contradicts = next((m.score for m in best if m.support == Support.CONTRADICTS), None)
    if contradicts is not None and (supports is None or contradicts >= supports):
        return Verdict.CONTRADICTED  # the closest account gives another figure or wording
    if supports is not None:
        return Verdict.SUPPORTED
    if any(match.support == Support.PARTLY_SUPPORTS for match in best):
        return Verdict.PARTLY_SUPPORTED
    return Verdict.NOT_IN_SOURCE


def withheld(verdict: Verdict, unattached: bool) -> Verdict | None:
    """No "not in source" for a claim whose own source is not attached: nothing has been
    checked against it yet."""
    return None if unattached and verdict is Verdict.NOT_IN_SOURCE else verdict


def reviewed_suggestion(
    links: Sequence[Reviewed], credited: Sequence[int], unattached: bool = False
) -> tuple[Verdict | None, int | None]:
    """The suggestion, and whose wording the claim is, once the reader has judged passages:
    a rejected passage no longer counts, and when the reader has confirmed passages, they
    alone count. Before any decision this is what `Alignment` suggested."""
    kept = [link for link in links if link.state != "rejected" and not link.orphaned]
    confirmed = [link for link in kept if link.state == "confirmed"]
    per_source: dict[str, list[Reviewed]] = {}
    for link in sorted(confirmed or kept, key=lambda link: -link.score):
        per_source.setdefault(str(link.source_id), []).append(link)
    cited = [str(source_id) for source_id in credited]
    wording_of = wording_source(per_source, cited)
    verdict = withheld(suggest_verdict(per_source, cited, wording_of), unattached)
    return verdict, None if wording_of is None else int(wording_of)


def wording_source(per_source: Mapping[str, Sequence[Judged]], cited: Sequence[str]) -> str | None:
    """The uncredited source whose passage the claim follows nearly word for word, when
    the claim credits another source that it follows less closely."""
    if not cited:
        return None
    credited_wording = max(
        (per_source[key][0].wording for key in cited if per_source.get(key)), default=0.0
    )
    best: tuple[float, str] | None = None
    for key, matches in per_source.items():
        if key in cited or not matches or matches[0].support == Support.RELATED:
            continue
        wording = matches[0].wording
        close = wording >= VERBATIM and wording >= credited_wording + MARGIN
        if close and (best is None or wording > best[0]):
            best = (wording, key)
    return best[1] if best else None


def _supports(per_source: Mapping[str, Sequence[Judged]], keys: Sequence[str]) -> bool:
    return any(
        per_source[key][0].support == Support.SUPPORTS for key in keys if per_source.get(key)
    )
