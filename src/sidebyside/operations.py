"""What the window does, as Qt-free steps the UI calls.

Slow steps (`prepare_*`, `MatchingSession.passages_for`) take values and return
values, so they can run on the background thread; `record_*` steps write to the
workspace and run on the UI thread, one transaction per user action.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peewee import DatabaseError

from sidebyside.core.anchoring import Anchor, reanchor
from sidebyside.core.citations import MissingSource, SourceNames, cite_sources
from sidebyside.core.claims import ClaimSuggestion, describe_claims, suggest_claims
from sidebyside.core.document import Document
from sidebyside.core.fetching import fetch_url
from sidebyside.core.importers import import_file
from sidebyside.core.matching import Match, Matcher, SourceIndex
from sidebyside.core.spans import Span
from sidebyside.paths import demo_dir
from sidebyside.records import DifferenceRecord, DocumentInfo, SuggestionRecord
from sidebyside.store import Workspace
from sidebyside.store.links import NewLink
from sidebyside.store.workspace import database_trouble


@dataclass(frozen=True)
class PreparedArticle:
    document: Document
    suggestions: tuple[ClaimSuggestion, ...]
    sources: tuple[Document, ...] = ()


def prepare_article(path: Path, source_paths: Sequence[Path] = ()) -> PreparedArticle:
    document = import_file(Path(path))
    sources = tuple(import_file(Path(source)) for source in source_paths)
    return PreparedArticle(document, tuple(suggest_claims(document)), sources)


def record_article(workspace: Workspace, prepared: PreparedArticle) -> DocumentInfo:
    info = workspace.add_article(prepared.document)
    workspace.add_suggested_claims(
        info.id, [(s.start, s.end, cues_as_json(s.cues)) for s in prepared.suggestions]
    )
    for source in prepared.sources:
        workspace.add_source(info.id, source)
    return info


def prepare_source(path: Path, alias: str = "") -> Document:
    """Read a source; `alias` is a name the article uses for it (from the missing list)."""
    return _with_alias(import_file(Path(path)), alias)


def fetch_source(url: str, alias: str = "") -> Document:
    """Fetch a web page at the reader's request (the only network access sidebyside makes)."""
    return _with_alias(fetch_url(url), alias)


def _with_alias(document: Document, alias: str) -> Document:
    if not alias or alias in document.metadata.aliases:
        return document
    return document.with_metadata(aliases=(*document.metadata.aliases, alias))


@dataclass(frozen=True)
class Revision:
    """A newer version of a stored document and where each anchor on it now sits."""

    document_id: int
    document: Document
    claims: dict[int, Anchor | None]
    links: dict[int, Anchor | None]
    new_suggestions: tuple[ClaimSuggestion, ...] = ()

    @property
    def orphans(self) -> int:
        return sum(anchor is None for anchor in (*self.claims.values(), *self.links.values()))


def prepare_revision(
    path: Path,
    document_id: int,
    claims: Mapping[int, Anchor],
    links: Mapping[int, Anchor],
    is_article: bool,
) -> Revision:
    """Read the newer file and re-find every anchor in it (slow: run in the background)."""
    document = import_file(Path(path))
    moved_claims = {
        claim_id: reanchor(anchor, document.text) for claim_id, anchor in claims.items()
    }
    moved_links = {link_id: reanchor(anchor, document.text) for link_id, anchor in links.items()}
    suggestions: tuple[ClaimSuggestion, ...] = ()
    if is_article:
        taken = [Span(a.start, a.end) for a in moved_claims.values() if a is not None]
        suggestions = tuple(
            s for s in suggest_claims(document) if not any(s.span.overlaps(t) for t in taken)
        )
    return Revision(document_id, document, moved_claims, moved_links, suggestions)


def record_revision(workspace: Workspace, revision: Revision) -> None:
    workspace.replace_document(
        revision.document_id, revision.document, revision.claims, revision.links
    )
    if revision.new_suggestions:
        workspace.add_suggested_claims(
            revision.document_id,
            [(s.start, s.end, cues_as_json(s.cues)) for s in revision.new_suggestions],
        )


def cues_as_json(cues: Any) -> dict[str, Any]:
    """Cues as plain JSON values for storage, whatever their dataclass shape."""
    if hasattr(cues, "to_json"):
        return dict(cues.to_json())
    if dataclasses.is_dataclass(cues) and not isinstance(cues, type):
        return dict(json.loads(json.dumps(dataclasses.asdict(cues), default=str)))
    return dict(cues or {})


def prepare_demo() -> PreparedArticle:
    """The bundled fictional demo, read and ready to record: an article and three sources."""
    folder = demo_dir()
    manifest = json.loads((folder / "demo.json").read_text(encoding="utf-8"))
    prepared = prepare_article(folder / manifest["article"]["path"])
    return dataclasses.replace(
        prepared,
        document=_with_manifest_metadata(prepared.document, manifest["article"]),
        sources=tuple(
            _with_manifest_metadata(prepare_source(folder / entry["path"]), entry)
            for entry in manifest["sources"]
        ),
    )


def _with_manifest_metadata(document: Document, entry: Mapping[str, Any]) -> Document:
    changes = {
        key: entry[key] for key in ("title", "author", "publisher", "date") if entry.get(key)
    }
    if entry.get("aliases"):
        changes["aliases"] = tuple(entry["aliases"])
    return document.with_metadata(**changes)


@dataclass(frozen=True)
class _MarkedClaim:
    text: str
    cues: Any


