"""`sidebyside fetch URL [-o FILE] [--json]`: fetch a page once and print or save what it says."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sidebyside.commands.text import render, write_output
from sidebyside.core.errors import SidebysideError
from sidebyside.core.fetching import fetch_url


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "fetch",
        help="fetch a web page and print its article text",
        description=(
            "Fetch URL (this is the only command that uses the network) and print the text "
            "sidebyside reads from it. With --json, print blocks and metadata, including "
            "the final address, the time retrieved and the content hash."
        ),
    )
    parser.add_argument("url", metavar="URL", help="the http:// or https:// address to fetch")
    parser.add_argument("-o", "--output", metavar="FILE", type=Path, help="save to FILE instead")
    parser.add_argument(
        "--json", action="store_true", help="print text, blocks and metadata as JSON"
    )
    parser.add_argument(
        "--timeout", type=float, default=20, metavar="SECONDS", help="give up after this long"
    )


def run(args: argparse.Namespace) -> int:
    document = fetch_url(args.url, timeout=args.timeout)
    output = render(document, as_json=args.json)
    if args.output is None:
        return write_output(output)
    try:
        args.output.write_text(output, encoding="utf-8")
    except OSError as error:
        raise SidebysideError(
            f"Could not save to \u201c{args.output}\u201d: {error.strerror or error}."
        ) from error
    return 0
