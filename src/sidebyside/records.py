"""What the workspace holds, as frozen values: the store returns them, the window, the export
and the command line read them, and none of them can issue a query by accident."""

from __future__ import annotations

from dataclasses import dataclass, field

from sidebyside.core.rewording import changed_words
from sidebyside.core.verdicts import Verdict, verdict_summary


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: int
    role: str
    title: str
    author: str
    publisher: str
    date: str
    address: str
    aliases: tuple[str, ...]
    format: str
    original_name: str
    content_hash: str
    imported_at: str

    @property
    def names(self) -> tuple[str, ...]:
        """The names an article may cite this document by: publisher, then aliases.

        The title is not one of them: a title often quotes other organisations' names.
        """
        names = [self.publisher, *self.aliases]
        return tuple(dict.fromkeys(name for name in names if name))

    @property
    def short_name(self) -> str:
        """What a sentence calls it: the publisher ("Meridian Press"), else the title."""
        return self.publisher or self.title or self.original_name


@dataclass(frozen=True, slots=True)
class DifferenceRecord:
    kind: str
    explanation: str
    claim_start: int | None = None
    claim_end: int | None = None
    source_start: int | None = None
    source_end: int | None = None


@dataclass(frozen=True, slots=True)
class LinkRecord:
    id: int
    claim_id: int
    source_id: int
    rank: int
    start: int
    end: int
    text: str
    score: float
    reasons: tuple[str, ...]
    differences: tuple[DifferenceRecord, ...]
    state: str  # "suggested", "confirmed", "rejected"
    orphaned: bool = False
    support: str = ""  # "supports", "partly_supports", "contradicts", "related"; "" unjudged
    wording: float = 0.0
    prefix: str = ""  # the stored anchor's context: up to 32 characters before the passage…
    suffix: str = ""  # …and after it (quote selectors of annotation exports)


@dataclass(frozen=True, slots=True)
class SuggestionRecord:
    """What the matched passages suggest for a claim: never a verdict until the reader
    accepts it. `wording_of` is a source whose wording the claim copies while crediting
    the sources in `credited`."""

    verdict: Verdict | None
    credited: tuple[int, ...] = ()
    wording_of: int | None = None
    unattached: bool = False  # the claim credits a source that is not attached


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    id: int
    article_id: int
    start: int
    end: int
    text: str
    origin: str  # "suggested" or "reader"
    verdict: Verdict
    dismissed: bool
    orphaned: bool
    cued_sources: tuple[str, ...] = ()
    accepted: bool = False
    # Its words when the verdict was set, if a newer version of the article changed them
    # since ("" otherwise): the verdict awaits the reader's review.
    changed_from: str = ""
    tags: tuple[str, ...] = ()  # the reader's free labels, in order of their words
    prefix: str = ""  # the stored anchor's context: up to 32 characters before the claim…
    suffix: str = ""  # …and after it (quote selectors of annotation exports)

    @property
    def is_pending_suggestion(self) -> bool:
        """Suggested by sidebyside and not yet accepted (or judged) by the reader."""
        return self.origin == "suggested" and not self.accepted and self.verdict == "unreviewed"

    @property
    def needs_review(self) -> bool:
        """A newer version of the article changed the words the verdict was given for."""
        return bool(self.changed_from)

    @property
    def text_change(self) -> tuple[str, str] | None:
        """What changed, old words then new, a few words either side; None if nothing."""
        return changed_words(self.changed_from, self.text) if self.changed_from else None


@dataclass(frozen=True, slots=True)
class ClaimReport:
    claim: ClaimRecord
    links: tuple[LinkRecord, ...]
    note: str
    suggestion: SuggestionRecord | None = None


@dataclass(frozen=True, slots=True)
class ArticleReport:
    """Everything the export needs about one article, read in one go."""

    article: DocumentInfo
    sources: tuple[DocumentInfo, ...]
    claims: tuple[ClaimReport, ...] = ()
    # (document id, start offset) -> "page 3, paragraph 12"
    locations: dict[tuple[int, int], str] = field(default_factory=dict)
    # document id -> the reader's note on the article or a source as a whole (if any)
    notes: dict[int, str] = field(default_factory=dict)

    def location(self, document_id: int, start: int) -> str:
        return self.locations.get((document_id, start), f"character {start}")


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One place where the words searched for occur: in an article's or a source's text, in
    a claim or in a note. `start`/`end` count characters of that text (the canonical text of
    a document, the claim's words, the note); `marks` are the words found, in `context`."""

    kind: str  # "article", "source", "claim" or "note"
    document_id: int  # the document; for a claim or a claim's note, its article
    document: str  # that document's title
    start: int
    end: int
    context: str  # the hit with a few words either side, on one line
    marks: tuple[tuple[int, int], ...]  # the words found, as offsets into `context`
    article_id: int | None  # the article to open to see it (a source's article)
    claim_id: int | None = None  # the claim, for a claim or a claim's note
    score: float = 0.0  # FTS5's bm25 rank: lower is better


@dataclass(frozen=True, slots=True)
class ArticleProgress:
    """An article of the project with its sources and the verdicts of its claims."""

    article: DocumentInfo
    sources: tuple[DocumentInfo, ...]
    verdicts: tuple[Verdict, ...]  # one per claim not dismissed, in document order

    @property
    def summary(self) -> str:
        """ "12 claims: 5 supported, 1 contradicted, 6 unreviewed"."""
        return verdict_summary(list(self.verdicts))

    def count(self, verdict: Verdict) -> int:
        return self.verdicts.count(verdict)


@dataclass(frozen=True, slots=True)
class SourceUse:
    """A source of the project and the articles that use it."""

    source: DocumentInfo
    articles: tuple[DocumentInfo, ...]


@dataclass(frozen=True, slots=True)
class ProjectOverview:
    """Every article of a workspace with its progress, and every source with its articles."""

    articles: tuple[ArticleProgress, ...]
    sources: tuple[SourceUse, ...]
