"""Planning an annotation import: reading a W3C Web Annotation or Hypothesis file and
anchoring each annotation in the workspace's documents, writing nothing (so it may run on a
background thread). `operations.annotations` records the plan.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sidebyside.core.anchoring import Anchor, locate, make_anchor
from sidebyside.core.annotation_files import AnnotationFile, ReadAnnotation, read_annotation_file
from sidebyside.core.document import Document
from sidebyside.core.errors import UnreadableDocument
from sidebyside.core.importers.formats import quoted
from sidebyside.core.verdicts import Verdict
from sidebyside.records import DocumentInfo
from sidebyside.store import Workspace
from sidebyside.store.links import NewLink

# -- the plan ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Place:
    """The document an annotation goes on: one of the workspace's, or a placeholder to make
    (keyed by the address or title the file gives) when it holds none."""

    document_id: int | None
    title: str
    address: str = ""

    @property
    def key(self) -> str:
        return self.address or self.title


@dataclass(frozen=True)
class PlannedClaim:
    key: str  # the annotation's id in the file
    article: Place
    anchor: Anchor
    orphaned: bool
    why: str = ""  # for an orphan: why it was not anchored
    note: str = ""
    verdict: Verdict | None = None
    tags: tuple[str, ...] = ()
    cues: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class PlannedLink:
    claim_key: str
    source: Place
    anchor: Anchor
    orphaned: bool
    why: str = ""
    judged: NewLink | None = None  # the passage checked against its claim, when anchored


@dataclass(frozen=True)
class PlannedSourceNote:
    """An annotation made on a source page itself (the usual Hypothesis way of reading a
    cited page): it goes in the source's notes, with the words it quotes."""

    source_id: int
    title: str
    exact: str
    note: str
    tags: tuple[str, ...] = ()

    @property
    def entry(self) -> str:
        lines = [f"> {self.exact}"]
        if self.note.strip():
            lines += ["", self.note.strip()]
        if self.tags:
            lines += ["", "Tags: " + ", ".join(self.tags)]
        return "\n".join(lines)


@dataclass(frozen=True)
class AnnotationImport:
    name: str
    kind: str  # "w3c" or "hypothesis"
    claims: tuple[PlannedClaim, ...]
    links: tuple[PlannedLink, ...]
    source_notes: tuple[PlannedSourceNote, ...] = ()


def plan_annotation_import(workspace: Workspace, path: Path) -> AnnotationImport:
    """Read the file and anchor each annotation in the workspace's documents (reads only)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableDocument(
            f"{quoted(str(path))} cannot be read: {error.strerror or error}."
        ) from error
    return plan_annotations(workspace, read_annotation_file(data, path.name), path.name)


def plan_annotations(workspace: Workspace, file: AnnotationFile, name: str) -> AnnotationImport:
    catalogue = _Catalogue(workspace)
    claims: dict[str, PlannedClaim] = {}
    links: list[PlannedLink] = []
    replies = [a for a in file.annotations if a.replies_to and not a.exact]
    passages = [a for a in file.annotations if a.links_to and a not in replies]
    source_notes: list[PlannedSourceNote] = []
    for annotation in file.annotations:
        if annotation in replies or annotation in passages:
            continue
        on_source = catalogue.plan_source_note(annotation)
        if on_source is not None:
            source_notes.append(on_source)
            continue
        claims[annotation.id or f"#{len(claims)}"] = catalogue.plan_claim(annotation)
    for reply in replies:
        parent = claims.get(reply.replies_to)
        if parent is None:
            claims[reply.id] = catalogue.plan_claim(reply)
        elif reply.note.strip():
            claims[reply.replies_to] = replace(
                parent, note=join_notes(parent.note, reply.note), tags=(*parent.tags, *reply.tags)
            )
    for passage in passages:
        claim = claims.get(passage.links_to)
        if claim is None:  # a passage whose claim the file does not hold: kept as a claim
            claims[passage.id] = catalogue.plan_claim(passage)
        else:
            links.append(catalogue.plan_link(passage, claim))
    return AnnotationImport(
        name, file.kind, tuple(claims.values()), tuple(links), tuple(source_notes)
    )


class _Catalogue:
    """The workspace's documents, for finding the one an annotation points at."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.articles = workspace.articles()
        self.sources: dict[int, list[DocumentInfo]] = {
            article.id: workspace.sources_of(article.id) for article in self.articles
        }
        self.article_of: dict[int, int] = {}
        for article_id, sources in self.sources.items():
            for source in sources:
                self.article_of.setdefault(source.id, article_id)
        self._documents: dict[int, Document] = {}

    def document(self, document_id: int) -> Document:
        if document_id not in self._documents:
            self._documents[document_id] = self.workspace.document(document_id)
        return self._documents[document_id]

    def find(
        self, annotation: ReadAnnotation, among: Sequence[DocumentInfo]
    ) -> DocumentInfo | None:
        """By address (or text hash), else by title, else by its quote."""
        wanted = _address_key(annotation.source)
        if wanted:
            for info in among:
                if wanted in (_address_key(info.address), f"urn:sha256:{info.content_hash}"):
                    return info
        title = annotation.title.strip().casefold()
        if title:
            for info in among:
                if info.title.strip().casefold() == title:
                    return info
        if annotation.exact:
            for info in among:
                if _quote_in(annotation.exact, self.document(info.id).text):
                    return info
        return None

    def plan_source_note(self, annotation: ReadAnnotation) -> PlannedSourceNote | None:
        """An annotation whose page is one of the sources, quoting its words: a note on that
        source (None for anything else, which is planned as a claim)."""
        if not annotation.exact or annotation.links_to:
            return None
        sources = [s for sources in self.sources.values() for s in sources]
        found = self.find(replace(annotation, exact=""), sources)
        if found is None or not _quote_in(annotation.exact, self.document(found.id).text):
            return None
        return PlannedSourceNote(
            found.id,
            found.title or found.original_name,
            annotation.exact,
            annotation.note,
            annotation.tags,
        )

    def plan_claim(self, annotation: ReadAnnotation) -> PlannedClaim:
        everything = [*self.articles, *(s for sources in self.sources.values() for s in sources)]
        found = self.find(replace(annotation, exact=""), everything) or self.find(
            annotation, self.articles
        )
        if found is None:
            on_source = self.find(annotation, everything)
            if on_source is not None and on_source.id in self.article_of:
                found = on_source
        given = _given_anchor(annotation)
        planned = PlannedClaim(
            key=annotation.id,
            article=_placeholder_for(annotation),
            anchor=given,
            orphaned=True,
            why=f"no document in the workspace for {_where(annotation)}",
            note=annotation.note,
            verdict=annotation.verdict,
            tags=annotation.tags,
        )
        if found is None:
            return planned
        if found.role != "article":
            article_id = self.article_of[found.id]
            article = next(a for a in self.articles if a.id == article_id)
            title = found.title or found.original_name
            return replace(
                planned,
                article=Place(article.id, article.title),
                why=f"made on the source {quoted(title)}, not on an article",
                note=join_notes(f"Annotated on the source “{title}”.", annotation.note),
            )
        planned = replace(planned, article=Place(found.id, found.title))
        anchor = _anchor_in(annotation, self.document(found.id).text)
        if anchor is None:
            return replace(planned, why=f"its words are not in {quoted(found.title)}")
        from sidebyside.core.claims import describe_claim
        from sidebyside.operations.reading import cues_as_json

        cues = cues_as_json(describe_claim(anchor.exact))
        return replace(planned, anchor=anchor, orphaned=False, why="", cues=cues)

    def plan_link(self, annotation: ReadAnnotation, claim: PlannedClaim) -> PlannedLink:
        article_id = claim.article.document_id
        sources = self.sources.get(article_id, []) if article_id is not None else []
        found = self.find(annotation, sources)
        planned = PlannedLink(
            claim_key=claim.key,
            source=_placeholder_for(annotation),
            anchor=_given_anchor(annotation),
            orphaned=True,
            why=f"the article has no source for {_where(annotation)}",
        )
        if found is None:
            return planned
        planned = replace(planned, source=Place(found.id, found.title))
        document = self.document(found.id)
        anchor = _anchor_in(annotation, document.text)
        if anchor is None:
            return replace(planned, why=f"its words are not in {quoted(found.title)}")
        from sidebyside.operations.matching import reader_link

        judged = reader_link(claim.anchor.exact, found.id, document, anchor.start, anchor.end)
        return replace(planned, anchor=anchor, orphaned=False, why="", judged=judged)


