"""Who said it first, under the selected claim: the chain article → source → its source,
each step a link to that document at its passage (Tab reaches them, Enter follows one),
and where the claim's wording first appears."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from sidebyside.core.provenance import NO_PROVENANCE, Provenance


class ProvenanceLine(QLabel):
    """The chain line and the first-appearance line of one claim; hidden when it has none."""

    # A step chosen: document id, and its passage (start, end) or -1, -1
    step_chosen = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.provenance = NO_PROVENANCE
        self.setObjectName("provenance_chain")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Who said it first"))
        self.setAccessibleDescription(
            self.tr("The chain of sources behind the claim; Enter shows a source at its passage")
        )
        self.linkActivated.connect(self._on_linkActivated)
        self.setVisible(False)

    def show_provenance(self, provenance: Provenance, titles: dict[int, str], shown: bool) -> None:
        """`provenance` with the documents' `titles`; visible if `shown` and it says anything."""
        self.provenance = provenance
        names = {str(key): name for key, name in titles.items()}
        pieces = []
        if provenance.traced:
            links = [
                f"<a href='step:{index}'>{_escape(name)}</a>"
                + (f" ({_escape(remark)})" if remark else "")
                for index, (name, remark) in enumerate(provenance.step_parts(names))
            ]
            loops = " ↺" if provenance.loops else ""
            pieces.append(" → ".join(links) + loops)
        first = provenance.first_line(names)
        if first:
            pieces.append(_escape(first))
        self.setText("<br>".join(pieces))
        self.setVisible(shown and bool(pieces))
        self.setToolTip(
            self.tr("The first source cites the next: click a step, or Tab to it and press Enter")
            if provenance.traced
            else ""
        )

    def plain_text(self, titles: dict[int, str]) -> str:
        """The lines as the reader reads them, with `titles`; "" when hidden."""
        if self.isHidden():
            return ""
        names = {str(key): name for key, name in titles.items()}
        return "\n".join(
            line
            for line in (self.provenance.chain_line(names), self.provenance.first_line(names))
            if line
        )

    def _on_linkActivated(self, address: str) -> None:  # noqa: N802
        if not address.startswith("step:"):
            return
        self.choose_step(int(address.removeprefix("step:")))

    def choose_step(self, index: int) -> None:
        """Show the document of the chain's `index`-th step at its passage."""
        steps = self.provenance.steps
        if 0 <= index < len(steps):
            step = steps[index]
            start, end = (step.start, step.end) if step.start is not None else (-1, -1)
            self.step_chosen.emit(int(step.key), start, -1 if end is None else end)


def _escape(text: str) -> str:
    return escape(text, quote=False)
