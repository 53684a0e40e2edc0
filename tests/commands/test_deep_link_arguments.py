"""`sidebyside sidebyside://open?…`: an address is told from a file before any window starts;
a bad one is one line and status 2."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from sidebyside import cli
from sidebyside.core.deep_links import ClaimAddress, claim_address


def test_an_address_opens_the_window_at_its_claim(
    tmp_path: Path, window_runs: list[argparse.Namespace]
) -> None:
    address = claim_address(tmp_path / "work.sqlite", 3, 17)

    assert cli.main([address]) == 0
    assert cli.main(["--screenshot", str(tmp_path / "shot.png"), address]) == 0

    assert [args.address for args in window_runs] == [
        ClaimAddress(tmp_path / "work.sqlite", 3, 17)
    ] * 2
    assert [args.files for args in window_runs] == [[], []]


def test_a_file_address_as_a_desktop_passes_it_is_its_file(
    tmp_path: Path, window_runs: list[argparse.Namespace]
) -> None:
    article = tmp_path / "my article.md"
    article.write_text("# A title\n\nSome words.\n", encoding="utf-8")

    assert cli.main([article.as_uri()]) == 0

    assert window_runs[0].files == [str(article)]
    assert window_runs[0].address is None


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("sidebyside://open?workspace=/w.sqlite&article=1",), "does not say which claim"),
        (("sidebyside:open",), "should begin sidebyside://open?"),
        (("sidebyside://open?workspace=/w&article=x&claim=1",), "no article number"),
        (
            ("sidebyside://open?workspace=/w&article=1&claim=2", "article.md"),
            "give it alone, without files",
        ),
        (
            ("--workspace", "w.sqlite", "sidebyside://open?workspace=/w&article=1&claim=2"),
            "give it alone, without files, --workspace",
        ),
        (("file://elsewhere/article.md",), "is not a file on this computer"),
        (("file:///nowhere/article.md",), "\u201c/nowhere/article.md\u201d does not exist."),
    ],
)
def test_a_bad_address_is_one_line_and_status_2(
    tmp_path: Path,
    args: tuple[str, ...],
    words: str,
    run_sidebyside: Callable[..., CompletedProcess[str]],
) -> None:
    (tmp_path / "article.md").write_text("# A title\n\nSome words.\n", encoding="utf-8")

    result = run_sidebyside(*args, cwd=tmp_path)

    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("sidebyside: ")
    assert words in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "data").exists()  # nothing started
