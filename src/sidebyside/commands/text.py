"""`sidebyside text FILE [--json]`: print the canonical text (or blocks and metadata) of a file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sidebyside.core.document import Document
from sidebyside.core.importers import import_file


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "text",
        help="print the text sidebyside reads from a file",
        description=(
            "Print the canonical text sidebyside reads from FILE (web page, PDF, Markdown, EPUB, "
            "DOCX, text): paragraphs separated by blank lines. With --json, print the blocks "
            "and metadata too."
        ),
    )
    parser.add_argument("file", metavar="FILE", type=Path, help="the document to read")
    parser.add_argument(
        "--json", action="store_true", help="print text, blocks and metadata as JSON"
    )


def run(args: argparse.Namespace) -> int:
    document = import_file(args.file)
    return write_output(render(document, as_json=args.json))


def render(document: Document, *, as_json: bool) -> str:
    """The text as printed: canonical text, or the document as JSON without its original bytes."""
    if as_json:
        data = {"original_name": document.original_name, **document.to_json()}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return document.text + "\n"


def write_output(output: str) -> int:
    """Print to stdout (a reader closing the pipe early is handled once, in `cli.main`)."""
    sys.stdout.write(output)
    sys.stdout.flush()
    return 0
