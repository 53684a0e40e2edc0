"""A workspace that cannot be written opens read-only: it is read whole, and any write is
refused in a reader's words without changing a byte of the file."""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from peewee import DatabaseError

from sidebyside.core.document import DocumentBuilder, Metadata
from sidebyside.core.verdicts import Verdict
from sidebyside.operations import ArticleSession
from sidebyside.store import Workspace
from sidebyside.store.workspace import WorkspaceError, cannot_write, database_trouble


def made(path: Path) -> int:
    builder = DocumentBuilder()
    builder.add("The agency said 40 villages were flooded last week.")
    with Workspace.open(path) as workspace:
        article = workspace.add_article(builder.build(Metadata(title="Floods")))
        block = workspace.document(article.id).blocks[0]
        claim = workspace.add_claim(article.id, block.start, block.end)
        workspace.save_note(claim.id, "checked")
        workspace.set_verdict(claim.id, Verdict.SUPPORTED)
        return claim.id


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_read_only_workspace_is_read_and_never_changed(tmp_path: Path) -> None:
    path = tmp_path / "workspace.sqlite"
    claim_id = made(path)
    before = digest(path)
    with Workspace.open(path, read_only=True) as workspace:
        assert workspace.read_only
        assert workspace.note_of(claim_id) == "checked"
        assert workspace.claim(claim_id).verdict is Verdict.SUPPORTED
        with pytest.raises(DatabaseError) as refused:
            workspace.save_note(claim_id, "overwritten")
        assert database_trouble(refused.value) == (
            "the workspace file or its folder cannot be written to"
        )
    assert digest(path) == before
    with Workspace.open(path) as workspace:
        assert workspace.note_of(claim_id) == "checked"


def test_the_session_on_a_read_only_workspace_says_why_a_note_is_not_saved(
    tmp_path: Path,
) -> None:
    path = tmp_path / "workspace.sqlite"
    claim_id = made(path)
    session = ArticleSession(Workspace.open(path, read_only=True))
    try:
        session.open_article(session.articles()[0].id)  # opening writes nothing
        assert session.save_note(claim_id, "new") == "the workspace is open read-only"
        assert session.pending_matches().claims == ()
        assert not session.needs_matching(claim_id)
    finally:
        session.close()


def test_a_missing_file_cannot_be_opened_read_only(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="does not exist"):
        Workspace.open(tmp_path / "none.sqlite", read_only=True)
    assert not (tmp_path / "none.sqlite").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write any file")
def test_a_file_without_write_permission_opens_read_only(tmp_path: Path) -> None:
    path = tmp_path / "workspace.sqlite"
    made(path)
    path.chmod(0o444)
    assert cannot_write(path)
    with Workspace.open(path) as workspace:
        assert workspace.read_only


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "mount"
    folder.mkdir()
    if subprocess.run(
        ["mount", "-t", "tmpfs", "tmpfs", str(folder)], capture_output=True
    ).returncode:
        pytest.skip("cannot mount a tmpfs here (needs root and a system that allows it)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_workspace_on_a_read_only_mount_opens_and_exports(read_only_mount: Path) -> None:
    path = read_only_mount / "workspace.sqlite"
    claim_id = made(path)
    remounted = subprocess.run(
        ["mount", "-o", "remount,ro", str(read_only_mount)], capture_output=True, text=True
    )
    if remounted.returncode:
        pytest.skip(f"cannot remount read-only here: {remounted.stderr.strip()}")
    assert cannot_write(path)
    with Workspace.open(path) as workspace:  # WAL, and no folder to write its files in
        assert workspace.read_only
        assert workspace.note_of(claim_id) == "checked"
    from sidebyside.cli import main

    assert main(["export", "--workspace", str(path), "-o", "/dev/null"]) == 0
