"""Writing the reader's work out (the read may run on a background thread)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sidebyside.core.errors import SidebysideError
from sidebyside.export.content import ExportContent, collect
from sidebyside.export.formats import (
    DEFAULT_FORMAT,
    FORMATS,
    ExportFormat,
    export_format,
    format_of,
)
from sidebyside.store import Workspace

__all__ = [
    "DEFAULT_FORMAT",
    "FORMATS",
    "ExportFormat",
    "export_format",
    "export_text",
    "format_of",
    "read_export",
    "write_export",
]


def read_export(workspace: Workspace, article_ids: Sequence[int]) -> ExportContent:
    """What goes out of these articles, read in one go: claims, the passages the reader
    stands behind, differences, verdicts, tags and notes."""
    reports = [workspace.article_report(article_id) for article_id in article_ids]
    return collect(reports, workspace=workspace.path)


def export_text(
    workspace: Workspace, article_ids: Sequence[int], format: str = DEFAULT_FORMAT
) -> str:
    """These articles in `format` ("markdown", "csv", …; see `export.formats.FORMATS`)."""
    return export_format(format).render(read_export(workspace, article_ids))


def write_export(
    workspace: Workspace,
    article_ids: Sequence[int],
    path: Path,
    format: str = DEFAULT_FORMAT,
) -> Path:
    """Write the export to `path`, whole or not at all (a partial file never replaces it).
    The bytes are written as they are: no line endings are translated."""
    chosen = export_format(format)
    data = chosen.render(read_export(workspace, article_ids)).encode(chosen.encoding)
    path = Path(path)
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise SidebysideError(f"cannot write {path}: {error.strerror or error}") from error
    return path
