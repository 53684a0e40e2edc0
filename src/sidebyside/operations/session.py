"""One article open on a workspace: the door through which the window and the commands
read and change the reader's work.

`ArticleSession` holds the workspace, the open article with its sources (documents read
once), the sources key and the matcher built for them. Each write is one transaction and
returns a `Changes` saying what is now different. Slow steps are split into a pure part
that a background thread may run (`MatchingSession.passages_for`, `read_citations`,
`write_export`) and a `record_*` part that writes, on the thread that opened the workspace.
Qt-free: the command line uses the same steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sidebyside.core.document import Document
from sidebyside.core.progress import QUIET, Progress, reporting
from sidebyside.core.spans import Span
from sidebyside.core.verdicts import Verdict
from sidebyside.operations.changes import NOTHING, Changes
from sidebyside.operations.citations import NO_CITATIONS, Citations, read_citations
from sidebyside.operations.export import DEFAULT_FORMAT, write_export
from sidebyside.operations.linked_sources import Fetched, LinkedResult, Outcome
from sidebyside.operations.matching import (
    FoundPassages,
    MatchingSession,
    PendingMatches,
    reader_link,
    sources_key,
)
from sidebyside.operations.notes import save_document_note, save_note
from sidebyside.operations.provenance import NO_PROVENANCE, Provenance, trace_claim
from sidebyside.operations.reading import PreparedArticle, Revision, cues_as_json
from sidebyside.records import (
    ClaimRecord,
    DocumentInfo,
    LinkRecord,
    ProjectOverview,
    SuggestionRecord,
)
from sidebyside.store import Workspace

_SOURCES = Changes(sources=True, citations=True, matching=True)
_CLAIM_LIST = Changes(claim_list=True, citations=True, matching=True)


class ArticleSession:
    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.article: DocumentInfo | None = None
        self.article_document: Document | None = None
        self.sources: list[tuple[DocumentInfo, Document]] = []
        self.citations: Citations = NO_CITATIONS
        self.key = ""
        self._matching: MatchingSession | None = None

    @classmethod
    def open(cls, path: Path | str) -> ArticleSession:
        """A session on the workspace file at `path` (made if it does not exist)."""
        return cls(Workspace.open(Path(path)))

    def close(self) -> None:
        self.workspace.close()

    @property
    def path(self) -> Path:
        return Path(self.workspace.path)

    @property
    def was_created(self) -> bool:
        return self.workspace.was_created

    @property
    def read_only(self) -> bool:
        """The workspace cannot be written: it is read and exported, never changed, and
        claims without stored passages are not matched (their passages could not be kept)."""
        return self.workspace.read_only

    # -- reading ------------------------------------------------------------------------

    def articles(self) -> list[DocumentInfo]:
        return self.workspace.articles()

    def document_info(self, document_id: int) -> DocumentInfo:
        return self.workspace.document_info(document_id)

    def project_overview(self) -> ProjectOverview:
        """Every article with its claims by verdict, every source with its articles."""
        return self.workspace.project_overview()

    def claims(self, *, include_dismissed: bool = False) -> list[ClaimRecord]:
        if self.article is None:
            return []
        return self.workspace.claims_of(self.article.id, include_dismissed=include_dismissed)

    def claim(self, claim_id: int) -> ClaimRecord:
        return self.workspace.claim(claim_id)

    def claim_exists(self, claim_id: int) -> bool:
        return self.workspace.claim_exists(claim_id)

    def note_of(self, claim_id: int) -> str:
        return self.workspace.note_of(claim_id)

    def links_of(self, claim_id: int) -> list[LinkRecord]:
        return self.workspace.links_of(claim_id)

    def suggestion_of(
        self, claim_id: int, links: Sequence[LinkRecord] | None = None
    ) -> SuggestionRecord | None:
        """What the claim's passages suggest, after the reader's confirmations and rejections."""
        return self.workspace.reviewed_suggestion_of(claim_id, links)

    def provenance_of(self, claim: ClaimRecord, links: Sequence[LinkRecord]) -> Provenance:
        """Who said it first: the claim's chain through the attached sources (keys are
        document ids as text) and where its wording first appears."""
        if self.article is None or self.article_document is None:
            return NO_PROVENANCE
        return trace_claim(self.article, self.article_document, claim, self.sources, links)

    def source_document(self, source_id: int) -> Document:
        return next(document for info, document in self.sources if info.id == source_id)

    def source_names(self) -> dict[int, str]:
        return {info.id: info.short_name for info, _ in self.sources}

    def anchors_on(self, document_id: int) -> tuple[dict[int, Any], dict[int, Any]]:
        return self.workspace.anchors_on(document_id)

    # -- articles -------------------------------------------------------------------------

    def open_article(self, article_id: int | None, *, remember: bool = True) -> Changes:
        """Show another article (or none): its text and sources are read once, here.
        `remember` puts it first in the list of articles (the reader opened it)."""
        self.citations = NO_CITATIONS
        if article_id is None:
            self.article, self.article_document = None, None
            self._read_sources()
            return Changes(article=True)
        if remember and not self.read_only:
            self.workspace.mark_article_opened(article_id)
        self.article = self.workspace.document_info(article_id)
        self.article_document = self.workspace.document(article_id)
        self._read_sources()
        return Changes(article=True, citations=True, matching=True)

    def _read_sources(self) -> None:
        infos = self.workspace.sources_of(self.article.id) if self.article else []
        known = {info.id: (info, document) for info, document in self.sources}
        self.sources = [
            (info, known[info.id][1])
            if info.id in known and known[info.id][0].content_hash == info.content_hash
            else (info, self.workspace.document(info.id))
            for info in infos
        ]
        key = sources_key(infos)
        if key != self.key:
            self.key, self._matching = key, None

    def record_article(self, prepared: PreparedArticle) -> Changes:
        """Store a newly read article with its suggested claims and sources, and open it."""
        with self.workspace.transaction():
            info = self.workspace.add_article(prepared.document)
            self.workspace.add_suggested_claims(
                info.id, [(s.start, s.end, cues_as_json(s.cues)) for s in prepared.suggestions]
            )
            for source in prepared.sources:
                self.workspace.add_source(info.id, source)
        return self.open_article(info.id) | Changes(articles=True)

    def article_with_text_of(self, document: Document) -> DocumentInfo | None:
        """The workspace's article with this very text, if it holds it already."""
        return next(
            (info for info in self.articles() if info.content_hash == document.content_hash),
            None,
        )

    def earlier_article_like(self, document: Document, name: str) -> DocumentInfo | None:
        """An article this one looks like a newer version of: the same file name or
        address, with other text."""
        return _earlier_version(self.articles(), document, name)

    def reopen_article(self, article_id: int, sources: Sequence[Document] = ()) -> Changes:
        """An article read again that the workspace holds already: open the one stored, with
        the reader's claims and notes, and attach any new sources read with it."""
        with self.workspace.transaction():
            attached = {info.content_hash for info in self.workspace.sources_of(article_id)}
            for source in sources:
                if source.content_hash not in attached:
                    self.workspace.add_source(article_id, source)
                    attached.add(source.content_hash)
        return self.open_article(article_id) | Changes(articles=True)

    def remove_article(self, article_id: int) -> Changes:
        """Delete an article with its sources, claims and notes; the next one opens."""
        self.workspace.remove_document(article_id)
        changes = Changes(articles=True)
        if self.article is not None and self.article.id != article_id:
            return changes
        remaining = self.workspace.articles()
        return changes | self.open_article(remaining[0].id if remaining else None)

    # -- sources --------------------------------------------------------------------------

    def attached_as(self, document: Document) -> DocumentInfo | None:
        """The open article's source with this very text, if it has one already."""
        return next(
            (info for info, _ in self.sources if info.content_hash == document.content_hash),
            None,
        )

    def earlier_version_of(self, document: Document, name: str) -> DocumentInfo | None:
        """The open article's source that this document looks like a newer version of: the
        same file name or the same address, with other text."""
        return _earlier_version([info for info, _ in self.sources], document, name)

    def add_source(self, article_id: int, document: Document) -> Changes:
        self.workspace.add_source(article_id, document)
        return self._sources_changed_of(article_id)

    def update_source(self, source_id: int, changes: dict[str, Any]) -> Changes:
        """The reader's edits to a source's title, names and details."""
        self.workspace.update_metadata(source_id, **changes)
        return self._sources_changed_of(self.article.id if self.article else None)

    def remove_source(self, source_id: int) -> Changes:
        """Take a source off the open article, with the article's links to it; claims,
        verdicts and notes stay. Other articles using the source keep it; a source no
        article uses any more is deleted."""
        if self.article is None:
            self.workspace.remove_document(source_id)
            return NOTHING
        self.workspace.detach_source(self.article.id, source_id)
        return self._sources_changed_of(self.article.id)

    def record_linked(
        self, article_id: int, fetched: Sequence[Fetched]
    ) -> tuple[list[LinkedResult], Changes]:
        """Attach each page fetched from the article's links (one transaction), skipping
        those it has already; say for each address what became of it."""
        attached = {info.content_hash: info for info in self.workspace.sources_of(article_id)}
        results: list[LinkedResult] = []
        with self.workspace.transaction():
            for page in fetched:
                address, document = page.target.address, page.document
                if document is None:
                    results.append(LinkedResult(address, Outcome.FAILED, reason=page.reason))
                elif document.content_hash in attached:
                    same = attached[document.content_hash]
                    title = same.title or same.original_name
                    results.append(LinkedResult(address, Outcome.ALREADY, title, source_id=same.id))
                else:
                    info = self.workspace.add_source(article_id, document)
                    attached[info.content_hash] = info
                    title = info.title or info.original_name
                    results.append(
                        LinkedResult(address, Outcome.ATTACHED, title, source_id=info.id)
                    )
        return results, self._sources_changed_of(article_id)

    def linked_already(self, article_id: int, address: str) -> DocumentInfo | None:
        """The article's source fetched from `address`, if it has one (no need to fetch)."""
        from sidebyside.core.citations import same_address

        return next(
            (
                info
                for info in self.workspace.sources_of(article_id)
                if same_address(info.address, address)
            ),
            None,
        )

    def articles_using(self, source_id: int) -> list[DocumentInfo]:
        """The articles a source is attached to (the open one among them, if it is)."""
        return [self.workspace.document_info(i) for i in self.workspace.articles_using(source_id)]

    def _sources_changed_of(self, article_id: int | None) -> Changes:
        if self.article is None or self.article.id != article_id:
            return NOTHING
        self._read_sources()
        return _SOURCES

    def record_revision(self, revision: Revision) -> Changes:
        """Replace a document with its newer version; anchors found again move, the rest
        are kept as orphans."""
        with self.workspace.transaction():
            self.workspace.replace_document(
                revision.document_id, revision.document, revision.claims, revision.links
            )
            if revision.new_suggestions:
                self.workspace.add_suggested_claims(
                    revision.document_id,
                    [(s.start, s.end, cues_as_json(s.cues)) for s in revision.new_suggestions],
                )
        if self.article is None:
            return Changes(articles=True)
        return self.open_article(self.article.id, remember=False) | Changes(articles=True)

    # -- claims ---------------------------------------------------------------------------

    def mark_claim(self, start: int, end: int) -> Changes:
        """The reader's own claim over these words of the open article; `select` names it."""
        if self.article is None or self.article_document is None:
            return NOTHING
        from sidebyside.core.claims import describe_claim

        cues = cues_as_json(describe_claim(self.article_document.text[start:end]))
        claim = self.workspace.add_claim(self.article.id, start, end, origin="reader", cues=cues)
        return _CLAIM_LIST | Changes(select=claim.id)

    def set_dismissed(self, claim_id: int, dismissed: bool) -> Changes:
        self.workspace.set_dismissed(claim_id, dismissed)
        return _CLAIM_LIST | Changes(select=None if dismissed else claim_id)

    def set_accepted(self, claim_id: int, accepted: bool) -> Changes:
        self.workspace.set_accepted(claim_id, accepted)
        return Changes(claim_list=True, select=claim_id)

    def move_claim(self, claim_id: int, start: int, end: int) -> Changes:
        """New boundaries for a claim; its passages are found again."""
        self.workspace.move_claim(claim_id, start, end)
        return _CLAIM_LIST | Changes(links=frozenset({claim_id}), select=claim_id)

    def set_verdict(self, claim_id: int, verdict: Verdict, *, changed_from: str = "") -> Changes:
        """The reader's verdict, which also ends a review the claim awaited (setting the same
        verdict again says it still holds). Undo passes back the `changed_from` it ended."""
        self.workspace.set_verdict(claim_id, verdict, changed_from=changed_from)
        return Changes(claims=frozenset({claim_id}))

    def save_note(self, claim_id: int, text: str) -> str | None:
        """None when saved, else why not, in a reader's words (see `notes.save_note`)."""
        if self.read_only:
            return "the workspace is open read-only"
        return save_note(self.workspace, claim_id, text)

    def workspace_tags(self) -> list[str]:
        """Every tag used in the workspace, the most used first (to complete a new one)."""
        return [tag for tag, _uses in self.workspace.workspace_tags()]

    def set_tags(self, claim_id: int, tags: Sequence[str]) -> Changes:
        """The reader's labels on a claim ("budget", "disputed"): exactly these."""
        self.workspace.set_tags(claim_id, tags)
        return Changes(claims=frozenset({claim_id}))

    def document_note_of(self, document_id: int) -> str:
        return self.workspace.document_note_of(document_id)

    def save_document_note(self, document_id: int, text: str) -> str | None:
        """The note on a whole article or source; None when saved, else why not."""
        if self.read_only:
            return "the workspace is open read-only"
        return save_document_note(self.workspace, document_id, text)

    def document_exists(self, document_id: int) -> bool:
        return self.workspace.document_exists(document_id)

    # -- passages -------------------------------------------------------------------------

    def set_link_state(self, link_id: int, state: str) -> Changes:
        claim_id = self.workspace.set_link_state(link_id, state)
        return Changes(links=frozenset({claim_id}))

    def link_passage(self, claim_id: int, source_id: int, span: Span) -> tuple[int, Changes]:
        """A passage the reader chose by hand, judged like any match, confirmed at once;
        returns the new link's id (to undo it) with the changes."""
        claim = self.workspace.claim(claim_id)
        link = reader_link(
            claim.text, source_id, self.source_document(source_id), span.start, span.end
        )
        record = self.workspace.add_reader_link(claim_id, link)
        return record.id, Changes(links=frozenset({claim_id}))

    def remove_reader_link(self, link_id: int) -> Changes:
        """Take back a passage the reader linked by hand (its undo)."""
        claim_id = self.workspace.remove_reader_link(link_id)
        return Changes(links=frozenset({claim_id}))

    def needs_matching(self, claim_id: int) -> bool:
        if self.read_only or not self.sources:
            return False
        return not self.workspace.matches_are_current(claim_id, self.key)

    def matching_work(self) -> MatchingSession:
        """The matcher for the current sources, made once per set of sources. Its stored
        indexes are read when it is first used, on whichever thread uses it."""
        if self._matching is None:
            documents = {info.id: document for info, document in self.sources}
            ids = list(documents)
            self._matching = MatchingSession(documents, lambda: self.workspace.stored_indexes(ids))
        return self._matching

    def pending_matches(self) -> PendingMatches:
        """The claims of the open article not yet matched against its current sources."""
        if self.article is None or not self.sources or self.read_only:
            return PendingMatches(self.key, (), None)
        claims = self.workspace.claims_needing_matches(self.article.id, self.key)
        return PendingMatches(
            self.key, tuple((claim.id, claim.text) for claim in claims), self.matching_work()
        )

    def record_matches(
        self,
        key: str,
        found: Sequence[FoundPassages],
        unsaved_indexes: dict[int, tuple[str, bytes]] | None = None,
    ) -> Changes:
        """Store passages found in the background, unless the sources changed meanwhile."""
        if key != self.key:
            return NOTHING  # found for sources since added, removed or replaced: not true now
        recorded: set[int] = set()
        with self.workspace.transaction():
            if unsaved_indexes:
                self.workspace.save_indexes(unsaved_indexes)
            for passages in found:
                if not self.workspace.claim_exists(passages.claim_id):
                    continue  # deleted while its passages were being found
                # Found twice (selected while queued in the background): the first stays,
                # as the reader may already have acted on it.
                if not self.workspace.matches_are_current(passages.claim_id, key):
                    self.workspace.replace_suggested_links(
                        passages.claim_id, passages.links, key, passages.suggestion
                    )
                recorded.add(passages.claim_id)
        return Changes(links=frozenset(recorded))

    def match_all(self, progress: Progress = QUIET) -> int:
        """Find and store the passages of every claim not yet matched; how many there were.
        The command line's path; the window runs the same steps a few claims at a time."""
        pending = self.pending_matches()
        if pending.work is None:
            return 0
        with reporting(progress):
            for number, (claim_id, text) in enumerate(pending.claims):
                progress.advance(number, len(pending.claims), "finding passages")
                found = pending.work.passages_for(text, claim_id)
                self.record_matches(pending.key, [found], pending.work.take_unsaved_indexes())
        return len(pending.claims)

    def write_export(
        self, article_ids: Sequence[int], path: Path, format: str = DEFAULT_FORMAT
    ) -> Path:
        """Write these articles to `path` in `format` (see `export.formats.FORMATS`); may
        run on a background thread (it only reads, on a connection of its own)."""
        return write_export(self.workspace, article_ids, path, format)

    # -- citations --------------------------------------------------------------------------

    def citation_work(self) -> tuple[int, Document, list[tuple[int, Span]], list[DocumentInfo]]:
        """What `read_citations` needs, taken now so that the background reads no rows."""
        assert self.article is not None and self.article_document is not None
        claims = [
            (claim.id, Span(claim.start, claim.end))
            for claim in self.claims()
            if not claim.orphaned and not claim.dismissed
        ]
        return self.article.id, self.article_document, claims, [info for info, _ in self.sources]

    def record_citations(self, article_id: int, citations: Citations) -> Changes:
        if self.article is None or self.article.id != article_id:
            return NOTHING
        self.citations = citations
        return Changes(cited=True)

    def primary_links(self, links: Sequence[LinkRecord]) -> list[LinkRecord]:
        """The passages whose differences are marked in the claim: the reader's confirmed
        ones, else the single best suggestion (weaker candidates would only add noise)."""
        confirmed = [link for link in links if link.state == "confirmed"]
        if confirmed:
            return confirmed
        suggested = [link for link in links if link.state == "suggested" and not link.orphaned]
        return [max(suggested, key=lambda link: link.score)] if suggested else []

    def cited_sources(self, claim_id: int) -> tuple[bool, set[int]]:
        """Whether the claim names its sources, and which attached sources it names."""
        named = self.citations.named.get(claim_id, False)
        return named, set(self.citations.cited.get(claim_id, ())) if named else set()


def read_article_citations(
    work: tuple[int, Document, list[tuple[int, Span]], list[DocumentInfo]],
) -> tuple[int, Citations]:
    """The pure half of citations, for a background thread."""
    article_id, document, claims, sources = work
    return article_id, read_citations(document, claims, sources)


def _earlier_version(
    documents: Sequence[DocumentInfo], document: Document, name: str
) -> DocumentInfo | None:
    """The document of `documents` that `document` looks like a newer version of: the same
    file name or address, with other text."""
    address = document.metadata.address
    return next(
        (
            info
            for info in documents
            if info.content_hash != document.content_hash
            and ((name and info.original_name == name) or (address and info.address == address))
        ),
        None,
    )
