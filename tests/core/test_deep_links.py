"""`sidebyside://` addresses: what an export writes is what the window reads back."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidebyside.core.deep_links import (
    ClaimAddress,
    MalformedAddress,
    claim_address,
    is_claim_address,
    parse_claim_address,
)


@pytest.mark.parametrize(
    "workspace",
    [
        "/home/ana/work.sqlite",
        "/home/ana/Research (2024)/flood & rain #3/work space.sqlite",
        "/tmp/a+b=c?d%20e/Überschwemmung – 洪水.sqlite",
    ],
)
def test_an_address_reads_back_as_the_claim_it_was_made_for(workspace: str) -> None:
    address = claim_address(Path(workspace), 7, 42)

    assert address.startswith("sidebyside://open?workspace=/")
    assert " " not in address and "(" not in address and ")" not in address  # a Markdown link
    assert parse_claim_address(address) == ClaimAddress(Path(workspace), 7, 42)


def test_the_address_has_the_documented_form() -> None:
    assert claim_address(Path("/w/my work.sqlite"), 3, 12) == (
        "sidebyside://open?workspace=/w/my%20work.sqlite&article=3&claim=12"
    )


def test_a_relative_workspace_is_written_as_a_full_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    address = parse_claim_address(claim_address(Path("w.sqlite"), 1, 2))
    assert address.workspace == tmp_path / "w.sqlite"


def test_order_case_of_the_scheme_and_unknown_parameters_do_not_matter() -> None:
    address = "SideBySide://open/?claim=5&passage=9&article=2&workspace=/w.sqlite"
    assert parse_claim_address(address) == ClaimAddress(Path("/w.sqlite"), 2, 5)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("https://example.org/?claim=1", "is not a sidebyside:// address"),
        ("/home/ana/article.md", "is not a sidebyside:// address"),
        ("sidebyside:open?workspace=/w&article=1&claim=2", "should begin sidebyside://open?"),
        ("sidebyside://close?workspace=/w&article=1&claim=2", "should begin sidebyside://open?"),
        ("sidebyside://open/claim?workspace=/w&article=1&claim=2", "unexpected path"),
        ("sidebyside://open?article=1&claim=2", "does not say which workspace"),
        ("sidebyside://open?workspace=/w&claim=2", "does not say which article"),
        ("sidebyside://open?workspace=/w&article=1", "does not say which claim"),
        ("sidebyside://open", "does not say which workspace"),
        ("sidebyside://open?workspace=w.sqlite&article=1&claim=2", "by a full path"),
        ("sidebyside://open?workspace=/a%00b&article=1&claim=2", "by a full path"),
        ("sidebyside://open?workspace=/w&article=one&claim=2", "no article number"),
        ("sidebyside://open?workspace=/w&article=1&claim=-2", "no claim number"),
        ("sidebyside://open?workspace=/w&article=1&claim=0", "no claim number"),
        ("sidebyside://open?workspace=/w&article=1&claim=%D9%A3", "no claim number"),
        ("sidebyside://open?workspace=/w&article=1&claim=2&claim=3", "names its claim twice"),
        ("sidebyside://open?workspace=/%FF&article=1&claim=2", "not percent-encoded UTF-8"),
        ("sidebyside://open?workspace&article=1&claim=2", "without a value"),
    ],
)
def test_a_malformed_address_says_what_is_wrong(text: str, words: str) -> None:
    with pytest.raises(MalformedAddress) as raised:
        parse_claim_address(text)
    message = str(raised.value)
    assert words in message
    assert "\n" not in message


def test_a_long_or_control_laden_address_is_shown_on_one_short_line() -> None:
    text = "sidebyside://open?workspace=/w\n\x1b[2J" + "x" * 500
    with pytest.raises(MalformedAddress) as raised:
        parse_claim_address(text)
    message = str(raised.value)
    assert "\n" not in message and "\x1b" not in message
    assert len(message) < 250


def test_an_address_is_told_apart_from_a_file_name() -> None:
    assert is_claim_address("sidebyside://open?workspace=/w&article=1&claim=2")
    assert is_claim_address("SIDEBYSIDE:whatever")
    assert not is_claim_address("sidebyside.md")
    assert not is_claim_address("notes/sidebyside:draft.md")


def test_a_path_with_every_slash_encoded_reads_the_same() -> None:
    """Some writers encode "/" as %2F too (an early export did): the same address."""
    address = "sidebyside://open?workspace=%2Fhome%2Fana%2Fmy%20work.sqlite&article=1&claim=2"
    assert parse_claim_address(address) == ClaimAddress(Path("/home/ana/my work.sqlite"), 1, 2)
