"""The CSV of claims opens in Python's csv with every field intact, formulas defused."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from sidebyside.export.claims_csv import COLUMNS, restored
from sidebyside.operations import write_export
from sidebyside.store import Workspace

from .conftest import CLAIMS, FORMULA_NOTE, NOTE, REPORT, WIRE, Built


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_one_row_per_claim_with_every_field_intact(
    workspace: Workspace, built: Built, tmp_path: Path
) -> None:
    path = write_export(workspace, [built.article_id], tmp_path / "claims.csv", "csv")
    rows = read_rows(path)
    assert list(rows[0]) == list(COLUMNS)
    assert [restored(row["claim"]) for row in rows] == list(CLAIMS)
    first, second, third = rows
    assert first["article"] == "Borrowed Army"
    assert first["verdict"] == "Contradicted"
    assert second["verdict"] == "Supported" and third["verdict"] == "Unreviewed"
    # the confirmed passage first, then the other source's best one, line for line
    assert first["sources"].split("\n") == [
        "Instructors arrive, officials say",
        "Annual survey, 2025",
    ]
    assert first["passages"].split("\n") == [WIRE[0], REPORT[0]]
    assert first["judgements"].split("\n") == [
        "confirmed by the reader, at odds with the claim",
        "suggested, at odds with the claim, score 0.80",
    ]
    assert first["tags"].split("\n") == ["disputed", "military aid"]
    assert third["sources"] == third["passages"] == third["tags"] == ""
    # commas, quotes, line breaks and HTML come back as they were written
    stored_note = workspace.note_of(built.claim_ids[0])
    assert "\n" in stored_note and '"quoted"' in stored_note and "<b>bold</b>" in stored_note
    assert restored(first["notes"]) == stored_note
    assert restored(second["notes"]) == FORMULA_NOTE
    assert first["link"].startswith("sidebyside://open?workspace=")


def test_fields_a_spreadsheet_would_run_start_with_an_apostrophe(
    workspace: Workspace, built: Built, tmp_path: Path
) -> None:
    path = write_export(workspace, [built.article_id], tmp_path / "claims.csv", "csv")
    rows = read_rows(path)
    assert NOTE.startswith("=") and rows[0]["notes"].startswith("'=HYPERLINK(")
    assert rows[1]["notes"].startswith("'+1 instructor")
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_the_file_is_utf8_with_a_byte_order_mark_and_crlf_rows(
    workspace: Workspace, built: Built, tmp_path: Path
) -> None:
    path = write_export(workspace, [built.article_id], tmp_path / "claims.csv", "csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfarticle_id,article,")
    assert data.split(b"\r\n", 1)[0] == b"\xef\xbb\xbf" + ",".join(COLUMNS).encode()
    # a reader who ignores the mark still gets every row
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == 1 + len(CLAIMS)