@dataclass(frozen=True)
class Citations:
    """Which attached sources each claim cites, and the cited names with no source attached.

    `cited[claim_id]` lists source ids; `named[claim_id]` says whether the claim named
    them (False: it names no source, so every source may support it).
    """

    cited: dict[int, tuple[int, ...]]
    named: dict[int, bool]
    missing: tuple[MissingSource, ...]


def read_citations(
    article: Document, claims: Sequence[tuple[int, Span]], sources: Sequence[DocumentInfo]
) -> Citations:
    """Slow for long articles (reads the article in order): run in the background."""
    ordered = sorted(claims, key=lambda item: item[1])
    cues = describe_claims(article, [span for _, span in ordered])
    marked = [
        _MarkedClaim(span.of(article.text), cue)
        for (_, span), cue in zip(ordered, cues, strict=True)
    ]
    names = [SourceNames(key=str(info.id), names=info.names, title=info.title) for info in sources]
    report = cite_sources(marked, names)
    ids = [claim_id for claim_id, _ in ordered]
    return Citations(
        cited={
            claim_id: tuple(int(key) for key in citation.cited)
            for claim_id, citation in zip(ids, report.citations, strict=True)
        },
        named={
            claim_id: not citation.names_none
            for claim_id, citation in zip(ids, report.citations, strict=True)
        },
        missing=tuple(sorted(report.missing, key=lambda item: (-item.count, item.name))),
    )


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
    links: list[NewLink]
    suggestion: SuggestionRecord


class MatchingSession:
    """The matcher for one article's sources, built once and reused for every claim.

    Indexes stored in the workspace are reused when their source text is unchanged;
    the ones built here wait in `unsaved_indexes` for the UI thread to store.
    """

    def __init__(
        self,
        sources: Mapping[int, Document],
        stored: Mapping[int, bytes] | None = None,
        candidates: int = 5,
    ) -> None:
        loaded: dict[str, SourceIndex] = {}
        for source_id, data in (stored or {}).items():
            try:
                loaded[str(source_id)] = SourceIndex.from_bytes(data)
            except ValueError:  # damaged or from another version: build it again
                continue
        self._matcher = Matcher(
            {str(source_id): doc for source_id, doc in sources.items()}, indexes=loaded
        )
        self._candidates = candidates
        self.unsaved_indexes: dict[int, tuple[str, bytes]] = {
            int(key): (index.content_hash, index.to_bytes())
            for key, index in zip(self._matcher.keys, self._matcher.indexes, strict=True)
            if loaded.get(key) is not index
        }

    def passages_for(self, claim_text: str) -> FoundPassages:
        """The claim's passages in every source, judged, and the verdict they suggest:
        the same `Matcher.align` that `sidebyside align` prints."""
        alignment = self._matcher.align(claim_text, candidates=self._candidates)
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
        return FoundPassages(links, suggestion)


def match_remaining_claims(workspace: Workspace, article_id: int) -> int:
    """Find passages for every claim not yet matched against the current sources, and
    store them (stored indexes are reused, new ones kept). Returns how many were matched.

    For the command line and exports; the window does the same in the background.
    """
    sources = workspace.sources_of(article_id)
    if not sources:
        return 0
    key = sources_key(sources)
    claims = workspace.claims_needing_matches(article_id, key)
    if not claims:
        return 0
    documents = {info.id: workspace.document(info.id) for info in sources}
    session = MatchingSession(documents, workspace.stored_indexes(documents))
    workspace.save_indexes(session.unsaved_indexes)
    for claim in claims:
        found = session.passages_for(claim.text)
        workspace.replace_suggested_links(claim.id, found.links, key, found.suggestion)
    return len(claims)


def reader_link(claim_text: str, source_id: int, source: Document, start: int, end: int) -> NewLink:
    """A passage the reader linked by hand, checked and judged like any match."""
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


# --- notes that could not be saved -----------------------------------------------------------


def save_note(workspace: Workspace, claim_id: int, text: str) -> str | None:
    """Save a note; None when it is saved, else the reason it is not, in a reader's words
    (the disk is full, another program holds the workspace, the file is read-only)."""
    try:
        workspace.save_note(claim_id, text)
    except (DatabaseError, OSError, sqlite3.Error) as error:
        return database_trouble(error) or f"the workspace could not be written ({error})"
    return None


def recovery_file(workspace_path: Path) -> Path:
    """Where notes that could not be saved wait, beside the workspace, for the next start."""
    return workspace_path.with_name(workspace_path.name + ".unsaved-notes.json")


def keep_unsaved_notes(workspace_path: Path, notes: Mapping[int, str]) -> bool:
    """Write the notes to the recovery file (replacing it whole); False if even that fails."""
    target = recovery_file(workspace_path)
    partial = target.with_name(target.name + ".partial")
    try:
        partial.write_text(
            json.dumps({str(claim_id): text for claim_id, text in notes.items()}),
            encoding="utf-8",
        )
        partial.replace(target)
    except OSError:
        return False
    return True


def unsaved_notes(workspace_path: Path) -> dict[int, str]:
    """The notes kept by `keep_unsaved_notes`, if any (an unreadable file gives none)."""
    try:
        data = json.loads(recovery_file(workspace_path).read_text(encoding="utf-8"))
        return {int(claim_id): str(text) for claim_id, text in data.items()}
    except (OSError, ValueError, AttributeError):
        return {}


def forget_unsaved_notes(workspace_path: Path) -> None:
    recovery_file(workspace_path).unlink(missing_ok=True)
