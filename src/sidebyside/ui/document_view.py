"""A read-only view of a Document whose positions map exactly to canonical offsets.

The text is laid out block by block from the canonical text (never from the
original HTML), so nothing remote can load and no script can run. Highlights
are extra selections in named layers, painted over the text without changing it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QMouseEvent,
    QPalette,
    QShowEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextList,
    QTextListFormat,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QTextEdit, QWidget

from sidebyside.core.document import BlockKind, Document
from sidebyside.core.spans import Span
from sidebyside.ui.focus_frame import frame_focus
from sidebyside.ui.offset_map import OffsetMap

HEADING_SCALE = {1: 1.6, 2: 1.35, 3: 1.2, 4: 1.1, 5: 1.0, 6: 1.0}
LAYER_ORDER = ("claims", "candidates", "focus", "found", "found_current", "differences")


class DocumentView(QTextEdit):
    """Shows one document; emits `selection_changed_to` with canonical offsets."""

    selection_changed_to = Signal(object)  # Span or None
    document_changed = Signal()  # another document (or none) is shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAcceptDrops(False)  # drops go to the window, which knows what to do
        self.setTabChangesFocus(True)  # Tab goes on to the next control, as everywhere else
        frame_focus(self)
        self._map = OffsetMap()
        self._document: Document | None = None
        self._text_document: QTextDocument | None = None  # the one made here, shown now
        self._laid_out = False  # shown once: the viewport has its real width (even hidden)
        self._layers_pending = False
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._pending_scroll: Span | None = None
        self._pressed_at: QPoint | None = None
        self.selectionChanged.connect(self._on_self_selection_changed)

    @property
    def document_shown(self) -> Document | None:
        return self._document

    def show_document(self, document: Document | None) -> None:
        self._layers.clear()
        self._map = OffsetMap()
        self._document = document
        text_document = QTextDocument(self)
        text_document.setDefaultFont(self.font())
        text_document.setDocumentMargin(14)
        if self._laid_out:  # laid out at the view's width from the start, not twice
            text_document.setTextWidth(self.viewport().width())
        if document is not None:
            self._lay_out(text_document, document)
        self.setExtraSelections([])
        self.setDocument(text_document)
        if self._text_document is not None:  # Qt 6 keeps a replaced document alive
            self._text_document.deleteLater()
        self._text_document = text_document
        self.document_changed.emit()

    def _lay_out(self, text_document: QTextDocument, document: Document) -> None:
        cursor = QTextCursor(text_document)
        current_list: QTextList | None = None
        base_size = self.font().pointSizeF() if self.font().pointSizeF() > 0 else 10.0
        for index, block in enumerate(document.blocks):
            block_format, char_format = _formats_for(block.kind, block.level, base_size)
            if index == 0:
                cursor.setBlockFormat(block_format)
                cursor.setBlockCharFormat(char_format)
            else:
                cursor.insertBlock(block_format, char_format)
            if block.kind is BlockKind.LIST_ITEM:
                if current_list is None:
                    current_list = cursor.createList(QTextListFormat.Style.ListDisc)
                else:
                    current_list.add(cursor.block())
            else:
                current_list = None
            text = document.text[block.start : block.end]
            self._map.add_block(block.start, text, cursor.position())
            cursor.insertText(text, char_format)
        if document.links:
            self._mark_links(text_document, document)

    def _mark_links(self, text_document: QTextDocument, document: Document) -> None:
        """Links underlined in the link colour, their address as anchor and tooltip."""
        colour = self.palette().color(QPalette.ColorRole.Link)
        cursor = QTextCursor(text_document)
        for link in document.links:
            link_format = QTextCharFormat()
            link_format.setAnchor(True)
            link_format.setAnchorHref(link.address)
            link_format.setToolTip(link.address)
            link_format.setForeground(colour)
            link_format.setFontUnderline(True)
            link_format.setUnderlineColor(colour)
            cursor.setPosition(self._map.to_view(link.start))
            cursor.setPosition(self._map.to_view(link.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(link_format)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Links take the new palette's link colour (dark blue is unreadable on dark)."""
        super().changeEvent(event)
        if (
            event.type() == QEvent.Type.PaletteChange
            and self._document is not None
            and self._document.links
            and self._text_document is not None
        ):
            self._mark_links(self._text_document, self._document)

    # -- links -------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._pressed_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        pressed, self._pressed_at = self._pressed_at, None
        at = event.position().toPoint()
        if (
            event.button() is not Qt.MouseButton.LeftButton
            or pressed is None
            or (at - pressed).manhattanLength() >= QApplication.startDragDistance()
            or self.textCursor().hasSelection()  # a drag that selects words
        ):
            return
        address = self.anchorAt(at)
        if address:
            self.ask_to_open(address)

    def ask_to_open(self, address: str) -> bool:
        """Ask before a link opens in the system browser: the network is used only on a yes."""
        answer = QMessageBox.question(
            self,
            self.tr("Open Link"),
            self.tr("Open {address} in your browser?").format(address=address),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Open:
            return False
        return QDesktopServices.openUrl(QUrl(address))

    # -- positions ---------------------------------------------------------------

    def view_range(self, span: Span) -> tuple[int, int]:
        return self.view_range_of(span.start, span.end)

    def view_range_of(self, start: int, end: int) -> tuple[int, int]:
        """Qt positions of canonical offsets `start` and `end`."""
        return self._map.to_view(start), self._map.to_view(end)

    def selected_span(self) -> Span | None:
        cursor = self.textCursor()
        if not cursor.hasSelection() or self._document is None:
            return None
        start = self._map.to_canonical(cursor.selectionStart())
        end = self._map.to_canonical(cursor.selectionEnd())
        text = self._document.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            return None
        # A drag that stops a letter short still means the whole word.
        while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
            start -= 1
        while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
            end += 1
        return Span(start, end)

    def canonical_offset_at(self, view_position: int) -> int:
        return self._map.to_canonical(view_position)

    def first_visible_offset(self) -> int:
        """The canonical offset at the top of what the reader sees now."""
        return self.canonical_offset_at(self.cursorForPosition(QPoint(0, 0)).position())

    def select_span(self, span: Span) -> None:
        """Select a span (as if the reader had dragged over it) and bring it into view, so
        Copy and "Link selection" act on it."""
        self.scroll_to(span)
        start, end = self.view_range(span)
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._laid_out = True
        if self._layers_pending:
            self._apply_layers()
        if self._pending_scroll is not None:
            span = self._pending_scroll
            # with the view as context, Qt drops the call if the view is deleted first
            QTimer.singleShot(0, self, lambda: self.scroll_to(span))

    def _on_self_selection_changed(self) -> None:
        self.selection_changed_to.emit(self.selected_span())

    # -- highlights ----------------------------------------------------------------

    def set_layer(self, name: str, spans: list[tuple[Span, QTextCharFormat]]) -> None:
        self.set_layers({name: spans})

    def set_layers(self, layers: dict[str, list[tuple[Span, QTextCharFormat]]]) -> None:
        """Replace these layers' highlights (an empty list clears one) and repaint once:
        each repaint lays out the text up to the highlights."""
        # Inside an edit block a cursor does not work out its x position, which would lay
        # out the document up to it; painting the highlight does not need it.
        editing = QTextCursor(self.document())
        editing.beginEditBlock()
        for name, spans in layers.items():
            selections = []
            for span, char_format in spans:
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(self.document())
                start, end = self.view_range(span)
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selection.format = char_format
                selections.append(selection)
            self._layers[name] = selections
        editing.endEditBlock()
        self._apply_layers()

    def clear_layer(self, name: str) -> None:
        if self._layers.pop(name, None) is not None:
            self._apply_layers()

    def _apply_layers(self) -> None:
        """Hand the highlights to Qt, which lays the text out up to them: not while the
        view is hidden (it would lay out at the wrong width), but once it is shown."""
        if not self.isVisible():
            self._layers_pending = True
            return
        self._layers_pending = False
        ordered = [s for layer in LAYER_ORDER for s in self._layers.get(layer, [])]
        self.setExtraSelections(ordered)

    def show_top(self) -> None:
        """Back to the start of the text, nothing selected."""
        self._pending_scroll = None
        self.setTextCursor(QTextCursor(self.document()))
        self.verticalScrollBar().setValue(0)

    def scroll_to(self, span: Span) -> None:
        """Bring a span into view, a little below the top so its context shows.

        A view not laid out yet (just created or hidden) scrolls once it is.
        """
        if not self.isVisible():
            self._pending_scroll = span
            return
        self._pending_scroll = None
        start, end = self.view_range(span)
        cursor = QTextCursor(self.document())
        cursor.setPosition(end)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        cursor.setPosition(start)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.viewport().height() // 5)


def _formats_for(
    kind: BlockKind, level: int, base_size: float
) -> tuple[QTextBlockFormat, QTextCharFormat]:
    block_format = QTextBlockFormat()
    char_format = QTextCharFormat()
    block_format.setBottomMargin(8)
    block_format.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    if kind is BlockKind.HEADING:
        char_format.setFontWeight(QFont.Weight.Bold)
        char_format.setFontPointSize(base_size * HEADING_SCALE.get(level or 2, 1.0))
        block_format.setTopMargin(10)
        block_format.setHeadingLevel(level or 2)
    elif kind is BlockKind.QUOTE:
        block_format.setLeftMargin(24)
        char_format.setFontItalic(True)
    elif kind is BlockKind.LIST_ITEM:
        block_format.setBottomMargin(3)
    elif kind is BlockKind.PREFORMATTED:
        char_format.setFontFamilies(["monospace"])
        char_format.setFontFixedPitch(True)
    block_format.setProperty(QTextFormat.Property.UserProperty, str(kind))
    return block_format, char_format


def highlight_format(background: QColor, *, bold: bool = False) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setBackground(background)
    if bold:
        char_format.setFontWeight(QFont.Weight.DemiBold)
    return char_format


def underline_format(color: QColor) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    char_format.setUnderlineColor(color)
    char_format.setFontUnderline(True)
    return char_format
