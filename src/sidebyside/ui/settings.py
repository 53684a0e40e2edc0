"""Every setting sidebyside keeps, declared once with its type and default over QSettings."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT_FILES = 10


def _claim_key(workspace: Path, article_id: int) -> str:
    """Ids repeat across workspaces, so the key names the workspace file too."""
    digest = hashlib.sha1(str(workspace.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"last_claim/{digest}-{article_id}"


class Settings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings()

    @property
    def recent_files(self) -> list[str]:
        value = self._settings.value("recent_files", [], type=list)
        return [str(path) for path in value] if isinstance(value, list) else []

    def remember_file(self, path: str) -> None:
        files = [path, *(existing for existing in self.recent_files if existing != path)]
        self._settings.setValue("recent_files", files[:MAX_RECENT_FILES])

    @property
    def last_folder(self) -> str:
        """The folder of the last file the reader chose (else their home): where the next
        file dialog opens, not wherever the program was started from."""
        value = str(self._settings.value("dialogs/last_folder", "") or "")
        return value if value and Path(value).is_dir() else str(Path.home())

    def remember_folder_of(self, path: str) -> None:
        self._settings.setValue("dialogs/last_folder", str(Path(path).parent))

    def forget_recent_files(self) -> None:
        self._settings.setValue("recent_files", [])

    def last_claim(self, workspace: Path, article_id: int) -> int | None:
        value = self._settings.value(_claim_key(workspace, article_id))
        return int(value) if value is not None and str(value).isdigit() else None

    def remember_claim(self, workspace: Path, article_id: int, claim_id: int) -> None:
        self._settings.setValue(_claim_key(workspace, article_id), claim_id)

    @property
    def window_geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._settings.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        value = self._settings.value("window/state")
        return value if isinstance(value, QByteArray) else None

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._settings.setValue("window/state", value)

    @property
    def colour_scheme(self) -> str:
        """ "system", "light" or "dark"."""
        value = str(self._settings.value("appearance/colour_scheme", "system"))
        return value if value in ("system", "light", "dark") else "system"

    @colour_scheme.setter
    def colour_scheme(self, value: str) -> None:
        self._settings.setValue("appearance/colour_scheme", value)

    @property
    def export_format(self) -> str:
        """The format of the last export ("markdown", "csv", …): the save dialog offers it
        first. Markdown until the reader chooses another."""
        return str(self._settings.value("export/format", "markdown") or "markdown")

    @export_format.setter
    def export_format(self, name: str) -> None:
        self._settings.setValue("export/format", name)

    @property
    def notes_preview(self) -> bool:
        """Whether the formatted notes are shown beside the notes editor."""
        return str(self._settings.value("view/notes_preview", "false")).lower() == "true"

    @notes_preview.setter
    def notes_preview(self, shown: bool) -> None:
        self._settings.setValue("view/notes_preview", "true" if shown else "false")
