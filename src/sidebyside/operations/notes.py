"""Notes that could not be saved: the reason in a reader's words, and a recovery file
beside the workspace that keeps them until the next start."""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from collections.abc import Mapping
from pathlib import Path

from peewee import DatabaseError

from sidebyside.paths import data_dir
from sidebyside.store import Workspace
from sidebyside.store.workspace import database_trouble

# What a write to the workspace raises when the disk, another program or the file's
# permissions stop it (not a bug: the reader is told, and nothing changes).
WRITE_ERRORS = (DatabaseError, OSError, sqlite3.Error)


def why_not_written(error: BaseException) -> str:
    """The reason a write failed, in a reader's words."""
    return database_trouble(error) or f"the workspace could not be written ({error})"


def save_note(workspace: Workspace, claim_id: int, text: str) -> str | None:
    """Save a note; None when it is saved, else the reason it is not, in a reader's words
    (the disk is full, another program holds the workspace, the file is read-only)."""
    try:
        workspace.save_note(claim_id, text)
    except WRITE_ERRORS as error:
        return why_not_written(error)
    return None


def save_document_note(workspace: Workspace, document_id: int, text: str) -> str | None:
    """Save the note on a whole article or source, as `save_note` saves a claim's."""
    try:
        workspace.save_document_note(document_id, text)
    except WRITE_ERRORS as error:
        return why_not_written(error)
    return None


# What notes a recovery file keeps: "notes" on claims, "document-notes" on documents.
CLAIM_NOTES = "notes"
DOCUMENT_NOTES = "document-notes"


def recovery_file(workspace_path: Path, kind: str = CLAIM_NOTES) -> Path:
    """Where notes that could not be saved wait, beside the workspace, for the next start."""
    return workspace_path.with_name(f"{workspace_path.name}.unsaved-{kind}.json")


def _recovery_files(workspace_path: Path, kind: str) -> list[Path]:
    """Beside the workspace, else in the user's data folder: when the workspace's disk is
    the one that is full, the notes are kept on another."""
    digest = hashlib.sha1(str(workspace_path.resolve()).encode("utf-8")).hexdigest()[:16]
    return [recovery_file(workspace_path, kind), data_dir() / f"unsaved-{kind}" / f"{digest}.json"]


def keep_unsaved_notes(
    workspace_path: Path, notes: Mapping[int, str], kind: str = CLAIM_NOTES
) -> Path | None:
    """Write the notes to a recovery file (replacing it whole); where, or None if nowhere
    could hold them."""
    payload = json.dumps({str(claim_id): text for claim_id, text in notes.items()})
    for target in _recovery_files(workspace_path, kind):
        partial = target.with_name(target.name + ".partial")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            partial.write_text(payload, encoding="utf-8")
            partial.replace(target)
        except OSError:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
            continue
        return target
    return None


def unsaved_notes(workspace_path: Path, kind: str = CLAIM_NOTES) -> dict[int, str]:
    """The notes kept by `keep_unsaved_notes`, if any (an unreadable file gives none)."""
    found: dict[int, str] = {}
    for place in reversed(_recovery_files(workspace_path, kind)):  # the one beside wins
        try:
            data = json.loads(place.read_text(encoding="utf-8"))
            found.update({int(claim_id): str(text) for claim_id, text in data.items()})
        except (OSError, ValueError, AttributeError):
            continue
    return found


def forget_unsaved_notes(workspace_path: Path, kind: str = CLAIM_NOTES) -> None:
    for place in _recovery_files(workspace_path, kind):
        try:
            place.unlink(missing_ok=True)
        except OSError:
            continue
