"""An export to a device or a pipe (`-o /dev/stdout`, a FIFO) is written into it, never
put in its place: as root, replacing /dev/null with a file broke every program after."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

from sidebyside.operations import write_export
from sidebyside.store import Workspace


def test_an_export_into_a_fifo_writes_through_and_leaves_the_fifo(
    workspace: Workspace, built, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_export(workspace, [built.article_id], fifo)
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still the pipe, not a file put in its place
    assert b"Officials said 1,400 instructors arrived in 2025." in received[0]
    assert not list(tmp_path.glob(".pipe.partial"))


def test_an_export_through_a_symbolic_link_updates_the_file_it_points_to(
    workspace: Workspace, built, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    vault = tmp_path / "vault"
    vault.mkdir()
    real = vault / "notes.md"
    real.write_text("old notes", encoding="utf-8")
    link = tmp_path / "notes.md"
    link.symlink_to(real)
    write_export(workspace, [built.article_id], link)
    assert link.is_symlink() and link.resolve() == real  # the link is kept ...
    assert "Officials said 1,400 instructors" in real.read_text(encoding="utf-8")  # ... and used
