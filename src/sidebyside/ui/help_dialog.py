"""Help → Keys and Colours: every shortcut (read from the actions) and what each colour means."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from sidebyside.ui.palette import current_highlights


class HelpDialog(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keys and Colours"))
        browser = QTextBrowser()
        browser.setOpenLinks(False)  # nothing in here leaves the app
        browser.setHtml(self._html(actions))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        self.resize(720, 820)

    def _html(self, actions: list[QAction]) -> str:
        colours = current_highlights()
        swatches = [
            (colours.suggested_claim, self.tr("A claim sidebyside suggests, not yet accepted")),
            (colours.reader_claim, self.tr("A claim you marked or accepted")),
            (colours.focused_claim, self.tr("The selected claim")),
            (colours.passage, self.tr("The source passage shown for the selected claim")),
            (colours.weak_passage, self.tr("The same, when the match is weak")),
            (colours.candidate, self.tr("Other candidate passages in that source")),
            (colours.rejected, self.tr("A passage you rejected (it says so beneath the text)")),
            (colours.found, self.tr("Words found with Find (Ctrl+F)")),
            (colours.found_current, self.tr("The match Find is at (selected: Ctrl+L links it)")),
        ]
        rows = "".join(
            f"<tr><td style='background:{colour.name()}'>&nbsp;&nbsp;&nbsp;&nbsp;</td>"
            f"<td>&nbsp;{text}</td></tr>"
            for colour, text in swatches
        )
        difference = colours.difference.name()
        keys = "".join(
            f"<tr><td><b>{action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}"
            f"</b>&nbsp;&nbsp;</td><td>{_label(action)}</td></tr>"
            for action in actions
            if not action.shortcut().isEmpty()
        )
        underlined = self.tr(
            "what differs between the claim and the passage: a number, a dropped hedge, "
            "a quotation not found verbatim."
        )
        cited = self.tr("before a source title: the selected claim cites that source.")
        flagged = self.tr(
            "before a claim: its words changed in a newer version of the article since you "
            "gave your verdict. Check it again, or Mark as Reviewed (Ctrl+Shift+R)."
        )
        moving = [
            (
                self.tr("Tab, Shift+Tab"),
                self.tr(
                    "Next or previous control: the article, each "
                    "source pane and its buttons, the claim list and its filters, verdict, notes"
                ),
            ),
            (self.tr("Alt+T"), self.tr("The verdict box (then Up and Down choose)")),
            (self.tr("Enter, Shift+Enter"), self.tr("In the find bar: next or previous match")),
            (self.tr("Escape"), self.tr("Close the find bar")),
            (self.tr("Enter"), self.tr("In Missing sources: attach a file for that source")),
        ]
        moving_rows = "".join(
            f"<tr><td><b>{key}</b>&nbsp;&nbsp;</td><td>{text}</td></tr>" for key, text in moving
        )
        selecting = self.tr(
            "Select words in the article and press Ctrl+M to mark them as a claim; select "
            "words in a source and press Ctrl+L to link them to the selected claim."
        )
        return (
            f"<h3>{self.tr('Colours')}</h3><table cellspacing='4'>{rows}</table>"
            f"<p><span style='color:{difference}; text-decoration: underline'>"
            f"{self.tr('Underlined in red')}</span>: {underlined}</p>"
            f"<p>◆ {cited}</p>"
            f"<p>⚑ {flagged}</p>"
            f"<h3>{self.tr('Keys')}</h3><table>{keys}{moving_rows}</table>"
            f"<p>{selecting}</p>"
        )


def _label(action: QAction) -> str:
    """What an action does, without its menu letter; Undo and Redo without the name of the
    step they would undo now ("Undo Mark as claim")."""
    label = action.property("help_label") or action.text().replace("&", "")
    return str(label)
