"""`sidebyside://` addresses of a claim: written into exports, opened by the window.

The one home of the format `sidebyside://open?workspace=<path>&article=<id>&claim=<id>`,
with the workspace's absolute path percent-encoded (UTF-8): the builder for the exports and
the parser for the command line and the running window.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from sidebyside.core.errors import SidebysideError
from sidebyside.core.importers.formats import quoted

SCHEME = "sidebyside"
_ACTION = "open"
_SHOWN_AT_MOST = 120  # characters of a bad address repeated in the error


class MalformedAddress(SidebysideError):
    """A `sidebyside://` address that cannot be read, or text that is not one."""


@dataclass(frozen=True)
class ClaimAddress:
    """Where a deep link points: a claim of an article in a workspace file."""

    workspace: Path
    article_id: int
    claim_id: int


def claim_address(workspace: Path, article_id: int, claim_id: int) -> str:
    """The `sidebyside://` address that opens the window at this claim and its passages."""
    path = quote(str(Path(workspace).absolute()), safe="/")
    return f"{SCHEME}://{_ACTION}?workspace={path}&article={int(article_id)}&claim={int(claim_id)}"


def is_claim_address(text: str) -> bool:
    """Whether `text` means to be a sidebyside address (well formed or not): what a
    command line tells apart from a file name."""
    return text[: len(SCHEME) + 1].lower() == f"{SCHEME}:"


def parse_claim_address(text: str) -> ClaimAddress:
    """The claim `text` points at; `MalformedAddress` (saying what is wrong) otherwise.
    Parameters it does not know are ignored, so later addresses still open here."""
    if not is_claim_address(text):
        raise MalformedAddress(f"{_shown(text)} is not a sidebyside:// address.")
    parts = urlsplit(text.strip())
    if not text.lower().startswith(f"{SCHEME}://") or parts.netloc.lower() != _ACTION:
        raise MalformedAddress(
            f"{_shown(text)} is not an address sidebyside can open "
            f"(it should begin {SCHEME}://{_ACTION}?)."
        )
    if parts.path not in ("", "/"):
        raise MalformedAddress(f"{_shown(text)} has an unexpected path {quoted(parts.path)}.")
    values = _query_values(text, parts.query)
    for name in ("workspace", "article", "claim"):
        if name not in values:
            raise MalformedAddress(f"{_shown(text)} does not say which {name} to open.")
    workspace = values["workspace"]
    if "\x00" in workspace or not Path(workspace).is_absolute():
        raise MalformedAddress(
            f"{_shown(text)} does not name its workspace by a full path ({quoted(workspace)})."
        )
    return ClaimAddress(
        Path(workspace), _number(text, values, "article"), _number(text, values, "claim")
    )


def _query_values(text: str, query: str) -> dict[str, str]:
    """The parameters, decoded with `unquote` (a `+` in a path stays a `+`)."""
    values: dict[str, str] = {}
    for pair in query.split("&"):
        if not pair:
            continue
        name, equals, value = pair.partition("=")
        if not equals:
            raise MalformedAddress(f"{_shown(text)} has a parameter without a value ({name}).")
        name = unquote(name)
        if name in values:
            raise MalformedAddress(f"{_shown(text)} names its {name} twice.")
        try:
            values[name] = unquote(value, errors="strict")
        except UnicodeDecodeError:
            raise MalformedAddress(
                f"{_shown(text)} has a {name} that is not percent-encoded UTF-8."
            ) from None
    return values


def _number(text: str, values: dict[str, str], name: str) -> int:
    value = values[name]
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise MalformedAddress(f"{_shown(text)} has no {name} number ({quoted(value)}).")
    return int(value)


def _shown(text: str) -> str:
    """The address as the error repeats it: on one line, and not too long to read."""
    if len(text) > _SHOWN_AT_MOST:
        text = text[: _SHOWN_AT_MOST - 1] + "\u2026"
    return f"The address {quoted(text)}"
