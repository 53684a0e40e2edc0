"""One source beside the article: its text with the passages matched to the selected claim.

The pane shows the best passage highlighted and scrolled into view, lets the
reader step through the other candidates, confirm or reject the one shown, and
reads out why it was chosen and what differs from the claim.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sidebyside.core.document import Document
from sidebyside.core.matching.support import Support
from sidebyside.core.matching.support import is_weak as is_weak_match
from sidebyside.core.spans import Span
from sidebyside.records import DocumentInfo, LinkRecord
from sidebyside.ui.buttons import flat_button
from sidebyside.ui.document_header import DocumentHeader
from sidebyside.ui.document_view import DocumentView, highlight_format, underline_format
from sidebyside.ui.find_bar import FindBar
from sidebyside.ui.palette import current_highlights


class SourcePane(QFrame):
    link_state_chosen = Signal(int, str)  # link id, "confirmed" / "rejected" / "suggested"
    passage_linked = Signal(int, object)  # source id, Span chosen by the reader
    edit_requested = Signal(int)  # source id
    replace_requested = Signal(int)  # source id
    remove_requested = Signal(int)  # source id
    notes_requested = Signal(int)  # source id: the reader asks for the notes on the source

    def __init__(self, info: DocumentInfo, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.info = info
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._links: list[LinkRecord] = []
        self._current = 0
        self._cited = False
        self.read_only = False  # a read-only workspace: passages are shown, not judged

        self._header = DocumentHeader()
        self._header.notes_requested.connect(lambda: self.notes_requested.emit(self.info.id))
        self.view = DocumentView(self)
        self.show_info(info)
        self.view.show_document(document)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu)
        self.find_bar = FindBar(self.view, self)

        self._previous = self._tool_button("◀", self.tr("Previous candidate passage"))
        self._next = self._tool_button("▶", self.tr("Next candidate passage"))
        self._position = QLabel()
        self._confirm = self._tool_button("✓", self.tr("Confirm: this passage supports the claim"))
        self._reject = self._tool_button("✗", self.tr("Reject: this passage does not correspond"))
        self._previous.clicked.connect(lambda: self.step(-1))
        self._next.clicked.connect(lambda: self.step(1))
        self._confirm.clicked.connect(lambda: self.choose_state("confirmed"))
        self._reject.clicked.connect(lambda: self.choose_state("rejected"))

        self._status = QLabel()
        self._status.setWordWrap(True)
        self._status.setTextFormat(Qt.TextFormat.RichText)
        self._status.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._status.setAccessibleName(self.tr("Why this passage, and what differs"))
        self._status_area = QScrollArea()
        self._status_area.setWidget(self._status)
        self._status_area.setWidgetResizable(True)
        self._status_area.setFrameShape(QFrame.Shape.NoFrame)
        self._status_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._status_area.setMaximumHeight(150)
        self._status_area.setMinimumHeight(96)
        self._status_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # read out, not a Tab stop
        self._status_area.setAccessibleName(self.tr("Why this passage, and what differs"))
        self._status_area.setAccessibleDescription(
            self.tr("The judgement of the passage shown, what differs from the claim, and why")
        )

        navigation = QHBoxLayout()
        navigation.setContentsMargins(0, 0, 0, 0)
        for widget in (self._previous, self._position, self._next):
            navigation.addWidget(widget)
        navigation.addStretch(1)
        navigation.addWidget(self._confirm)
        navigation.addWidget(self._reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self._header)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
        layout.addLayout(navigation)
        layout.addWidget(self._status_area)
        self.show_links([], claim_selected=False)

    def _tool_button(self, text: str, tip: str) -> QToolButton:
        return flat_button(self, text, tip)

    @property
    def notes_button(self) -> QToolButton:
        """The header's button that opens the notes on this document."""
        return self._header.notes_button

    @property
    def is_cited(self) -> bool:
        return self._cited

    def set_cited(self, cited: bool) -> None:
        """Whether the selected claim names this source."""
        self._cited = cited
        self.show_info(self.info)

    def show_source(self, info: DocumentInfo, document: Document) -> None:
        """Show another source in this pane (a pane is reused rather than built anew)."""
        self.show_info(info)
        self.view.show_document(document)
        self.show_links([], claim_selected=False)

    def show_info(self, info: DocumentInfo) -> None:
        self.info = info
        title = info.title or info.original_name
        self.view.setAccessibleName(self.tr("Source: {0}").format(title))
        self.view.setAccessibleDescription(
            self.tr("The source's text with the passage matched to the selected claim")
        )
        self._header.show_document(
            info,
            marker="◆" if self._cited else "",
            tip=self.tr("The selected claim cites this source.") if self._cited else "",
        )

    # -- matches -----------------------------------------------------------------

    def show_links(self, links: list[LinkRecord], *, claim_selected: bool = True) -> None:
        """Show the passages linked to the selected claim, confirmed ones first."""
        order = {"confirmed": 0, "suggested": 1, "rejected": 2}
        shown = self.current_link
        before = [link.id for link in self._links]
        ranked = sorted(links, key=lambda link: (order.get(link.state, 3), link.rank))
        if before and set(before) <= {link.id for link in ranked}:
            # The same claim's passages after a confirm, a reject or a hand link: they keep
            # their places (a rejected one does not jump to the end), a new one comes first
            # and is shown; otherwise the one shown stays, so the reader sees the choice took.
            place = {link_id: index for index, link_id in enumerate(before)}
            self._links = sorted(ranked, key=lambda link: place.get(link.id, -1))
            fresh = [i for i, link in enumerate(self._links) if link.id not in place]
            kept = [i for i, link in enumerate(self._links) if shown and link.id == shown.id]
            self._current = (fresh or kept or [0])[0]
        else:
            self._links = ranked
            self._current = 0
        self._claim_selected = claim_selected
        self._render()

    def show_finding(self) -> None:
        """No passages yet: they are being found for the newly selected claim."""
        self._links = []
        self._current = 0
        self._claim_selected = False
        self._render()
        self._status.setText(self.tr("Finding passages for this claim…"))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Keep the passage in view when the pane changes size."""
        super().resizeEvent(event)
        link = self.current_link
        if link is not None:
            self.view.scroll_to(Span(link.start, link.end))

    @property
    def current_link(self) -> LinkRecord | None:
        return self._links[self._current] if self._links else None

    def step(self, delta: int) -> None:
        """Show the next (1) or previous (-1) candidate passage."""
        if self._links:
            self._current = (self._current + delta) % len(self._links)
            self._render()

    def choose_state(self, state: str) -> None:
        """Confirm or reject the passage shown; choosing its state again undoes the choice."""
        link = self.current_link
        if link is not None and not self.read_only:
            new_state = "suggested" if link.state == state else state
            self.link_state_chosen.emit(link.id, new_state)

    @property
    def reject_button(self) -> QToolButton:
        return self._reject

    @property
    def next_button(self) -> QToolButton:
        return self._next

    @property
    def status_text(self) -> str:
        """What the pane says of its passage: judgement, differences, reasons."""
        return self._status.text()

    def _render(self) -> None:
        colours = current_highlights()
        link = self.current_link
        candidates = [
            (Span(other.start, other.end), highlight_format(colours.candidate))
            for other in self._links
            if other is not link and other.state != "rejected"
        ]
        has_links = link is not None
        for button in (self._previous, self._next):
            button.setEnabled(len(self._links) > 1)
        self._confirm.setEnabled(has_links and not self.read_only)
        self._reject.setEnabled(has_links and not self.read_only)
        if link is None:
            self.view.set_layers({"candidates": candidates, "focus": [], "differences": []})
            self._position.setText("")
            if self._claim_selected:
                self.view.show_top()  # not an unrelated place that looks like the answer
                self._status.setText(
                    "<b>"
                    + self.tr("Not in this source.")
                    + "</b> "
                    + self.tr("Nothing in it bears on the claim.")
                )
            else:
                self._status.setText(self.tr("Select a claim to see its passages here."))
            return
        span = Span(link.start, link.end)
        if link.state == "rejected":
            colour = colours.rejected
        else:
            colour = colours.passage if not is_weak(link) else colours.weak_passage
        self.view.set_layers(
            {
                "candidates": candidates,
                "focus": [(span, highlight_format(colour))],
                "differences": [
                    (
                        Span(link.start + d.source_start, link.start + d.source_end),
                        underline_format(colours.difference),
                    )
                    for d in link.differences
                    if d.source_start is not None and d.source_end is not None
                ],
            }
        )
        self.view.scroll_to(span)
        self._position.setText(self.tr("{0} of {1}").format(self._current + 1, len(self._links)))
        self._confirm.setChecked(link.state == "confirmed")
        self._status.setText(_describe_link(link, self._page_of(link.start)))

    def _page_of(self, offset: int) -> int | None:
        document = self.view.document_shown
        block = document.block_at(offset) if document is not None else None
        return block.page if block is not None else None

    # -- linking by hand -------------------------------------------------------------

    def _on_view_context_menu(self, position) -> None:  # type: ignore[no-untyped-def]
        menu = QMenu(self)
        copy = QAction(self.tr("Copy"), menu)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.triggered.connect(self.view.copy)
        copy.setEnabled(self.view.textCursor().hasSelection())
        menu.addAction(copy)
        link = QAction(self.tr("Link selection to the selected claim"), menu)
        link.setEnabled(
            not self.read_only and self._claim_selected and self.view.selected_span() is not None
        )
        link.triggered.connect(self.link_selection)
        menu.addAction(link)
        menu.addSeparator()
        if self.info.address.startswith(("http://", "https://")):
            browse = QAction(self.tr("Open Original Page in Browser"), menu)
            browse.setToolTip(self.info.address)
            browse.triggered.connect(
                lambda: QDesktopServices.openUrl(QUrl(self.info.address))  # only when asked
            )
            menu.addAction(browse)
        notes = QAction(self.tr("Notes on This Source…"), menu)
        notes.triggered.connect(lambda: self.notes_requested.emit(self.info.id))
        menu.addAction(notes)
        edit = QAction(self.tr("Edit source details…"), menu)
        edit.triggered.connect(lambda: self.edit_requested.emit(self.info.id))
        menu.addAction(edit)
        replace = QAction(self.tr("Replace with Newer Version…"), menu)
        replace.triggered.connect(lambda: self.replace_requested.emit(self.info.id))
        menu.addAction(replace)
        remove = QAction(self.tr("Remove Source…"), menu)
        remove.triggered.connect(lambda: self.remove_requested.emit(self.info.id))
        menu.addAction(remove)
        for changing in (edit, replace, remove):
            changing.setEnabled(not self.read_only)
        menu.exec(self.view.viewport().mapToGlobal(position))

    def link_selection(self) -> None:
        span = self.view.selected_span()
        if span is not None and not self.read_only:
            self.passage_linked.emit(self.info.id, span)


def is_weak(link: LinkRecord) -> bool:
    return link.state == "suggested" and is_weak_match(link.support)


def _describe_link(link: LinkRecord, page: int | None) -> str:
    judged = f"{Support(link.support).label} · " if link.support else ""
    state = {
        "confirmed": f"Confirmed by you · {judged}",
        "rejected": f"Rejected by you · {judged}",
        "suggested": f"Suggested · {judged}",
    }[link.state] + f"score {link.score:.2f}"
    if page is not None:
        state += f" · page {page}"
    if link.orphaned:
        state += " · not found in the newer version of this source"
    colour = current_highlights().difference.name()
    parts = [f"<b>{_escape(state)}</b>"]
    for difference in link.differences:  # what differs first: it is what the reader checks
        parts.append(f"<span style='color:{colour}'>⚠ {_escape(difference.explanation)}</span>")
    if link.reasons:
        parts.append(_escape("; ".join(link.reasons)))
    return "<br>".join(parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
