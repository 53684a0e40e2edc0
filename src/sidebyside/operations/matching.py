"""Finding each claim's passages in an article's sources.

`MatchingSession.passages_for` is the pure step: it reads only the documents and indexes
it was given, so it runs on a background thread. Its results are recorded by
`ArticleSession.record_matches` on the thread that owns the workspace.
"""

from __future__ import annotations

import dataclasses
import hashlib
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sidebyside.core.document import Document
from sidebyside.records import DifferenceRecord, DocumentInfo, SuggestionRecord
from sidebyside.store.links import NewLink

if TYPE_CHECKING:  # the matcher (numpy, indexes) loads when matching first runs
    from sidebyside.core.matching.match import Match
    from sidebyside.core.matching.matcher import Matcher


def sources_key(sources: Sequence[DocumentInfo]) -> str:
    """Identifies a set of sources, with their texts and the names they are cited by;
    stored matches are reused only for the same set (renaming a source re-matches)."""
    return ",".join(
        f"{source.id}:{source.content_hash[:12]}:"
        + hashlib.sha1("|".join(source.names).encode("utf-8")).hexdigest()[:8]
        for source in sources
    )


@dataclass(frozen=True)
class FoundPassages:
    claim_id: int
    links: list[NewLink]
    suggestion: SuggestionRecord


@dataclass(frozen=True)
class PendingMatches:
    """The claims not yet matched against the current sources, and the matcher for them."""

    key: str
    claims: tuple[tuple[int, str], ...]  # (claim id, claim text), in reading order
    work: MatchingSession | None  # None when the article has no sources


class MatchingSession:
    """The matcher for one set of sources, built on first use and reused for every claim.

    Indexes stored in the workspace are reused when their source text is unchanged; the
    ones built here wait in `take_unsaved_indexes` to be stored. Safe to call from any
    thread (one claim at a time).
    """

    def __init__(
        self,
        sources: Mapping[int, Document],
        stored: Mapping[int, bytes] | Callable[[], Mapping[int, bytes]] | None = None,
        candidates: int = 5,
    ) -> None:
        """`stored` are indexes kept in the workspace, or a function that reads them when
        the matcher is first needed (so that the read happens on the matching thread)."""
        self._sources = dict(sources)
        self._stored = stored
        self._candidates = candidates
        self._lock = threading.Lock()
        self._matcher: Matcher | None = None
        self._unsaved: dict[int, tuple[str, bytes]] = {}

    def _built(self) -> Matcher:
        if self._matcher is None:
            from sidebyside.core.matching.index import SourceIndex
            from sidebyside.core.matching.matcher import Matcher

            stored = self._stored() if callable(self._stored) else self._stored or {}
            loaded: dict[str, SourceIndex] = {}
            for source_id, data in stored.items():
                try:
                    loaded[str(source_id)] = SourceIndex.from_bytes(data)
                except ValueError:  # damaged or from another version: build it again
                    continue
            matcher = Matcher(
                {str(source_id): doc for source_id, doc in self._sources.items()},
                indexes=loaded,
            )
            self._unsaved = {
                int(key): (index.content_hash, index.to_bytes())
                for key, index in zip(matcher.keys, matcher.indexes, strict=True)
                if loaded.get(key) is not index
            }
            self._matcher = matcher
            self._stored = None  # loaded: the bytes are no longer needed
        return self._matcher

    @property
    def unsaved_indexes(self) -> dict[int, tuple[str, bytes]]:
        """The indexes built here and not yet stored (builds the matcher if need be)."""
        with self._lock:
            self._built()
            return dict(self._unsaved)

    def take_unsaved_indexes(self) -> dict[int, tuple[str, bytes]]:
        """The indexes built since the last call, for the workspace to keep."""
        with self._lock:
            self._built()
            taken, self._unsaved = self._unsaved, {}
            return taken

    def passages_for(self, claim_text: str, claim_id: int = 0) -> FoundPassages:
        """The claim's passages in every source, judged, and the verdict they suggest:
        the same `Matcher.align` that `sidebyside align` prints."""
        with self._lock:
            alignment = self._built().align(claim_text, candidates=self._candidates)
        links = [
            _as_new_link(int(source_key), match)
            for source_key, matches in alignment.per_source.items()
            for match in matches
        ]
        suggestion = SuggestionRecord(
            verdict=alignment.suggested,
            credited=tuple(int(key) for key in alignment.cited),
            wording_of=None if alignment.wording_of is None else int(alignment.wording_of),
            unattached=alignment.unattached,
        )
        return FoundPassages(claim_id, links, suggestion)


def reader_link(claim_text: str, source_id: int, source: Document, start: int, end: int) -> NewLink:
    """A passage the reader linked by hand, checked and judged like any match."""
    from sidebyside.core.matching.matcher import Matcher

    match = Matcher({str(source_id): source}).passage(claim_text, str(source_id), start, end)
    return _as_new_link(
        source_id, dataclasses.replace(match, score=0.0, reasons=("linked by you",))
    )


def _as_new_link(source_id: int, match: Match) -> NewLink:
    return NewLink(
        source_id=source_id,
        start=match.start,
        end=match.end,
        score=float(match.score),
        reasons=tuple(match.reasons),
        support=str(match.support),
        wording=float(match.wording),
        differences=tuple(
            DifferenceRecord(
                kind=difference.kind,
                explanation=difference.explanation,
                claim_start=difference.claim.start if difference.claim else None,
                claim_end=difference.claim.end if difference.claim else None,
                source_start=difference.source.start if difference.source else None,
                source_end=difference.source.end if difference.source else None,
            )
            for difference in match.differences
        ),
    )
