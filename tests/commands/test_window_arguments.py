"""`sidebyside NAME`: a missing file or a mistyped subcommand is one line, status 2, no window."""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sidebyside import cli


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("NOSUCHFILE",), "no command or file \u201cNOSUCHFILE\u201d"),
        (("claimz",), "no command or file \u201cclaimz\u201d (did you mean \u201cclaims\u201d?)"),
        (("expotr", "--workspace", "w.sqlite"), "(did you mean \u201cexport\u201d?)"),
        (("Text",), "(did you mean \u201ctext\u201d?)"),
        (("missing.html",), "\u201cmissing.html\u201d does not exist."),
        (("article.md", "missing-source.pdf"), "\u201cmissing-source.pdf\u201d does not exist."),
    ],
)
def test_a_name_that_is_not_there_is_one_line_and_status_2(
    tmp_path: Path,
    args: tuple[str, ...],
    words: str,
    run_sidebyside: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    (tmp_path / "article.md").write_text("# A title\n\nSome words.\n", encoding="utf-8")

    result = run_sidebyside(*args, cwd=tmp_path)

    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("sidebyside: ")
    assert words in result.stderr
    assert not (tmp_path / "data").exists()  # no workspace was made: nothing started


def test_files_that_exist_still_open_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, window_runs: list[argparse.Namespace]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("claimz").write_text("Some words.\n", encoding="utf-8")  # a file, not a typo
    Path("source.txt").write_text("Other words.\n", encoding="utf-8")

    assert cli.main(["claimz", "source.txt"]) == 0

    assert [args.files for args in window_runs] == [["claimz", "source.txt"]]


def test_no_argument_still_opens_the_window(window_runs: list[argparse.Namespace]) -> None:
    assert cli.main([]) == 0
    assert cli.main(["--workspace", "some.sqlite"]) == 0

    assert [args.files for args in window_runs] == [[], []]


def test_a_command_whose_reader_stops_reading_ends_quietly(tmp_path: Path) -> None:
    """`sidebyside text FILE | head -1`: no traceback when head closes the pipe."""

    page = tmp_path / "long.txt"
    page.write_text("\n\n".join(f"Paragraph {n} of a long text." for n in range(20_000)))
    shown = subprocess.run(
        f"{sys.executable} -m sidebyside text {page} | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shown.stdout.strip() and "Traceback" not in shown.stderr, shown.stderr
