"""`sidebyside text FILE [--json]`: the canonical text, or blocks and metadata; clean errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sidebyside.cli import main

PAGE = (
    "<html lang='en'><head><title>Water report</title><script>var x = 'SCRIPT';</script></head>"
    "<body><article><h1>Water report</h1><p>Reservoirs were 61 percent full at the end of "
    "August, the agency said, compared with 74 percent a year earlier.</p><p>It asked "
    "households to limit garden watering until the autumn rains arrive in the region.</p>"
    "</article></body></html>"
)


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "water.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_prints_the_canonical_text(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["text", str(page)]) == 0

    out = capsys.readouterr().out
    assert "Reservoirs were 61 percent full" in out
    assert "\n\nIt asked households" in out
    assert "SCRIPT" not in out


def test_json_has_blocks_and_metadata_but_not_the_original(
    page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["text", str(page), "--json"]) == 0

    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "html"
    assert data["metadata"]["title"] == "Water report"
    assert data["original_name"] == "water.html"
    assert "original" not in data
    first = data["blocks"][0]
    assert data["text"][first["start"] : first["end"]]
    assert len(data["content_hash"]) == 64


@pytest.mark.parametrize(
    ("content", "name", "words"),
    [
        (None, "missing.txt", "does not exist"),
        (b"", "empty.txt", "is empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "photo.html", "PNG image"),
        (b"<html><body><p>Sign in</p></body></html>", "paper.pdf", "is not a PDF"),
    ],
)
def test_errors_exit_2_with_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes | None,
    name: str,
    words: str,
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)

    assert main(["text", str(path)]) == 2

    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("sidebyside: ")
    assert words in captured.err


def test_a_folder_is_a_clean_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["text", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_runs_as_a_program(page: Path, tmp_path: Path) -> None:
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    ok = subprocess.run(
        [sys.executable, "-m", "sidebyside", "text", str(page)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj\n<<")
    failed = subprocess.run(
        [sys.executable, "-m", "sidebyside", "text", str(broken)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )

    assert ok.returncode == 0, ok.stderr
    assert "Reservoirs were 61 percent full" in ok.stdout
    assert failed.returncode == 2
    assert failed.stdout == ""
    assert failed.stderr.strip().count("\n") == 0
    assert "broken.pdf" in failed.stderr and "Traceback" not in failed.stderr


def test_reading_a_plain_text_file_loads_no_window_web_or_pdf_reader(tmp_path: Path) -> None:
    """A command imports what it needs: `text` on a plain file starts in a blink."""
    note = tmp_path / "note.txt"
    note.write_text("A short line of text.\n", encoding="utf-8")
    script = (
        "import sys, contextlib, io\n"
        "from sidebyside.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['text', {str(note)!r}]) == 0\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'trafilatura', 'pypdfium2', 'numpy') or m.startswith("
        "'sidebyside.core.matching'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""


def test_json_lists_the_links_with_offsets_into_the_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "linked.md"
    path.write_text(
        "# Water report\n\nReservoirs were 61 percent full, [the agency said]"
        "(https://Water.example.gov/levels?utm_source=news).\n",
        encoding="utf-8",
    )
    assert main(["text", str(path), "--json"]) == 0

    data = json.loads(capsys.readouterr().out)
    [link] = data["links"]
    assert link["address"] == "https://water.example.gov/levels"
    assert link["text"] == "the agency said"
    assert data["text"][link["start"] : link["end"]] == "the agency said"
