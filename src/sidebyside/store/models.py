"""Peewee models of a workspace.

The models are bound to a proxy; each `Workspace` owns its own database and points the
proxy at it for the length of each of its calls (see `store.workspace`), so two open
workspaces never write into each other. The proxy's target is per thread, so a background
read of one workspace never redirects the UI thread's writes to another."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from typing import Any

from peewee import (
    AutoField,
    BlobField,
    BooleanField,
    CharField,
    DatabaseProxy,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)


class ThreadDatabaseProxy(DatabaseProxy):
    """A `DatabaseProxy` whose target each thread sets for itself."""

    __slots__ = ("_local",)

    def __init__(self) -> None:
        object.__setattr__(self, "_local", threading.local())
        super().__init__()

    @property
    def obj(self) -> Any:
        return getattr(self._local, "obj", None)

    @obj.setter
    def obj(self, value: Any) -> None:
        self._local.obj = value

    def __setattr__(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)


database = ThreadDatabaseProxy()


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class BaseModel(Model):
    id = AutoField()  # declared, so that the type checker knows every row has one

    class Meta:
        database = database


class DocumentRow(BaseModel):
    """An article (role "article") or one of its sources (role "source")."""

    role = CharField()
    article = ForeignKeyField("self", null=True, backref="sources", on_delete="CASCADE")
    article_id: int | None
    position = IntegerField(default=0)
    title = TextField(default="")
    author = TextField(default="")
    publisher = TextField(default="")
    date = TextField(default="")
    address = TextField(default="")
    language = TextField(default="")
    aliases = TextField(default="[]")  # JSON list of names an article may use
    format = CharField(default="text")
    text = TextField()
    blocks = TextField(default="[]")  # JSON list of Block.to_json()
    # JSON list of {start, end, address} (since schema 7); LinkRow holds the backref "links"
    hyperlinks = TextField(default="[]", column_name="links")
    content_hash = CharField()
    imported_at = CharField()
    original = BlobField(null=True)
    original_name = TextField(default="")
    opened_at = CharField(default=now)

    class Meta:
        table_name = "document"


class ArticleSourceRow(BaseModel):
    """A source attached to an article, at its place among the article's sources. One
    stored source may serve several articles (since schema 6); `DocumentRow.article` then
    names one of them, the one it was first attached to while that one exists."""

    article = ForeignKeyField(DocumentRow, backref="attached", on_delete="CASCADE")
    article_id: int
    source = ForeignKeyField(DocumentRow, backref="attachments", on_delete="CASCADE")
    source_id: int
    position = IntegerField(default=0)

    class Meta:
        table_name = "article_source"
        indexes = ((("article", "source"), True), (("source",), False))


class ClaimRow(BaseModel):
    article = ForeignKeyField(DocumentRow, backref="claims", on_delete="CASCADE")
    article_id: int
    start = IntegerField()
    end = IntegerField()
    exact = TextField()
    prefix = TextField(default="")
    suffix = TextField(default="")
    origin = CharField(default="reader")  # "suggested" or "reader"
    accepted = BooleanField(default=False)  # a suggestion the reader agreed is worth checking
    dismissed = BooleanField(default=False)
    orphaned = BooleanField(default=False)
    verdict = CharField(default="unreviewed")
    # The claim's words when its verdict was set, if a newer version of the article changed
    # them since: the verdict awaits the reader's review. "" when nothing awaits it.
    changed_from = TextField(default="")
    cues = TextField(default="{}")  # JSON
    created_at = CharField(default=now)
    updated_at = CharField(default=now)

    class Meta:
        table_name = "claim"


class LinkRow(BaseModel):
    """A passage of a source that corresponds to a claim."""

    claim = ForeignKeyField(ClaimRow, backref="links", on_delete="CASCADE")
    claim_id: int
    source = ForeignKeyField(DocumentRow, backref="links", on_delete="CASCADE")
    source_id: int
    rank = IntegerField(default=0)
    start = IntegerField()
    end = IntegerField()
    exact = TextField()
    prefix = TextField(default="")
    suffix = TextField(default="")
    score = FloatField(default=0.0)
    reasons = TextField(default="[]")  # JSON list of phrases
    differences = TextField(default="[]")  # JSON list of {kind, claim, source, explanation}
    state = CharField(default="suggested")  # "suggested", "confirmed", "rejected"
    support = CharField(default="")  # core.matching.Support value; "" before schema 2
    wording = FloatField(default=0.0)  # how closely the passage follows the claim's words
    orphaned = BooleanField(default=False)  # its passage was not found after a re-import
    created_at = CharField(default=now)

    class Meta:
        table_name = "link"


class NoteRow(BaseModel):
    claim = ForeignKeyField(ClaimRow, backref="notes", unique=True, on_delete="CASCADE")
    claim_id: int
    text = TextField(default="")
    created_at = CharField(default=now)
    updated_at = CharField(default=now)

    class Meta:
        table_name = "note"


class ClaimTagRow(BaseModel):
    """A free label the reader put on a claim ("disputed", "budget"); one row per tag."""

    claim = ForeignKeyField(ClaimRow, backref="tags", on_delete="CASCADE")
    claim_id: int
    tag = TextField()

    class Meta:
        table_name = "claim_tag"
        indexes = ((("claim", "tag"), True),)


class DocumentNoteRow(BaseModel):
    """The reader's Markdown note on an article or a source as a whole."""

    document = ForeignKeyField(DocumentRow, backref="notes", unique=True, on_delete="CASCADE")
    document_id: int
    text = TextField(default="")
    created_at = CharField(default=now)
    updated_at = CharField(default=now)

    class Meta:
        table_name = "document_note"


class MatchedRow(BaseModel):
    """Marks a claim whose matches were computed against the current set of sources."""

    claim = ForeignKeyField(ClaimRow, unique=True, on_delete="CASCADE")
    claim_id: int
    sources_key = TextField()  # ids and hashes of the sources the matches were computed on
    suggested = CharField(default="")  # the verdict the passages suggest; "" none
    credited = TextField(default="[]")  # JSON ids of the attached sources the claim credits
    wording_of = IntegerField(null=True)  # another source whose wording the claim copies
    unattached = BooleanField(default=False)  # it credits a source that is not attached

    class Meta:
        table_name = "matched"


class SourceIndexRow(BaseModel):
    """The matcher's index of a source, kept so reopening a workspace does not re-index."""

    document = ForeignKeyField(DocumentRow, unique=True, on_delete="CASCADE")
    document_id: int
    content_hash = CharField()
    data = BlobField()

    class Meta:
        table_name = "source_index"


MODELS: list[type[BaseModel]] = [
    DocumentRow,
    ClaimRow,
    LinkRow,
    NoteRow,
    MatchedRow,
    SourceIndexRow,
    ClaimTagRow,
    DocumentNoteRow,
    ArticleSourceRow,
]