def _given_anchor(annotation: ReadAnnotation) -> Anchor:
    start = annotation.start if annotation.start is not None else 0
    end = annotation.end if annotation.end is not None else start + len(annotation.exact)
    return Anchor(start, end, annotation.exact, annotation.prefix, annotation.suffix)


def _anchor_in(annotation: ReadAnnotation, text: str) -> Anchor | None:
    """Where the annotation sits in `text`: by position and quote, as a re-import re-finds
    a claim; its whitespace is tried as the canonical text writes it too."""
    if not annotation.exact:
        start, end = annotation.start, annotation.end
        if start is not None and end is not None and 0 <= start < end <= len(text):
            return make_anchor(text, start, end)
        return None
    given = _given_anchor(annotation)
    # A position counted another way (UTF-16, another rendering) is only a hint: a quote
    # found at the position given is kept there, else the quote decides.
    tries = [given, Anchor(given.start, given.start + len(given.exact), *_squeezed(given))]
    for anchor in tries:
        relocation = locate(anchor, text)
        if not relocation.is_orphan:
            return relocation.anchor
    return None


def _squeezed(anchor: Anchor) -> tuple[str, str, str]:
    def squeeze(text: str) -> str:
        return " ".join(text.split())

    prefix = squeeze(anchor.prefix) + (" " if anchor.prefix[-1:].isspace() else "")
    suffix = (" " if anchor.suffix[:1].isspace() else "") + squeeze(anchor.suffix)
    return squeeze(anchor.exact), prefix, suffix


def _quote_in(exact: str, text: str) -> bool:
    return exact in text or " ".join(exact.split()) in " ".join(text.split())


def _address_key(address: str) -> str:
    """An address compared loosely: no fragment, no trailing slash, a file: address as its
    path, scheme and host in lower case."""
    address = address.strip()
    if not address:
        return ""
    if address.startswith("urn:"):
        return address.lower()
    parts = urllib.parse.urlsplit(address)
    if parts.scheme == "file":
        return urllib.parse.unquote(parts.path).rstrip("/")
    if not parts.scheme:
        return address.rstrip("/")
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{path}{query}"


def _where(annotation: ReadAnnotation) -> str:
    return annotation.source or (quoted(annotation.title) if annotation.title else "its quote")


def _placeholder_for(annotation: ReadAnnotation) -> Place:
    title = annotation.title or annotation.source or "Imported annotations"
    return Place(None, title, annotation.source)


def join_notes(first: str, second: str) -> str:
    """`second` added to the note `first` after a blank line, unless it holds it already."""
    if not first.strip():
        return second
    if not second.strip() or second.strip() in first:
        return first
    return f"{first.rstrip()}\n\n{second.strip()}"
