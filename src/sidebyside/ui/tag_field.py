"""A line of comma-separated tags with completion from the tags the workspace uses.

The reader types "budget, ro" and the completer offers "roads" for the word being typed;
Enter (or leaving the field) says the tags are now these."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget


def split_tags(text: str) -> tuple[str, ...]:
    """The tags of "budget, Roads ,, budget": ("budget", "Roads"), each once."""
    found: dict[str, str] = {}
    for part in text.split(","):
        tag = " ".join(part.split())
        if tag and tag.lower() not in found:
            found[tag.lower()] = tag
    return tuple(found.values())


def join_tags(tags: Sequence[str]) -> str:
    return ", ".join(tags)


class LastTagCompleter(QCompleter):
    """Completes the tag after the last comma, keeping the ones before it."""

    def __init__(self, field: QLineEdit) -> None:
        super().__init__(field)
        self._field = field
        self.words = QStringListModel(self)
        self.setModel(self.words)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802
        before = self._field.text().rsplit(",", 1)
        chosen = str(index.data())
        return f"{before[0]}, {chosen}" if len(before) == 2 else chosen


class TagField(QLineEdit):
    tags_edited = Signal(object)  # tuple[str, ...]: the tags the reader wants now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown: tuple[str, ...] = ()
        self.completer_ = LastTagCompleter(self)
        self.setCompleter(self.completer_)
        self.setPlaceholderText(self.tr("Add tags, separated by commas"))
        self.setClearButtonEnabled(True)
        self.setAccessibleName(self.tr("Tags"))
        self.setAccessibleDescription(
            self.tr("Your labels on the selected claim, separated by commas; Enter keeps them")
        )
        self.returnPressed.connect(self.flush)

    def show_tags(self, tags: Sequence[str]) -> None:
        self._shown = tuple(tags)
        self.setText(join_tags(tags))

    def set_known_tags(self, tags: Sequence[str]) -> None:
        self.completer_.words.setStringList(list(tags))

    def _choosing(self) -> bool:
        popup = self.completer_.popup()
        return popup is not None and popup.isVisible()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        if self._choosing():
            return  # focus went to the completion list: the reader is still choosing
        self.flush()

    def flush(self, *, choosing: bool = True) -> None:
        """Say the tags typed, if they differ from those shown. While the completion list
        is open (`choosing`), Enter picks a completion; the next Enter keeps the tags."""
        if choosing and self._choosing():
            return
        tags = split_tags(self.text())
        if [tag.lower() for tag in tags] != [tag.lower() for tag in self._shown]:
            self._shown = tags
            self.tags_edited.emit(tags)
        self.setText(join_tags(tags))
