"""File dialogs that never open the files they list.

To show a file's type and icon, Qt (and a desktop's own file chooser) reads the first bytes
of every file in the folder shown. A process that opens and closes a file drops every POSIX
lock it holds on it, SQLite's included: listing the folder that holds the open workspace let
another sidebyside delete the write-ahead log this one was still writing into, and notes
typed afterwards were lost without a word. These dialogs name types by suffix alone, and
are Qt's own (a native chooser cannot be told not to look inside).
"""

from __future__ import annotations

from PySide6.QtCore import QFileInfo, QMimeDatabase
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

_MIME = QMimeDatabase()


class SuffixOnlyIcons(QFileIconProvider):
    """Icons and type names from a file's name, never its contents."""

    def icon(self, what: QFileInfo | QAbstractFileIconProvider.IconType) -> QIcon:
        if isinstance(what, QFileInfo):
            what = (
                QAbstractFileIconProvider.IconType.Folder
                if what.isDir()
                else QAbstractFileIconProvider.IconType.File
            )
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        return _MIME.mimeTypeForFile(
            info.fileName(), QMimeDatabase.MatchMode.MatchExtension
        ).comment()


_ICONS: list[SuffixOnlyIcons] = []


def file_dialog(parent: QWidget | None, caption: str, folder: str, filters: str) -> QFileDialog:
    """Qt's own file dialog, naming types by suffix alone."""
    if not _ICONS:
        _ICONS.append(SuffixOnlyIcons())
    dialog = QFileDialog(parent, caption, folder, filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setIconProvider(_ICONS[0])
    return dialog


def get_open_file_names(
    parent: QWidget | None, caption: str, folder: str, filters: str
) -> tuple[list[str], str]:
    dialog = file_dialog(parent, caption, folder, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    if not dialog.exec():
        return [], ""
    return dialog.selectedFiles(), dialog.selectedNameFilter()


def get_open_file_name(
    parent: QWidget | None, caption: str, folder: str, filters: str
) -> tuple[str, str]:
    dialog = file_dialog(parent, caption, folder, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if not dialog.exec() or not dialog.selectedFiles():
        return "", ""
    return dialog.selectedFiles()[0], dialog.selectedNameFilter()


def get_save_file_name(
    parent: QWidget | None, caption: str, path: str, filters: str, selected_filter: str = ""
) -> tuple[str, str]:
    dialog = file_dialog(parent, caption, path, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if selected_filter:
        dialog.selectNameFilter(selected_filter)
    if not dialog.exec() or not dialog.selectedFiles():
        return "", ""
    return dialog.selectedFiles()[0], dialog.selectedNameFilter()


def get_existing_directory(parent: QWidget | None, caption: str, folder: str) -> str:
    dialog = file_dialog(parent, caption, folder, "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    if not dialog.exec() or not dialog.selectedFiles():
        return ""
    return dialog.selectedFiles()[0]
