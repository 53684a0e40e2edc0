"""Annotations in: importing W3C Web Annotation and Hypothesis files into the workspace
(the W3C export is `export.w3c`, one of the export formats).

Importing is two steps, as reading a file is: `plan_annotation_import` only reads (the
file, the workspace's documents) and anchors every annotation, so it may run on a
background thread; `record_annotation_import` writes the plan in one transaction on the
thread that owns the workspace. Each annotation is matched to a document by its address,
else by its title, else by finding its quote; it is anchored by quote and position with
`core.anchoring.locate`. What cannot be found is kept as an orphan, never dropped: on the
document it names, or on a placeholder document made for it. A file imported twice adds
nothing the second time.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sidebyside.core.anchoring import Anchor, locate, make_anchor
from sidebyside.core.annotation_files import AnnotationFile, ReadAnnotation, read_annotation_file
from sidebyside.core.document import Document, DocumentBuilder, Metadata
from sidebyside.core.errors import UnreadableDocument
from sidebyside.core.importers.formats import quoted
from sidebyside.core.verdicts import Verdict
from sidebyside.operations.changes import Changes
from sidebyside.operations.session import ArticleSession
from sidebyside.records import ClaimRecord, DocumentInfo
from sidebyside.store import Workspace
from sidebyside.store.links import NewLink

_QUOTE_SHOWN = 60


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


@dataclass
class ImportSummary:
    """What an import did, to print or show: anchored, orphaned, already there."""

    name: str
    kind: str
    read: int = 0
    anchored: list[str] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)
    already_there: int = 0
    placeholders: list[str] = field(default_factory=list)
    articles: set[int] = field(default_factory=set)

    @property
    def kind_label(self) -> str:
        return "Hypothesis export" if self.kind == "hypothesis" else "W3C Web Annotation"

    def lines(self) -> list[str]:
        out = [f"Read {self.read} annotations from {self.name} ({self.kind_label})."]
        out.append(f"Anchored: {len(self.anchored)}.")
        out += [f"  {line}" for line in self.anchored]
        out.append(f"Left as orphans (kept, shown greyed): {len(self.orphans)}.")
        out += [f"  {line}" for line in self.orphans]
        if self.placeholders:
            out.append(
                "Placeholders made for documents the workspace does not hold: "
                + ", ".join(quoted(title) for title in self.placeholders)
                + "."
            )
        if self.already_there:
            out.append(
                f"Already in the workspace (not added again): {self.already_there}; new notes "
                "and tags were added to theirs, and a verdict only where there was none."
            )
        return out


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
                parent, note=_joined(parent.note, reply.note), tags=(*parent.tags, *reply.tags)
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
                note=_joined(f"Annotated on the source “{title}”.", annotation.note),
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


def _joined(first: str, second: str) -> str:
    if not first.strip():
        return second
    if not second.strip() or second.strip() in first:
        return first
    return f"{first.rstrip()}\n\n{second.strip()}"


# -- recording ---------------------------------------------------------------------------


def record_annotation_import(workspace: Workspace, plan: AnnotationImport) -> ImportSummary:
    """Write the plan in one transaction: claims (the reader's) with their notes, verdicts
    and tags, confirmed passages, orphans and the placeholders they need."""
    read = len(plan.claims) + len(plan.links) + len(plan.source_notes)
    summary = ImportSummary(plan.name, plan.kind, read=read)
    with workspace.transaction():
        recorder = _Recorder(workspace, summary)
        claims: dict[str, ClaimRecord] = {}
        for planned in plan.claims:
            claims[planned.key] = recorder.claim(planned)
        for link in plan.links:
            recorder.link(link, claims[link.claim_key])
        for source_note in plan.source_notes:
            recorder.source_note(source_note)
    return summary


class _Recorder:
    def __init__(self, workspace: Workspace, summary: ImportSummary) -> None:
        self.workspace = workspace
        self.summary = summary
        self._placeholders: dict[tuple[str, int | None, str], int] = {}

    def place(self, place: Place, role: str, article_id: int | None = None) -> int:
        if place.document_id is not None:
            return place.document_id
        key = (role, article_id, place.key)
        if key not in self._placeholders:
            document = _placeholder_document(place, role)
            if role == "article":
                info = self.workspace.add_article(document)
            else:
                assert article_id is not None
                info = self.workspace.add_source(article_id, document)
            self._placeholders[key] = info.id
            self.summary.placeholders.append(place.title)
        return self._placeholders[key]

    def claim(self, planned: PlannedClaim) -> ClaimRecord:
        workspace = self.workspace
        article_id = self.place(planned.article, "article")
        self.summary.articles.add(article_id)
        anchor = planned.anchor
        if planned.orphaned:
            claim = workspace.orphan_claim_quoting(article_id, anchor.exact)
        else:
            claim = workspace.claim_at(article_id, anchor.start, anchor.end)
        shown = f"{_shown(anchor.exact)} in {quoted(planned.article.title)}"
        existing_claim = claim is not None
        if claim is not None:
            self.summary.already_there += 1
            if claim.is_pending_suggestion:
                workspace.set_accepted(claim.id, True)
        elif planned.orphaned:
            claim = workspace.add_orphan_claim(article_id, anchor)
        else:
            claim = workspace.add_claim(
                article_id, anchor.start, anchor.end, origin="reader", cues=planned.cues
            )
        if not existing_claim and planned.orphaned:
            self.summary.orphans.append(f"{_shown(anchor.exact)}: {planned.why}")
        elif not existing_claim:
            self.summary.anchored.append(shown)
        if planned.verdict not in (None, Verdict.UNREVIEWED) and claim.verdict == "unreviewed":
            assert planned.verdict is not None
            workspace.set_verdict(claim.id, planned.verdict)
        if planned.note.strip():
            note = workspace.note_of(claim.id)
            merged = _joined(note, planned.note)
            if merged != note:
                workspace.save_note(claim.id, merged)
        for tag in planned.tags:
            workspace.add_tag(claim.id, tag)
        return claim

    def source_note(self, planned: PlannedSourceNote) -> None:
        note = self.workspace.document_note_of(planned.source_id)
        if planned.entry in note:
            self.summary.already_there += 1
            return
        self.workspace.save_document_note(planned.source_id, _joined(note, planned.entry))
        self.summary.anchored.append(
            f"{_shown(planned.exact)}: a note on the source {quoted(planned.title)}"
        )

    def link(self, planned: PlannedLink, claim: ClaimRecord) -> None:
        workspace = self.workspace
        source_id = self.place(planned.source, "source", claim.article_id)
        anchor = planned.anchor
        existing = workspace.link_at(claim.id, source_id, anchor.start, anchor.end)
        shown = f"passage {_shown(anchor.exact)} of {quoted(planned.source.title)}"
        if existing is None and planned.orphaned:
            self.summary.orphans.append(f"{shown}: {planned.why}")
        elif existing is None:
            self.summary.anchored.append(shown)
        if existing is not None:
            self.summary.already_there += 1
            if existing.state != "confirmed":
                workspace.set_link_state(existing.id, "confirmed")
        elif planned.orphaned or planned.judged is None:
            workspace.add_orphan_link(claim.id, source_id, anchor)
        else:
            workspace.add_reader_link(claim.id, planned.judged)


def _placeholder_document(place: Place, role: str) -> Document:
    where = f" ({place.address})" if place.address else ""
    if role == "article":
        how = (
            "To anchor them, open this article and choose File → Replace Article with Newer "
            "Version… with the document itself."
        )
    else:
        how = "To anchor them, right-click this source and replace it with the document itself."
    builder = DocumentBuilder()
    builder.add(
        f"sidebyside holds no copy of this document{where}. The annotations made on it were "
        f"imported and are kept here as orphans. {how}"
    )
    return builder.build(Metadata(title=place.title, address=place.address))


def _shown(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > _QUOTE_SHOWN:
        text = text[: _QUOTE_SHOWN - 1].rstrip() + "…"
    return quoted(text) if text else "(no quoted words)"


def record_annotations_in(
    session: ArticleSession, plan: AnnotationImport
) -> tuple[ImportSummary, Changes]:
    """Record an import through the window's session; what the window shows again."""
    summary = record_annotation_import(session.workspace, plan)
    changes = Changes(articles=True)
    if session.article is not None and session.article.id in summary.articles:
        changes = changes | session.open_article(session.article.id, remember=False)
    return summary, changes
