"""Reading files, pages and the demo into documents ready to record (slow: background).

Each step takes values and returns values; the session records the result on the thread
that owns the workspace.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sidebyside.core.anchoring import Anchor, reanchor
from sidebyside.core.document import Document
from sidebyside.core.importers import import_file
from sidebyside.core.spans import Span
from sidebyside.paths import demo_dir

if TYPE_CHECKING:  # the claim finder loads with the first article read, not at start
    from sidebyside.core.claims import ClaimSuggestion


@dataclass(frozen=True)
class PreparedArticle:
    document: Document
    suggestions: tuple[ClaimSuggestion, ...]
    sources: tuple[Document, ...] = ()


def prepare_article(path: Path, source_paths: Sequence[Path] = ()) -> PreparedArticle:
    from sidebyside.core.claims import suggest_claims

    document = import_file(Path(path))
    sources = tuple(import_file(Path(source)) for source in source_paths)
    return PreparedArticle(document, tuple(suggest_claims(document)), sources)


def prepare_source(path: Path, alias: str = "") -> Document:
    """Read a source; `alias` is a name the article uses for it (from the missing list)."""
    return _with_alias(import_file(Path(path)), alias)


def fetch_source(url: str, alias: str = "", *, timeout: float = 20) -> Document:
    """Fetch a web page at the reader's request (the only network access sidebyside makes)."""
    from sidebyside.core.fetching import fetch_url  # the HTTP and HTML stack, only when asked

    return _with_alias(fetch_url(url, timeout=timeout), alias)


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

    @property
    def found_again(self) -> int:
        return len(self.claims) + len(self.links) - self.orphans


def prepare_revision(
    path: Path,
    document_id: int,
    claims: Mapping[int, Anchor],
    links: Mapping[int, Anchor],
    is_article: bool,
) -> Revision:
    """Read the newer file and re-find every anchor in it."""
    return revision_with(import_file(Path(path)), document_id, claims, links, is_article)


def revision_with(
    document: Document,
    document_id: int,
    claims: Mapping[int, Anchor],
    links: Mapping[int, Anchor],
    is_article: bool,
) -> Revision:
    """Re-find every anchor in a newer version already read."""
    moved_claims = {
        claim_id: reanchor(anchor, document.text) for claim_id, anchor in claims.items()
    }
    moved_links = {link_id: reanchor(anchor, document.text) for link_id, anchor in links.items()}
    suggestions: tuple[ClaimSuggestion, ...] = ()
    if is_article:
        from sidebyside.core.claims import suggest_claims

        taken = [Span(a.start, a.end) for a in moved_claims.values() if a is not None]
        suggestions = tuple(
            s for s in suggest_claims(document) if not any(s.span.overlaps(t) for t in taken)
        )
    return Revision(document_id, document, moved_claims, moved_links, suggestions)


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
