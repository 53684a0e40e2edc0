"""The list of an article's claims: a Qt item model plus a filter by verdict, source, tag
and words."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

from sidebyside.core.verdicts import Verdict
from sidebyside.records import ClaimRecord
from sidebyside.ui.palette import current_highlights

ClaimRole = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


def review_request(claim: ClaimRecord) -> str:
    """What a claim whose words changed since its verdict asks of the reader, both texts
    shown; "" when it asks nothing (the list's tooltip and the claim panel say it alike)."""
    change = claim.text_change
    if change is None:
        return ""
    return QCoreApplication.translate(
        "ClaimList", "Changed in the newer version: “{0}” → “{1}”. Check the verdict again."
    ).format(*change)


class ClaimListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._claims: list[ClaimRecord] = []
        self._icons: dict[Verdict, QIcon] = {}

    def set_claims(self, claims: list[ClaimRecord]) -> None:
        self.beginResetModel()
        self._claims = list(claims)
        self.endResetModel()

    def update_claim(self, claim: ClaimRecord) -> None:
        for row, existing in enumerate(self._claims):
            if existing.id == claim.id:
                self._claims[row] = claim
                index = self.index(row)
                self.dataChanged.emit(index, index)
                return

    def refresh_decorations(self) -> None:
        """Verdict dots are drawn for the current palette; redraw them after it changes."""
        self._icons.clear()
        if self._claims:
            self.dataChanged.emit(self.index(0), self.index(len(self._claims) - 1))

    def row_of(self, claim_id: int) -> int:
        return next((row for row, c in enumerate(self._claims) if c.id == claim_id), -1)

    @property
    def claims(self) -> list[ClaimRecord]:
        return list(self._claims)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._claims)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._claims):
            return None
        claim = self._claims[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = " ".join(claim.text.split())
            if claim.tags:
                text += "  " + " ".join(f"[{tag}]" for tag in claim.tags)
            if claim.orphaned:
                return f"{index.row() + 1}. ⚠ {text} (not found in the current text)"
            if claim.dismissed:
                return f"{index.row() + 1}. {text} (dismissed)"
            if claim.needs_review:
                return f"{index.row() + 1}. ⚑ {text} " + self.tr("(changed since your verdict)")
            return f"{index.row() + 1}. {text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            origin = (
                "marked by you"
                if claim.origin == "reader"
                else "suggested, awaiting your decision"
                if claim.is_pending_suggestion
                else "suggested, accepted"
            )
            tip = f"{claim.verdict.label} · {origin}\n\n{claim.text}"
            if claim.tags:
                tip += "\n\n" + self.tr("Tags: {0}").format(", ".join(claim.tags))
            if claim.needs_review:
                tip += "\n\n" + review_request(claim)
            return tip
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(claim.verdict)
        if role == Qt.ItemDataRole.FontRole and claim.dismissed:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and (claim.orphaned or claim.dismissed):
            return QBrush(QColor("#888888"))
        if role == ClaimRole:
            return claim
        return None

    def _icon(self, verdict: Verdict) -> QIcon:
        if verdict not in self._icons:
            pixmap = QPixmap(12, 12)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(current_highlights().verdicts[verdict])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(1, 1, 10, 10)
            painter.end()
            self._icons[verdict] = QIcon(pixmap)
        return self._icons[verdict]


UNTAGGED = ""  # the tag filter's choice of the claims that carry no tag


class ClaimFilterModel(QSortFilterProxyModel):
    """Shows claims with a chosen verdict, naming a chosen source, carrying a chosen tag,
    containing some words."""

    filter_changed = Signal()  # after the rows shown changed

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._verdict: str | None = None
        self._source: int | None = None
        self._cited: dict[int, tuple[int, ...]] = {}
        self._words = ""
        self._tag: str | None = None

    def set_tag(self, tag: str | None) -> None:
        """Show only claims carrying this tag (any case); `UNTAGGED`, those with none."""
        self._refilter(lambda: setattr(self, "_tag", None if tag is None else tag.casefold()))

    def set_verdict(self, verdict: str | None) -> None:
        self._refilter(lambda: setattr(self, "_verdict", verdict))

    def set_source(self, source_id: int | None) -> None:
        """Show only claims citing this source (or naming none, so possibly resting on it)."""
        self._refilter(lambda: setattr(self, "_source", source_id))

    def set_citations(self, cited: dict[int, tuple[int, ...]]) -> None:
        self._refilter(lambda: setattr(self, "_cited", dict(cited)))

    def set_words(self, words: str) -> None:
        self._refilter(lambda: setattr(self, "_words", words.casefold().strip()))

    def _refilter(self, change: Callable[[], None]) -> None:
        """Apply a filter change the way the running Qt wants it (6.10 deprecated the old way)."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()
        self.filter_changed.emit()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        claim = self.sourceModel().index(source_row, 0, source_parent).data(ClaimRole)
        if claim is None:
            return False
        if self._verdict and claim.verdict.value != self._verdict:
            return False
        if self._tag is not None:
            tags = [tag.casefold() for tag in claim.tags]
            if (self._tag == UNTAGGED and tags) or (
                self._tag != UNTAGGED and self._tag not in tags
            ):
                return False
        text = claim.text.casefold()
        if self._words and self._words not in text:
            return False
        return self._source is None or self._source in self._cited.get(claim.id, ())
