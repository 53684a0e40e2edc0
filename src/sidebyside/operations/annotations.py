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

from dataclasses import dataclass, field

from sidebyside.core.document import Document, DocumentBuilder, Metadata
from sidebyside.core.importers.formats import quoted
from sidebyside.core.verdicts import Verdict
from sidebyside.operations.annotation_plan import (
    AnnotationImport,
    Place,
    PlannedClaim,
    PlannedLink,
    PlannedSourceNote,
    join_notes,
    plan_annotation_import,
    plan_annotations,
)
from sidebyside.operations.changes import Changes
from sidebyside.operations.session import ArticleSession
from sidebyside.records import ClaimRecord
from sidebyside.store import Workspace

__all__ = [
    "AnnotationImport",
    "ImportSummary",
    "Place",
    "PlannedClaim",
    "PlannedLink",
    "PlannedSourceNote",
    "plan_annotation_import",
    "plan_annotations",
    "record_annotation_import",
    "record_annotations_in",
]

_QUOTE_SHOWN = 60


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
            merged = join_notes(note, planned.note)
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
        self.workspace.save_document_note(planned.source_id, join_notes(note, planned.entry))
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
