"""Two programs on one workspace, and one killed mid-write: writers wait for each other
instead of failing, and a kill -9 loses nothing that was committed."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from sidebyside.core.document import DocumentBuilder, Metadata
from sidebyside.store import Workspace

WRITER = """
import sys
from pathlib import Path
from sidebyside.store import Workspace

workspace = Workspace.open(Path(sys.argv[1]))
claim_id, count = int(sys.argv[2]), int(sys.argv[3])
article = workspace.claim(claim_id).article_id
for number in range(count):
    workspace.save_note(claim_id, f"note {number}")
    if number % 10 == 0:  # a write that reads first: it must wait, not fail
        workspace.add_claim(article, 0, 10, origin="reader")
    print(number, flush=True)
workspace.close()
"""


def workspace_with_claims(path: Path, count: int) -> list[int]:
    builder = DocumentBuilder()
    for number in range(count):
        builder.add(f"Sentence number {number} of the article, long enough to hold a claim.")
    with Workspace.open(path) as workspace:
        article = workspace.add_article(builder.build(Metadata(title="Article")))
        return [
            workspace.add_claim(article.id, block.start, block.end).id
            for block in workspace.document(article.id).blocks
        ]


def writer(path: Path, claim_id: int, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(claim_id), str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )


def test_two_writers_at_once_both_land(tmp_path: Path) -> None:
    path = tmp_path / "workspace.sqlite"
    first_claim, second_claim = workspace_with_claims(path, 2)
    first, second = writer(path, first_claim, 150), writer(path, second_claim, 150)
    for process in (first, second):
        _out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    with Workspace.open(path) as workspace:
        assert workspace.note_of(first_claim) == "note 149"
        assert workspace.note_of(second_claim) == "note 149"
        article = workspace.claim(first_claim).article_id
        assert len(workspace.claims_of(article)) == 2 + 2 * 15


def test_kill_9_mid_write_loses_nothing_committed(tmp_path: Path) -> None:
    path = tmp_path / "workspace.sqlite"
    [claim_id] = workspace_with_claims(path, 1)
    for _round in range(3):
        with writer(path, claim_id, 100_000) as process:
            assert process.stdout is not None
            last = -1
            for line in process.stdout:  # each number is printed after its note is committed
                last = int(line)
                if last >= 40:
                    break
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
        connection = sqlite3.connect(path)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            connection.close()
        with Workspace.open(path) as workspace:
            kept = int(workspace.note_of(claim_id).split()[1])
            assert kept >= last
