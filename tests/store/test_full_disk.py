"""A workspace on a disk that fills up: saving a note says "the disk is full" and changes
nothing; once space is freed the same note saves. Needs a small tmpfs (root, and a system
that allows mounting); skipped, saying so, where it cannot mount one."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from sidebyside.core.document import DocumentBuilder, Metadata
from sidebyside.operations import ArticleSession


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip() or 'refused'}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_a_full_disk_is_named_and_the_note_saves_once_there_is_room(small_disk: Path) -> None:
    session = ArticleSession.open(small_disk / "workspace.sqlite")
    try:
        builder = DocumentBuilder()
        builder.add("The agency said 40 villages were flooded last week.")
        from sidebyside.core.claims import suggest_claims
        from sidebyside.operations import PreparedArticle

        document = builder.build(Metadata(title="Floods"))
        session.record_article(PreparedArticle(document, tuple(suggest_claims(document))))
        [claim] = session.claims()
        assert session.save_note(claim.id, "first") is None
        filler = small_disk / "filler"
        try:  # fill the disk to the last byte (closing the file may be what fails)
            with filler.open("wb") as out:
                while True:
                    out.write(b"\0" * 65536)
                    out.flush()
        except OSError:
            pass
        reason = session.save_note(claim.id, "x" * 200_000)
        assert reason == "the disk is full"
        assert session.note_of(claim.id) == "first"
        filler.unlink()
        assert session.save_note(claim.id, "x" * 200_000) is None
        assert session.note_of(claim.id) == "x" * 200_000
    finally:
        session.close()
