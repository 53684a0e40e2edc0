"""Command line: `sidebyside [FILE…]` opens the window; subcommands run the core headless.

Each subcommand lives in `sidebyside.commands.<name>` and offers
`add_parser(subparsers)` and `run(args) -> int`, so this module only dispatches.
Errors a reader can cause end with status 2 and one line on stderr.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import keyword
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sidebyside import __version__
from sidebyside.core.deep_links import is_claim_address, parse_claim_address
from sidebyside.core.errors import SidebysideError
from sidebyside.core.importers.formats import quoted

SUBCOMMANDS = (
    "text",
    "claims",
    "align",
    "export",
    "fetch",
    "fetch-linked",
    "import",
    "search",
    "articles",
)


class NoSuchCommandOrFile(SidebysideError):
    """The command line names a subcommand or a file that is not there."""


class AddressNotAlone(SidebysideError):
    """A `sidebyside://` address comes with files, a workspace or another address."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Every subcommand's parser, or with `only` just that one's: a command imports what
    it needs and no more (`text` on a small file loads no matcher and no Qt)."""
    parser = argparse.ArgumentParser(
        prog="sidebyside",
        description="Read an article beside its sources. Without a subcommand, open the window.",
    )
    parser.add_argument("--version", action="version", version=f"sidebyside {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS if only is None else (only,):
        module = _command_module(name)
        if module is not None:
            module.add_parser(subparsers)
    return parser


def build_window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sidebyside",
        description=(
            "Open the sidebyside window. FILE is an article to check; further files are "
            "added as its sources. A sidebyside://open?… address (as exports write) opens "
            "its workspace at its claim, in the running sidebyside if there is one. "
            "Subcommands: " + ", ".join(SUBCOMMANDS) + "."
        ),
    )
    parser.add_argument("--version", action="version", version=f"sidebyside {__version__}")
    parser.add_argument("files", nargs="*", metavar="FILE", help="article, then its sources")
    parser.add_argument("--workspace", metavar="PATH", help="workspace file (SQLite) to open")
    parser.add_argument(
        "--screenshot",
        metavar="OUT.png",
        help="open the window, wait for the first claim's matches, save a PNG and exit",
    )
    parser.add_argument(
        "--claim",
        type=int,
        default=1,
        metavar="N",
        help="with --screenshot: select the N-th claim instead of the first",
    )
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop",
        action="store_true",
        help="add sidebyside to the desktop's applications and to Open With for HTML, PDF, "
        "Markdown and EPUB files and sidebyside:// links (in $XDG_DATA_HOME), then exit",
    )
    desktop.add_argument(
        "--uninstall-desktop",
        action="store_true",
        help="take away what --install-desktop added, then exit",
    )
    return parser


def _command_module(name: str):  # type: ignore[no-untyped-def]
    # A subcommand named by a Python keyword lives in a module with a trailing "_" (import_),
    # one with a hyphen in a module with "_" for it (fetch-linked: fetch_linked).
    module = f"sidebyside.commands.{name.replace('-', '_')}" + (
        "_" if keyword.iskeyword(name) else ""
    )
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        if error.name == module:
            return None
        raise


def _check_command_or_file(name: str) -> None:
    """A first word that is neither a subcommand nor a file ends the run before any window:
    offscreen, a window on nothing would never exit."""
    if Path(name).exists():
        return
    close = difflib.get_close_matches(name.lower(), SUBCOMMANDS, n=1)
    if close:
        raise NoSuchCommandOrFile(
            f"no command or file {quoted(name)} (did you mean {quoted(close[0])}?)"
        )
    if not Path(name).suffix and "/" not in name:
        raise NoSuchCommandOrFile(f"no command or file {quoted(name)}")
    _check_file(name)


def _read_address(args: argparse.Namespace) -> None:
    """Tell a `sidebyside://` address from the files and read it (`args.address`, with
    `args.address_text` as given); a `file://` address, as desktops pass, is its file."""
    addresses = [name for name in args.files if is_claim_address(name)]
    args.files = [_local_path(name) for name in args.files if not is_claim_address(name)]
    args.address = args.address_text = None
    if not addresses:
        return
    if len(addresses) > 1 or args.files or args.workspace:
        raise AddressNotAlone(
            "a sidebyside:// address names its own workspace, article and claim: give it "
            "alone, without files, --workspace or another address."
        )
    args.address_text = addresses[0]
    args.address = parse_claim_address(addresses[0])


def _local_path(name: str) -> str:
    if name[:7].lower() != "file://":
        return name
    parts = urlsplit(name)
    if parts.netloc not in ("", "localhost"):
        raise NoSuchCommandOrFile(f"{quoted(name)} is not a file on this computer.")
    return unquote(parts.path)


def _check_file(name: str) -> None:
    if not Path(name).exists():
        raise NoSuchCommandOrFile(f"{quoted(name)} does not exist.")


def _desktop_integration(args: argparse.Namespace) -> int:
    from sidebyside import desktop_integration

    if args.files or args.workspace or args.screenshot:
        raise NoSuchCommandOrFile(
            "--install-desktop and --uninstall-desktop take no files, --workspace or --screenshot"
        )
    if args.install_desktop:
        print(desktop_integration.report_install(desktop_integration.install()))
    else:
        print(desktop_integration.report_uninstall(desktop_integration.uninstall()))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments and arguments[0] in SUBCOMMANDS:
            args = build_parser(arguments[0]).parse_args(arguments)
            return int(_command_module(args.command).run(args))
        if arguments and arguments[0] in ("-h", "--help") and len(arguments) == 1:
            build_window_parser().print_help()
            return 0
        first = arguments[0] if arguments else "-"
        if not first.startswith("-") and not is_claim_address(first) and "://" not in first:
            _check_command_or_file(first)
        args = build_window_parser().parse_args(arguments)
        if args.install_desktop or args.uninstall_desktop:
            return _desktop_integration(args)
        _read_address(args)
        for name in args.files:
            _check_file(name)
        from sidebyside.ui.app import run_app

        return run_app(args)
    except SidebysideError as error:
        print(f"sidebyside: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `sidebyside search … | head`: the reader has what they wanted
        _quiet_closed_stdout()
        return 0


def _quiet_closed_stdout() -> None:
    """Point stdout at /dev/null, so that Python's own flush at exit, on the pipe the
    reader closed, raises nothing more."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
